// Faxes at the desk: the ones routed to me, a short-lived URL to read one's PDF (audited), and marking one
// finished; the rules are functions/app/agent-faxes.ts's.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { faxDocument, faxesOf, finishFax } from '../../app/agent-faxes.js';
import { createCenter } from '../../app/center.js';
import { runScheduledJob } from '../../app/run-scheduled.js';
import type { ChannelDeps } from '../channel-deps.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { jsonOk, listOf, NOT_FOUND, SECURED_ERRORS } from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';

const AgentFaxSchema = z
  .object({
    id: z.string(),
    from: z.string().openapi({ description: 'The sender’s fax number.' }),
    receivedAt: z.string(),
    pages: z.number().optional(),
    customerId: z.string().optional().openapi({ description: 'The customer the fax was filed under.' }),
    ticketNumber: z
      .string()
      .optional()
      .openapi({ description: 'The intake ticket opened for a sender who is no known customer.' }),
    since: z.string().openapi({ description: 'When it was routed to me.' }),
  })
  .openapi('AgentFax');

const FaxIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'FX1a2b3c' }),
});

export function registerFaxDeskRoutes(
  app: OpenAPIHono<ApiEnv>,
  deps: AppDeps & ChannelDeps,
  guard: Guard,
): void {
  const tags = ['faxes'];
  const center = createCenter(deps, runScheduledJob);

  app.openapi(
    securedRoute(guard, 'agent.faxes', {
      method: 'get',
      path: '/agent/faxes',
      tags,
      summary: 'The faxes routed to me that I have not finished',
      responses: { 200: jsonOk(z.object({ items: listOf(AgentFaxSchema) })), ...SECURED_ERRORS },
    }),
    async (c) => c.json({ items: await faxesOf(deps.store, c.var.user.id) }, 200),
  );

  app.openapi(
    securedRoute(guard, 'faxes.document', {
      method: 'post',
      path: '/faxes/{id}/document',
      tags,
      description:
        'A presigned URL to read the fax’s PDF, valid a few minutes; audited. Agents open the faxes routed to them.',
      request: { params: FaxIdParam },
      responses: {
        200: jsonOk(z.object({ url: z.string(), expiresInSeconds: z.number() })),
        ...SECURED_ERRORS,
        ...NOT_FOUND,
      },
    }),
    async (c) => c.json(await faxDocument(deps, c.var.user, c.req.valid('param').id), 200),
  );

  app.openapi(
    securedRoute(guard, 'agent.finishFax', {
      method: 'post',
      path: '/agent/faxes/{id}/done',
      tags,
      description: 'The fax is dealt with: it leaves the desk. Finishing it again changes nothing.',
      request: { params: FaxIdParam },
      responses: { 204: { description: 'Finished' }, ...SECURED_ERRORS, ...NOT_FOUND },
    }),
    async (c) => {
      await finishFax(center, c.var.user, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
}
