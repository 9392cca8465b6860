// Text conversations an agent holds. A conversation routed to an agent is theirs at once (the assignment
// accepts it and the task is completed when TaskRouter says it was accepted): a text neither rings nor
// waits for a click, so it never sends an agent to Missed nor hides a call on the desk, and the agent stays
// Available for calls. The desk lists what the agent holds until they end each one.
import type { Store } from '../domain/ports.js';
import type { Center } from './center.js';

export interface AgentText {
  readonly phone: string;
  /** When the conversation became theirs (ISO). */
  readonly since: string;
  readonly customerId?: string;
}

/** How long an agent's list outlives its last change: a conversation left open a week is forgotten. */
const KEEP_MS = 7 * 86_400_000;

const keyOf = (agentId: string) => ({ kind: 'agent-texts', agentId }) as const;

export async function textsOf(store: Store, agentId: string): Promise<AgentText[]> {
  const stored = await store.keys.get(keyOf(agentId));
  if (!stored || typeof stored.value !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(stored.value);
    return Array.isArray(parsed) ? (parsed as AgentText[]) : [];
  } catch {
    return [];
  }
}

async function saveTexts(
  deps: Pick<Center, 'store' | 'clock'>,
  agentId: string,
  texts: readonly AgentText[],
): Promise<void> {
  if (texts.length === 0) return deps.store.keys.delete(keyOf(agentId));
  await deps.store.keys.put(
    keyOf(agentId),
    JSON.stringify(texts),
    new Date(deps.clock.now() + KEEP_MS).toISOString(),
  );
}

/**
 * The conversation with `phone` routed to `agentId` by task `taskSid`: theirs from now on. A task that is
 * not the conversation's current one (an older conversation's, replayed) takes nothing.
 */
export async function assignText(
  center: Pick<Center, 'store' | 'clock' | 'publish'>,
  input: { readonly agentId: string; readonly phone: string; readonly taskSid: string },
): Promise<boolean> {
  const { store, clock } = center;
  const session = await store.messaging.routeSession(
    input.phone,
    { taskSid: input.taskSid, agentId: input.agentId },
    new Date(clock.now()).toISOString(),
  );
  if (!session) return false;
  await holdText(center, input.agentId, input.phone, session.customerId);
  await store.audit.append({
    actor: 'system',
    action: 'sms.conversation-assigned',
    target: input.phone,
    detail: { agentId: input.agentId, taskSid: input.taskSid },
  });
  await center.publish({ agentId: input.agentId }, ['me']);
  return true;
}

/** Lists the conversation with `phone` among `agentId`'s (again: it moves to the end). */
export async function holdText(
  deps: Pick<Center, 'store' | 'clock'>,
  agentId: string,
  phone: string,
  customerId?: string,
): Promise<void> {
  const held = (await textsOf(deps.store, agentId)).filter((t) => t.phone !== phone);
  const since = new Date(deps.clock.now()).toISOString();
  await saveTexts(deps, agentId, [...held, { phone, since, ...(customerId ? { customerId } : {}) }]);
}

/** The conversation with `phone` is no longer `agentId`'s (ended, or taken over by a colleague's reply). */
export async function forgetText(
  deps: Pick<Center, 'store' | 'clock'>,
  agentId: string,
  phone: string,
): Promise<void> {
  const held = await textsOf(deps.store, agentId);
  if (!held.some((t) => t.phone === phone)) return;
  await saveTexts(
    deps,
    agentId,
    held.filter((t) => t.phone !== phone),
  );
}

/** A text or fax task accepted for an agent: completed at once, so it holds no channel and no agent busy. */
export async function completeWorkItem(
  center: Pick<Center, 'provisioned' | 'taskrouter' | 'logger'>,
  taskSid: string,
) {
  try {
    const p = await center.provisioned();
    await center.taskrouter.updateTask(p.workspaceSid, taskSid, {
      assignmentStatus: 'completed',
      reason: 'taken by the agent',
    });
  } catch (err) {
    // Left assigned, the reconciliation of tasks ends it; the conversation is the agent's either way.
    center.logger.error('work item not completed', { taskSid, error: String(err) });
  }
}
