// Request and response schemas for tickets; the status workflow itself lives in domain/ticket-workflow.
import { z } from '@hono/zod-openapi';
import { PRIORITIES, ROLES, TICKET_EVENT_KINDS, TICKET_STATUSES, TICKET_TYPES } from '../../domain/model.js';
import { TICKET_NUMBER_PATTERN } from '../../domain/ticket-workflow.js';
import { IsoDateTime, listOf, PageQuery, Stamps, Version } from './common-schemas.js';

const Fields = z.record(z.string().min(1).max(64), z.string().max(2000));

export const TicketSchema = z
  .object({
    number: z.string().openapi({ example: 'CLM-2026-000123' }),
    type: z.enum(TICKET_TYPES),
    status: z.enum(TICKET_STATUSES),
    priority: z.enum(PRIORITIES),
    subject: z.string(),
    description: z.string().optional(),
    customerId: z.string().optional(),
    assetId: z.string().optional(),
    policyNumber: z.string().optional(),
    assigneeId: z.string().optional(),
    dueAt: z.string().optional(),
    callSids: listOf(z.string()),
    recordingSids: listOf(z.string()),
    fields: z.record(z.string(), z.string()),
    department: z.string().optional(),
    sla: z
      .object({
        policy: z.string(),
        respondBy: z.string(),
        resolveBy: z.string(),
        respondedAt: z.string().optional(),
        pausedAt: z.string().optional(),
        reminded: listOf(z.number()),
        escalated: z.number().int(),
        respondLate: z.boolean().optional(),
      })
      .optional()
      .openapi({ description: 'The service-level timer: due times (moved on by pauses) and what was sent' }),
    history: listOf(
      z.object({
        at: z.string(),
        by: z.string(),
        kind: z.enum(TICKET_EVENT_KINDS),
        from: z.string().optional(),
        to: z.string().optional(),
        text: z.string().optional(),
      }),
    ),
    ...Stamps,
  })
  .openapi('Ticket');

export const NewTicketBody = z
  .object({
    type: z.enum(TICKET_TYPES),
    priority: z.enum(PRIORITIES).default('normal'),
    subject: z.string().trim().min(1).max(200),
    description: z.string().max(8000).optional(),
    customerId: z.string().min(1).max(64).optional(),
    assetId: z.string().min(1).max(64).optional(),
    policyNumber: z.string().min(1).max(40).optional(),
    assigneeId: z.string().min(1).max(64).optional(),
    dueAt: IsoDateTime.optional(),
    callSids: z
      .array(z.string().regex(/^CA[0-9a-f]{32}$/, 'a Twilio CallSid: CA + 32 hex'))
      .max(20)
      .optional(),
    fields: Fields.optional(),
  })
  .strict();

export const TicketPatchBody = z
  .object({
    version: Version,
    status: z.enum(TICKET_STATUSES).optional(),
    priority: z.enum(PRIORITIES).optional(),
    subject: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(8000).optional(),
    assigneeId: z.string().min(1).max(64).nullable().optional(),
    dueAt: IsoDateTime.nullable().optional(),
    fields: Fields.optional(),
    note: z.string().trim().min(1).max(8000).optional(),
  })
  .strict();

export const NoteBody = z.object({ text: z.string().trim().min(1).max(8000) }).strict();

export const TicketNumberParam = z.object({
  number: z.string().regex(TICKET_NUMBER_PATTERN, 'a ticket number such as CLM-2026-000123'),
});

/** A query parameter holding one or several of `values`: comma-separated, repeated, or both. */
function oneOrSeveral<T extends readonly [string, ...string[]]>(values: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).min(1).max(values.length))
    .optional()
    .openapi({ description: `One or several of ${values.join(', ')}: comma-separated or repeated.` });
}

export const TicketListQuery = PageQuery.extend({
  status: oneOrSeveral(TICKET_STATUSES),
  assignee: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({ description: 'A user id, "me", or "none" for unassigned tickets.' }),
  customerId: z.string().min(1).max(64).optional(),
  type: oneOrSeveral(TICKET_TYPES),
  priority: oneOrSeveral(PRIORITIES),
  department: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,63}$/, 'a department id such as complaints-desk')
    .optional()
    .openapi({ description: 'Tickets handed to this department (GET /departments lists them).' }),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .openapi({ description: 'true: due before now and not resolved, closed or cancelled.' }),
  due: z
    .enum(['today', 'week'])
    .optional()
    .openapi({ description: "Due on the center's today, or in the seven days starting today." }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'Part of the ticket number, or words that all appear in the subject.' }),
}).refine((q) => [q.status, q.assignee, q.customerId].some((v) => v !== undefined), {
  message:
    'give at least one of status, assignee or customerId: exactly one of them picks the index read, the other filters narrow it',
  path: ['status'],
});

/** A client's key for one ticket submission: a retry with the same key gets the same ticket back. */
export const IdempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional()
    .openapi({
      description: 'Sent again unchanged when a request is retried (8-64 letters, digits, - or _).',
    }),
});

export const AssigneeList = z
  .object({
    items: listOf(z.object({ id: z.string(), name: z.string(), roles: listOf(z.enum(ROLES)) })),
  })
  .openapi('TicketAssignees');
