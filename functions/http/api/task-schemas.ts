// Request and response schemas for follow-up tasks (callbacks, visits, outbound calls).
import { z } from '@hono/zod-openapi';
import { LANGUAGES, TASK_KINDS, TASK_STATUSES } from '../../domain/model.js';
import { TICKET_NUMBER_PATTERN } from '../../domain/ticket-workflow.js';
import { IsoDateTime, PageQuery, Stamps, Version } from './common-schemas.js';

export const TaskSchema = z
  .object({
    id: z.string(),
    kind: z.enum(TASK_KINDS),
    status: z.enum(TASK_STATUSES),
    dueAt: z.string(),
    customerId: z.string().optional(),
    ticketNumber: z.string().optional(),
    phone: z.string().optional(),
    assigneeId: z.string().optional(),
    queue: z.string().optional(),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    lastAttemptAt: z.string().optional(),
    note: z.string().optional(),
    autoDial: z.boolean().optional(),
    callerId: z.string().optional(),
    language: z.enum(LANGUAGES).optional(),
    enqueuedAt: z.string().optional(),
    ...Stamps,
  })
  .openapi('Task');

export const NewTaskBody = z
  .object({
    kind: z.enum(TASK_KINDS),
    dueAt: IsoDateTime,
    customerId: z.string().min(1).max(64).optional(),
    ticketNumber: z
      .string()
      .regex(TICKET_NUMBER_PATTERN, 'a ticket number such as CLM-2026-000123')
      .optional(),
    phone: z.string().min(3).max(40).optional(),
    assigneeId: z.string().min(1).max(64).optional(),
    queue: z.string().min(1).max(64).optional(),
    maxAttempts: z.number().int().min(1).max(10).default(3),
    note: z.string().max(4000).optional(),
    autoDial: z.boolean().optional().openapi({
      description: 'The center calls when due: rings the assignee (then the queue), dials `phone`.',
    }),
    // Which of the center's numbers it must be is the dialling policy's word (403 dial-refused, naming them).
    callerId: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number, e.g. +18005550100')
      .optional()
      .openapi({
        description: "One of the center's numbers the customer sees; default the callback caller id.",
      }),
    language: z.enum(LANGUAGES).optional(),
  })
  .strict();

export const TaskPatchBody = z
  .object({
    version: Version,
    status: z.enum(TASK_STATUSES).optional(),
    dueAt: IsoDateTime.optional(),
    assigneeId: z.string().min(1).max(64).optional(),
    note: z.string().max(4000).optional(),
    attempts: z.number().int().min(0).max(100).optional(),
    lastAttemptAt: IsoDateTime.optional(),
    autoDial: z.boolean().optional(),
  })
  .strict();

export const TaskIdParam = z.object({ id: z.string().min(1).max(64) });
export const DueQuery = PageQuery.extend({ before: IsoDateTime });
