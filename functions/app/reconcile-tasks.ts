// The routing half of reconciliation: TaskRouter work and agents still tied to calls that are over. A
// voice task still waiting or offered for an ended call is canceled; one still assigned goes through the
// normal wrap-up (the worker to Wrap-up, then Available when the timer ends); an agent still marked on a
// call that is over (click-to-dial, pick, transfer in) is released and wraps up.
import { agentCallKey } from '../domain/agent-state.js';
import type { CallRecord } from '../domain/model.js';
import type { Center } from './center.js';
import type { AgentCallMarker } from './desk/calls.js';
import { beginAgentWrapUp, beginWrapUp } from './wrap-up.js';

export interface TaskCounts {
  /** Waiting or offered tasks of ended calls, canceled. */
  readonly tasksCanceled: number;
  /** Assigned tasks of ended calls, moved to wrap-up. */
  readonly tasksWrapped: number;
  /** Agents whose call marker named a call that is over, released. */
  readonly agentsReleased: number;
}

export type OverCall = Pick<CallRecord, 'callSid' | 'agentId'>;

const FINAL = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

/** Whether the provider says the call is over (ended, or unknown to it); undefined when it cannot say. */
async function callIsOver(center: Center, callSid: string): Promise<boolean | undefined> {
  try {
    const view = await center.telephony.call(callSid);
    return !view || FINAL.has(view.status);
  } catch {
    return undefined;
  }
}

export async function settleTasks(center: Center): Promise<Omit<TaskCounts, 'agentsReleased'>> {
  const p = await center.provisioned();
  const ws = p.workspaceSid;
  let tasksCanceled = 0;
  let tasksWrapped = 0;
  // Only live tasks are listed: as many as there are calls waiting or talking, never the history.
  for (const listed of await center.taskrouter.tasks(ws, ['pending', 'reserved', 'assigned'])) {
    const task = await center.taskrouter.task(ws, listed.sid);
    const callSid = task?.attributes.call_sid;
    // A callback's task has no live call yet, and SMS or fax work none at all.
    if (!task || typeof callSid !== 'string' || task.attributes.type === 'callback') continue;
    if ((await callIsOver(center, callSid)) !== true) continue;
    if (task.status === 'assigned') {
      const [accepted] = await center.taskrouter.taskReservations(ws, task.sid, 'accepted');
      const wrapped = accepted
        ? await beginWrapUp(center, task.sid, accepted.workerSid)
        : await center.taskrouter
            .updateTask(ws, task.sid, { assignmentStatus: 'completed', reason: 'call ended' })
            .then(() => true);
      if (wrapped) tasksWrapped++;
      continue;
    }
    await center.taskrouter.updateTask(ws, task.sid, { assignmentStatus: 'canceled', reason: 'call ended' });
    tasksCanceled++;
  }
  return { tasksCanceled, tasksWrapped };
}

/** Releases agents still marked on one of these calls, which are over. */
export async function releaseAgents(center: Center, over: readonly OverCall[]): Promise<number> {
  let released = 0;
  for (const call of over) {
    if (!call.agentId) continue;
    const key = agentCallKey(call.agentId);
    const held = await center.store.keys.get(key);
    if (!held || (JSON.parse(String(held.value)) as AgentCallMarker).callSid !== call.callSid) continue;
    await center.store.keys.delete(key);
    released++;
    const workerSid = await center
      .provisioned()
      .then((p) => p.workers[call.agentId ?? ''])
      .catch(() => undefined);
    if (workerSid) await beginAgentWrapUp(center, workerSid).catch(() => undefined);
  }
  return released;
}
