// The push channel's door in the REST API: a page asks for where to connect and a one-minute ticket,
// with its session; the WebSocket itself is served by the local server or API Gateway's WebSocket API.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { pushTicket } from '../../app/push.js';
import { PUSH_KEEPALIVE_MS, PUSH_TICKET_TTL_SECONDS } from '../../domain/push.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { NotProvisionedError } from '../errors.js';
import { CONFLICT, jsonOk, SECURED_ERRORS } from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';

const PushTicketSchema = z
  .object({
    url: z.string().openapi({ description: 'The WebSocket to open, with `?ticket=<ticket>&phone=1|0`.' }),
    ticket: z.string().openapi({
      description: `Opens the channel once, within ${PUSH_TICKET_TTL_SECONDS} s; not a session.`,
    }),
    keepaliveSeconds: z.number().int().openapi({
      description: "How often the page sends the text 'keepalive' so the connection (and presence) lives.",
    }),
  })
  .openapi('PushTicket');

export function registerPushRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  app.openapi(
    securedRoute(guard, 'push.open', {
      method: 'post',
      path: '/push',
      tags: ['push'],
      summary: 'Where and with what ticket to open the push channel (changes pushed instead of polled)',
      responses: { 200: jsonOk(PushTicketSchema), ...SECURED_ERRORS, ...CONFLICT },
    }),
    async (c) => {
      const push = deps.config.push;
      if (!push) throw new NotProvisionedError('The push channel');
      const { url, ticket } = pushTicket(
        { clock: deps.clock, sessionKey: deps.secrets.sessionKey, pushUrl: push.url },
        c.var.user,
        c.var.session.jti,
      );
      return c.json({ url, ticket, keepaliveSeconds: PUSH_KEEPALIVE_MS / 1000 }, 200);
    },
  );
}
