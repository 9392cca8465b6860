// Admin views of the background machinery: dead-lettered jobs (list, replay) and, locally, the mail
// outbox that stands in for Amazon SES.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { type ChannelDeps, isOutbox } from '../channel-deps.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { NotFoundError } from '../errors.js';
import { jsonOk, listOf, NOT_FOUND, SECURED_ERRORS } from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';

const DeadLetterSchema = z
  .object({
    id: z.string(),
    job: z.record(z.string(), z.unknown()),
    attempts: z.number(),
    lastError: z.string().optional(),
    failedAt: z.string().optional(),
  })
  .openapi('DeadLetter');

const MailSchema = z
  .object({ id: z.string(), at: z.string(), to: z.string(), subject: z.string(), text: z.string() })
  .openapi('Mail');

export function registerChannelAdminRoutes(
  app: OpenAPIHono<ApiEnv>,
  deps: AppDeps & ChannelDeps,
  guard: Guard,
): void {
  const tags = ['admin'];
  const list = securedRoute(guard, 'jobs.deadLetters', {
    method: 'get',
    path: '/jobs/dead-letters',
    tags,
    request: { query: z.object({ limit: z.coerce.number().int().min(1).max(100).optional() }) },
    responses: { 200: jsonOk(z.object({ items: listOf(DeadLetterSchema) })), ...SECURED_ERRORS },
  });
  app.openapi(list, async (c) => {
    const items = await deps.deadLetters.list(c.req.valid('query').limit ?? 100);
    return c.json({ items: items.map((d) => ({ ...d, job: { ...d.job } })) }, 200);
  });

  const replay = securedRoute(guard, 'jobs.replay', {
    method: 'post',
    path: '/jobs/dead-letters/{id}/replay',
    tags,
    request: {
      params: z.object({
        id: z
          .string()
          .min(1)
          .max(200)
          .openapi({ param: { name: 'id', in: 'path' } }),
      }),
    },
    responses: {
      202: jsonOk(z.object({ replayed: z.string() }), 'Sent back to the work queue'),
      ...SECURED_ERRORS,
      ...NOT_FOUND,
    },
  });
  app.openapi(replay, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await deps.deadLetters.replay(id))) throw new NotFoundError('dead letter', id);
    await deps.store.audit.append({ actor: c.var.user.id, action: 'job.replay', target: id });
    return c.json({ replayed: id }, 202);
  });

  const outbox = securedRoute(guard, 'mail.outbox', {
    method: 'get',
    path: '/mail/outbox',
    tags,
    description: 'Local mode only: the mail that Amazon SES would have sent. 404 in AWS.',
    responses: { 200: jsonOk(z.object({ items: listOf(MailSchema) })), ...SECURED_ERRORS, ...NOT_FOUND },
  });
  app.openapi(outbox, async (c) => {
    if (!isOutbox(deps.mail)) throw new NotFoundError('outbox', 'local');
    return c.json({ items: [...(await deps.mail.list())].reverse() }, 200);
  });
}
