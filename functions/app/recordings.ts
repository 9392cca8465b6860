// Finding and hearing recordings, and pausing the live one: search, metadata, short-lived playback URLs
// (every playback audited), pause/resume around something that must not be recorded (a card number).
// Agents see, hear and control only their own calls; supervisors and admins all.
import type { MediaStore } from '../domain/channel-ports.js';
import { isLead, type User } from '../domain/model.js';
import type { PageRequest } from '../domain/ports.js';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../domain/problems.js';
import type { RecordingQuery, StoredRecording } from '../domain/recording.js';
import { ProviderError, type RecordingView, type TelephonyPort } from '../domain/telephony-port.js';
import type { CenterBasics } from './center.js';
import { normaliseOnePhone } from './phone-input.js';

export interface RecordingSearch {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly agentId?: string | undefined;
  readonly caller?: string | undefined;
  readonly customerId?: string | undefined;
  readonly ticket?: string | undefined;
  readonly queue?: string | undefined;
}

export async function visibleRecording(
  deps: CenterBasics,
  user: User,
  sid: string,
): Promise<StoredRecording> {
  const rec = await deps.store.recordings.get(sid);
  if (!rec) throw new NotFoundError('recording', sid);
  if (!isLead(user.roles) && rec.agentId !== user.id && !(await ownsVoicemail(deps, user, rec)))
    throw new ForbiddenError(`Recording "${sid}" is of another agent's call; agents hear only their own.`);
  return rec;
}

/**
 * A voicemail has no agent on its call: the agent who may hear it is the one whose box it is in, or the
 * owner agent of the customer who left it (a message filed in a queue's box before the owner was known).
 */
async function ownsVoicemail(deps: Pick<CenterBasics, 'store'>, user: User, rec: StoredRecording) {
  if (rec.kind !== 'voicemail') return false;
  const voicemail = await deps.store.voicemails.get(rec.voicemailId ?? rec.sid);
  if (voicemail?.agentId === user.id) return true;
  return isOwnerOf(deps, user, voicemail?.customerId ?? rec.customerId);
}

/** Whether the user is the customer's owner agent. */
export async function isOwnerOf(deps: Pick<CenterBasics, 'store'>, user: User, customerId?: string) {
  if (!customerId) return false;
  return (await deps.store.customers.get(customerId))?.ownerAgentId === user.id;
}

export async function searchRecordings(
  deps: CenterBasics,
  user: User,
  q: RecordingSearch,
  page: PageRequest,
) {
  const all = isLead(user.roles);
  if (!all && q.agentId && q.agentId !== user.id)
    throw new ForbiddenError('Agents may search only their own recordings.');
  const query: RecordingQuery = {
    ...(q.from ? { from: new Date(q.from).toISOString() } : {}),
    ...(q.to ? { to: new Date(q.to).toISOString() } : {}),
    ...(all ? (q.agentId ? { agentId: q.agentId } : {}) : { agentId: user.id }),
    ...(q.caller
      ? { caller: normaliseOnePhone(q.caller, deps.config.defaultPhoneRegion, 'query.caller') }
      : {}),
    ...(q.customerId ? { customerId: q.customerId } : {}),
    ...(q.ticket ? { ticket: q.ticket.toUpperCase() } : {}),
    ...(q.queue ? { queue: q.queue } : {}),
  };
  return deps.store.recordings.search(query, page);
}

export type PlaybackDeps = Pick<CenterBasics, 'store' | 'clock'> & {
  readonly media: MediaStore;
  readonly playbackTtlSeconds: number;
};

/** A short-lived signed URL for stored audio; every listen is on the audit log, whoever listens. */
export async function auditedPlayback(
  deps: PlaybackDeps,
  user: User,
  rec: StoredRecording,
  audit: {
    readonly action: string;
    readonly target: string;
    readonly detail: Readonly<Record<string, unknown>>;
  },
) {
  const ttl = deps.playbackTtlSeconds;
  const url = await deps.media.presignGet(rec.s3Key, ttl);
  await deps.store.audit.append({
    actor: user.id,
    action: audit.action,
    target: audit.target,
    detail: { ...audit.detail, ttlSeconds: ttl },
  });
  const expiresAt = new Date(deps.clock.now() + ttl * 1000).toISOString();
  return { url, expiresAt, contentType: rec.contentType };
}

export async function playRecording(deps: CenterBasics & PlaybackDeps, user: User, sid: string) {
  const rec = await visibleRecording(deps, user, sid);
  return auditedPlayback(deps, user, rec, {
    action: 'recording.playback',
    target: rec.sid,
    detail: { callSid: rec.callSid, agentId: rec.agentId },
  });
}
const LIVE = new Set(['in-progress', 'paused']);

export type LiveRecordingDeps = CenterBasics & {
  readonly telephony: TelephonyPort;
  /** The other calls in the customer's conference (the agent's leg, added parties), when it has one. */
  readonly legsOf?: (customerCallSid: string) => Promise<readonly string[]>;
};

/**
 * The recordings running for a customer's call. On Twilio a conference call's recording belongs to the leg
 * that asked for it (the agent's leg for the assignment's conference instruction, the customer's for
 * click-to-dial, an added party's own), so the customer's CallSid alone may own none: every leg is asked.
 * A conference's own recording is addressed through the conference and is not one we make.
 */
async function liveRecordings(deps: LiveRecordingDeps, callSid: string): Promise<RecordingView[]> {
  const others = deps.legsOf ? await deps.legsOf(callSid).catch(() => []) : [];
  const found = new Map<string, RecordingView>();
  for (const leg of new Set([callSid, ...others])) {
    for (const rec of await deps.telephony.recordings(leg))
      if (LIVE.has(rec.status) && rec.source !== 'Conference') found.set(rec.sid, rec);
  }
  return [...found.values()];
}

export async function controlLiveRecording(
  deps: LiveRecordingDeps,
  user: User,
  callSid: string,
  action: 'pause' | 'resume',
): Promise<void> {
  const call = await deps.store.calls.get(callSid);
  if (!call) throw new NotFoundError('call', callSid);
  if (!isLead(user.roles) && call.agentId !== user.id)
    throw new ForbiddenError(`Call "${callSid}" is not yours; agents control only their own calls.`);
  const live = await liveRecordings(deps, callSid);
  if (!live.length)
    throw new UnprocessableError('no-live-recording', `Call "${callSid}" has no recording to ${action}.`);
  try {
    for (const rec of live) await deps.telephony.setRecording(rec.callSid, action, rec.sid);
  } catch (err) {
    // It ended between the listing and the change.
    if (err instanceof ProviderError && (err.status === 404 || err.status === 400))
      throw new UnprocessableError('no-live-recording', `Call "${callSid}" has no recording to ${action}.`);
    throw err;
  }
  await deps.store.audit.append({
    actor: user.id,
    action: `recording.${action}`,
    target: callSid,
    detail: { recordingSids: live.map((r) => r.sid) },
  });
}
