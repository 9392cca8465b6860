// Wrap-up per hotline (functions/app/wrap-up-settings.ts): the wrap-up time and the wrap-up codes the desk
// offers, read and replaced as a whole by admins (validated, audited before and after, versioned).
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { readWrapUp, replaceWrapUp } from '../../app/wrap-up-settings.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { jsonBody, jsonOk, listOf, SECURED_ERRORS } from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';

// Lengths, formats and ranges are checked by the use case, which names each field and what it allows.
const ListedDispositionSchema = z
  .object({
    code: z.string().max(100).openapi({ example: 'roadside-fixed' }),
    label: z.object({ zh: z.string().max(200), en: z.string().max(200) }).strict(),
    hidden: z.boolean().optional().openapi({ description: 'No longer offered; old calls keep its label.' }),
  })
  .strict()
  .openapi('ListedDisposition');

const HotlineWrapUpSchema = z
  .object({
    seconds: z.number().optional().openapi({ description: 'Whole seconds, 5 to 900.', example: 45 }),
    dispositions: z.array(ListedDispositionSchema).max(100).optional(),
  })
  .strict()
  .openapi('HotlineWrapUp');

const WrapUpBody = z
  .object({ hotlines: z.record(z.string().max(64), HotlineWrapUpSchema) })
  .strict()
  .openapi('WrapUpSetting');

const WrapUpView = z
  .object({
    hotlines: z.record(
      z.string(),
      z.object({
        seconds: z.number(),
        dispositions: listOf(
          z.object({
            code: z.string(),
            label: z.object({ zh: z.string().optional(), en: z.string().optional() }),
            hidden: z.boolean().optional(),
          }),
        ),
        flowCodes: listOf(z.string()),
      }),
    ),
    builtIn: z.object({ seconds: z.number() }),
    deskCodes: listOf(z.string()),
    source: z.enum(['console', 'built-in']),
  })
  .openapi('WrapUpView');

export function registerWrapUpSettingsRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  const tags = ['admin'];
  app.openapi(
    securedRoute(guard, 'wrapUpSettings.get', {
      method: 'get',
      path: '/admin/wrap-up',
      tags,
      description: "Each hotline's wrap-up time and wrap-up codes (hidden ones included), as they apply now.",
      responses: { 200: jsonOk(WrapUpView), ...SECURED_ERRORS },
    }),
    async (c) => c.json(await readWrapUp(deps), 200),
  );
  app.openapi(
    securedRoute(guard, 'wrapUpSettings.replace', {
      method: 'put',
      path: '/admin/wrap-up',
      tags,
      description:
        "Replaces the wrap-up setting (a hotline left out keeps its flow's codes and the routing's time); the desk offers the change on its next call. Audited and versioned.",
      request: { body: jsonBody(WrapUpBody) },
      responses: { 200: jsonOk(WrapUpView), ...SECURED_ERRORS },
    }),
    async (c) => c.json(await replaceWrapUp(deps, c.var.user, c.req.valid('json')), 200),
  );
}
