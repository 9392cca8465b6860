// The customer's leg of a callback the center placed: recorded as the agent's outbound call on the
// customer, with the ticket the callback was about, and named on the TaskRouter task (`call_sid`), so
// what the agent files during the call and their wrap-up are saved on the customer's call, and the call
// joins the customer's history. Its sid is first known when the customer answers (the Number's `url`,
// run on their leg before it is connected); the Dial's action, which also carries it, ends the record.
import { HOTLINE_NUMBERS } from '../../flows/numbers.js';
import type { Center } from './center.js';

export interface CallbackLeg {
  /** The callback task (the store's). */
  readonly taskId: string;
  /** The customer's leg (CallSid of the answered Number, DialCallSid of the Dial's action). */
  readonly callSid: string;
  readonly taskSid?: string;
  readonly workerSid?: string;
}

/** The customer answered: the call is on record and named on the task while it lasts. */
export async function callbackAnswered(center: Center, leg: CallbackLeg): Promise<void> {
  await recordLeg(center, leg, center.clock.now());
}

/** The customer's leg is over after `durationSeconds` of talk (when the provider says). */
export async function callbackTalked(
  center: Center,
  leg: CallbackLeg & { readonly durationSeconds?: number },
): Promise<void> {
  const now = center.clock.now();
  const recorded = await recordLeg(center, leg, now - (leg.durationSeconds ?? 0) * 1000);
  if (recorded && !recorded.endedAt)
    await center.store.calls.update(leg.callSid, {
      status: 'completed',
      endedAt: new Date(now).toISOString(),
    });
}

/** Records the leg once (a replay keeps the first record) and names it on the TaskRouter task. */
async function recordLeg(center: Center, leg: CallbackLeg, answeredAtMs: number) {
  const task = await center.store.tasks.get(leg.taskId);
  if (!task?.phone) return undefined;
  const p = await center.provisioned();
  const agentId = Object.entries(p.workers).find(([, sid]) => sid === leg.workerSid)?.[0];
  const answeredAt = new Date(answeredAtMs).toISOString();
  const { created, call } = await center.store.calls.record({
    callSid: leg.callSid,
    direction: 'outbound',
    from: task.callerId ?? HOTLINE_NUMBERS[0].number,
    to: task.phone,
    startedAt: answeredAt,
    answeredAt,
    status: 'in-progress',
    ...(agentId ? { agentId } : {}),
    ...(task.customerId ? { customerId: task.customerId } : {}),
  });
  if (!created) return call;
  if (task.ticketNumber) await center.store.calls.update(leg.callSid, { addTicketNumber: task.ticketNumber });
  if (leg.taskSid) {
    const routed = await center.taskrouter.task(p.workspaceSid, leg.taskSid).catch(() => undefined);
    if (routed)
      await center.taskrouter.updateTask(p.workspaceSid, leg.taskSid, {
        attributes: { ...routed.attributes, call_sid: leg.callSid },
      });
  }
  return call;
}
