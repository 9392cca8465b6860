// What becomes of an internal call, from its legs' callbacks: the colleague answered, or the call is over
// (answered and hung up, declined, unanswered, or the caller gave up). Over, each agent gets back the
// activity they had before it, and both desks are told; the outcome stays readable for a moment, so the
// caller's desk can say why a call did not go through. Each agent's side of the call is kept on their
// TaskRouter worker, which the desk's status reads anyway: the call costs the desk's polls no extra read,
// and the activity and the call change in one write.
import {
  activityAfter,
  INTERNAL_CALL_ATTRIBUTE,
  type InternalCall,
  type InternalCallStatus,
  internalCallOf,
  isLive,
  outcomeOf,
} from '../../domain/internal-call.js';
import type { ProvisionedRouting } from '../../domain/routing/provisioned.js';
import type { WorkerView } from '../../domain/taskrouter-port.js';
import { activitySid, type Center } from '../center.js';

/** Writes the agent's side of the call onto their worker, with an activity change when one is due. */
export async function saveInternalCall(
  center: Center,
  sids: ProvisionedRouting,
  worker: WorkerView,
  call: InternalCall,
  activity?: { readonly name: string; readonly rejectPending: boolean },
): Promise<void> {
  await center.taskrouter.updateWorker(sids.workspaceSid, worker.sid, {
    attributes: { ...worker.attributes, [INTERNAL_CALL_ATTRIBUTE]: { ...call } },
    ...(activity
      ? {
          activitySid: activitySid(sids, activity.name),
          ...(activity.rejectPending ? { rejectPendingReservations: true } : {}),
        }
      : {}),
  });
}

export interface InternalCallRef {
  readonly id: string;
  readonly caller: string;
  readonly callee: string;
}

/** Each of the call's two agents whose worker still holds this call (not a newer one). */
async function sides(center: Center, ref: InternalCallRef) {
  const sids = await center.provisioned();
  const found: { worker: WorkerView; call: InternalCall }[] = [];
  for (const agentId of [ref.caller, ref.callee]) {
    const workerSid = sids.workers[agentId];
    const worker = workerSid ? await center.taskrouter.worker(sids.workspaceSid, workerSid) : undefined;
    const call = worker ? internalCallOf(worker.attributes) : undefined;
    if (worker && call?.id === ref.id) found.push({ worker, call });
  }
  return { sids, found };
}

/** The colleague answered: both desks show the call as connected. */
async function answered(center: Center, ref: InternalCallRef): Promise<void> {
  const { sids, found } = await sides(center, ref);
  for (const { worker, call } of found)
    if (isLive(call)) await saveInternalCall(center, sids, worker, { ...call, status: 'in-progress' });
}

/**
 * The call is over: each agent still Busy for it returns to the activity they had before (a state they
 * chose since, or one a supervisor forced, is left alone), once, whichever callback comes first. The
 * Dial's end knows best how it ended (declined, unanswered): `final` says the outcome is that one, and it
 * replaces a guess made when the caller's own leg ended first.
 */
export async function finishInternalCall(
  center: Center,
  ref: InternalCallRef,
  outcome: InternalCallStatus,
  final = false,
): Promise<void> {
  const { sids, found } = await sides(center, ref);
  for (const { worker, call } of found) {
    if (call.restored) {
      if (final && call.status !== outcome)
        await saveInternalCall(center, sids, worker, { ...call, status: outcome });
      continue;
    }
    const back = activityAfter(call.restore);
    const status = isLive(call) || final ? outcome : call.status;
    const endedAt = new Date(center.clock.now()).toISOString();
    await saveInternalCall(
      center,
      sids,
      worker,
      { ...call, status, restored: true, endedAt },
      worker.activity === 'Busy' && back !== 'Busy' ? { name: back, rejectPending: false } : undefined,
    );
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
  const { found } = await sides(center, ref);
  const mine = found.find((s) => s.worker.name === ref.caller)?.call;
  const wasAnswered = mine?.status === 'in-progress' || mine?.status === 'ended';
  if (leg === 'dial') return finishInternalCall(center, ref, outcomeOf(callStatus, wasAnswered), true);
  // A call still ringing was given up on; one connected has ended.
  await finishInternalCall(center, ref, wasAnswered ? 'ended' : 'no-answer');
}
