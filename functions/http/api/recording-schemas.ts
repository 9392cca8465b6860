// Schemas of the recordings API: stored recording metadata, the search query, playback links and the
// pause/resume body.
import { z } from '@hono/zod-openapi';
import { IsoDateTime, listOf, PageQuery, Stamps } from './common-schemas.js';

export const RecordingSchema = z
  .object({
    sid: z.string(),
    kind: z.enum(['call', 'voicemail']),
    callSid: z.string().optional(),
    conferenceSid: z.string().optional(),
    voicemailId: z.string().optional(),
    startedAt: z.string(),
    durationSeconds: z.number(),
    channels: z.union([z.literal(1), z.literal(2)]),
    source: z.string(),
    caller: z.string().optional(),
    agentId: z.string().optional(),
    customerId: z.string().optional(),
    ticketNumbers: listOf(z.string()),
    queue: z.string().optional(),
    s3Key: z.string(),
    contentType: z.string(),
    sizeBytes: z.number(),
    sha256: z.string(),
    storedAt: z.string(),
    twilioDeletedAt: z.string().optional(),
    ...Stamps,
  })
  .openapi('Recording');

export const RecordingQuerySchema = PageQuery.extend({
  from: IsoDateTime.optional().openapi({ description: 'Started at or after.' }),
  to: IsoDateTime.optional().openapi({ description: 'Started at or before.' }),
  agentId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({ description: 'Agents may only give their own id.' }),
  caller: z.string().min(3).max(32).optional().openapi({ description: 'Caller number, any format.' }),
  customerId: z.string().min(1).max(64).optional(),
  ticket: z.string().min(3).max(32).optional(),
  queue: z.string().min(1).max(64).optional(),
});

export const RecordingSidParam = z.object({
  sid: z
    .string()
    .regex(/^RE[0-9a-f]{32}$/)
    .openapi({ param: { name: 'sid', in: 'path' }, example: `RE${'0'.repeat(32)}` }),
});

export const PlaybackSchema = z
  .object({ url: z.string(), expiresAt: z.string(), contentType: z.string() })
  .openapi('Playback');

export const CallSidParam = z.object({
  callSid: z
    .string()
    .regex(/^CA[0-9a-f]{32}$/)
    .openapi({ param: { name: 'callSid', in: 'path' } }),
});

export const RecordingControlBody = z
  .object({ action: z.enum(['pause', 'resume']) })
  .openapi('RecordingControl', { description: 'pause (e.g. while a card number is read out) or resume.' });
