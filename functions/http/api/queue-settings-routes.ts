// Per-queue settings (functions/app/queue-settings.ts): supervisors and admins read them, admins replace
// them as a whole (validated: known queues, whole numbers in range; audited before and after).
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { readQueues, replaceQueues } from '../../app/queue-settings.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { jsonBody, jsonOk, SECURED_ERRORS } from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';

// Ranges are checked by the use case, which names each field and what it allows.
const QueueRuleSchema = z
  .object({
    serviceLevelSeconds: z.number().openapi({ description: 'Whole seconds, 1 to 3600.', example: 20 }),
    maxWaiting: z.number().openapi({ description: 'Callers allowed to wait, 1 to 1000.', example: 20 }),
  })
  .strict()
  .openapi('QueueRule');

const QueuesBody = z
  .object({
    queues: z.record(z.string().max(64), QueueRuleSchema).openapi({
      example: { rescue: { serviceLevelSeconds: 10, maxWaiting: 5 } },
    }),
  })
  .strict()
  .openapi('Queues');

const QueuesView = z
  .object({
    queues: z.record(z.string(), QueueRuleSchema),
    builtIn: z.object({ maxWaiting: z.number() }),
    source: z.enum(['console', 'built-in']),
  })
  .openapi('QueuesView');

export function registerQueueSettingsRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  const tags = ['admin'];
  app.openapi(
    securedRoute(guard, 'queues.get', {
      method: 'get',
      path: '/admin/queues',
      tags,
      description: "Every queue's service-level threshold and limit of callers waiting, as they apply now.",
      responses: { 200: jsonOk(QueuesView), ...SECURED_ERRORS },
    }),
    async (c) => c.json(await readQueues(deps), 200),
  );
  app.openapi(
    securedRoute(guard, 'queues.replace', {
      method: 'put',
      path: '/admin/queues',
      tags,
      description:
        'Replaces the queues setting (a queue left out keeps the built-in rule); applies within seconds, audited and versioned.',
      request: { body: jsonBody(QueuesBody) },
      responses: { 200: jsonOk(QueuesView), ...SECURED_ERRORS },
    }),
    async (c) => c.json(await replaceQueues(deps, c.var.user, c.req.valid('json')), 200),
  );
}
