// Schemas of the voicemail API: a voicemail with its mailbox, the list query (mailbox, status) and the
// callback answer.
import { z } from '@hono/zod-openapi';
import { VOICEMAIL_STATUSES } from '../../domain/model.js';
import { MAILBOX_PATTERN } from '../../domain/voicemail-box.js';
import { PageQuery, pageOf, Stamps } from './common-schemas.js';
import { TaskSchema } from './task-schemas.js';

export const VoicemailSchema = z
  .object({
    recordingSid: z.string(),
    mailbox: z.string().openapi({ example: 'queue:claims' }),
    callSid: z.string(),
    caller: z.string(),
    called: z.string(),
    customerId: z.string().optional(),
    queue: z.string(),
    agentId: z.string().optional(),
    language: z.enum(['zh', 'en']),
    durationSeconds: z.number(),
    status: z.enum(VOICEMAIL_STATUSES),
    taskId: z.string().optional(),
    reason: z.string(),
    handledBy: z.string().optional(),
    handledAt: z.string().optional(),
    /** False until the worker has the media in S3 (listening answers 422 until then). */
    stored: z.boolean(),
    customerName: z.string().optional(),
    ...Stamps,
  })
  .openapi('Voicemail');

export const VoicemailPage = pageOf(VoicemailSchema)
  .extend({
    timeZone: z.string().openapi({ description: "The center's IANA time zone.", example: 'Asia/Shanghai' }),
  })
  .openapi('VoicemailPage');

export const VoicemailQuery = PageQuery.extend({
  mailbox: z.string().regex(MAILBOX_PATTERN).optional().openapi({
    description:
      "`agent:<id>` or `queue:<name>`. Without it: agents get their own box and their skills' queues, supervisors every box.",
  }),
  status: z.enum(VOICEMAIL_STATUSES).optional().openapi({ description: 'Default new.' }),
});

export const VoicemailSidParam = z.object({
  sid: z
    .string()
    .regex(/^RE[0-9a-f]{32}$/)
    .openapi({ param: { name: 'sid', in: 'path' }, example: `RE${'0'.repeat(32)}` }),
});

export const CallbackSchema = z
  .object({ task: TaskSchema, created: z.boolean() })
  .openapi('VoicemailCallback', {
    description: 'The callback task (an open one is reused and given to you).',
  });

export const AssignBody = z
  .object({
    agentId: z.string().min(1).max(64).optional().openapi({
      description: 'The agent whose box the message moves to; without it, your own.',
      example: '1001',
    }),
  })
  .openapi('VoicemailAssign');
