// API keys for outside systems, for admins (functions/app/integrations/api-keys.ts): list (never a secret),
// create (the token in the answer, this once), revoke (at once in this container, within seconds elsewhere).
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { createApiKey, listApiKeys, revokeApiKey } from '../../app/integrations/api-keys.js';
import type { KeyAuthenticator } from '../../app/integrations/key-auth.js';
import { API_KEY_SCOPES, MAX_KEY_RATE } from '../../domain/integrations/api-key.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { jsonBody, jsonOk, listOf, NOT_FOUND, SECURED_ERRORS } from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';

const ApiKeySchema = z
  .object({
    keyId: z.string().openapi({ example: '3f9a1c0b7d2e4a65' }),
    name: z.string().openapi({ example: 'Website order form' }),
    scopes: z.array(z.enum(API_KEY_SCOPES)).readonly(),
    ratePerMinute: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().optional(),
    revokedAt: z.string().optional(),
    revokedBy: z.string().optional(),
  })
  .openapi('ApiKey');

const CreatedApiKeySchema = ApiKeySchema.extend({
  token: z.string().openapi({
    description: 'The key to send as "Authorization: Bearer <token>"; shown this once, never stored.',
    example: 'cc_3f9a1c0b7d2e4a65_Qm9vayBvZiBkYXlzIGFuZCBuaWdodHMgYW5kIHNlY3JldHM',
  }),
}).openapi('CreatedApiKey');

const NewApiKeyBody = z
  .object({
    name: z.string().trim().min(1).max(100).openapi({ example: 'Website order form' }),
    scopes: z.array(z.enum(API_KEY_SCOPES)).min(1).max(API_KEY_SCOPES.length),
    ratePerMinute: z.number().int().min(1).max(MAX_KEY_RATE).optional().openapi({
      description: 'Calls per minute before 429; default 60.',
    }),
  })
  .strict()
  .openapi('NewApiKey');

const KeyIdParam = z.object({
  keyId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'keyId', in: 'path' } }),
});

export function registerApiKeyRoutes(
  app: OpenAPIHono<ApiEnv>,
  deps: AppDeps,
  guard: Guard,
  keys: KeyAuthenticator,
): void {
  const tags = ['admin'];
  const keyDeps = { ...deps, sessionKey: deps.secrets.sessionKey };

  app.openapi(
    securedRoute(guard, 'apiKeys.list', {
      method: 'get',
      path: '/admin/api-keys',
      tags,
      summary: 'API keys of outside systems, newest first (never their secrets)',
      responses: { 200: jsonOk(z.object({ items: listOf(ApiKeySchema) })), ...SECURED_ERRORS },
    }),
    async (c) => c.json({ items: await listApiKeys(deps) }, 200),
  );

  app.openapi(
    securedRoute(guard, 'apiKeys.create', {
      method: 'post',
      path: '/admin/api-keys',
      tags,
      summary: 'Creates an API key; the answer holds its token, shown this once; audited',
      request: { body: jsonBody(NewApiKeyBody) },
      responses: { 201: jsonOk(CreatedApiKeySchema, 'Created'), ...SECURED_ERRORS },
    }),
    async (c) => c.json(await createApiKey(keyDeps, c.var.user, c.req.valid('json')), 201),
  );

  app.openapi(
    securedRoute(guard, 'apiKeys.revoke', {
      method: 'delete',
      path: '/admin/api-keys/{keyId}',
      tags,
      summary: 'Revokes an API key: it stops working at once; audited',
      request: { params: KeyIdParam },
      responses: { 200: jsonOk(ApiKeySchema), ...SECURED_ERRORS, ...NOT_FOUND },
    }),
    async (c) => {
      const { keyId } = c.req.valid('param');
      const revoked = await revokeApiKey(keyDeps, c.var.user, keyId);
      keys.forget(keyId);
      return c.json(revoked, 200);
    },
  );
}
