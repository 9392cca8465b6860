// Click-to-dial: the agent's client rings first into a conference of its own, then the customer is
// added; the agent is Busy meanwhile and the call is recorded as theirs, on the customer the number
// belongs to, so the desk can show who it is and the call joins their history. The dialling policy, the
// caller id and the rate limits are checked before anything rings.
import { outboundConferenceName } from '../../domain/agent-state.js';
import type { User } from '../../domain/model.js';
import type { Store } from '../../domain/ports.js';
import { participantRecording } from '../../domain/recording.js';
import { type Center, centerNumber, workerSidOf } from '../center.js';
import { guardOutbound } from '../dial-guard.js';
import { providerStep } from '../provider-step.js';
import { markAgentCall } from './calls.js';
import { openTaskFor, taskDialled } from './dialled-task.js';
import { setActivity } from './workers.js';

export async function dialCustomer(
  center: Center,
  user: User,
  body: { readonly to: string; readonly callerId?: string | undefined },
) {
  const { telephony, store, clock, config } = center;
  const callerId = body.callerId?.trim() ?? centerNumber(center);
  const to = await guardOutbound(center, { actor: user, purpose: 'agent-dial', number: body.to, callerId });
  // One click on a callback in my list (or a voicemail's call back) dials its number: the call answers it.
  const task = await openTaskFor(store, user.id, to);
  const customerId = task?.customerId ?? (await customerOfNumber(store, to));
  const sids = await center.routing(user.id);
  const name = outboundConferenceName(user.id, clock.now());
  // Status events, so the call's end wraps me up and a colleague added later wraps up when their leg
  // leaves. Both legs carry them: the conference takes the first joiner's, and a customer who answers
  // before my client does would otherwise start a conference that tells nobody it ended.
  const statusCallback = `${config.webhookBaseUrl}/twilio/taskrouter/conference-status`;
  const mine = await providerStep('ring agent', () =>
    telephony.createCall({
      to: `client:${user.id}`,
      from: callerId,
      twiml: `<Response><Dial><Conference endConferenceOnExit="true" beep="false" statusCallback="${statusCallback}" statusCallbackEvent="leave end">${name}</Conference></Dial></Response>`,
    }),
  );
  await setActivity(center, sids, workerSidOf(sids, user.id), 'Busy', true).catch(() => undefined);
  const customer = await providerStep('call customer', () =>
    // The customer hanging up ends the call too; its end moves me to Wrap-up (conference-status).
    telephony.addParticipant(name, {
      from: callerId,
      to,
      label: 'customer',
      beep: false,
      endConferenceOnExit: true,
      conferenceStatusCallback: { url: statusCallback, events: ['leave', 'end'] },
      // The customer's own leg is recorded (its CallSid, the call's id, is the recording's), dual channel.
      record: participantRecording(config.webhookBaseUrl, undefined, user.id),
    }),
  ).catch(async (err: unknown) => {
    await telephony.updateCall(mine.sid, { status: 'completed' }).catch(() => undefined);
    throw err;
  });
  await markAgentCall(center, user.id, {
    conference: name,
    callSid: customer.callSid,
    customer: {
      number: to,
      ...(customerId ? { customerId } : {}),
      ...(task?.ticketNumber ? { ticketNumber: task.ticketNumber } : {}),
    },
    ...(task ? { taskId: task.id } : {}),
  });
  await store.calls.record({
    callSid: customer.callSid,
    direction: 'outbound',
    from: callerId,
    to,
    startedAt: new Date(clock.now()).toISOString(),
    status: 'queued',
    agentId: user.id,
    ...(customerId ? { customerId } : {}),
  });
  if (task?.ticketNumber) await store.calls.update(customer.callSid, { addTicketNumber: task.ticketNumber });
  if (task) await taskDialled(center, task.id, customer.callSid);
  return { callSid: customer.callSid, participantCallSid: mine.sid };
}

/** The one customer a number (E.164, as the guard returns it) belongs to; a shared number names nobody. */
async function customerOfNumber(store: Store, e164: string): Promise<string | undefined> {
  const matches = await store.customers.find({ by: 'phone', value: e164 });
  return matches.length === 1 ? matches[0]?.id : undefined;
}
