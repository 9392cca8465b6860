// What a conference's status events mean for the center: the customer leaving (or the conference ending)
// wraps up the task now on the call; a colleague dialled in by the desk leaving wraps them up (or frees
// them if they never answered); an agent's click-to-dial ending wraps them up; an agent's leg dropping out
// of a call that still holds the customer (a reload, a lost network) puts the customer on hold with a
// message while the agent's desk rejoins, within a grace (desk/rejoin.ts).
import { routing } from '../../flows/routing.js';
import { agentCallKey, outboundCaller } from '../domain/agent-state.js';
import type { ParticipantView } from '../domain/telephony-port.js';
import { callTaskOf } from './call-task.js';
import type { Center } from './center.js';
import { settleDialledCall } from './desk/dialled-task.js';
import { agentLegDropped } from './desk/rejoin.js';
import { beginAgentWrapUp, beginWrapUp } from './wrap-up.js';

export interface ConferenceEvent {
  /** conference-start, conference-end, participant-join, participant-leave ... */
  readonly event: string;
  readonly conferenceName: string;
  readonly conferenceSid?: string;
  /** The leg the event is about. */
  readonly callSid?: string;
  readonly participantLabel?: string;
  readonly participantCallStatus?: string;
  /** Why a participant left (ReasonParticipantLeft): conference_ended_via_api, participant_hung_up ... */
  readonly reasonLeft?: string;
  /** The customer's call, when the conference's status callback names it. */
  readonly customer?: string;
}

const NEVER_TALKED = ['no-answer', 'busy', 'failed', 'canceled'];

export async function onConferenceEvent(center: Center, e: ConferenceEvent): Promise<void> {
  const label = e.participantLabel ?? '';
  // An agent's leg joined or left a call: their desk shows the call.
  if (label.startsWith('agent-') && (e.event === 'participant-join' || e.event === 'participant-leave'))
    await center.publish({ agentId: label.slice('agent-'.length) }, ['me']);
  if (e.event === 'participant-leave' && label.startsWith('agent-'))
    await colleagueLeft(center, {
      agentId: label.slice('agent-'.length),
      conference: e.conferenceName,
      talked: !NEVER_TALKED.includes(e.participantCallStatus ?? ''),
    });
  const caller = outboundCaller(e.conferenceName);
  if (e.event === 'conference-end' && caller) await outboundEnded(center, caller, e.conferenceName);
  // The customer of a call an agent dialled and handed over left: the colleague's task wraps up.
  if (caller && e.event === 'participant-leave' && label === 'customer' && e.callSid)
    await handedOverCallEnded(center, e.callSid);
  // Someone else hung up on a dialled call (a page that died, a party who put the phone down): a
  // customer left with nobody to talk to is held for the colleague's rejoin, or the call ends.
  if (
    caller &&
    e.event === 'participant-leave' &&
    label !== 'customer' &&
    e.reasonLeft === 'participant_hung_up' &&
    e.conferenceSid
  )
    await dialledLegDropped(center, e.conferenceSid, e.conferenceName);
  // The conference of a voice task is named by the task SID.
  if (!e.conferenceName.startsWith('WT') || (e.event !== 'conference-end' && e.event !== 'participant-leave'))
    return;
  const customerSide = e.event === 'conference-end' || (e.customer !== undefined && e.callSid === e.customer);
  if (!customerSide) {
    // Someone other than the customer left because the conference ended: no leg dropped out of a call
    // still going, and the customer's own leave (or the end) moves the task.
    if (e.customer && CONFERENCE_ENDED.includes(e.reasonLeft ?? '')) return;
    const call = await callOfConference(center, e);
    if (!call) return;
    if (e.callSid === call.customer) {
      // The callback did not name the customer (a conference begun before it did): this was their leave.
      await center.conferencesOver.run(e.conferenceName, () =>
        beginWrapUp(center, call.taskSid, call.workerSid),
      );
      return;
    }
    if (!e.conferenceSid || !(await customerAlone(center, e.conferenceSid, call.customer))) return;
    await agentLegDropped(center, {
      taskSid: call.taskSid,
      workerSid: call.workerSid,
      customer: call.customer,
      conferenceSid: e.conferenceSid,
      conferenceName: e.conferenceName,
      language: call.current.attributes.language === 'en' ? 'en' : 'zh',
    });
    return;
  }
  // The customer's leave and the conference's end arrive together: the first one moves the task, and the
  // other, in the same container, goes by rather than ask again.
  await center.conferencesOver.run(e.conferenceName, async () => {
    const call = await callOfConference(center, e);
    return call ? beginWrapUp(center, call.taskSid, call.workerSid) : false;
  });
}

/** Why a participant left when the whole conference ended (ReasonParticipantLeft). */
const CONFERENCE_ENDED = ['conference_ended_via_api', 'moderator_ended_conference'];

/**
 * The call in a task's conference while its task is assigned: the customer's call and the task now on it
 * (a transfer's, if any, as the call's task marker says). With the customer named by the callback, the
 * marker is read first and the task on the call is the only one asked for.
 */
