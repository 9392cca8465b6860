// Request and response schemas for outbound campaigns. The schemas check shapes and types only: the ranges
// (name length, priority, attempts, window hours, abandon cap…) are the use case's, so each comes back as a
// 400 naming the field with a code of its own (functions/app/campaigns/settings-issues.ts).

import { z } from '@hono/zod-openapi';
import { WEEKDAYS } from '../../domain/campaigns/calling-window.js';
import {
  ATTEMPT_OUTCOMES,
  CAMPAIGN_STATUSES,
  CONTACT_STATUSES,
  DEFAULT_DISPOSITIONS,
  DIAL_MODES,
} from '../../domain/campaigns/campaign.js';
import { REJECT_REASONS } from '../../domain/campaigns/contact-list.js';
import { IsoDateTime, listOf, PageQuery, Version } from './common-schemas.js';

const Text = (max: number) => z.string().max(max);
const Bilingual = (max: number) => z.object({ zh: Text(max), en: Text(max) }).strict();

const Disposition = z
  .object({
    code: Text(100).openapi({ example: 'interested' }),
    label: Bilingual(200),
    success: z.boolean().optional().openapi({ description: 'Counts as a conversion.' }),
    final: z.boolean().optional().openapi({ description: 'The contact is not called again.' }),
  })
  .strict();

const Window = z
  .object({
    start: Text(10).openapi({
      example: '09:00',
      description: "HH:MM in the contact's time, 08:00 at the earliest",
    }),
    end: Text(10).openapi({
      example: '20:00',
      description: "HH:MM in the contact's time, 21:00 at the latest",
    }),
    weekdays: z
      .array(z.enum(WEEKDAYS))
      .max(7)
      .optional()
      .openapi({ description: 'mon to sun, in the contact’s time; every day when absent' }),
  })
  .strict();

const Retry = z
  .object({
    maxAttempts: z.number().openapi({ description: '1 to 20 calls per contact', example: 3 }),
    // Minutes before the next attempt after each outcome: 1 to 10080.
    busy: z.number().openapi({ example: 10 }),
    'no-answer': z.number().openapi({ example: 60 }),
    machine: z.number().openapi({ example: 240 }),
    failed: z.number().openapi({ example: 30 }),
  })
  .strict();

/** Every settings field, none defaulted: the update takes any of them. */
const SettingsFields = {
  name: Text(500).openapi({ description: '1 to 80 characters', example: 'Renewal reminders, March' }),
  mode: z.enum(DIAL_MODES),
  callerId: Text(32).openapi({ description: "One of the center's numbers", example: '+864008001234' }),
  queue: Text(40).openapi({ description: 'The skill whose agents take answered calls', example: 'policy' }),
  priority: z.number().openapi({ description: '0 to 100; inbound callers wait at 0-50' }),
  language: z.enum(['zh', 'en']),
  scriptId: Text(80).optional(),
  questionnaireId: Text(80).optional(),
  dispositions: z
    .array(Disposition)
    .max(100)
    .openapi({ description: '1 to 30, codes unique and lower-case' }),
  window: Window,
  retry: Retry,
  machine: z.enum(['message', 'retry', 'hang-up']),
  message: Bilingual(1000)
    .optional()
    .openapi({ description: 'Required in broadcast mode and when machine is message' }),
  abandonCap: z.number().openapi({ description: '0.005 to 0.1', example: 0.03 }),
  maxHoldSeconds: z.number().openapi({ description: '1 to 30', example: 5 }),
  startAt: IsoDateTime.optional(),
  endAt: IsoDateTime.optional(),
};

export const NewCampaignBody = z
  .object({
    ...SettingsFields,
    priority: SettingsFields.priority.default(0),
    language: SettingsFields.language.default('zh'),
    dispositions: SettingsFields.dispositions.default(() =>
      DEFAULT_DISPOSITIONS.map((d) => ({ ...d, label: { ...d.label } })),
    ),
    window: Window.default({ start: '09:00', end: '20:00' }),
    retry: Retry.default({ maxAttempts: 3, busy: 10, 'no-answer': 60, machine: 240, failed: 30 }),
    machine: SettingsFields.machine.default('retry'),
    abandonCap: SettingsFields.abandonCap.default(0.03),
    maxHoldSeconds: SettingsFields.maxHoldSeconds.default(5),
  })
  .strict()
  .openapi('NewCampaign');

