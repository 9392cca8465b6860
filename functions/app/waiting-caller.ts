// What a caller waiting in a queue can do and what becomes of them: turned away on joining a full queue,
// ask for a callback (a task that keeps their place and goes to TaskRouter at once) or a voicemail, how
// they left the queue, and the voicemail they leave (stored once, with a callback task for the mailbox).
// The IVR webhooks render the words.

import type { Session } from '../domain/ivr/steps.js';
import { WAITING_LIMIT } from '../domain/queue-settings.js';
import { beyondQueueLimit } from '../domain/routing/queue-limit.js';
import { dispatchCallback } from './callbacks.js';
import type { Center, CenterBasics } from './center.js';
import { checkOutbound } from './dial-guard.js';
import { forwardRuleOf } from './forwarding.js';
import { recordFact } from './history/call-history.js';
import { waitingLimitOf } from './queue-settings.js';
import { wrapUpBridgedCall } from './wrap-up.js';

/** How long the choice made while waiting is remembered (the queue's outcome arrives when the caller leaves). */
const EXIT_TTL_MS = 6 * 3600_000;

export interface WaitingCall {
  readonly callSid: string;
  readonly caller: string;
  readonly called: string;
}

/**
 * The caller pressed 1 while waiting: a callback that keeps their place in the queue. A number the
 * dialling policy refuses (premium, withheld, another country) gets no promise: the caller is told and
 * leaves a voicemail instead, and the refusal is audited like any other.
 */
export async function requestCallback(
  center: Center,
  input: {
    readonly session: Session;
    readonly queue: string;
    readonly call: WaitingCall;
    readonly waitedSeconds: number;
  },
): Promise<'requested' | 'refused'> {
  const { session, queue, call } = input;
  const allowed = await checkOutbound(center, {
    actor: 'system',
    purpose: 'callback',
    number: call.caller,
    callerId: call.called,
  });
  if (!allowed.ok) {
    await rememberExit(center, call.callSid, 'voicemail');
    return 'refused';
  }
  const now = center.clock.now();
  const made = await center.store.tasks.create({
    kind: 'callback',
    dueAt: new Date(now).toISOString(),
    phone: call.caller,
    queue,
    maxAttempts: 3,
    enqueuedAt: new Date(now - input.waitedSeconds * 1000).toISOString(),
    language: session.lang,
    autoDial: true,
    callerId: call.called,
    note: `callback requested while waiting in ${queue}`,
    ...(session.vars.customerId ? { customerId: session.vars.customerId } : {}),
    ...(session.vars.ticketNumber ? { ticketNumber: session.vars.ticketNumber } : {}),
  });
  if (!made.ok) throw new Error(`callback task for ${call.callSid} was not stored: ${made.reason}`);
  await recordFact(center, {
    id: `callback:${made.value.id}:requested`,
    type: 'callback.requested',
    callSid: call.callSid,
    queue,
    from: call.caller,
    ...(session.vars.customerId ? { customerId: session.vars.customerId } : {}),
  });
  await dispatchCallback(center, center, made.value.id, { flow: session.flow, vars: session.vars });
  await center.publish({ everyAgent: true }, ['tasks']);
  await rememberExit(center, call.callSid, 'callback');
  return 'requested';
}

/**
 * A caller has just joined the queue (the first wait request): `full` when they make more callers wait in
 * it than its limit allows (the console's queues setting, else the routing's). Callers whose call is
 * ringing an agent are not waiting and do not count, so a rush of callers with as many agents free all go
 * through. A full queue is remembered for the queue's outcome, which sends the caller to voicemail.
 */
export async function joinQueue(
  center: Center,
  input: {
    readonly callSid: string;
    readonly queue: string;
    readonly inQueue: number;
    readonly trusted?: boolean;
  },
): Promise<'wait' | 'full'> {
  // A whitelisted caller always waits, whatever the limit; a lone caller is within any limit, so the
  // common case reads nothing. Twilio's queue holds the workflow's callers, every queue's together: within
  // the limit by that count, no need to ask TaskRouter (a rush's every caller would). Beyond it, the
  // queue's callers are those TaskRouter holds in it now, as the wallboard counts them: a caller who
  // overflowed to the backup queue waits there.
  if (input.trusted || input.inQueue <= WAITING_LIMIT.min) return waiting(center, input.callSid);
  const limit = await waitingLimitOf(center, input.queue);
  if (input.inQueue <= limit) return waiting(center, input.callSid);
  const { workspaceSid } = await center.provisioned();
  const here = (await center.taskrouter.tasks(workspaceSid, ['pending', 'reserved'])).filter(
    (t) => t.queue === input.queue,
  );
  const offered = here.filter((t) => t.status === 'reserved').length;
  if (!beyondQueueLimit({ inQueue: here.length, offered, maxWaiting: limit }))
    return waiting(center, input.callSid);
  await rememberExit(center, input.callSid, 'queue-full');
  return 'full';
}

/**
 * How long a caller is in the queue before every agent's live queue is told of them. TaskRouter offers a
 * caller to a free agent within a second, so most callers are taken before this and cost the floor
 * nothing; a desk showing callers reads the queue again on its own while any wait.
 */
export const ANNOUNCE_WAITING_AFTER_MS = 3000;

/** A caller joined the queue: announced to the floor if they are still waiting in a moment. */
async function waiting(center: Center, callSid: string): Promise<'wait'> {
  await center.scheduler.schedule(
    { kind: 'announce-waiting', callSid },
    center.clock.now() + ANNOUNCE_WAITING_AFTER_MS,
  );
  return 'wait';
}

