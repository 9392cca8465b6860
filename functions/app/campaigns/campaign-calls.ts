// A campaign call from the first ring to the end: detection's verdict (a person goes to an agent through
// TaskRouter, a machine gets the message or nothing, a fax nothing), the wait for an agent (bounded: past the
// campaign's hold time with no agent ringing, the person is told and the call counts as abandoned), keys
// (1: an agent, after a broadcast; 9: no more calls), and the call's end. A preview call is the agent's leg
// dialling the contact after the agent saw them. The webhooks render what these decide (campaign-routes.ts).
import type { Campaign, CampaignContact } from '../../domain/campaigns/campaign.js';
import { NotFoundError } from '../../domain/problems.js';
import type { Center, CenterBasics } from '../center.js';
import { beginWrapUp } from '../wrap-up.js';
import { attemptEnded, conversationEnded, optOut, personAnswered } from './attempts.js';
import { recordCampaignCall } from './call-record.js';
import type { CampaignRef } from './campaign-urls.js';

/** Seconds an agent's phone may ring for a person already waiting, past the hold time, before giving up. */
export const AGENT_RING_GRACE_SECONDS = 20;

export interface CampaignCall {
  readonly campaign: Campaign;
  readonly contact: CampaignContact;
}

export async function campaignCall(deps: CenterBasics, ref: CampaignRef): Promise<CampaignCall | undefined> {
  const [campaign, contact] = await Promise.all([
    deps.store.campaigns.get(ref.campaignId),
    deps.store.campaigns.getContact(ref.campaignId, ref.contactId),
  ]);
  return campaign && contact ? { campaign, contact } : undefined;
}

export type Verdict = 'person' | 'machine' | 'fax';

export function verdictOf(answeredBy: string | undefined): Verdict {
  if (answeredBy?.startsWith('machine')) return 'machine';
  if (answeredBy === 'fax') return 'fax';
  // `unknown` is treated as a person: hanging up on a person is worse than an agent hearing a machine.
  return 'person';
}

/** What the call does after detection. */
export type AfterDetection = 'connect' | 'broadcast' | 'message' | 'hang-up';

export async function detected(
  center: Center,
  ref: CampaignRef,
  callSid: string,
  answeredBy: string | undefined,
): Promise<AfterDetection> {
  const call = await campaignCall(center, ref);
  if (!call) return 'hang-up';
  const { campaign } = call;
  const verdict = verdictOf(answeredBy);
  if (verdict === 'person') {
    await personAnswered(center, campaign.id, ref.contactId, callSid);
    return campaign.mode === 'broadcast' ? 'broadcast' : 'connect';
  }
  const leavesMessage = verdict === 'machine' && campaign.machine === 'message' && campaign.message;
  await attemptEnded(center, campaign, ref.contactId, callSid, verdict, {
    // A broadcast's message left on a machine is the broadcast delivered.
    finished: Boolean(leavesMessage) && campaign.mode === 'broadcast',
  });
  return leavesMessage ? 'message' : 'hang-up';
}

/** What the queue's wait plays next for a person a campaign call reached. */
export type HoldStep =
  | { readonly kind: 'greet'; readonly call: CampaignCall }
  | { readonly kind: 'wait' }
  | { readonly kind: 'leave' };

/**
 * The person waits in the queue (the Enqueue's wait URL, asked again each time its answer has played,
 * `queueSeconds` the time in the queue so far). The first wait greets them; the hold time counts from the
 * greeting's end, which the next wait records (its time in the queue is the greeting's length), so a long
 * greeting never eats into it. Past the hold time they stay only while an agent's phone rings for them.
 */
export async function holdStep(
  center: Center,
  ref: CampaignRef,
  callSid: string,
  queueSeconds: number,
): Promise<HoldStep> {
  const call = await campaignCall(center, ref);
  if (!call) return { kind: 'leave' };
  if (queueSeconds < 1) return { kind: 'greet', call };
  const key = { kind: 'queue-greeted', callSid } as const;
  const stored = await center.store.keys.get(key);
  let greetedAt = Number(stored?.value);
  if (!stored || !Number.isFinite(greetedAt)) {
    greetedAt = queueSeconds;
    await center.store.keys.put(
      key,
      String(queueSeconds),
      new Date(center.clock.now() + 3600_000).toISOString(),
    );
  }
  const held = queueSeconds - greetedAt;
  const { maxHoldSeconds } = call.campaign;
  if (held < maxHoldSeconds) return { kind: 'wait' };
  if (held >= maxHoldSeconds + AGENT_RING_GRACE_SECONDS) return { kind: 'leave' };
  // The assignment marks the call with its task when it rings an agent.
  return (await center.store.keys.get({ kind: 'call-task', callSid })) ? { kind: 'wait' } : { kind: 'leave' };
}

/** The person left the queue without an agent (told so, or hung up): an abandoned call. */
export async function abandoned(
  center: Center,
  ref: CampaignRef,
  callSid: string,
): Promise<CampaignCall | undefined> {
  const call = await campaignCall(center, ref);
  if (!call) return undefined;
  await attemptEnded(center, call.campaign, ref.contactId, callSid, 'abandoned');
  return call;
}

/** A key pressed after a message: 9 stops every later call, 1 (after a broadcast) asks for an agent. */
export async function keyPressed(
  center: Center,
  ref: CampaignRef,
  digits: string,
): Promise<'opted-out' | 'connect' | 'done'> {
  const call = await campaignCall(center, ref);
  if (!call) return 'done';
  if (digits === '9') {
    await optOut(center, call.campaign, ref.contactId, call.contact.phone, 'keypad');
    return 'opted-out';
  }
  return digits === '1' && call.campaign.mode === 'broadcast' ? 'connect' : 'done';
}

