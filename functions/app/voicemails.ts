// The voicemail desk: listing a mailbox (agents their own and their skills' queues, supervisors and
// admins every box), listening through a short-lived presigned URL (audited like recordings), marking a
// message handled, and calling back (a callback task, an open one reused and given to whoever calls back).

import type { MediaStore } from '../domain/channel-ports.js';
import { isLead, type Task, type User, type Voicemail, type VoicemailStatus } from '../domain/model.js';
import type { Page } from '../domain/paging.js';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../domain/problems.js';
import { type Mailbox, mailboxesOf, mailboxOf, mayOpen } from '../domain/voicemail-box.js';
import type { CenterBasics } from './center.js';
import { recordFact } from './history/call-history.js';
import { auditedPlayback, isOwnerOf } from './recordings.js';
import { unwrap } from './write-result.js';

export type VoicemailDeps = Pick<CenterBasics, 'store' | 'clock'>;

export interface VoicemailPlaybackDeps extends VoicemailDeps {
  readonly media: MediaStore;
  /** Lifetime of the presigned URL. */
  readonly playbackTtlSeconds: number;
}

/** A voicemail as the desk shows it: its box, and whether its media is in storage yet (listenable). */
export interface VoicemailView extends Voicemail {
  readonly mailbox: Mailbox;
  readonly stored: boolean;
  /** The customer's name, so the inbox reads as people rather than ids. */
  readonly customerName?: string;
}

export interface VoicemailListQuery {
  readonly mailbox?: string | undefined;
  /** Default new: the desk's work is the messages nobody has dealt with. */
  readonly status?: VoicemailStatus | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

export interface VoicemailPlayback {
  readonly url: string;
  readonly expiresAt: string;
  readonly contentType: string;
}

export interface VoicemailCallback {
  readonly task: Task;
  /** False when an open callback task was reused. */
  readonly created: boolean;
}

const DEFAULT_LIMIT = 50;
/** Attempts a callback task from a voicemail gets, as many as a callback the caller asked for. */
const CALLBACK_ATTEMPTS = 3;

const nowIso = (deps: VoicemailDeps) => new Date(deps.clock.now()).toISOString();

export async function viewOf(deps: VoicemailDeps, v: Voicemail): Promise<VoicemailView> {
  const [rec, customer] = await Promise.all([
    deps.store.recordings.get(v.recordingSid),
    v.customerId ? deps.store.customers.get(v.customerId) : undefined,
  ]);
  return {
    ...v,
    mailbox: mailboxOf(v),
    stored: rec !== undefined,
    ...(customer ? { customerName: customer.name } : {}),
  };
}

/** The voicemail, if it exists and is in one of the user's boxes; 404 or 403 otherwise. */
export async function visibleVoicemail(deps: VoicemailDeps, user: User, sid: string): Promise<Voicemail> {
  const v = await deps.store.voicemails.get(sid);
  if (!v) throw new NotFoundError('voicemail', sid);
  // The owner agent reaches their customers' messages wherever they were filed.
  if (!mayOpen(user, mailboxOf(v)) && !(await isOwnerOf(deps, user, v.customerId)))
    throw new ForbiddenError(`Voicemail "${sid}" is in ${mailboxOf(v)}, not one of your mailboxes.`);
  return v;
}

export async function listVoicemails(
  deps: VoicemailDeps,
  user: User,
  query: VoicemailListQuery,
): Promise<Page<VoicemailView>> {
  const { store } = deps;
  const { mailbox, status = 'new', limit = DEFAULT_LIMIT, cursor } = query;
  const page = { limit, ...(cursor ? { cursor } : {}) };
  if (mailbox && !mayOpen(user, mailbox))
    throw new ForbiddenError(
      `${mailbox} is not one of your mailboxes; agents open their own and their queues'.`,
    );
  if (mailbox) {
    const found = await store.voicemails.byMailbox(mailbox, page);
    const items = await Promise.all(
      found.items.filter((v) => v.status === status).map((v) => viewOf(deps, v)),
    );
    return { items, ...(found.cursor ? { cursor: found.cursor } : {}) };
  }
  // Supervisors and admins open every box, so theirs is one list across boxes by status.
  if (isLead(user.roles)) {
    const found = await store.voicemails.byStatus(status, page);
    return {
      items: await Promise.all(found.items.map((v) => viewOf(deps, v))),
      ...(found.cursor ? { cursor: found.cursor } : {}),
    };
  }
  // An agent's boxes together, newest first: the first `limit` of each box is enough for one page.
  const boxes = await Promise.all(mailboxesOf(user).map((m) => store.voicemails.byMailbox(m, { limit })));
  const merged = boxes
    .flatMap((b) => b.items)
    .filter((v) => v.status === status)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, limit);
  return { items: await Promise.all(merged.map((v) => viewOf(deps, v))) };
}

