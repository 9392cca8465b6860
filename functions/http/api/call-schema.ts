// The call record as the API shows it (customer view; later the call history screens).
import { z } from '@hono/zod-openapi';
import { CALL_DIRECTIONS } from '../../domain/model.js';
import { listOf, Stamps } from './common-schemas.js';

export const CallSchema = z
  .object({
    callSid: z.string(),
    direction: z.enum(CALL_DIRECTIONS),
    from: z.string(),
    to: z.string(),
    startedAt: z.string(),
    answeredAt: z.string().optional(),
    endedAt: z.string().optional(),
    status: z.string(),
    customerId: z.string().optional(),
    agentId: z.string().optional(),
    queue: z.string().optional(),
    ticketNumbers: listOf(z.string()),
    recordingSids: listOf(z.string()),
    disposition: z.string().optional(),
    notes: z.string().optional(),
    ...Stamps,
  })
  .openapi('Call');
