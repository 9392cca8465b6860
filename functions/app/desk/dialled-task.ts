// A callback an agent places by hand (one click on a task in their list or a voicemail's "call back",
// both the agent's own open task for that number): the call is linked to the task, so the desk shows the
// ticket it is about and the automatic dialler leaves it be while the call is on; when the call ends the
// task is done if the customer answered, else open again with the attempt noted.
import { agentCallKey } from '../../domain/agent-state.js';
import type { Task } from '../../domain/model.js';
import type { Store } from '../../domain/ports.js';
import { appendNote, changeTask, tellTaskLists } from '../callbacks.js';
import type { Center } from '../center.js';
import type { AgentCallMarker } from './calls.js';

const DIALLABLE: readonly Task['kind'][] = ['callback', 'outbound-call'];
/** Tasks read per page, and at most this many pages: an agent's own list is short. */
const PAGE = 100;
const MAX_PAGES = 5;

/** My open callback or outbound-call task for this number, the longest due first. */
export async function openTaskFor(store: Store, agentId: string, e164: string): Promise<Task | undefined> {
  const found: Task[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const got = await store.tasks.byAssignee(agentId, { limit: PAGE, ...(cursor ? { cursor } : {}) });
    found.push(
      ...got.items.filter((t) => t.status === 'open' && t.phone === e164 && DIALLABLE.includes(t.kind)),
    );
    cursor = got.cursor;
    if (!cursor) break;
  }
  return found.sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
}

/** The call to the customer is placed: one attempt, and the task is taken while it lasts. */
export async function taskDialled(center: Center, taskId: string, callSid: string): Promise<void> {
  const at = new Date(center.clock.now()).toISOString();
  const changed = await changeTask(center.store, taskId, (t) =>
    t.status === 'open'
      ? {
          status: 'in-progress',
          attempts: t.attempts + 1,
          lastAttemptAt: at,
          note: appendNote(t.note, `called by the agent: ${callSid}`),
        }
      : undefined,
  );
  if (changed?.changed) await tellTaskLists(center, changed.task);
}

/**
 * The call ended, or the agent handed it over: done when the customer's leg was answered (still talking
 * to a colleague, or ended after talking), else open again for another try.
 */
export async function dialledTaskEnded(center: Center, taskId: string, callSid: string): Promise<void> {
  const leg = await center.telephony.call(callSid).catch(() => undefined);
  const answered = leg?.status === 'completed' || leg?.status === 'in-progress';
  const changed = await changeTask(center.store, taskId, (t) =>
    t.status !== 'in-progress'
      ? undefined
      : answered
        ? { status: 'done' }
        : { status: 'open', note: appendNote(t.note, `attempt ${t.attempts}: ${leg?.status ?? 'unknown'}`) },
  );
  if (changed?.changed) await tellTaskLists(center, changed.task);
  if (changed?.changed)
    await center.store.audit.append({
      actor: 'system',
      action: answered ? 'callback.done' : 'callback.retry',
      target: taskId,
      detail: { callSid, by: 'agent-dial' },
    });
}

/** The agent's dialled call (conference `conference`) ended: settles the task it was linked to, if any. */
export async function settleDialledCall(center: Center, agentId: string, conference: string): Promise<void> {
  const held = await center.store.keys.get(agentCallKey(agentId));
  const marker = held ? (JSON.parse(String(held.value)) as AgentCallMarker) : undefined;
  if (marker?.conference === conference && marker.taskId)
    await dialledTaskEnded(center, marker.taskId, marker.callSid);
}