export async function openVoicemail(deps: VoicemailDeps, user: User, sid: string): Promise<VoicemailView> {
  return viewOf(deps, await visibleVoicemail(deps, user, sid));
}

/** A presigned URL for the message; 422 until the worker has copied it into storage. Every listen is audited. */
export async function playVoicemail(
  deps: VoicemailPlaybackDeps,
  user: User,
  sid: string,
): Promise<VoicemailPlayback> {
  const v = await visibleVoicemail(deps, user, sid);
  const rec = await deps.store.recordings.get(v.recordingSid);
  if (!rec)
    throw new UnprocessableError(
      'not-stored-yet',
      `Voicemail "${v.recordingSid}" is still being copied into storage.`,
    );
  return auditedPlayback(deps, user, rec, {
    action: 'voicemail.playback',
    target: v.recordingSid,
    detail: { mailbox: mailboxOf(v), callSid: v.callSid },
  });
}

/** Idempotent: a message already handled is returned as it is, keeping who handled it first. */
export async function markVoicemailHandled(
  deps: VoicemailDeps & Partial<Pick<CenterBasics, 'logger' | 'config'>>,
  user: User,
  sid: string,
): Promise<VoicemailView> {
  const v = await visibleVoicemail(deps, user, sid);
  if (v.status === 'handled') return viewOf(deps, v);
  const patch = { status: 'handled', handledBy: user.id, handledAt: nowIso(deps) } as const;
  const done = unwrap(
    await deps.store.voicemails.update(v.recordingSid, v.version, patch),
    'voicemail',
    v.recordingSid,
  );
  await deps.store.audit.append({ actor: user.id, action: 'voicemail.handled', target: v.recordingSid });
  // The history needs the center's logger and zone: every door has them (unit tests of the box may not).
  if (deps.logger && deps.config)
    await recordFact(
      { ...deps, logger: deps.logger, config: deps.config },
      {
        id: `voicemail:${v.recordingSid}:handled`,
        at: patch.handledAt,
        type: 'voicemail.handled',
        callSid: v.callSid,
        queue: v.queue,
        agent: user.id,
        n: { handleSeconds: Math.max(0, (Date.parse(patch.handledAt) - Date.parse(v.createdAt)) / 1000) },
      },
    );
  return viewOf(deps, done);
}

/**
 * A callback task for the user, due now, keeping the time the caller left the message so the callback
 * keeps the caller's place. An open task already made from the message is reused and given to
 * the user rather than doubled.
 */
export async function callBackVoicemail(
  deps: VoicemailDeps,
  user: User,
  sid: string,
): Promise<VoicemailCallback> {
  const { store } = deps;
  const v = await visibleVoicemail(deps, user, sid);
  const me = user.id;
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
    return { task, created: false };
  }
  const made = await store.tasks.create({
    kind: 'callback',
    dueAt: nowIso(deps),
    phone: v.caller,
    queue: v.queue,
    assigneeId: me,
    maxAttempts: CALLBACK_ATTEMPTS,
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
  return { task, created: true };
}