async function callOfConference(center: Center, e: ConferenceEvent) {
  const p = await center.provisioned();
  const fetchTask = (sid: string) => center.taskrouter.task(p.workspaceSid, sid).catch(() => undefined);
  const own = e.customer ? undefined : await fetchTask(e.conferenceName);
  const customer = e.customer ?? own?.attributes.call_sid;
  if (typeof customer !== 'string') return undefined;
  const marked = await callTaskOf(center.store, customer);
  if (!marked) return undefined;
  const { taskSid, workerSid } = marked;
  // Without a transfer the task on the call is the conference's own.
  const current = taskSid === own?.sid ? own : await fetchTask(taskSid);
  if (current?.status !== 'assigned') return undefined;
  return { customer, taskSid, workerSid, current };
}

/**
 * An agent's click-to-dial call ended: it is no longer theirs, and they wrap up. An agent who left it
 * earlier (handing it over) no longer holds it and wrapped up then; they may be on another call by now.
 */
async function outboundEnded(center: Center, agentId: string, conference: string): Promise<void> {
  await settleDialledCall(center, agentId, conference);
  if (!(await releaseAgentCall(center, agentId, conference))) return;
  const workerSid = (await center.provisioned()).workers[agentId];
  if (workerSid) await beginAgentWrapUp(center, workerSid);
}

/** A dialled call's customer left after a transfer: the task the colleague took it with wraps up. */
async function handedOverCallEnded(center: Center, customer: string): Promise<void> {
  const marked = await callTaskOf(center.store, customer);
  if (marked) await beginWrapUp(center, marked.taskSid, marked.workerSid);
}

/**
 * A leg other than the customer's hung up on a dialled call. While someone who can talk is still with the
 * customer, nothing changes. Alone, a customer whose call a colleague took over (its task still assigned)
 * is held with a message while that colleague's desk dials back in, as on a call that came in; otherwise
 * nobody can come back to them, and the call ends rather than leave them in silence.
 */
async function dialledLegDropped(
  center: Center,
  conferenceSid: string,
  conferenceName: string,
): Promise<void> {
  const participants = await center.telephony.participants(conferenceSid).catch(() => []);
  const customer = participants.find((p) => p.label === 'customer');
  if (!customer || !aloneIn(participants, customer.callSid)) return;
  const marked = await callTaskOf(center.store, customer.callSid);
  const p = await center.provisioned();
  const task = marked
    ? await center.taskrouter.task(p.workspaceSid, marked.taskSid).catch(() => undefined)
    : undefined;
  if (marked && task?.status === 'assigned') {
    await agentLegDropped(center, {
      taskSid: marked.taskSid,
      workerSid: marked.workerSid,
      customer: customer.callSid,
      conferenceSid,
      conferenceName,
      language: task.attributes.language === 'en' ? 'en' : 'zh',
    });
    return;
  }
  await center.telephony.endConference(conferenceSid).catch(() => undefined); // ended meanwhile
}

/**
 * Forgets the agent's call if it is still this conference (they may have left it, or be on a newer one
 * already); whether it was.
 */
async function releaseAgentCall(center: Center, agentId: string, conference: string): Promise<boolean> {
  const key = agentCallKey(agentId);
  const held = await center.store.keys.get(key);
  if (!held || !String(held.value).includes(JSON.stringify(conference))) return false;
  await center.store.keys.delete(key);
  return true;
}

/**
 * A colleague dialled into a call by the desk (label `agent-<id>`) left it: the call is no longer theirs,
 * and they wrap up (or, if they never answered, are Available again at once).
 */
async function colleagueLeft(
  center: Center,
  input: { readonly agentId: string; readonly conference: string; readonly talked: boolean },
): Promise<void> {
  await releaseAgentCall(center, input.agentId, input.conference);
  const p = await center.provisioned();
  const workerSid = p.workers[input.agentId];
  if (!workerSid) return;
  if (input.talked) {
    await beginAgentWrapUp(center, workerSid);
    return;
  }
  const worker = await center.taskrouter.worker(p.workspaceSid, workerSid).catch(() => undefined);
  const available = p.activities[routing.roles.available];
  if (available && worker?.activity === 'Busy')
    await center.taskrouter.updateWorker(p.workspaceSid, workerSid, { activitySid: available });
}

/**
 * Someone other than the customer left the conference while the call's task is still assigned (the desk's
 * leave, transfer and hang-up move the task or end the conference before they drop the agent's leg). Is
 * the customer still there with nobody who can talk to them (muted monitors do not count)? Then the agent's
 * leg dropped without the agent ending the call.
 */
async function customerAlone(center: Center, conferenceSid: string, customer: string): Promise<boolean> {
  return aloneIn(await center.telephony.participants(conferenceSid).catch(() => []), customer);
}

/** The customer is in the conference with nobody who can talk to them (muted monitors do not count). */
function aloneIn(participants: readonly ParticipantView[], customer: string): boolean {
  return (
    participants.some((x) => x.callSid === customer) &&
    !participants.some((x) => x.callSid !== customer && !x.muted)
  );
}
