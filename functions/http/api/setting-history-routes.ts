// The history of a setting admins change on the console, and restoring an earlier version
// (functions/app/admin-settings.ts): the restore is checked again, audited and kept as a new version.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { adminSettingHistory, adminSettingNames, restoreAdminSetting } from '../../app/admin-settings.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { jsonBody, jsonOk, listOf, NOT_FOUND, SECURED_ERRORS } from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';

const SettingVersionSchema = z
  .object({
    version: z.number().int(),
    value: z
      .unknown()
      .openapi({ description: 'The setting as this change left it; null: the built-in default.' }),
    by: z.string(),
    at: z.string(),
    restoredFrom: z.number().int().optional(),
  })
  .openapi('SettingVersion');

const NameParam = z.object({
  name: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: 'name', in: 'path' }, example: 'forwarding' }),
});

export function registerSettingHistoryRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  const tags = ['admin'];
  const names = adminSettingNames().join(', ');
  app.openapi(
    securedRoute(guard, 'settings.history', {
      method: 'get',
      path: '/admin/settings/{name}/history',
      tags,
      description: `The versions of a console setting, newest first (the last 50). Settings: ${names}.`,
      request: { params: NameParam },
      responses: {
        200: jsonOk(z.object({ items: listOf(SettingVersionSchema) })),
        ...SECURED_ERRORS,
        ...NOT_FOUND,
      },
    }),
    async (c) => c.json({ items: await adminSettingHistory(deps, c.req.valid('param').name) }, 200),
  );
  app.openapi(
    securedRoute(guard, 'settings.restore', {
      method: 'post',
      path: '/admin/settings/{name}/restore',
      tags,
      description:
        'Brings back an earlier version, checked as if typed today; audited, and a new version itself.',
      request: {
        params: NameParam,
        body: jsonBody(
          z
            .object({ version: z.number().int().min(1) })
            .strict()
            .openapi('SettingRestore'),
        ),
      },
      responses: { 200: jsonOk(SettingVersionSchema), ...SECURED_ERRORS, ...NOT_FOUND },
    }),
    async (c) => {
      const { name } = c.req.valid('param');
      const { version } = c.req.valid('json');
      return c.json(await restoreAdminSetting(deps, c.var.user, name, version), 200);
    },
  );
}
