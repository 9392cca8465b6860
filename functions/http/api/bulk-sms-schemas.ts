// Request and response shapes of the bulk SMS routes (bulk-sms-routes.ts). The body's shape is checked here;
// what it means (a template that exists, quiet hours no shorter than the law's, a rate in range) is checked
// by the domain, which names each field with a stable code.
import { z } from '@hono/zod-openapi';
import { BULK_SMS_STATUSES, RECIPIENT_STATUSES } from '../../domain/bulk-sms.js';
import { VIP_TIERS } from '../../domain/model.js';
import { listOf } from './common-schemas.js';

const Text = z.string().max(1000);
const HhMm = z.string().max(5).openapi({ example: '21:00' });

const MessageSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('template'), templateId: z.string().min(1).max(40) }).strict(),
    z.object({ kind: z.literal('text'), text: z.object({ zh: Text, en: Text }).strict() }).strict(),
  ])
  .openapi('BulkSmsMessage');

const SegmentFields = {
  tier: z.enum(VIP_TIERS).optional(),
  region: z.string().trim().min(1).max(60).optional(),
  lastContactBefore: z.string().max(30).optional().openapi({ example: '2026-01-01' }),
  lastContactAfter: z.string().max(30).optional(),
};

const AudienceSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('campaign'), campaignId: z.string().min(1).max(100) }).strict(),
    z
      .object({
        kind: z.literal('csv'),
        csv: z
          .string()
          .min(1)
          .max(3_000_000)
          .openapi({ description: 'The list as UTF-8 CSV text, header first.' }),
        fileName: z.string().max(200).optional(),
      })
      .strict(),
    z.object({ kind: z.literal('segment'), ...SegmentFields }).strict(),
  ])
  .openapi('BulkSmsAudience');

const QuietHoursSchema = z.object({ from: HhMm, until: HhMm }).strict();

export const BulkSmsCreateBody = z
  .object({
    name: z.string().max(200),
    message: MessageSchema,
    audience: AudienceSchema,
    language: z.enum(['zh', 'en']).optional(),
    ratePerMinute: z.number().int().optional().openapi({ example: 60 }),
    quietHours: QuietHoursSchema.optional(),
  })
  .strict()
  .openapi('BulkSmsCreate', {
    example: {
      name: 'Spring check-up reminder',
      message: {
        kind: 'text',
        text: { zh: '{name}您好，春季保养提醒。', en: 'Dear {name}, time for your spring check-up.' },
      },
      audience: { kind: 'segment', tier: 'gold' },
      ratePerMinute: 60,
      quietHours: { from: '21:00', until: '08:00' },
    },
  });

const Counts = z.object(
  Object.fromEntries(RECIPIENT_STATUSES.map((s) => [s, z.number().int()])) as Record<
    (typeof RECIPIENT_STATUSES)[number],
    z.ZodNumber
  >,
);

export const BulkSmsSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(BULK_SMS_STATUSES),
    message: MessageSchema,
    texts: z.object({ zh: z.string(), en: z.string() }),
    audience: z.object({ kind: z.enum(['campaign', 'csv', 'segment']) }).passthrough(),
    language: z.enum(['zh', 'en']),
    ratePerMinute: z.number().int(),
    quietHours: z.object({ from: z.string(), until: z.string() }),
    sender: z.string(),
    recipients: z.number().int(),
    counts: Counts,
    report: Counts.extend({
      skipped: z.number().int(),
      toSend: z.number().int(),
      deliveryRate: z
        .number()
        .nullable()
        .openapi({ description: 'Delivered among the texts Twilio accepted.' }),
    }).openapi({ description: 'Recipients by status, the skipped ones by reason, and the delivery rate.' }),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
    version: z.number().int(),
  })
  .openapi('BulkSms');

export const RecipientSchema = z
  .object({
    sendId: z.string(),
    id: z.string(),
    phone: z.string(),
    name: z.string().optional(),
    customerId: z.string().optional(),
    timeZone: z.string().optional(),
    language: z.enum(['zh', 'en']),
    body: z.string().optional(),
    status: z.enum(RECIPIENT_STATUSES),
    dueAt: z.string().optional(),
    messageSid: z.string().optional(),
    error: z.string().optional(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('BulkSmsRecipient');

export const BulkSmsCreated = z
  .object({ send: BulkSmsSchema, preview: listOf(RecipientSchema) })
  .openapi('BulkSmsCreated');

export const BulkIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'm8x2k1qa3f9c2b7d' }),
});

export const BulkActionParam = BulkIdParam.extend({
  action: z.enum(['start', 'pause', 'cancel']).openapi({ param: { name: 'action', in: 'path' } }),
});
