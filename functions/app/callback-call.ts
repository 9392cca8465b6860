// The customer's leg of a callback the center placed, once it is over: recorded as the agent's outbound
// call on the customer, with the ticket the callback was about, and named on the TaskRouter task
// (`call_sid`), so the agent's wrap-up is saved on the customer's call and the call joins their history.
// Its sid is first known here: the Dial's action is the first request that carries it.
import { HOTLINE_NUMBERS } from '../../flows/numbers.js';
import type { Center } from './center.js';

export interface CallbackLeg {
  /** The callback task (the store's). */
  readonly taskId: string;
  /** The customer's leg (DialCallSid). */
  readonly callSid: string;
  /** How long the customer talked (DialCallDuration), when Twilio says. */
  readonly durationSeconds?: number;
  readonly taskSid?: string;
  readonly workerSid?: string;
}

export async function recordCallbackCall(center: Center, leg: CallbackLeg): Promise<void> {
  const task = await center.store.tasks.get(leg.taskId);
  if (!task?.phone) return;
  const p = await center.provisioned();
  const agentId = Object.entries(p.workers).find(([, sid]) => sid === leg.workerSid)?.[0];
  const now = center.clock.now();
  const startedAt = new Date(now - (leg.durationSeconds ?? 0) * 1000).toISOString();
  await center.store.calls.record({
    callSid: leg.callSid,
    direction: 'outbound',
    from: task.callerId ?? HOTLINE_NUMBERS[0].number,
    to: task.phone,
    startedAt,
    answeredAt: startedAt,
    endedAt: new Date(now).toISOString(),
    status: 'completed',
    ...(agentId ? { agentId } : {}),
    ...(task.customerId ? { customerId: task.customerId } : {}),
  });
  if (task.ticketNumber) await center.store.calls.update(leg.callSid, { addTicketNumber: task.ticketNumber });
  if (!leg.taskSid) return;
  const routed = await center.taskrouter.task(p.workspaceSid, leg.taskSid).catch(() => undefined);
  if (routed)
    await center.taskrouter.updateTask(p.workspaceSid, leg.taskSid, {
      attributes: { ...routed.attributes, call_sid: leg.callSid },
    });
}
