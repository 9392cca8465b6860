// Request and response shapes of the report routes, for validation and the OpenAPI document.
import { z } from '@hono/zod-openapi';
import { ABANDON_THRESHOLDS, ANSWER_THRESHOLDS } from '../../domain/history/measures.js';
import { GROUP_BY } from '../../domain/history/report.js';
import { IsoDate, listOf } from './common-schemas.js';

const Lang = z
  .enum(['zh', 'en'])
  .optional()
  .openapi({ description: 'Language of the CSV headers; zh by default.' });
const Format = z.enum(['json', 'csv']).optional().openapi({ description: 'csv: UTF-8 with BOM, for Excel.' });
const Range = {
  from: IsoDate.openapi({ description: 'First local date (the center time zone).' }),
  to: IsoDate.openapi({ description: 'Last local date, included; at most 400 days after `from`.' }),
};
const oneOf = (values: readonly number[], description: string) =>
  z.coerce
    .number()
    .refine((v) => values.includes(v), { message: `must be one of ${values.join(', ')}` })
    .optional()
    .openapi({ description });

export const KpiQuery = z.object({
  ...Range,
  groupBy: z.enum(GROUP_BY).openapi({ description: 'A span of local time, or a dimension.' }),
  agent: z.string().min(1).max(64).optional(),
  queue: z.string().min(1).max(64).optional(),
  hotline: z.string().min(1).max(64).optional(),
  region: z.string().min(1).max(64).optional(),
  language: z.string().min(1).max(8).optional(),
  tier: z.string().min(1).max(32).optional(),
  slSeconds: oneOf(ANSWER_THRESHOLDS, 'Service-level threshold in seconds; 20 by default.'),
  shortAbandonSeconds: oneOf(ABANDON_THRESHOLDS, 'Short-abandon threshold in seconds; 5 by default.'),
  format: Format,
  lang: Lang,
});

const Values = z.record(z.string(), z.number().nullable());

export const KpiReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    timeZone: z.string(),
    groupBy: z.string(),
    options: z.object({ serviceLevelSeconds: z.number(), shortAbandonSeconds: z.number() }),
    kpis: listOf(
      z.object({
        id: z.string(),
        class: z.enum(['service', 'efficiency', 'quality', 'marketing']),
        en: z.string(),
        zh: z.string(),
        unit: z.enum(['count', 'percent', 'seconds', 'score', 'per-hour']),
      }),
    ),
    rows: listOf(z.object({ key: z.string(), values: Values })),
    total: z.object({ values: Values }),
  })
  .openapi('KpiReport');

export const CallLogQuery = z.object({
  ...Range,
  agent: z.string().min(1).max(64).optional(),
  queue: z.string().min(1).max(64).optional(),
  hotline: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional().openapi({ description: '50 by default.' }),
  cursor: z.string().max(400).optional(),
  format: Format,
  lang: Lang,
});

const Seconds = z.number().optional();
export const CallLogSchema = z
  .object({
    items: listOf(
      z.object({
        callSid: z.string(),
        startedAt: z.string(),
        endedAt: z.string().optional(),
        direction: z.string(),
        from: z.string(),
        to: z.string(),
        hotline: z.string().optional(),
        customerId: z.string().optional(),
        queue: z.string().optional(),
        agentId: z.string().optional(),
        outcome: z.enum(['answered', 'abandoned', 'voicemail', 'callback', 'ivr', 'missed', 'outbound']),
        waitSeconds: Seconds,
        talkSeconds: Seconds,
        holdSeconds: Seconds,
        wrapSeconds: Seconds,
        recordingSids: listOf(z.string()),
        ticketNumbers: listOf(z.string()),
        disposition: z.string().optional(),
        path: listOf(
          z.object({
            at: z.string(),
            type: z.string(),
            agent: z.string().optional(),
            queue: z.string().optional(),
          }),
        ),
      }),
    ),
    cursor: z.string().optional(),
  })
  .openapi('CallLog');

export const AgentStatesQuery = z.object({
  ...Range,
  agent: z.string().min(1).max(64).optional(),
  format: Format,
  lang: Lang,
});

export const AgentStatesSchema = z
  .object({
    rows: listOf(
      z.object({
        agent: z.string(),
        day: z.string(),
        availableSeconds: z.number(),
        busySeconds: z.number(),
        wrapSeconds: z.number(),
        awaySeconds: z.number(),
        loggedInSeconds: z.number(),
        handled: z.number(),
        handleSeconds: z.number(),
      }),
    ),
  })
  .openapi('AgentStates');
