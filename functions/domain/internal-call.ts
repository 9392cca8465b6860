// Calls between agents by agent number: which colleague a dialled number names, and the record of an
// internal call both desks read. An internal call is not a customer call: no call record, no recording, no
// wrap-up; each agent is Busy while it rings or lasts, so TaskRouter offers them no customer meanwhile.
import type { User } from './model.js';

/** What the desk's dial pad takes for an agent number rather than a phone number: an extension's shape. */
export const AGENT_NUMBER_PATTERN = /^\d{2,8}$/;

export type AgentNumberMatch =
  | { readonly ok: true; readonly user: User }
  | { readonly ok: false; readonly reason: 'unknown' | 'ambiguous' };

/**
 * The colleague an agent number names. A PBX dials extensions ("内线分机相互转接"), so an extension wins;
 * a number that is nobody's extension may be a login id, for centers that number agents by their id (the
 * id is what the warranty line announces as the agent's number). Disabled users are nobody's number.
 */
export function matchAgentNumber(users: readonly User[], number: string): AgentNumberMatch {
  const wanted = number.trim();
  const active = users.filter((u) => !u.disabled);
  const byExtension = active.filter((u) => u.extension === wanted);
  if (byExtension.length > 1) return { ok: false, reason: 'ambiguous' };
  const user = byExtension[0] ?? active.find((u) => u.id === wanted);
  return user ? { ok: true, user } : { ok: false, reason: 'unknown' };
}

/** The number a desk shows for an agent: their extension, else their id. */
export const agentNumberOf = (user: Pick<User, 'id' | 'extension'>): string => user.extension ?? user.id;

export type InternalCallStatus = 'ringing' | 'in-progress' | 'declined' | 'no-answer' | 'ended' | 'failed';

/** An internal call as one of its two agents holds it (on their TaskRouter worker's attributes). */
export interface InternalCall {
  /** Stamps the call, so a late callback of an older internal call changes nothing on a newer one. */
  readonly id: string;
  readonly role: 'caller' | 'callee';
  readonly peer: { readonly id: string; readonly name: string; readonly number: string };
  readonly status: InternalCallStatus;
  /** The activity the agent had before the call, which they return to after it. */
  readonly restore: string;
  readonly since: string;
  /** Set once the agent's activity is given back, so a second callback does not give it back again. */
  readonly restored?: boolean;
  /** When it ended: its outcome is shown for a moment after. */
  readonly endedAt?: string;
}

/** The worker attribute an agent's side of their last internal call is kept in. */
export const INTERNAL_CALL_ATTRIBUTE = 'internal_call';

/** How long after its end an internal call's outcome is still shown. */
export const OUTCOME_SHOWN_MS = 120_000;

const STATUSES: readonly InternalCallStatus[] = [
  'ringing',
  'in-progress',
  'declined',
  'no-answer',
  'ended',
  'failed',
];

/** The internal call a worker's attributes hold, or undefined for none (or one not in this shape). */
export function internalCallOf(attributes: Readonly<Record<string, unknown>>): InternalCall | undefined {
  const v = attributes[INTERNAL_CALL_ATTRIBUTE];
  if (!v || typeof v !== 'object') return undefined;
  const c = v as Partial<InternalCall>;
  const ok =
    typeof c.id === 'string' &&
    (c.role === 'caller' || c.role === 'callee') &&
    typeof c.peer?.id === 'string' &&
    STATUSES.includes(c.status as InternalCallStatus) &&
    typeof c.restore === 'string' &&
    typeof c.since === 'string';
  return ok ? (c as InternalCall) : undefined;
}

/** What the desk shows of it: a live call, or one that ended moments ago; else nothing. */
export function shownInternalCall(call: InternalCall | undefined, nowMs: number): InternalCall | undefined {
  if (!call) return undefined;
  if (isLive(call)) return call;
  const ended = call.endedAt ? Date.parse(call.endedAt) : Number.NaN;
  return nowMs - ended <= OUTCOME_SHOWN_MS ? call : undefined;
}

/** Whether the call still holds the agent (rings or is connected). */
export const isLive = (call: InternalCall): boolean =>
  !call.restored && (call.status === 'ringing' || call.status === 'in-progress');

/**
 * How an internal call ended, from the colleague's leg's final `CallStatus`. A Voice SDK call the callee
 * rejects ends `busy`; `canceled` is the caller hanging up while it rang.
 */
export function outcomeOf(callStatus: string, answered: boolean): InternalCallStatus {
  if (answered || callStatus === 'completed') return 'ended';
  if (callStatus === 'busy') return 'declined';
  if (callStatus === 'failed') return 'failed';
  return 'no-answer';
}

/** The activity to return to: one the agent may be given back (a wrap-up's own timer owns Wrap-up). */
export function activityAfter(before: string): string {
  return ['Available', 'Break', 'Offline', 'Busy'].includes(before) ? before : 'Available';
}
