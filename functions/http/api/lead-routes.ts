// POST /api/integrations/leads: outside systems hand the center a lead (functions/app/integrations/leads.ts).
// Authenticated by an API key alone, in the Authorization or X-Api-Key header: never a session, never a
// cookie, so a browser visiting another site cannot send one on a person's behalf (the same-origin guard in
// front of /api refuses cross-site browser calls besides).
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { KeyAuthenticator } from '../../app/integrations/key-auth.js';
import { submitLead } from '../../app/integrations/leads.js';
import { LANGUAGES } from '../../domain/model.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { CONFLICT, errorResponse, IsoDateTime, jsonBody, jsonOk } from './common-schemas.js';

const MAX_VARS = 20;

const LeadBody = z
  .object({
    phone: z.string().trim().min(3).max(40).openapi({
      description: "Any common format; read in the center's region when it has no country code.",
      example: '138 0013 8000',
    }),
    name: z.string().trim().min(1).max(200).optional(),
    campaignId: z.string().min(1).max(64).optional().openapi({
      description: 'Adds the lead to this campaign, due at once; without it the lead is a callback.',
    }),
    callbackAt: IsoDateTime.optional().openapi({ description: 'Callbacks only: when to call; default now.' }),
    queue: z.string().min(1).max(64).optional().openapi({ description: 'Callbacks only; default general.' }),
    language: z.enum(LANGUAGES).optional(),
    note: z.string().max(1000).optional(),
    vars: z
      .record(z.string().min(1).max(64), z.string().max(500))
      .refine((v) => Object.keys(v).length <= MAX_VARS, `at most ${MAX_VARS} keys`)
      .optional()
      .openapi({
        description: 'Other fields of the lead, for scripts and the agent.',
        example: { plan: 'gold' },
      }),
    externalId: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
      .optional()
      .openapi({ description: 'Your id of the lead: the same key and externalId return the first result.' }),
  })
  .strict()
  .superRefine((lead, ctx) => {
    if (!lead.campaignId) return;
    for (const field of ['queue', 'callbackAt'] as const)
      if (lead[field] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: 'only without campaignId: a campaign calls its contacts through its own queue and window',
        });
  })
  .openapi('Lead');

const LeadResultSchema = z
  .object({
    kind: z.enum(['contact', 'callback']),
    campaignId: z.string().optional(),
    contactId: z.string().optional(),
    taskId: z.string().optional(),
  })
  .openapi('LeadResult');

/** The key from `Authorization: Bearer <key>` or `X-Api-Key: <key>`; cookies are not read. */
function keyToken(authorization: string | undefined, header: string | undefined): string | undefined {
  if (authorization !== undefined) return /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  return header?.trim() || undefined;
}

function keyAuth(keys: KeyAuthenticator): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const key = await keys.authenticate(
      keyToken(c.req.header('authorization'), c.req.header('x-api-key')),
      'leads:write',
    );
    c.set('apiKey', key);
    await next();
  };
}

export function registerLeadRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, keys: KeyAuthenticator): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key an admin created (cc_<id>_<secret>); X-Api-Key is accepted too.',
  });
  const route = createRoute({
    method: 'post',
    path: '/integrations/leads',
    operationId: 'integrations.createLead',
    tags: ['integrations'],
    summary: 'A lead from an outside system: a campaign contact, or a callback',
    // The key is checked before the body, so a caller without one learns nothing from validation.
    middleware: keyAuth(keys),
    security: [{ apiKey: [] }],
    request: { body: jsonBody(LeadBody) },
    responses: {
      200: jsonOk(LeadResultSchema, 'The first result of this externalId, returned again'),
      201: jsonOk(LeadResultSchema, 'Created'),
      400: errorResponse('A body field is invalid; `issues` names each one.'),
      401: errorResponse('No API key, or an unknown or revoked one.'),
      403: errorResponse('The key lacks the leads:write scope, or the dialling policy refuses the number.'),
      ...CONFLICT,
      429: errorResponse("Over the key's calls per minute; Retry-After says when to try again."),
    },
  });
  app.openapi(route, async (c) => {
    const { result, replayed } = await submitLead(deps, c.var.apiKey, c.req.valid('json'));
    return c.json(result, replayed ? 200 : 201);
  });
}
