// Forwarding to duty phones, per hotline, for admins (functions/app/forwarding.ts): read, and replace as a
// whole (validated: known hotlines, real numbers, never one of the center's own; audited before and after).
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { readForwarding, replaceForwarding } from '../../app/forwarding.js';
import { NO_AGENT_AFTER_SECONDS, RING_SECONDS } from '../../domain/forwarding.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { jsonBody, jsonOk, SECURED_ERRORS } from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';

const ForwardRuleSchema = z
  .object({
    number: z.string().min(3).max(32).openapi({ example: '+8613900139000' }),
    afterHours: z.boolean(),
    noAgentAfterSeconds: z
      .number()
      .int()
      .min(NO_AGENT_AFTER_SECONDS.min)
      .max(NO_AGENT_AFTER_SECONDS.max)
      .optional(),
    ringSeconds: z.number().int().min(RING_SECONDS.min).max(RING_SECONDS.max),
  })
  .strict()
  .openapi('ForwardRule');

const ForwardingSchema = z
  .object({
    hotlines: z.record(z.string(), ForwardRuleSchema).openapi({
      example: {
        'it-support': {
          number: '+8613900139000',
          afterHours: true,
          noAgentAfterSeconds: 120,
          ringSeconds: 20,
        },
      },
    }),
  })
  .strict()
  .openapi('Forwarding');

export function registerForwardingRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  const tags = ['admin'];
  app.openapi(
    securedRoute(guard, 'forwarding.get', {
      method: 'get',
      path: '/admin/forwarding',
      tags,
      description:
        'Which hotlines forward callers to a duty phone, after hours and when no agent answers in time.',
      responses: { 200: jsonOk(ForwardingSchema), ...SECURED_ERRORS },
    }),
    async (c) => c.json(await readForwarding(deps.store), 200),
  );
  app.openapi(
    securedRoute(guard, 'forwarding.replace', {
      method: 'put',
      path: '/admin/forwarding',
      tags,
      description:
        'Replaces every hotline’s forwarding; applies to the next call, audited with before and after.',
      request: { body: jsonBody(ForwardingSchema) },
      responses: { 200: jsonOk(ForwardingSchema), ...SECURED_ERRORS },
    }),
    async (c) => c.json(await replaceForwarding(deps, c.var.user, c.req.valid('json')), 200),
  );
}
