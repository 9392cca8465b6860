// A callback the center placed is one call, recorded under the agent's leg (which the recording is
// filed with, callbacks.ts): that record also carries the ticket the callback was about, and its CallSid
// is named on the TaskRouter task (`call_sid`), so the desk saves what the agent files during the call
// and their wrap-up on it, and the call joins the customer's history once, with the recording.
import type { Center } from './center.js';

export interface CallbackCall {
  /** The callback task (the store's). */
  readonly taskId: string;
  /** The agent's leg: the callback's call record. */
  readonly callSid: string;
  /** The TaskRouter task the callback was routed as. */
  readonly taskSid?: string;
}

export async function nameCallbackCall(center: Center, call: CallbackCall): Promise<void> {
  const task = await center.store.tasks.get(call.taskId);
  if (task?.ticketNumber)
    await center.store.calls.update(call.callSid, { addTicketNumber: task.ticketNumber });
  if (!call.taskSid) return;
  const p = await center.provisioned();
  const routed = await center.taskrouter.task(p.workspaceSid, call.taskSid).catch(() => undefined);
  if (routed && routed.attributes.call_sid !== call.callSid)
    await center.taskrouter.updateTask(p.workspaceSid, call.taskSid, {
      attributes: { ...routed.attributes, call_sid: call.callSid },
    });
}
