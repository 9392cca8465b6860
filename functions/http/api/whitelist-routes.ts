// The whitelist for supervisors and admins (functions/app/whitelist.ts): list, add, remove; every change
// audited with the entry before and after.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { createWhitelist } from '../../app/whitelist.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { jsonBody, jsonOk, listOf, PhoneParam, SECURED_ERRORS } from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';

const WhitelistEntrySchema = z
  .object({
    phone: z.string().openapi({ example: '+8613800138000' }),
    action: z.literal('allow'),
    reason: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('WhitelistEntry');

const WhitelistAddBody = z
  .object({
    phone: z.string().min(3).max(32).openapi({ example: '13800138000' }),
    note: z.string().trim().min(1).max(200).openapi({ example: 'Fleet account: ACME Logistics drivers' }),
  })
  .strict()
  .openapi('WhitelistAdd');

export function registerWhitelistRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  const whitelist = createWhitelist(deps);
  const tags = ['supervisor'];
  const entry = (e: Awaited<ReturnType<typeof whitelist.add>>) => ({ ...e, action: 'allow' as const });

  app.openapi(
    securedRoute(guard, 'whitelist.list', {
      method: 'get',
      path: '/supervisor/whitelist',
      tags,
      summary: 'Whitelisted numbers: never blocked, never turned away by a full queue',
      responses: { 200: jsonOk(z.object({ items: listOf(WhitelistEntrySchema) })), ...SECURED_ERRORS },
    }),
    async (c) => c.json({ items: (await whitelist.list()).map(entry) }, 200),
  );

  app.openapi(
    securedRoute(guard, 'whitelist.add', {
      method: 'post',
      path: '/supervisor/whitelist',
      tags,
      summary: 'Whitelists a number (lifting a block on it); audited',
      request: { body: jsonBody(WhitelistAddBody) },
      responses: { 200: jsonOk(WhitelistEntrySchema), ...SECURED_ERRORS },
    }),
    async (c) => c.json(entry(await whitelist.add(c.var.user, c.req.valid('json'))), 200),
  );

  app.openapi(
    securedRoute(guard, 'whitelist.remove', {
      method: 'delete',
      path: '/supervisor/whitelist/{phone}',
      tags,
      summary: 'Takes a number off the whitelist; audited',
      request: { params: PhoneParam },
      responses: { 200: jsonOk(z.object({ removed: z.string() })), ...SECURED_ERRORS },
    }),
    async (c) => {
      const { phone } = c.req.valid('param');
      await whitelist.remove(c.var.user, phone);
      return c.json({ removed: phone }, 200);
    },
  );
}
