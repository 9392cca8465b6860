// A transfer to a colleague or a queue, offered as a TaskRouter task as Twilio Flex does: a new task that
// carries the conference, the customer and the first agent's notes, aimed at the colleague's worker (the
// workflow's known-worker target) or at the queue. What each side of a transfer sees, and handing the
// customer back when a warm transfer is cancelled.

import type { User } from '../../domain/model.js';
import type { ProvisionedRouting } from '../../domain/routing/provisioned.js';
import { customerNumberOf } from '../../domain/routing/workflow.js';
import type { TaskView } from '../../domain/taskrouter-port.js';
import type { Center } from '../center.js';
import { recordFact } from '../history/call-history.js';
import { providerStep } from '../provider-step.js';
import { beginWrapUp } from '../wrap-up.js';
import { existingTask } from './workers.js';

/** What a transfer needs of the call (the desk's current call has it). */
interface CallInConference {
  readonly taskSid?: string;
  readonly callSid: string;
  readonly conferenceSid: string;
  readonly conferenceName: string;
  readonly legs: readonly { readonly callSid: string; readonly to?: string }[];
}

export type TransferMode = 'warm' | 'cold';
export type TransferStatus = 'offered' | 'accepted' | 'declined' | 'no-answer' | 'completed' | 'canceled';

