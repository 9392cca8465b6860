// The voicemail desk: list a mailbox (agents: their own and their skills' queues; supervisors and admins
// every box), listen through a short-lived presigned URL (audited like recordings), mark handled, and
// call back (the callback task, an open one reused). Boxes and notices: functions/domain/voicemail-box.ts.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { unwrap } from '../../app/write-result.js';
import type { User, Voicemail } from '../../domain/model.js';
import { type Mailbox, mailboxesOf, mailboxOf, mayOpen } from '../../domain/voicemail-box.js';
import type { ChannelDeps } from '../channel-deps.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../errors.js';
import { seesAllTasks } from './access.js';
import { jsonOk, NOT_FOUND, pageOf, SECURED_ERRORS, UNPROCESSABLE } from './common-schemas.js';
import type { Guard } from './guard.js';
import { PlaybackSchema } from './recording-schemas.js';
import { securedRoute } from './secured-route.js';
import { CallbackSchema, VoicemailQuery, VoicemailSchema, VoicemailSidParam } from './voicemail-schemas.js';

export function registerVoicemailRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps & ChannelDeps, guard: Guard) {
  const { store } = deps;
  const tags = ['voicemail'];
  const now = () => new Date(deps.clock.now()).toISOString();

  async function view(v: Voicemail) {
    const rec = await store.recordings.get(v.recordingSid);
    return { ...v, mailbox: mailboxOf(v), stored: rec !== undefined };
  }
  async function visible(sid: string, user: User): Promise<Voicemail> {
    const v = await store.voicemails.get(sid);
    if (!v) throw new NotFoundError('voicemail', sid);
    if (!mayOpen(user, mailboxOf(v)))
      throw new ForbiddenError(`Voicemail "${sid}" is in ${mailboxOf(v)}, not one of your mailboxes.`);
    return v;
  }

  const list = securedRoute(guard, 'voicemails.list', {
    method: 'get',
    path: '/voicemails',
    tags,
    request: { query: VoicemailQuery },
    responses: { 200: jsonOk(pageOf(VoicemailSchema)), ...SECURED_ERRORS },
  });
  app.openapi(list, async (c) => {
    const { mailbox, status = 'new', limit = 50, cursor } = c.req.valid('query');
    const { user } = c.var;
    const page = { limit, ...(cursor ? { cursor } : {}) };
    if (mailbox && !mayOpen(user, mailbox))
      throw new ForbiddenError(
        `${mailbox} is not one of your mailboxes; agents open their own and their queues'.`,
      );
    if (mailbox) {
      const found = await store.voicemails.byMailbox(mailbox, page);
      const items = await Promise.all(found.items.filter((v) => v.status === status).map(view));
      return c.json({ items, ...(found.cursor ? { cursor: found.cursor } : {}) }, 200);
    }
    if (seesAllTasks(user.roles)) {
      const found = await store.voicemails.byStatus(status, page);
      return c.json(
        {
          items: await Promise.all(found.items.map(view)),
          ...(found.cursor ? { cursor: found.cursor } : {}),
        },
        200,
      );
    }
    // An agent's boxes together, newest first: the first `limit` of each box is enough for one page.
    const boxes = await Promise.all(
      mailboxesOf(user).map((m: Mailbox) => store.voicemails.byMailbox(m, { limit })),
    );
    const merged = boxes
      .flatMap((b) => b.items)
      .filter((v) => v.status === status)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, limit);
    return c.json({ items: await Promise.all(merged.map(view)) }, 200);
  });

  const get = securedRoute(guard, 'voicemails.get', {
    method: 'get',
    path: '/voicemails/{sid}',
    tags,
    request: { params: VoicemailSidParam },
    responses: { 200: jsonOk(VoicemailSchema), ...SECURED_ERRORS, ...NOT_FOUND },
  });
  app.openapi(get, async (c) => c.json(await view(await visible(c.req.valid('param').sid, c.var.user)), 200));

  const listen = securedRoute(guard, 'voicemails.playback', {
    method: 'post',
    path: '/voicemails/{sid}/playback',
    tags,
    description: 'A presigned GET URL for the message, valid for a few minutes; every listen is audited.',
    request: { params: VoicemailSidParam },
    responses: { 200: jsonOk(PlaybackSchema), ...SECURED_ERRORS, ...NOT_FOUND, ...UNPROCESSABLE },
  });
  app.openapi(listen, async (c) => {
    const v = await visible(c.req.valid('param').sid, c.var.user);
    const rec = await store.recordings.get(v.recordingSid);
    if (!rec)
      throw new UnprocessableError(
        'not-stored-yet',
        `Voicemail "${v.recordingSid}" is still being copied into storage.`,
      );
    const ttl = deps.playbackTtlSeconds;
    const url = await deps.media.presignGet(rec.s3Key, ttl);
    await store.audit.append({
      actor: c.var.user.id,
      action: 'voicemail.playback',
      target: v.recordingSid,
      detail: { mailbox: mailboxOf(v), callSid: v.callSid, ttlSeconds: ttl },
    });
    const expiresAt = new Date(deps.clock.now() + ttl * 1000).toISOString();
    return c.json({ url, expiresAt, contentType: rec.contentType }, 200);
  });

  const handled = securedRoute(guard, 'voicemails.markHandled', {
    method: 'post',
    path: '/voicemails/{sid}/handled',
    tags,
    description: "Marks the message handled (idempotent); it leaves the box's new list.",
    request: { params: VoicemailSidParam },
    responses: { 200: jsonOk(VoicemailSchema), ...SECURED_ERRORS, ...NOT_FOUND },
  });
  app.openapi(handled, async (c) => {
    const v = await visible(c.req.valid('param').sid, c.var.user);
    if (v.status === 'handled') return c.json(await view(v), 200);
    const patch = { status: 'handled', handledBy: c.var.user.id, handledAt: now() } as const;
    const done = unwrap(
      await store.voicemails.update(v.recordingSid, v.version, patch),
      'voicemail',
      v.recordingSid,
    );
    await store.audit.append({ actor: c.var.user.id, action: 'voicemail.handled', target: v.recordingSid });
    return c.json(await view(done), 200);
  });

  const callback = securedRoute(guard, 'voicemails.callback', {
    method: 'post',
    path: '/voicemails/{sid}/callback',
    tags,
    description: 'A callback task for you, due now, keeping the time the caller left the message.',
    request: { params: VoicemailSidParam },
    responses: {
      200: jsonOk(CallbackSchema),
      201: jsonOk(CallbackSchema, 'Created'),
      ...SECURED_ERRORS,
      ...NOT_FOUND,
    },
  });
  app.openapi(callback, async (c) => {
    const v = await visible(c.req.valid('param').sid, c.var.user);
    const me = c.var.user.id;
    const open = v.taskId ? await store.tasks.get(v.taskId) : undefined;
    if (open && (open.status === 'open' || open.status === 'in-progress')) {
      const task =
        open.assigneeId === me
          ? open
          : unwrap(await store.tasks.update(open.id, open.version, { assigneeId: me }), 'task', open.id);
      await store.audit.append({
        actor: me,
        action: 'voicemail.callback',
        target: v.recordingSid,
        detail: { taskId: task.id },
      });
      return c.json({ task, created: false }, 200);
    }
    const made = await store.tasks.create({
      kind: 'callback',
      dueAt: now(),
      phone: v.caller,
      queue: v.queue,
      assigneeId: me,
      maxAttempts: 3,
      enqueuedAt: v.createdAt,
      language: v.language,
      note: `voicemail ${v.recordingSid}`,
      ...(v.customerId ? { customerId: v.customerId } : {}),
    });
    const task = unwrap(made, 'task', v.recordingSid);
    await store.voicemails.update(v.recordingSid, v.version, { taskId: task.id });
    await store.audit.append({
      actor: me,
      action: 'voicemail.callback',
      target: v.recordingSid,
      detail: { taskId: task.id },
    });
    return c.json({ task, created: true }, 201);
  });
}
