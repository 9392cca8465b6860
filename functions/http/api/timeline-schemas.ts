// The customer timeline's entries: one shape per kind, told apart by `kind`.
import { z } from '@hono/zod-openapi';
import { listOf } from './common-schemas.js';

const at = z.string().openapi({ description: 'When it happened (ISO 8601, UTC).' });
const label = z.object({ zh: z.string().optional(), en: z.string().optional() });

const CallEntry = z.object({
  kind: z.literal('call'),
  at,
  callSid: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  from: z.string(),
  to: z.string(),
  status: z.string(),
  agentId: z.string().optional(),
  queue: z.string().optional(),
  durationSeconds: z.number().optional(),
  disposition: z.string().optional(),
  dispositionLabel: label.optional(),
  notes: z.string().optional(),
  ticketNumbers: listOf(z.string()),
});

const RecordingEntry = z.object({
  kind: z.literal('recording'),
  at,
  sid: z.string(),
  callSid: z.string().optional(),
  agentId: z.string().optional(),
  durationSeconds: z.number(),
  channels: z.union([z.literal(1), z.literal(2)]),
  playable: z.boolean().openapi({ description: 'Whether you may play it.' }),
});

const VoicemailEntry = z.object({
  kind: z.literal('voicemail'),
  at,
  recordingSid: z.string(),
  callSid: z.string(),
  mailbox: z.string(),
  durationSeconds: z.number(),
  status: z.string(),
  reason: z.string(),
  playable: z.boolean(),
});

const SmsEntry = z.object({
  kind: z.literal('sms'),
  at,
  sid: z.string(),
  direction: z.string(),
  body: z.string(),
  status: z.string(),
  agentId: z.string().optional(),
});

const TicketEntry = z.object({
  kind: z.literal('ticket'),
  at,
  number: z.string(),
  ticketType: z.string(),
  status: z.string(),
  subject: z.string(),
});

const NoteEntry = z.object({
  kind: z.literal('note'),
  at,
  ticketNumber: z.string(),
  by: z.string(),
  text: z.string(),
});

const TaskEntry = z.object({
  kind: z.literal('task'),
  at,
  id: z.string(),
  taskKind: z.string(),
  status: z.string(),
  dueAt: z.string(),
  assigneeId: z.string().optional(),
  ticketNumber: z.string().optional(),
  note: z.string().optional(),
});

const FaxEntry = z.object({
  kind: z.literal('fax'),
  at,
  id: z.string(),
  pages: z.number().optional(),
  ticketNumber: z.string().optional(),
});

export const TimelineSchema = z
  .object({
    items: listOf(
      z.discriminatedUnion('kind', [
        CallEntry,
        RecordingEntry,
        VoicemailEntry,
        SmsEntry,
        TicketEntry,
        NoteEntry,
        TaskEntry,
        FaxEntry,
      ]),
    ),
    timeZone: z.string().openapi({ description: "The center's time zone, to show times on its clock." }),
  })
  .openapi('CustomerTimeline', {
    description:
      'Calls, recordings, voicemails, texts, tickets and their notes, tasks and faxes, newest first.',
  });
