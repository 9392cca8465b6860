// What an agent has typed about a call and not yet saved (wrap-up notes and disposition, the ticket form,
// the screen pop's findings), kept server-side per agent and call so a reload, a second tab or a lost
// network gives it back. Drafts expire on their own; the wrap-up timer saves the notes and outcome onto
// the call record when the agent never did.
import type { HotlineNumber } from '../../../flows/numbers.js';
import { isLead, type User } from '../../domain/model.js';
import type { Clock, MarkerKey, Store } from '../../domain/ports.js';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../../domain/problems.js';
import { dispositionRecorded } from '../campaigns/attempts.js';
import type { CenterBasics } from '../center.js';
import { offersDisposition, readWrapUpSetting } from './dispositions.js';

/** Long enough for a shift and its wrap-ups; a draft nobody came back to is not worth keeping. */
export const DRAFT_TTL_SECONDS = 12 * 3600;
/** Stored as one small item: a draft is typing in progress, not a document store. */
export const DRAFT_MAX_CHARS = 16_000;

export interface DraftContent {
  readonly disposition?: string | undefined;
  readonly notes?: string | undefined;
  /** The ticket form's fields by name. */
  readonly ticket?: Readonly<Record<string, string>> | undefined;
  /** What the screen pop was showing (caller, queue, the IVR's findings). */
  readonly pop?: Readonly<Record<string, string | boolean>> | undefined;
}

export interface CallDraft extends DraftContent {
  readonly callSid: string;
  readonly savedAt: string;
  readonly expiresAt: string;
}

export const draftKey = (agentId: string, callSid: string): MarkerKey => ({
  kind: 'call-draft',
  agentId,
  callSid,
});

export async function readDraft(
  store: Store,
  agentId: string,
  callSid: string,
): Promise<CallDraft | undefined> {
  const found = await store.keys.get(draftKey(agentId, callSid));
  if (!found) return undefined;
  try {
    const content = JSON.parse(String(found.value)) as DraftContent & { savedAt: string };
    return { ...content, callSid, expiresAt: found.expiresAt };
  } catch {
    // Written by this module only, so unreadable means damaged: as good as absent.
    return undefined;
  }
}

/** My draft for a call; 404 when there is none (another agent's draft for the same call is not mine). */
export async function getDraft(store: Store, user: User, callSid: string): Promise<CallDraft> {
  const draft = await readDraft(store, user.id, callSid);
  if (!draft) throw new NotFoundError('draft', callSid);
  return draft;
}

/**
 * Replaces my draft for a call. Only for a call I took (leads: any call), so a draft cannot be parked on
 * someone else's customer. The marker port has no plain put: delete, then put if absent, retried when a
 * concurrent save from my other tab lands in between (the later save wins either way).
 */
export async function saveDraft(
  store: Store,
  clock: Clock,
  user: User,
  callSid: string,
  content: DraftContent,
): Promise<CallDraft> {
  const record = await store.calls.get(callSid);
  if (!record) throw new NotFoundError('call', callSid);
  if (!isLead(user.roles) && record.agentId !== user.id)
    throw new ForbiddenError(`Call ${callSid} was taken by another agent.`);
  const savedAt = new Date(clock.now()).toISOString();
  const value = JSON.stringify({ ...content, savedAt });
  if (value.length > DRAFT_MAX_CHARS)
    throw new UnprocessableError(
      'draft-too-large',
      `A draft holds at most ${DRAFT_MAX_CHARS} characters; this one has ${value.length}.`,
      { limit: DRAFT_MAX_CHARS, size: value.length },
    );
  const expiresAt = new Date(clock.now() + DRAFT_TTL_SECONDS * 1000).toISOString();
  const key = draftKey(user.id, callSid);
  for (let attempt = 0; attempt < 3; attempt++) {
    await store.keys.delete(key);
    if (await store.keys.putIfAbsent(key, value, expiresAt)) break;
  }
  return { ...content, callSid, savedAt, expiresAt };
}

export async function discardDraft(store: Store, user: User, callSid: string): Promise<void> {
  await store.keys.delete(draftKey(user.id, callSid));
}

/**
 * The wrap-up ended without the agent saving: whatever notes and outcome they typed go onto the call
 * record, unless the record already has its own (the agent saved, and then kept typing). Returns what
 * was written.
 */
export async function keepDraftOnCall(
  deps: CenterBasics,
  lines: readonly HotlineNumber[],
  agentId: string,
  callSid: string,
): Promise<{ readonly notes?: string; readonly disposition?: string } | undefined> {
  const { store } = deps;
  const draft = await readDraft(store, agentId, callSid);
  if (!draft) return undefined;
  const record = await store.calls.get(callSid);
  if (!record) return undefined;
  const notes = draft.notes?.trim();
  const campaign = record.campaignId ? await store.campaigns.get(record.campaignId) : undefined;
  const offered =
    draft.disposition && !record.disposition
      ? campaign
        ? campaign.dispositions.some((d) => d.code === draft.disposition)
        : offersDisposition(lines, record, draft.disposition, await readWrapUpSetting(store))
      : false;
  const patch = {
    ...(notes && !record.notes ? { notes } : {}),
    // A code typed before the hotline's list changed is not kept: the notes still say what happened.
    ...(draft.disposition && offered ? { disposition: draft.disposition } : {}),
  };
  if (Object.keys(patch).length === 0) return undefined;
  await store.calls.update(callSid, patch);
  if (campaign && record.contactId && patch.disposition)
    await dispositionRecorded(deps, campaign, record.contactId, callSid, patch.disposition);
  return patch;
}
