// Renders the interpreter's steps as TwiML with twilio's VoiceResponse (only that module, so the webhook
// bundle stays small): Chinese speech is Polly Zhiyu in cmn-CN and Chinese input cmn-Hans-CN.
import VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';
import type { IvrStep, PromptStep } from '../../../domain/ivr/steps.js';
import type { Language } from '../../../domain/model.js';
import { ivrUrl } from './session-url.js';

export const SAY = {
  zh: { language: 'cmn-CN', voice: 'Polly.Zhiyu' },
  en: { language: 'en-US', voice: 'Polly.Joanna' },
} as const;
export const GATHER_LANGUAGE = { zh: 'cmn-Hans-CN', en: 'en-US' } as const satisfies Record<Language, string>;

type Node = Pick<VoiceResponse, 'say' | 'play' | 'pause'> | VoiceResponse.Gather;

export function prompt(node: Node, step: PromptStep): void {
  if (step.kind === 'say') node.say(SAY[step.language], step.text);
  else if (step.kind === 'play') node.play({ loop: step.loop ?? 1 }, step.url);
  else node.pause({ length: step.seconds });
}

export interface EnqueueTarget {
  readonly workflowSid: string;
  readonly priority: number;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly maxQueueSize: number;
  readonly timeoutSeconds: number;
}

/** The duty phone rings; its outcome (answered, or the voicemail instead) is the forward-result route's. */
export function renderForward(
  r: VoiceResponse,
  baseUrl: string,
  step: Extract<IvrStep, { kind: 'forward' }>,
): void {
  r.dial({
    callerId: step.callerId,
    timeout: step.ringSeconds,
    action: ivrUrl(baseUrl, 'forward-result', step.session, { q: step.queue }),
    method: 'POST',
  }).number(step.number);
}

export function renderSteps(
  steps: readonly IvrStep[],
  baseUrl: string,
  enqueue?: (step: Extract<IvrStep, { kind: 'enqueue' }>) => EnqueueTarget,
): string {
  const r = new VoiceResponse();
  for (const step of steps) {
    switch (step.kind) {
      case 'say':
      case 'play':
      case 'pause':
        prompt(r, step);
        break;
      case 'gather': {
        const g = r.gather({
          input: [step.input === 'dtmf speech' ? 'dtmf speech' : step.input] as never,
          action: ivrUrl(baseUrl, 'step', step.session),
          method: 'POST',
          timeout: step.timeout,
          actionOnEmptyResult: true,
          language: GATHER_LANGUAGE[step.language] as never,
          ...(step.input !== 'dtmf' ? { speechTimeout: 'auto' } : {}),
          ...(step.numDigits ? { numDigits: step.numDigits } : {}),
          ...(step.finishOnKey ? { finishOnKey: step.finishOnKey } : {}),
          ...(step.hints?.length ? { hints: step.hints.join(',') } : {}),
        });
        for (const p of step.prompts) prompt(g, p);
        break;
      }
      case 'enqueue': {
        if (!enqueue) throw new Error('no TaskRouter workflow to enqueue to');
        const target = enqueue(step);
        const e = r.enqueue({
          workflowSid: target.workflowSid,
          action: ivrUrl(baseUrl, 'queue-result', step.session, { q: step.queue }),
          method: 'POST',
          waitUrl: ivrUrl(baseUrl, 'wait', step.session, { q: step.queue }),
          waitUrlMethod: 'POST',
          maxQueueSize: target.maxQueueSize,
        });
        e.task(
          { priority: target.priority, timeout: target.timeoutSeconds },
          JSON.stringify(target.attributes),
        );
        break;
      }
      case 'record':
        r.record({
          action: ivrUrl(baseUrl, 'voicemail', step.session, { q: step.queue }),
          method: 'POST',
          maxLength: step.maxLength,
          timeout: 5,
          finishOnKey: '#',
          playBeep: true,
          recordingStatusCallback: `${baseUrl}/twilio/recording-status`,
          recordingStatusCallbackMethod: 'POST',
        });
        break;
      case 'redirect':
        r.redirect({ method: 'POST' }, ivrUrl(baseUrl, 'step', step.session));
        break;
      case 'forward':
        renderForward(r, baseUrl, step);
        break;
      case 'hangup':
        r.hangup();
        break;
      case 'reject':
        r.reject({ reason: step.reason });
        break;
    }
  }
  return r.toString();
}
