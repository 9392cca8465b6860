// The dialling policy for admins (read, replace; every change audited) and the recent refused outbound
// attempts for supervisors, through functions/app/dial-policy-admin.ts.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { readDialPolicy, recentDialRefusals, replaceDialPolicy } from '../../app/dial-policy-admin.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { jsonBody, jsonOk, SECURED_ERRORS } from './common-schemas.js';
import { DialPolicySchema, DialPolicyViewSchema, DialRefusalsSchema } from './dial-policy-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';

export function registerDialPolicyRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  const get = securedRoute(guard, 'dialPolicy.get', {
    method: 'get',
    path: '/admin/dial-policy',
    tags: ['admin'],
    description:
      'Where agents, supervisors, admins and campaigns may call, the block list and the rate limits.',
    responses: { 200: jsonOk(DialPolicyViewSchema), ...SECURED_ERRORS },
  });
  app.openapi(get, async (c) => c.json(await readDialPolicy(deps), 200));

  const replace = securedRoute(guard, 'dialPolicy.replace', {
    method: 'put',
    path: '/admin/dial-policy',
    tags: ['admin'],
    description: 'Replaces the whole policy (audited with the policy before and after).',
    request: { body: jsonBody(DialPolicySchema) },
    responses: { 200: jsonOk(DialPolicyViewSchema), ...SECURED_ERRORS },
  });
  app.openapi(replace, async (c) =>
    c.json(await replaceDialPolicy(deps, c.var.user, c.req.valid('json')), 200),
  );

  const refusals = securedRoute(guard, 'dialRefusals.list', {
    method: 'get',
    path: '/supervisor/dial-refusals',
    tags: ['supervisor'],
    description: 'Refused outbound calls and texts of today and yesterday (UTC), newest first.',
    request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).optional() }) },
    responses: { 200: jsonOk(DialRefusalsSchema), ...SECURED_ERRORS },
  });
  app.openapi(refusals, async (c) =>
    c.json(await recentDialRefusals(deps, c.req.valid('query').limit ?? 100), 200),
  );
}
