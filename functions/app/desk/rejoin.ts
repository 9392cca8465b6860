// An agent's leg can leave a call without the agent ending it: a reload or a closed tab ends the browser's
// softphone leg, a network drop ends it too. The customer is not dropped with it: they hear a short message
// and hold music while the agent's desk dials them back in ("rejoin"); if nobody rejoins within the grace,
// the customer goes back to the queue for the next agent, or to voicemail when the center has closed.
import { HEARTBEAT_TIMEOUT_SECONDS } from '../../domain/agent-state.js';
import { checkOpen } from '../../domain/ivr/hours.js';
import type { RejoinGraceJob } from '../../domain/jobs.js';
import type { User } from '../../domain/model.js';
import { HttpProblem } from '../../domain/problems.js';
import { flowFor } from '../answer-call.js';
import { type Center, centerNumber } from '../center.js';
import { flowCalendar } from '../holiday-calendars.js';
import { hotlinesOf } from '../hotlines.js';
import { providerStep } from '../provider-step.js';
import { beginWrapUp } from '../wrap-up.js';
import type { CallFinder } from './calls.js';

/** As long as presence waits for a page that went quiet: a reload or a short drop fits well within it. */
export const REJOIN_GRACE_SECONDS = HEARTBEAT_TIMEOUT_SECONDS;

const languageOf = (attributes: Readonly<Record<string, unknown>>) =>
  attributes.language === 'en' ? 'en' : 'zh';

/** What the customer hears while the agent's leg is gone: a TwiML document a conference plays on hold. */
export function holdMessageUrl(baseUrl: string, language: 'zh' | 'en'): string {
  return `${baseUrl}/twilio/rejoin/hold?lang=${language}`;
}

export interface DroppedLeg {
  readonly taskSid: string;
  readonly workerSid: string;
  readonly customer: string;
  readonly conferenceSid: string;
  readonly conferenceName: string;
  readonly language: 'zh' | 'en';
}

/** The agent's leg left while the customer waits alone: hold them with a message and start the grace. */
export async function agentLegDropped(center: Center, leg: DroppedLeg): Promise<void> {
  await center.telephony
    .updateParticipant(leg.conferenceSid, leg.customer, {
      hold: true,
      holdUrl: holdMessageUrl(center.config.webhookBaseUrl, leg.language),
    })
    .catch(() => undefined); // the customer hung up meanwhile: the conference ends and wraps up
  const job: RejoinGraceJob = {
    kind: 'rejoin-grace',
    taskSid: leg.taskSid,
    workerSid: leg.workerSid,
    callSid: leg.customer,
    conferenceSid: leg.conferenceSid,
    conferenceName: leg.conferenceName,
  };
  await center.scheduler.schedule(job, center.clock.now() + REJOIN_GRACE_SECONDS * 1000);
  await center.store.audit.append({
    actor: 'system',
    action: 'call.agent-leg-dropped',
    target: leg.customer,
    detail: { taskSid: leg.taskSid, workerSid: leg.workerSid, graceSeconds: REJOIN_GRACE_SECONDS },
  });
}

/** The desk dials my client back into the call I am still assigned but no longer in. */
export function createRejoin(center: Center, calls: CallFinder) {
  return async function rejoin(user: User) {
    const call = await calls.mine(user);
    if (call.myLeg) throw new HttpProblem(409, 'already-connected', 'You are already in this call.');
    const record = await center.store.calls.get(call.callSid);
    const from = record ? (record.direction === 'outbound' ? record.from : record.to) : centerNumber(center);
    const leg = await providerStep('rejoin', () =>
      center.telephony.addParticipant(call.conferenceSid, {
        from,
        to: `client:${user.id}`,
        endConferenceOnExit: false,
        beep: false,
      }),
    );
    await center.telephony
      .updateParticipant(call.conferenceSid, call.callSid, { hold: false })
      .catch(() => undefined); // hung up meanwhile
    return {
      callSid: call.callSid,
      conferenceSid: call.conferenceSid,
      ...(call.taskSid ? { taskSid: call.taskSid } : {}),
      participantCallSid: leg.callSid,
    };
  };
}

export type RejoinOutcome = 'rejoined' | 'over' | 'requeued' | 'voicemail';

/**
 * The grace ended. If the call is over, or someone who can talk is with the customer again, nothing to do.
 * Otherwise the agent's task wraps up and the customer is offered to the next agent with what the IVR
 * found (a new task naming the conference, as a transfer to a queue), or, after hours, to voicemail.
 */
export async function rejoinGraceEnded(center: Center, job: RejoinGraceJob): Promise<RejoinOutcome> {
  const p = await center.provisioned();
  const task = await center.taskrouter.task(p.workspaceSid, job.taskSid).catch(() => undefined);
  const customer = await center.telephony.call(job.callSid).catch(() => undefined);
  if (task?.status !== 'assigned' || !customer || customer.endedAt || customer.status === 'completed')
    return 'over';
  const participants = await center.telephony.participants(job.conferenceSid).catch(() => []);
  if (!participants.some((x) => x.callSid === job.callSid)) return 'over';
  if (participants.some((x) => x.callSid !== job.callSid && !x.muted)) return 'rejoined';

  await beginWrapUp(center, job.taskSid, job.workerSid);
  const called = String(task.attributes.called ?? task.attributes.to ?? '');
  const { flow } = flowFor(hotlinesOf(center.config), called);
  const calendar = await flowCalendar(center, flow);
  if (!checkOpen(flow.hours, calendar, flow.timeZone, center.clock.now()).open) {
    const q = new URLSearchParams({
      flow: flow.name,
      lang: languageOf(task.attributes),
      q: flow.closedQueue,
    });
    const url = `${center.config.webhookBaseUrl}/twilio/rejoin/voicemail?${q.toString()}`;
    await providerStep('voicemail', () =>
      center.telephony.updateCall(job.callSid, {
        twiml: `<Response><Redirect method="POST">${url.replaceAll('&', '&amp;')}</Redirect></Response>`,
      }),
    );
    await audit(center, job, 'voicemail');
    return 'voicemail';
  }
  await providerStep('requeue', () =>
    center.taskrouter.createTask(p.workspaceSid, {
      workflowSid: p.workflowSid,
      taskChannel: 'voice',
      attributes: {
        ...task.attributes,
        // The agent who lost the call is not tried first again, nor only agents of their region.
        has_owner: false,
        has_region: false,
        call_sid: job.callSid,
        conference_name: job.conferenceName,
        requeued_from: job.taskSid,
      },
    }),
  );
  await audit(center, job, 'requeued');
  return 'requeued';
}

async function audit(center: Center, job: RejoinGraceJob, outcome: RejoinOutcome): Promise<void> {
  await center.store.audit.append({
    actor: 'system',
    action: 'call.rejoin-grace-ended',
    target: job.callSid,
    detail: { taskSid: job.taskSid, outcome },
  });
}
