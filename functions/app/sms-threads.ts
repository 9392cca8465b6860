// Agents' side of an SMS conversation: a reply (suppression list checked before the send, the reply kept
// on the thread, the conversation taken by the agent who answered) and handing the thread back to the bot.
// A reply goes only to a number with a conversation or a customer on file, past the dialling policy and
// the agents' and center's SMS rate limits (dial-guard.ts).
import type { TaskRouting } from '../domain/channel-ports.js';
import type { User } from '../domain/model.js';
import { UnprocessableError } from '../domain/problems.js';
import { forgetText, holdText } from './agent-texts.js';
import { type GuardDeps, guardOutbound } from './dial-guard.js';
import { type SmsOutboundDeps, sendSms } from './send-sms.js';

export type SmsThreadDeps = SmsOutboundDeps & GuardDeps;

/** Sends an agent's reply to a phone (E.164) and returns the message SID; 422 opted-out when not sent. */
export async function replyOnThread(
  deps: SmsThreadDeps,
  user: User,
  phone: string,
  body: string,
): Promise<string> {
  const { store } = deps;
  const to = await guardOutbound(
    deps,
    { actor: user, purpose: 'sms', number: phone },
    {
      recipientKnown: async (e164) =>
        Boolean(await store.messaging.getSession(e164)) ||
        (await store.messaging.thread(e164, { limit: 1 })).items.length > 0 ||
        (await store.customers.find({ by: 'phone', value: e164 })).length > 0,
    },
  );
  const session = await store.messaging.getSession(to);
  const result = await sendSms(deps, {
    to,
    body,
    purpose: 'agent-reply',
    agentId: user.id,
    ...(session?.customerId ? { customerId: session.customerId } : {}),
  });
  if (result.outcome !== 'sent')
    throw new UnprocessableError('opted-out', `${to} has opted out of texts (STOP); nothing was sent.`);
  if (session && session.agentId !== user.id) {
    const before = await store.messaging.takeSession(to, user.id, new Date(deps.clock.now()).toISOString());
    // The one who answered holds the conversation now; it leaves the desk of whoever had it.
    if (before?.state === 'agent') {
      if (before.agentId && before.agentId !== user.id) await forgetText(deps, before.agentId, to);
      await holdText(deps, user.id, to, before.customerId);
    }
  }
  return result.sid;
}

/** Ends the agent conversation: the next text from this phone goes to the bot again. */
export async function closeThread(
  deps: Pick<SmsThreadDeps, 'store' | 'clock'> & {
    readonly routing?: Pick<TaskRouting, 'endTask'>;
    readonly logger?: Pick<SmsThreadDeps['logger'], 'error'>;
  },
  phone: string,
): Promise<void> {
  const session = await deps.store.messaging.endSession(phone, new Date(deps.clock.now()).toISOString());
  if (!session) return;
  // The task and the agent belonged to the conversation that ended; the next one is routed afresh. A task
  // still waiting for an agent is withdrawn, so no agent is offered a conversation that is over.
  const { taskSid, agentId } = session;
  if (taskSid && deps.routing)
    await deps.routing.endTask(taskSid, 'conversation closed').catch((err: unknown) => {
      // The conversation has ended: a task left behind is canceled by the reconciliation of tasks.
      deps.logger?.error('sms task not ended', { taskSid, error: String(err) });
    });
  if (agentId) await forgetText(deps, agentId, phone);
}