const NO_CONNECTION: Readonly<Record<string, 'busy' | 'no-answer' | 'failed'>> = {
  busy: 'busy',
  'no-answer': 'no-answer',
  canceled: 'no-answer',
  failed: 'failed',
};

/** The call's status callback: its record follows, and its end settles an attempt nothing else settled. */
export async function callProgressed(
  center: Center,
  ref: CampaignRef,
  callSid: string,
  status: string,
): Promise<void> {
  const final = ['completed', 'busy', 'no-answer', 'canceled', 'failed'].includes(status);
  await center.store.calls.progress(callSid, {
    status,
    at: new Date(center.clock.now()).toISOString(),
    answered: status === 'in-progress' || status === 'answered',
    final,
  });
  if (!final) return;
  const call = await campaignCall(center, ref);
  if (!call || call.contact.callSid !== callSid) return;
  const unreached = NO_CONNECTION[status];
  if (unreached) {
    await attemptEnded(center, call.campaign, ref.contactId, callSid, unreached);
    return;
  }
  const answered = call.contact.history.some((a) => a.callSid === callSid && a.outcome === 'answered-human');
  if (answered) {
    const record = await center.store.calls.get(callSid);
    await conversationEnded(center, call.campaign, ref.contactId, callSid, record?.agentId);
  } else {
    // Answered and over before detection decided: no conversation took place.
    await attemptEnded(center, call.campaign, ref.contactId, callSid, 'no-answer');
  }
}

// Preview calls: the agent's leg dials the contact.

/** The agent answered their leg: it is the attempt's call, recorded and named on the contact. */
export async function previewCallOpened(
  center: Center,
  ref: CampaignRef,
  input: { readonly callSid: string; readonly agentId?: string; readonly taskSid?: string },
): Promise<CampaignCall> {
  const call = await campaignCall(center, ref);
  if (!call) throw new NotFoundError('campaign contact', `${ref.campaignId}/${ref.contactId}`);
  const { campaign, contact } = call;
  await Promise.all([
    center.store.campaigns.updateContact(campaign.id, contact.id, contact.version, {
      callSid: input.callSid,
      ...(input.agentId ? { agentId: input.agentId } : {}),
    }),
    recordCampaignCall(center, {
      campaign,
      contact,
      callSid: input.callSid,
      status: 'in-progress',
      ...(input.agentId ? { agentId: input.agentId } : {}),
    }),
  ]);
  // The task names the call, as a callback's does: the desk files notes, answers and wrap-up on it.
  if (input.taskSid) {
    const p = await center.provisioned();
    const routed = await center.taskrouter.task(p.workspaceSid, input.taskSid).catch(() => undefined);
    if (routed && routed.attributes.call_sid !== input.callSid)
      await center.taskrouter.updateTask(p.workspaceSid, input.taskSid, {
        attributes: { ...routed.attributes, call_sid: input.callSid },
      });
  }
  return call;
}

/**
 * What became of the contact's leg: a conversation goes to wrap-up (the agent records the disposition);
 * anything else completes the task and the contact is due again by the retry policy.
 */
export async function previewDialed(
  center: Center,
  ref: CampaignRef,
  input: {
    readonly callSid: string;
    readonly status: string;
    readonly taskSid?: string;
    readonly workerSid?: string;
  },
): Promise<'talked' | 'retry' | 'done'> {
  const call = await campaignCall(center, ref);
  if (!call) return 'done';
  const talked = input.status === 'completed' || input.status === 'answered';
  if (talked) {
    await personAnswered(center, call.campaign.id, ref.contactId, input.callSid);
    await conversationEnded(center, call.campaign, ref.contactId, input.callSid, call.contact.agentId);
    if (input.taskSid && input.workerSid) await beginWrapUp(center, input.taskSid, input.workerSid);
    return 'talked';
  }
  if (input.taskSid) await completeTask(center, input.taskSid, `contact ${input.status}`);
  const after = await attemptEnded(
    center,
    call.campaign,
    ref.contactId,
    input.callSid,
    NO_CONNECTION[input.status] ?? 'failed',
  );
  return after?.status === 'pending' ? 'retry' : 'done';
}

/**
 * The agent never answered their leg (or skipped the contact): no attempt was made, so the contact is due
 * again in a minute at no cost, and the campaign's ringing figure goes back down.
 */
export async function previewNotTaken(
  center: Center,
  ref: CampaignRef,
  input: { readonly taskSid?: string; readonly reason: string },
): Promise<boolean> {
  if (input.taskSid) await completeTask(center, input.taskSid, input.reason);
  const call = await campaignCall(center, ref);
  // Once the agent answered, the attempt is the call's (callSid set): its own outcome settles it.
  if (call?.contact.status !== 'calling' || call.contact.callSid) return false;
  const written = await center.store.campaigns.updateContact(
    call.campaign.id,
    ref.contactId,
    call.contact.version,
    {
      status: 'pending',
      attempts: Math.max(0, call.contact.attempts - 1),
      nextAt: new Date(center.clock.now() + 60_000).toISOString(),
      callSid: null,
    },
  );
  if (!written.ok) return false;
  await center.store.campaigns.count(call.campaign.id, { attempts: -1, inFlight: -1 });
  return true;
}

async function completeTask(center: Center, taskSid: string, reason: string): Promise<void> {
  const p = await center.provisioned();
  await center.taskrouter
    .updateTask(p.workspaceSid, taskSid, { assignmentStatus: 'completed', reason })
    .catch(() => undefined); // already over: nothing left to do
}
