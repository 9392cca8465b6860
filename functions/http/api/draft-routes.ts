// An agent's drafts about a call (GET/PUT/DELETE /api/agent/drafts/{callSid}): saved as they type, read
// back after a reload or in another tab. The session names the agent, so nobody reads another's draft.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { discardDraft, getDraft, saveDraft } from '../../app/desk/drafts.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { CallParam } from './agent-schemas.js';
import { jsonBody, jsonOk, NOT_FOUND, SECURED_ERRORS, UNPROCESSABLE } from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';

const FIELD_NAME = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, 'a field name: a letter, then up to 39 letters, digits, _ or -');

const limitedRecord = <T extends z.ZodType>(value: T, max: number) =>
  z.record(FIELD_NAME, value).refine((r) => Object.keys(r).length <= max, `at most ${max} fields`);

export const DraftBody = z
  .strictObject({
    disposition: z.string().min(1).max(60).optional(),
    notes: z.string().max(4000).optional(),
    ticket: limitedRecord(z.string().max(2000), 30).optional(),
    pop: limitedRecord(z.union([z.string().max(200), z.boolean()]), 20).optional(),
  })
  .openapi('CallDraftRequest');

export const DraftSchema = z
  .object({
    callSid: z.string(),
    disposition: z.string().optional(),
    notes: z.string().optional(),
    ticket: z.record(z.string(), z.string()).optional(),
    pop: z.record(z.string(), z.union([z.string(), z.boolean()])).optional(),
    savedAt: z.string(),
    expiresAt: z.string(),
  })
  .openapi('CallDraft');

const ERRORS = { ...SECURED_ERRORS, ...NOT_FOUND, ...UNPROCESSABLE } as const;

export function registerDraftRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  const tags = ['agent'];
  const path = '/agent/drafts/{callSid}';

  app.openapi(
    securedRoute(guard, 'drafts.get', {
      method: 'get',
      path,
      tags,
      request: { params: CallParam },
      summary: 'My unsaved wrap-up, ticket form and screen pop for a call',
      responses: { 200: jsonOk(DraftSchema), ...ERRORS },
    }),
    async (c) => c.json(await getDraft(deps.store, c.var.user, c.req.valid('param').callSid), 200),
  );

  app.openapi(
    securedRoute(guard, 'drafts.save', {
      method: 'put',
      path,
      tags,
      request: { params: CallParam, body: jsonBody(DraftBody) },
      summary: 'Replace my draft for a call I took (kept 12 hours)',
      responses: { 200: jsonOk(DraftSchema), ...ERRORS },
    }),
    async (c) =>
      c.json(
        await saveDraft(
          deps.store,
          deps.clock,
          c.var.user,
          c.req.valid('param').callSid,
          c.req.valid('json'),
        ),
        200,
      ),
  );

  app.openapi(
    securedRoute(guard, 'drafts.discard', {
      method: 'delete',
      path,
      tags,
      request: { params: CallParam },
      summary: 'Forget my draft for a call (it was saved)',
      responses: { 204: { description: 'Gone, or never there' }, ...SECURED_ERRORS },
    }),
    async (c) => {
      await discardDraft(deps.store, c.var.user, c.req.valid('param').callSid);
      return c.body(null, 204);
    },
  );
}