/** A transfer as the desk shows it: to the agent who started it (sender) or to the one receiving it. */
export interface TransferView {
  readonly taskSid: string;
  readonly role: 'sender' | 'receiver';
  readonly mode: TransferMode;
  readonly status: TransferStatus;
  /** The agent who started the transfer. */
  readonly fromAgent: string;
  /** The colleague it was offered to (absent for a queue). */
  readonly toAgent?: string;
  readonly queue?: string;
  /** The first agent's notes so far. */
  readonly notes?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** The new task: the call's findings (from its task, or its record for an outbound call) and the hand-over. */
export async function createTransferTask(
  center: Center,
  sids: ProvisionedRouting,
  input: {
    readonly user: User;
    readonly call: CallInConference;
    readonly mode: TransferMode;
    readonly queue: string;
    readonly callerId: string;
    readonly toAgent?: { readonly agentId: string; readonly workerSid: string };
    readonly notes?: string;
  },
): Promise<TaskView> {
  const { call, user } = input;
  const original = call.taskSid
    ? await existingTask(center, sids, call.taskSid).catch(() => undefined)
    : undefined;
  const record = await center.store.calls.get(call.callSid);
  const customerNumber =
    (original && customerNumberOf(original.attributes)) ??
    (record ? (record.direction === 'outbound' ? record.to : record.from) : undefined);
  const ticket = record?.ticketNumbers.at(-1);
  const created = await providerStep('transfer task', () =>
    center.taskrouter.createTask(sids.workspaceSid, {
      workflowSid: sids.workflowSid,
      taskChannel: 'voice',
      attributes: {
        ...(original?.attributes ?? {}),
        // The owner-first and same-region steps are for new calls, not for a hand-over.
        has_owner: false,
        has_region: false,
        // A pick offered the call to the agent who picked it, not to whoever it is handed to now.
        picked: false,
        type: 'transfer',
        queue: input.queue,
        skill: input.queue,
        call_sid: call.callSid,
        conference_name: call.conferenceName,
        called: input.callerId,
        ...(customerNumber ? { from: customerNumber } : {}),
        ...(record?.customerId && !original?.attributes.customer_id
          ? { customer_id: record.customerId }
          : {}),
        ...(ticket ? { ticket_number: ticket } : {}),
        transferred_by: user.id,
        transfer_mode: input.mode,
        ...(call.taskSid ? { transfer_from_task: call.taskSid } : {}),
        ...(input.notes ? { transfer_notes: input.notes } : {}),
        ...(input.toAgent
          ? {
              transferTargetType: 'worker',
              transferTargetSid: input.toAgent.workerSid,
              transfer_agent: input.toAgent.agentId,
            }
          : {}),
      },
    }),
  );
  await recordFact(center, {
    id: `transfer:${created.sid}`,
    type: 'call.transferred',
    callSid: call.callSid,
    taskSid: created.sid,
    agent: user.id,
    queue: input.queue,
    a: { mode: input.mode, to: input.toAgent ? `agent:${input.toAgent.agentId}` : `queue:${input.queue}` },
  });
  return created;
}

/** Whether a colleague turned the offer down: their reservation for the task was rejected. */
async function declined(center: Center, sids: ProvisionedRouting, task: TaskView): Promise<boolean> {
  const worker = str(task.attributes.transferTargetSid);
  if (!worker) return false;
  const rejected = await center.taskrouter
    .reservations(sids.workspaceSid, worker, 'rejected')
    .catch(() => []);
  return rejected.some((r) => r.taskSid === task.sid);
}

async function statusOf(center: Center, sids: ProvisionedRouting, task: TaskView): Promise<TransferStatus> {
  const settled = str(task.attributes.transfer_state);
  if (settled === 'completed' || settled === 'canceled') return settled;
  if (task.status === 'assigned' || task.status === 'wrapping' || task.status === 'completed')
    return 'accepted';
  if (await declined(center, sids, task)) return 'declined';
  return task.status === 'canceled' ? 'no-answer' : 'offered';
}

/** The view of a transfer task for `role`, or undefined when the task is not a transfer. */
export async function transferView(
  center: Center,
  sids: ProvisionedRouting,
  task: TaskView,
  role: TransferView['role'],
): Promise<TransferView | undefined> {
  const a = task.attributes;
  const fromAgent = str(a.transferred_by);
  if (a.type !== 'transfer' || !fromAgent) return undefined;
  const toAgent = str(a.transfer_agent);
  const notes = str(a.transfer_notes);
  return {
    taskSid: task.sid,
    role,
    mode: a.transfer_mode === 'warm' ? 'warm' : 'cold',
    status: await statusOf(center, sids, task),
    fromAgent,
    ...(toAgent ? { toAgent } : { queue: String(a.queue ?? '') }),
    ...(notes ? { notes } : {}),
  };
}

/** Marks how a transfer ended, so both desks read the same outcome. */
export async function settleTransfer(
  center: Center,
  sids: ProvisionedRouting,
  task: TaskView,
  state: 'completed' | 'canceled',
): Promise<void> {
  await providerStep('settle transfer', () =>
    center.taskrouter.updateTask(sids.workspaceSid, task.sid, {
      attributes: { ...task.attributes, transfer_state: state },
    }),
  );
  // Both desks show the transfer's end at once, whichever of the two agents ended it.
  const parties = [str(task.attributes.transferred_by), str(task.attributes.transfer_agent)];
  await Promise.all(parties.flatMap((agentId) => (agentId ? [center.publish({ agentId }, ['me'])] : [])));
}

/**
 * A warm transfer called off: an offer still ringing is withdrawn; a colleague who joined wraps up and their
 * leg leaves. The call is the first agent's again (its task, the call record), and the customer comes off
 * hold back to them.
 */
export async function handBack(
  center: Center,
  sids: ProvisionedRouting,
  call: CallInConference,
  task: TaskView,
): Promise<void> {
  const ws = sids.workspaceSid;
  const a = task.attributes;
  const fromAgent = str(a.transferred_by);
  const fromTask = str(a.transfer_from_task);
  const colleague = str(a.transfer_agent);
  const colleagueWorker = str(a.transferTargetSid);
  if (task.status === 'pending' || task.status === 'reserved') {
    await center.taskrouter
      .updateTask(ws, task.sid, { assignmentStatus: 'canceled', reason: 'transfer cancelled' })
      .catch(() => undefined); // timed out meanwhile
  }
  // The call's task before its leg leaves, so the conference events find the first agent's task in charge.
  if (fromTask && fromAgent) {
    const fromWorker = sids.workers[fromAgent];
    // One write: deleting first left a moment in which another write could land and stay.
    if (fromWorker)
      await center.store.keys.put(
        { kind: 'call-task', callSid: call.callSid },
        JSON.stringify({ taskSid: fromTask, workerSid: fromWorker }),
        new Date(center.clock.now() + 86_400_000).toISOString(),
      );
    else await center.store.keys.delete({ kind: 'call-task', callSid: call.callSid });
  }
  if (fromAgent) await center.store.calls.update(call.callSid, { agentId: fromAgent }).catch(() => undefined);
  // A withdrawn offer is settled by its cancellation; a joined colleague's task says so for both desks.
  if (task.status === 'assigned') {
    await settleTransfer(center, sids, task, 'canceled');
    if (colleagueWorker) await beginWrapUp(center, task.sid, colleagueWorker);
  }
  const leg = colleague ? call.legs.find((l) => l.to === `client:${colleague}`) : undefined;
  if (leg)
    await providerStep('remove colleague', () =>
      center.telephony.removeParticipant(call.conferenceSid, leg.callSid),
    );
  await providerStep('resume customer', () =>
    center.telephony.updateParticipant(call.conferenceSid, call.callSid, { hold: false }),
  );
}

/**
 * Whether the agent took part in the call through a task of theirs (they transferred it, or took it over):
 * they may write its wrap-up notes although the call record names the agent who has it now.
 */
export async function tookPart(center: Center, user: User, callSid: string): Promise<boolean> {
  const sids = await center.routing(user.id);
  const workerSid = sids.workers[user.id];
  if (!workerSid) return false;
  for (const status of ['wrapping', 'accepted', 'completed'] as const) {
    const mine = await center.taskrouter.reservations(sids.workspaceSid, workerSid, status);
    for (const r of mine) {
      const task = await center.taskrouter.task(sids.workspaceSid, r.taskSid).catch(() => undefined);
      if (task?.attributes.call_sid === callSid) return true;
    }
  }
  return false;
}
