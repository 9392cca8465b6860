// The audit log by day, newest first (supervisors and admins).
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { IsoDate, jsonOk, PageQuery, pageOf, SECURED_ERRORS } from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';

const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    target: z.string().optional(),
    detail: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('AuditEntry');

export function registerAuditRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  const list = securedRoute(guard, 'audit.list', {
    method: 'get',
    path: '/audit',
    tags: ['audit'],
    request: {
      query: PageQuery.extend({
        day: IsoDate.optional().openapi({ description: 'UTC day; today by default.' }),
      }),
    },
    responses: { 200: jsonOk(pageOf(AuditEntrySchema)), ...SECURED_ERRORS },
  });
  app.openapi(list, async (c) => {
    const { day, limit, cursor } = c.req.valid('query');
    const today = new Date(deps.clock.now()).toISOString().slice(0, 10);
    const page = { ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) };
    return c.json(await deps.store.audit.byDay(day ?? today, page), 200);
  });
}
