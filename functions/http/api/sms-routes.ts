// Agents' side of SMS conversations: read a thread by phone; reply and hand the thread back to the bot
// through the use cases in functions/app/sms-threads.ts.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { normaliseOnePhone } from '../../app/phone-input.js';
import { SMS_STATUS_PATH } from '../../app/send-sms.js';
import { closeThread, replyOnThread } from '../../app/sms-threads.js';
import type { ChannelDeps } from '../channel-deps.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import {
  jsonBody,
  jsonOk,
  PageQuery,
  PhoneParam,
  pageOf,
  SECURED_ERRORS,
  UNPROCESSABLE,
} from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';

const SmsSchema = z
  .object({
    sid: z.string(),
    direction: z.enum(['inbound', 'outbound']),
    phone: z.string(),
    body: z.string(),
    at: z.string(),
    status: z.string(),
    customerId: z.string().optional(),
    agentId: z.string().optional(),
    purpose: z.string().optional(),
    errorCode: z.string().optional(),
  })
  .openapi('SmsMessage');

export function registerSmsRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps & ChannelDeps, guard: Guard): void {
  const { store } = deps;
  const tags = ['sms'];
  const phoneOf = (raw: string) => normaliseOnePhone(raw, deps.config.defaultPhoneRegion, 'path.phone');
  const strip = <T extends object>(m: T) => {
    const { statusHistory, ...rest } = m as T & { statusHistory?: unknown };
    return rest;
  };

  const thread = securedRoute(guard, 'sms.thread', {
    method: 'get',
    path: '/sms/threads/{phone}',
    tags,
    request: { params: PhoneParam, query: PageQuery },
    responses: { 200: jsonOk(pageOf(SmsSchema)), ...SECURED_ERRORS },
  });
  app.openapi(thread, async (c) => {
    const q = c.req.valid('query');
    const page = await store.messaging.thread(phoneOf(c.req.valid('param').phone), {
      ...(q.limit ? { limit: q.limit } : {}),
      ...(q.cursor ? { cursor: q.cursor } : {}),
    });
    return c.json({ ...page, items: page.items.map(strip) }, 200);
  });

  const reply = securedRoute(guard, 'sms.reply', {
    method: 'post',
    path: '/sms/threads/{phone}/reply',
    tags,
    request: { params: PhoneParam, body: jsonBody(z.object({ body: z.string().trim().min(1).max(1600) })) },
    responses: { 201: jsonOk(z.object({ sid: z.string() }), 'Sent'), ...SECURED_ERRORS, ...UNPROCESSABLE },
  });
  app.openapi(reply, async (c) => {
    const sid = await replyOnThread(
      {
        store,
        clock: deps.clock,
        logger: deps.logger,
        config: deps.config,
        messages: { create: (p) => deps.messaging.send(p) },
        from: deps.smsFrom,
        statusCallbackUrl: `${deps.config.webhookBaseUrl}${SMS_STATUS_PATH}`,
      },
      c.var.user,
      phoneOf(c.req.valid('param').phone),
      c.req.valid('json').body,
    );
    return c.json({ sid }, 201);
  });

  const close = securedRoute(guard, 'sms.close', {
    method: 'post',
    path: '/sms/threads/{phone}/close',
    tags,
    description: 'Ends the agent conversation: the next text from this number goes to the bot again.',
    request: { params: PhoneParam },
    responses: { 204: { description: 'Closed' }, ...SECURED_ERRORS },
  });
  app.openapi(close, async (c) => {
    await closeThread(deps, phoneOf(c.req.valid('param').phone));
    return c.body(null, 204);
  });
}