export const CampaignUpdateBody = z
  .object({ version: Version, ...SettingsFields })
  .partial()
  .required({ version: true })
  .strict()
  .openapi('CampaignUpdate');

const Counts = z.object({
  contacts: z.number(),
  pending: z.number(),
  done: z.number(),
  attempts: z.number(),
  humans: z.number(),
  machines: z.number(),
  noAnswer: z.number(),
  busy: z.number(),
  failed: z.number(),
  abandoned: z.number(),
  optedOut: z.number(),
  conversions: z.number(),
  inFlight: z.number(),
});

export const CampaignSchema = z
  .object({
    id: z.string(),
    status: z.enum(CAMPAIGN_STATUSES),
    ...SettingsFields,
    dispositions: listOf(Disposition),
    window: Window.extend({ weekdays: listOf(z.enum(WEEKDAYS)).optional() }),
    startAt: z.string().optional(),
    endAt: z.string().optional(),
    counts: Counts,
    dispositionCounts: z.record(z.string(), z.number()),
    dialRatio: z.number(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Campaign');

export const CampaignListSchema = z
  .object({
    items: listOf(CampaignSchema),
    choices: z.object({
      callerIds: listOf(z.string()),
      queues: listOf(z.string()),
      scripts: listOf(z.object({ name: z.string(), titles: z.object({ zh: z.string(), en: z.string() }) })),
      questionnaires: listOf(
        z.object({ id: z.string(), name: z.object({ zh: z.string(), en: z.string() }) }),
      ),
    }),
  })
  .openapi('CampaignList');

export const CampaignParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const ContactsQuery = PageQuery;

export const CsvJsonBody = z.object({ csv: z.string() }).strict().openapi('ContactListCsv');

const Bilingual2 = z.object({ zh: z.string(), en: z.string() });

const Rejected = z.object({
  row: z.number().int().openapi({ description: 'The data row, 1 being the first after the header' }),
  line: z.number().int().openapi({ description: 'The line of the file it starts on' }),
  raw: z.string().openapi({ description: 'The phone cell as written (the whole row when malformed)' }),
  reason: z.enum(REJECT_REASONS),
  message: Bilingual2,
  duplicateOf: z
    .number()
    .int()
    .optional()
    .openapi({ description: 'For a duplicate: the row holding the number' }),
});

export const PreviewSchema = z
  .object({
    counts: z.object({
      rows: z.number().int(),
      accepted: z.number().int(),
      rejected: z.number().int(),
      missing: z.number().int(),
      invalid: z.number().int(),
      duplicate: z.number().int(),
      optedOut: z.number().int(),
      doNotCall: z.number().int(),
      badTimezone: z.number().int(),
      tooLong: z.number().int(),
      malformed: z.number().int(),
    }),
    rejected: listOf(Rejected),
    variables: listOf(z.string()),
  })
  .openapi('ContactListPreview');

export const ImportSchema = PreviewSchema.extend({ added: z.number().int() }).openapi('ContactImport');

export const ContactSchema = z
  .object({
    campaignId: z.string(),
    id: z.string(),
    phone: z.string(),
    name: z.string().optional(),
    customerId: z.string().optional(),
    timeZone: z.string().optional(),
    region: z.string().optional(),
    tier: z.string().optional(),
    language: z.enum(['zh', 'en']).optional(),
    vars: z.record(z.string(), z.string()),
    status: z.enum(CONTACT_STATUSES),
    attempts: z.number().int(),
    nextAt: z.string().optional(),
    lastOutcome: z.enum(ATTEMPT_OUTCOMES).optional(),
    disposition: z.string().optional(),
    agentId: z.string().optional(),
    callSid: z.string().optional(),
    history: listOf(
      z.object({
        at: z.string(),
        outcome: z.enum(ATTEMPT_OUTCOMES),
        callSid: z.string().optional(),
        agentId: z.string().optional(),
      }),
    ),
    version: z.number().int(),
  })
  .openapi('CampaignContact');