/** The announcement: unless an agent has the caller's task already, every agent's queue shows them. */
export async function announceWaiting(center: Center, callSid: string): Promise<void> {
  if (await center.store.keys.get({ kind: 'call-task', callSid })) return;
  await center.publish({ everyAgent: true }, ['queue']);
}

/** The caller pressed 2 while waiting: they will leave a voicemail once out of the queue. */
export async function chooseVoicemail(deps: CenterBasics, callSid: string): Promise<void> {
  await rememberExit(deps, callSid, 'voicemail');
}

/**
 * Whether a caller who has waited `waitedSeconds` leaves the queue for the hotline's duty phone (no
 * agent answered in the time its forwarding rule gives); remembered for the queue's outcome.
 */
export async function forwardIfWaitedTooLong(
  deps: CenterBasics,
  input: { readonly callSid: string; readonly flow: string; readonly waitedSeconds: number },
): Promise<boolean> {
  const rule = await forwardRuleOf(deps.store, input.flow);
  if (!rule?.noAgentAfterSeconds || input.waitedSeconds < rule.noAgentAfterSeconds) return false;
  await rememberExit(deps, input.callSid, 'forward');
  return true;
}

async function rememberExit(
  deps: CenterBasics,
  callSid: string,
  exit: 'callback' | 'voicemail' | 'queue-full' | 'forward',
): Promise<void> {
  const expires = new Date(deps.clock.now() + EXIT_TTL_MS).toISOString();
  await deps.store.keys.putIfAbsent({ kind: 'queue-exit', callSid }, exit, expires);
}

/** What follows the queue for the caller: hang up, or a voicemail for this reason. */
export type QueueOutcome =
  | { readonly next: 'hangup' }
  | { readonly next: 'forward' }
  | { readonly next: 'voicemail'; readonly reason: string };

/** The Enqueue's outcome: bridged calls wrap up; a full queue, a choice or an error ends in voicemail. */
export async function leftQueue(
  center: Center,
  call: WaitingCall,
  queue: string,
  result: string,
): Promise<QueueOutcome> {
  if (result === 'bridged') {
    await wrapUpBridgedCall(center, call.callSid);
    return { next: 'hangup' };
  }
  const exit =
    result === 'leave'
      ? await center.store.keys.get({ kind: 'queue-exit', callSid: call.callSid })
      : undefined;
  // Twilio's own limit is only a ceiling; a full queue is normally the app's word on joining (joinQueue).
  if (result === 'queue-full' || exit?.value === 'queue-full') {
    await center.store.calls.update(call.callSid, { disposition: 'queue-full', queue });
    return { next: 'voicemail', reason: 'queue-full' };
  }
  if (result === 'leave') {
    if (exit?.value === 'callback') {
      await center.store.calls.update(call.callSid, { disposition: 'callback-requested', queue });
      return { next: 'hangup' };
    }
    if (exit?.value === 'forward') return { next: 'forward' };
    return { next: 'voicemail', reason: exit?.value === 'voicemail' ? 'caller-choice' : 'waited' };
  }
  return result === 'hangup' ? { next: 'hangup' } : { next: 'voicemail', reason: 'queue-error' };
}

/** A voicemail was left: stored once, with a callback task for the mailbox, on the call's record. */
export async function keepVoicemail(
  deps: CenterBasics & Pick<Center, 'publish'>,
  input: {
    readonly call: WaitingCall;
    readonly session: Session;
    readonly queue: string;
    readonly recordingSid: string;
    readonly durationSeconds: number;
  },
): Promise<void> {
  const { call, session, queue, recordingSid } = input;
  const customerId = session.vars.customerId;
  // A customer with an owner agent leaves the message in that agent's box, and the callback is theirs.
  const owner = customerId ? (await deps.store.customers.get(customerId))?.ownerAgentId : undefined;
  const { created, voicemail } = await deps.store.voicemails.create({
    recordingSid,
    callSid: call.callSid,
    caller: call.caller,
    called: call.called,
    queue,
    language: session.lang,
    durationSeconds: input.durationSeconds,
    reason: session.vars.reason ?? 'caller-choice',
    ...(customerId ? { customerId } : {}),
    ...(owner ? { agentId: owner } : {}),
  });
  if (!created) return;
  await recordFact(deps, {
    id: `voicemail:${recordingSid}:left`,
    type: 'voicemail.left',
    callSid: call.callSid,
    queue,
    from: call.caller,
    ...(customerId ? { customerId } : {}),
    ...(owner ? { agent: owner } : {}),
  });
  const task = await deps.store.tasks.create({
    kind: 'callback',
    dueAt: new Date(deps.clock.now()).toISOString(),
    phone: call.caller,
    queue,
    maxAttempts: 3,
    language: session.lang,
    note: `voicemail ${recordingSid}`,
    ...(customerId ? { customerId } : {}),
    ...(owner ? { assigneeId: owner } : {}),
  });
  if (task.ok) await deps.store.voicemails.update(recordingSid, voicemail.version, { taskId: task.value.id });
  await deps.store.calls.update(call.callSid, {
    disposition: 'voicemail',
    queue,
    addRecordingSid: recordingSid,
  });
  await deps.publish(owner ? { agentId: owner } : { everyAgent: true }, ['voicemails', 'tasks']);
}
