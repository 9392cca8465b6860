// Request and response schemas for quality scoring; the rules a form or a score must meet beyond shape
// (ids, points, every criterion marked) are the domain's, so they come back as 400s naming the field.
import { z } from '@hono/zod-openapi';
import { QA_MARKS } from '../../domain/quality/score.js';
import { IsoDate, listOf, PageQuery, Version } from './common-schemas.js';
import { RecordingSchema } from './recording-schemas.js';

const Bilingual = z
  .object({ zh: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) })
  .strict();

const Criterion = z
  .object({
    id: z.string().min(1).max(48),
    name: Bilingual,
    points: z.number().int().min(0).max(100),
    autoFail: z.boolean().default(false),
  })
  .strict();

const Section = z
  .object({ id: z.string().min(1).max(48), name: Bilingual, criteria: z.array(Criterion).min(1).max(50) })
  .strict();

const FormFields = { name: Bilingual, sections: z.array(Section).min(1).max(20) };

export const NewQaFormBody = z
  .object({ id: z.string().min(1).max(48).openapi({ example: 'telecom-service' }), ...FormFields })
  .strict()
  .openapi('NewQaForm');

export const QaFormUpdateBody = z
  .object({ version: Version, ...FormFields })
  .strict()
  .openapi('QaFormUpdate');

export const QaFormSchema = z
  .object({
    id: z.string(),
    name: Bilingual,
    sections: listOf(
      z.object({
        id: z.string(),
        name: Bilingual,
        criteria: listOf(
          z.object({ id: z.string(), name: Bilingual, points: z.number(), autoFail: z.boolean() }),
        ),
      }),
    ),
    version: z.number().int(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .openapi('QaForm');

export const QaFormParam = z.object({ id: z.string().min(1).max(48) });
export const QaFormQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

const Mark = z.enum(QA_MARKS as unknown as readonly ['pass', 'fail', 'na']);

const Comment = z
  .object({
    atSeconds: z.number().min(0).openapi({ description: 'Seconds from the start of the recording.' }),
    text: z.string().trim().min(1).max(500),
  })
  .strict();

export const NewQaScoreBody = z
  .object({
    recordingSid: z.string().min(1).max(64),
    formId: z.string().min(1).max(48),
    marks: z.record(z.string(), Mark).openapi({ description: 'pass, fail or na for every criterion id' }),
    comments: z.array(Comment).max(100).default([]),
    overall: z.string().trim().max(2000).default(''),
  })
  .strict()
  .openapi('NewQaScore');

const Result = z.object({
  points: z.number(),
  maxPoints: z.number(),
  percent: z.number(),
  autoFailed: z.boolean(),
  autoFails: listOf(z.string()),
});

const Dispute = z.object({
  reason: z.string(),
  by: z.string(),
  at: z.string(),
  state: z.enum(['open', 'resolved']),
  outcome: z.enum(['upheld', 'overturned']).optional(),
  note: z.string().optional(),
  resolvedBy: z.string().optional(),
  resolvedAt: z.string().optional(),
});

export const QaScoreSchema = z
  .object({
    id: z.string(),
    recordingSid: z.string(),
    callSid: z.string().optional(),
    agentId: z.string(),
    callStartedAt: z.string(),
    formId: z.string(),
    formVersion: z.number().int(),
    marks: z.record(z.string(), Mark),
    comments: listOf(Comment),
    overall: z.string(),
    result: Result,
    scoredBy: z.string(),
    scoredAt: z.string(),
    version: z.number().int(),
    dispute: Dispute.optional(),
  })
  .openapi('QaScore');

export const QaScoreParam = z.object({ id: z.string().min(1).max(64) });
export const QaRecordingParam = z.object({ sid: z.string().min(1).max(64) });

export const DisputeBody = z
  .object({ version: Version, reason: z.string().trim().min(1).max(1000) })
  .strict()
  .openapi('QaDisputeBody');

export const ResolveBody = z
  .object({
    version: Version,
    outcome: z.enum(['upheld', 'overturned']),
    note: z.string().trim().min(1).max(1000),
  })
  .strict()
  .openapi('QaResolveBody');

export const QaRangeQuery = z.object({ from: IsoDate, to: IsoDate });

export const QaQueueQuery = PageQuery.extend({
  from: IsoDate,
  to: IsoDate,
  agent: z.string().min(1).max(64).optional(),
  sample: z.coerce.number().int().min(0).max(50).optional().openapi({
    description: 'Sample: this many calls per agent per week, plus complaints and flagged calls.',
  }),
  seed: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({ description: 'The draw; the same seed, the same calls.' }),
});

const Flag = z.object({
  kind: z.enum(['prohibited', 'missing']),
  ruleId: z.string(),
  name: Bilingual,
  heard: z.string().optional(),
  atSeconds: z.number().optional(),
});

export const TranscriptSchema = z
  .object({
    recordingSid: z.string(),
    state: z.enum(['pending', 'ready']),
    providerId: z.string().optional(),
    agentId: z.string(),
    callStartedAt: z.string(),
    sentences: listOf(
      z.object({
        channel: z.union([z.literal(1), z.literal(2)]),
        speaker: z.enum(['customer', 'agent']),
        startSeconds: z.number(),
        endSeconds: z.number(),
        text: z.string(),
      }),
    ),
    source: z.string(),
    flags: listOf(Flag),
    storedAt: z.string(),
  })
  .openapi('Transcript');

const Rule = z
  .object({
    id: z.string().min(1).max(48),
    name: Bilingual,
    phrases: z.array(z.string().trim().min(1).max(100)).min(1).max(50),
  })
  .strict();

export const PhraseRulesBody = z
  .object({ prohibited: z.array(Rule).max(100), required: z.array(Rule).max(100) })
  .strict()
  .openapi('PhraseRulesBody');

const RuleOut = z.object({ id: z.string(), name: Bilingual, phrases: listOf(z.string()) });
export const PhraseRulesSchema = z
  .object({ prohibited: listOf(RuleOut), required: listOf(RuleOut) })
  .openapi('PhraseRules');

export const QaQueueItemSchema = z
  .object({
    recording: RecordingSchema,
    scores: listOf(
      z.object({
        id: z.string(),
        scoredBy: z.string(),
        scoredAt: z.string(),
        result: Result,
        dispute: Dispute.optional(),
      }),
    ),
    transcript: z.object({ state: z.enum(['pending', 'ready']), flags: listOf(Flag) }).optional(),
    reasons: listOf(z.enum(['random', 'complaint', 'flagged'])).optional(),
  })
  .openapi('QaQueueItem');

export const QualityReportQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  agent: z.string().min(1).max(64).optional(),
});

export const QualityReportSchema = z
  .object({
    rows: listOf(
      z.object({
        agent: z.string(),
        scored: z.number().int(),
        average: z.number().nullable(),
        autoFails: z.number().int(),
        openDisputes: z.number().int(),
        overturned: z.number().int(),
        flagged: z.number().int(),
      }),
    ),
  })
  .openapi('QualityReport');
