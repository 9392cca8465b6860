// Text conversations an agent holds. A conversation routed to an agent is theirs at once (the assignment
// accepts it and the task is completed when TaskRouter says it was accepted): a text neither rings nor
// waits for a click, so it never sends an agent to Missed nor hides a call on the desk, and the agent stays
// Available for calls. The desk lists what the agent holds until they end each one.
import type { Center } from './center.js';
import { heldList } from './held-work.js';

export interface AgentText {
  readonly phone: string;
  /** When the conversation became theirs (ISO). */
  readonly since: string;
  readonly customerId?: string;
}

const held = heldList<AgentText>('agent-texts', (t) => t.phone);

export const textsOf = held.list;

/** The conversations `agentId` holds, each with its customer's name when the number is on file. */
export async function textsNamed(
  store: Center['store'],
  agentId: string,
): Promise<(AgentText & { readonly customerName?: string })[]> {
  const texts = await held.list(store, agentId);
  return Promise.all(
    texts.map(async (text) => {
      const customer = text.customerId ? await store.customers.get(text.customerId) : undefined;
      return customer ? { ...text, customerName: customer.name } : text;
    }),
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
  if (!session) {
    // Refused because a colleague holds it (they replied, or took it by an earlier assignment of this
    // task whose listing failed): it stays theirs, and is on their desk.
    const now = await store.messaging.getSession(input.phone);
    if (now?.state === 'agent' && now.agentId && now.agentId !== input.agentId)
      await holdText(center, now.agentId, input.phone, now.customerId);
    return false;
  }
  await holdText(center, input.agentId, input.phone, session.customerId);
  // A reply by a colleague or an end landing between the two writes above: the listing follows it.
  const after = await store.messaging.getSession(input.phone);
  if (after?.state !== 'agent' || after.agentId !== input.agentId) {
    await forgetText(center, input.agentId, input.phone);
    return false;
  }
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
  const since = new Date(deps.clock.now()).toISOString();
  await held.add(deps, agentId, { phone, since, ...(customerId ? { customerId } : {}) });
}

/** The conversation with `phone` is no longer `agentId`'s (ended, or taken over by a colleague's reply). */
export async function forgetText(
  deps: Pick<Center, 'store' | 'clock'>,
  agentId: string,
  phone: string,
): Promise<void> {
  await held.remove(deps, agentId, phone);
}
