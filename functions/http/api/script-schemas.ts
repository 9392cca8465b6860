// Response schemas for the guided agent scripts (the format itself is functions/domain/scripts/types.ts).
import { z } from '@hono/zod-openapi';
import { TICKET_TYPES } from '../../domain/model.js';
import { ASK_KINDS, SCRIPT_ENDS } from '../../domain/scripts/types.js';
import { listOf } from './common-schemas.js';

const Bilingual = z.object({ zh: z.string(), en: z.string() }).openapi('BilingualText');

const Condition = z.object({
  field: z.string(),
  equals: z.string().optional(),
  in: listOf(z.string()).optional(),
});

const Step = z
  .object({
    say: Bilingual,
    ask: z
      .object({
        field: z.string(),
        kind: z.enum(ASK_KINDS),
        options: listOf(z.object({ value: z.string(), label: Bilingual })).optional(),
        required: z.boolean(),
      })
      .optional(),
    next: z
      .union([z.string(), listOf(z.object({ when: Condition.optional(), next: z.string() }))])
      .optional()
      .openapi({ description: 'A step id, or branches tried in order (the last has no condition).' }),
    record: z
      .record(z.string(), z.string())
      .optional()
      .openapi({ description: 'Ticket field -> answer field.' }),
    end: z.enum(SCRIPT_ENDS).optional(),
  })
  .openapi('ScriptStep');

export const ScriptSummarySchema = z
  .object({
    name: z.string().openapi({ example: 'warranty-a-claim' }),
    hotline: z.string().openapi({ description: 'Flow name, or `*` for every hotline.' }),
    queues: listOf(z.string()),
    titles: Bilingual,
    ticketType: z.enum(TICKET_TYPES).optional(),
  })
  .openapi('ScriptSummary');

export const ScriptSchema = ScriptSummarySchema.extend({
  start: z.string(),
  steps: z.record(z.string(), Step),
  phrases: listOf(Bilingual),
}).openapi('Script');

export const ScriptNameParam = z.object({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,63}$/, 'a script name: lower-case letters, digits and hyphens')
    .openapi({ param: { name: 'name', in: 'path' }, example: 'warranty-a-claim' }),
});
