// The post-call SMS survey trigger: when a call an agent took completes on a hotline that texts its
// questionnaire, the status callback queues the first question as an sms-send job (webhooks have no REST client), delayed by the configured seconds; the worker
// checks opt-outs, sends it once (deduped on the CallSid) and opens the survey on the caller's SMS session.

import { surveyOfCall } from '../../app/surveys.js';
import { callerId } from '../../domain/caller-id.js';
import type { CallRecord } from '../../domain/model.js';
import { askable, smsPrompt } from '../../domain/surveys.js';
import type { WebhookDeps } from '../deps.js';

export const DEFAULT_SURVEY = { enabled: true, delaySeconds: 60 } as const;

/** Ends that never reached the agent: the IVR's dispositions for a caller who left the queue. */
const NOT_TALKED = new Set(['voicemail', 'callback-requested', 'queue-full']);

export type SurveyDecision =
  | { readonly queued: true; readonly to: string }
  | {
      readonly queued: false;
      readonly reason: 'off' | 'no-queue' | 'no-agent' | 'not-talked' | 'no-phone' | 'not-asked' | 'keypad';
    };

export async function queuePostCallSurvey(
  deps: Pick<WebhookDeps, 'config' | 'store' | 'jobs' | 'clock'>,
  call: CallRecord,
): Promise<SurveyDecision> {
  const settings = deps.config.channels?.survey ?? DEFAULT_SURVEY;
  if (!settings.enabled) return { queued: false, reason: 'off' };
  if (!deps.jobs) return { queued: false, reason: 'no-queue' };
  if (!call.agentId) return { queued: false, reason: 'no-agent' };
  // A number's status callback carries only the final status, so answeredAt is often unknown: the agent
  // (set when TaskRouter assigned the call) and the IVR's disposition tell whether someone talked.
  if (call.disposition && NOT_TALKED.has(call.disposition)) return { queued: false, reason: 'not-talked' };
  const phone = callerId(call.direction === 'inbound' ? call.from : call.to);
  if (!phone.ok) return { queued: false, reason: 'no-phone' };
  // The language of this call's IVR, else the customer's own (a call from before it was kept).
  const customer =
    call.language || !call.customerId ? undefined : await deps.store.customers.get(call.customerId);
  const language = call.language ?? customer?.language ?? 'zh';
  const survey = await surveyOfCall(deps, call, language);
  if (!survey) return { queued: false, reason: 'not-asked' };
  // The keypad survey was asked on the line, when the agent ended the call.
  if (survey.channel === 'keypad') return { queued: false, reason: 'keypad' };
  const first = askable(survey.questionnaire, 'sms')[0];
  if (!first) return { queued: false, reason: 'not-asked' };
  await deps.jobs.send(
    {
      kind: 'sms-send',
      to: phone.e164,
      body: smsPrompt(survey.questionnaire, first, language),
      purpose: 'survey',
      dedupeKey: `survey:${call.callSid}`,
      survey: {
        callSid: call.callSid,
        agentId: call.agentId,
        questionnaire: survey.questionnaire.id,
        hotline: survey.hotline,
      },
      language,
      ...(call.customerId ? { customerId: call.customerId } : {}),
    },
    { delaySeconds: settings.delaySeconds },
  );
  return { queued: true, to: phone.e164 };
}
