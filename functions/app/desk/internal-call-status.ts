// What becomes of an internal call, from its two legs' status callbacks: the colleague answered, or the
// call is over (answered and hung up, declined, unanswered, or the caller gave up). Over, each agent gets
// back the activity they had before it, and both desks are told; the outcome stays readable for a
// moment, so the caller's desk can say why a call did not go through.
import {
  activityAfter,
  type InternalCall,
  type InternalCallStatus,
  internalCallKey,
  isLive,
  outcomeOf,
} from '../../domain/internal-call.js';
import type { Store } from '../../domain/ports.js';
import { activitySid, type Center } from '../center.js';

/** A live call's marker outlasts Dial's 4-hour limit; an ended one is shown only briefly. */
const LIVE_MS = 86_400_000;
const ENDED_MS = 120_000;

export async function internalCallOf(store: Store, agentId: string): Promise<InternalCall | undefined> {
  const held = await store.keys.get(internalCallKey(agentId));
  return held ? (JSON.parse(String(held.value)) as InternalCall) : undefined;
}

export async function saveInternalCall(center: Center, agentId: string, call: InternalCall): Promise<void> {
  const ttl = isLive(call) ? LIVE_MS : ENDED_MS;
  await center.store.keys.put(
    internalCallKey(agentId),
    JSON.stringify(call),
    new Date(center.clock.now() + ttl).toISOString(),
  );
}

export interface InternalCallRef {
  readonly id: string;
  readonly caller: string;
  readonly callee: string;
}

/** The colleague answered: both desks show the call as connected. */
async function answered(center: Center, ref: InternalCallRef): Promise<void> {
  for (const agentId of [ref.caller, ref.callee]) {
    const call = await internalCallOf(center.store, agentId);
    if (call?.id !== ref.id || !isLive(call)) continue;
    await saveInternalCall(center, agentId, { ...call, status: 'in-progress' });
    await center.publish({ agentId }, ['me']);
  }
}

/**
 * The call is over: each agent still Busy for it returns to the activity they had before (a state they
 * chose since, or one a supervisor forced, is left alone), once, whichever leg's callback comes first.
 * The colleague's leg knows best how it ended (declined, unanswered): `final` says the outcome is that
 * leg's, and it replaces a guess made when the caller's own leg ended first.
 */
export async function finishInternalCall(
  center: Center,
  ref: InternalCallRef,
  outcome: InternalCallStatus,
  final = false,
): Promise<void> {
  const sids = await center.provisioned();
  for (const agentId of [ref.caller, ref.callee]) {
    const call = await internalCallOf(center.store, agentId);
    if (call?.id !== ref.id) continue;
    if (call.restored) {
      if (final && call.status !== outcome) {
        await saveInternalCall(center, agentId, { ...call, status: outcome });
        await center.publish({ agentId }, ['me']);
      }
      continue;
    }
    const workerSid = sids.workers[agentId];
    const worker = workerSid ? await center.taskrouter.worker(sids.workspaceSid, workerSid) : undefined;
    if (workerSid && worker?.activity === 'Busy') {
      const back = activityAfter(call.restore);
      if (back !== 'Busy')
        await center.taskrouter.updateWorker(sids.workspaceSid, workerSid, {
          activitySid: activitySid(sids, back),
        });
    }
    await saveInternalCall(center, agentId, {
      ...call,
      status: isLive(call) || final ? outcome : call.status,
      restored: true,
    });
    await center.publish({ agentId }, ['me']);
  }
}

/**
 * What a leg tells: `callee`, the colleague's leg's status callback (answered); `dial`, the end of the
 * caller's `<Dial>` with its `DialCallStatus`, which comes before the caller's leg ends, so it settles the
 * outcome; `caller`, the caller's own leg over (the only word when the `<Dial>` never ran).
 */
export async function onInternalCallStatus(
  center: Center,
  ref: InternalCallRef,
  leg: 'caller' | 'callee' | 'dial',
  callStatus: string,
): Promise<void> {
  if (leg === 'callee') return callStatus === 'in-progress' ? answered(center, ref) : undefined;
  if (['queued', 'initiated', 'ringing', 'in-progress'].includes(callStatus)) return;
  const mine = await internalCallOf(center.store, ref.caller);
  const wasAnswered = mine?.id === ref.id && (mine.status === 'in-progress' || mine.status === 'ended');
  if (leg === 'dial') return finishInternalCall(center, ref, outcomeOf(callStatus, wasAnswered), true);
  // A call still ringing was given up on; one connected has ended.
  await finishInternalCall(center, ref, wasAnswered ? 'ended' : 'no-answer');
}
