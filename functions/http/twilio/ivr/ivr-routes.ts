// The IVR's webhooks under /twilio/ivr: each flow step (gather answers), the queue's wait document
// (hold music, position and estimated wait, callback or voicemail), the choice made while waiting, the
// Enqueue outcome (wrap-up after a bridged call, voicemail when full or chosen) and the voicemail left.
import { Hono } from 'hono';
import VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';
import { flows } from '../../../../flows/index.js';
import { routing } from '../../../../flows/routing.js';
import { AGENT_ID, agentAnnouncement } from '../../../app/agent-announcement.js';
import { ivrPorts } from '../../../app/answer-call.js';
import { nameCallbackCall } from '../../../app/callback-call.js';
import {
  CUSTOMER_RING_SECONDS,
  callbackAgentLegEnded,
  callbackCallOpened,
  callbackDialed,
  callbackDialling,
  callbackOutcomeText,
  callbackQuery,
} from '../../../app/callbacks.js';
import type { Center } from '../../../app/center.js';
import { forwardRuleOf } from '../../../app/forwarding.js';
import { holdMusicUrl, withRecordedPrompts } from '../../../app/recorded-prompts.js';
import {
  chooseVoicemail,
  forwardIfWaitedTooLong,
  joinQueue,
  keepVoicemail,
  leftQueue,
  requestCallback,
} from '../../../app/waiting-caller.js';
import { callerId } from '../../../domain/caller-id.js';
import { FORWARD_PROMPT } from '../../../domain/forwarding.js';
import { runFlow, VOICEMAIL_MAX_SECONDS } from '../../../domain/ivr/interpreter.js';
import type { IvrStep, Session } from '../../../domain/ivr/steps.js';
import type { Language } from '../../../domain/model.js';
import { agentDialRecording } from '../../../domain/recording.js';
import { ENQUEUE_MAX_QUEUE_SIZE } from '../../../domain/routing/queue-limit.js';
import { estimatedWaitMinutes, TRUSTED_VAR, taskFor } from '../../../domain/routing/workflow.js';
import type { WebhookDeps } from '../../deps.js';
import type { TwilioEnv } from '../../env.js';
import { CALL_SID, optionalParam, requiredParam } from '../params.js';
import { type EnqueueTarget, GATHER_LANGUAGE, renderForward, renderSteps, SAY } from './render.js';
import { decodeSession, ivrUrl } from './session-url.js';

// A fresh object per response: @hono/node-server's Response keeps and later changes the one it is given.
const xml = () => ({ 'Content-Type': 'text/xml; charset=utf-8' });

const WAIT = {
  position: {
    zh: (p: number, m: number) => `您前面还有${p - 1}位客户，预计等待约${m}分钟。`,
    en: (p: number, m: number) =>
      `You are number ${p} in line; the estimated wait is about ${m} minute${m === 1 ? '' : 's'}.`,
  },
  offer: {
    zh: '如需保留排队位置并由我们回电，请按1；如需留言，请按2。',
    en: 'To be called back and keep your place in line, press 1. To leave a voicemail, press 2.',
  },
  maxWait: {
    zh: '非常抱歉，坐席仍然忙碌。保留排队位置并由我们回电请按1，留言请按2。',
    en: 'We are sorry, all agents are still busy. To be called back in your place in line press 1; to leave a voicemail press 2.',
  },
  callback: {
    zh: '好的，我们会按照您原来的排队顺序给您回电。再见。',
    en: 'Thank you. We will call you back in your place in line. Goodbye.',
  },
  noCallback: {
    zh: '抱歉，我们无法回拨您的号码。请在提示音后留言，我们会尽快与您联系。',
    en: 'Sorry, we cannot call this number back. Please leave a message after the tone and we will get back to you.',
  },
  full: {
    zh: '非常抱歉，目前所有线路都忙。',
    en: 'We are sorry, all our lines are busy right now.',
  },
  voicemail: {
    zh: '请在提示音后留言，按井号键结束。',
    en: 'Please leave a message after the tone, then press pound.',
  },
  thanks: { zh: '您的留言已收到，我们会尽快回复您。再见。', en: 'Thank you, we have your message. Goodbye.' },
} as const;

export function enqueueTarget(
  step: Extract<IvrStep, { kind: 'enqueue' }>,
  call: { caller: string; called: string },
  workflowSid: string,
): EnqueueTarget {
  const task = taskFor(routing, {
    queue: step.queue,
    flow: step.session.flow,
    language: step.session.lang,
    caller: call.caller,
    called: call.called,
    priority: step.priority,
    vars: step.session.vars,
    extra: step.attributes,
  });
  return {
    workflowSid,
    ...task,
    // The limit on waiting callers is the app's, on joining (the wait route): see queue-limit.ts.
    maxQueueSize: ENQUEUE_MAX_QUEUE_SIZE,
    // An emergency caller keeps their place as long as a call may last, not until the wait offer's end.
    timeoutSeconds: flows[step.session.flow]?.emergency ? 14_400 : routing.maxWaitSeconds + 600,
  };
}

/** TwiML for the steps; an Enqueue step gets the provisioned workflow and the task built from routing. */
export async function renderIvr(
  steps: readonly IvrStep[],
  call: { caller: string; called: string },
  baseUrl: string,
  services: Center,
): Promise<string> {
  const workflowSid = steps.some((s) => s.kind === 'enqueue')
    ? (await services.provisioned()).workflowSid
    : '';
  const heard = await withRecordedPrompts(services, steps);
  return renderSteps(heard, baseUrl, (step) => enqueueTarget(step, call, workflowSid));
}

export function createIvrApp(deps: WebhookDeps, services: Center): Hono<TwilioEnv> {
  const app = new Hono<TwilioEnv>();
  const base = deps.config.webhookBaseUrl;
  const _now = () => deps.clock.now();

  const callOf = (c: { var: { twilioParams: TwilioEnv['Variables']['twilioParams'] } }) => {
    const p = c.var.twilioParams;
    const from = requiredParam(p, 'From');
    const phone = callerId(from);
    return {
      callSid: requiredParam(p, 'CallSid', CALL_SID),
      caller: phone.ok ? phone.e164 : from,
      called: requiredParam(p, 'To'),
    };
  };

  async function rendered(steps: IvrStep[], call: { caller: string; called: string }) {
    return renderIvr(steps, call, base, services);
  }

  app.post('/step', async (c) => {
    const session = decodeSession(c.req.query('s'));
    const flow = flows[session.flow];
    if (!flow) throw new Error(`unknown flow ${session.flow}`);
    const call = callOf(c);
    const p = c.var.twilioParams;
    const digits = optionalParam(p, 'Digits');
    const speech = optionalParam(p, 'SpeechResult');
    const steps = await runFlow(
      flow,
      session,
      { kind: 'answer', ...(digits ? { digits } : {}), ...(speech ? { speech } : {}) },
      call,
      ivrPorts(deps, services, call),
    );
    return c.body(await rendered(steps, call), 200, xml());
  });

  app.post('/wait', async (c) => {
    const session = decodeSession(c.req.query('s'));
    const p = c.var.twilioParams;
    const position = Number(optionalParam(p, 'QueuePosition') ?? 1);
    const waited = Number(optionalParam(p, 'QueueTime') ?? 0);
    const lang: Language = session.lang;
    const r = new VoiceResponse();
    // The first wait request comes as the caller joins: a full queue sends them on to its outcome at once.
    const inQueue = Number(optionalParam(p, 'CurrentQueueSize'));
    if (waited === 0 && Number.isFinite(inQueue) && inQueue > 0) {
      const callSid = requiredParam(p, 'CallSid', CALL_SID);
      const trusted = session.vars[TRUSTED_VAR] === 'yes';
      const queue = c.req.query('q') ?? '';
      if ((await joinQueue(services, { callSid, queue, inQueue, trusted })) === 'full') {
        r.leave();
        return c.body(r.toString(), 200, xml());
      }
    }
    // Nobody answered in the time the hotline's forwarding gives: the caller rings its duty phone instead.
    if (waited > 0) {
      const callSid = requiredParam(p, 'CallSid', CALL_SID);
      if (await forwardIfWaitedTooLong(services, { callSid, flow: session.flow, waitedSeconds: waited })) {
        r.leave();
        return c.body(r.toString(), 200, xml());
      }
    }
    // The Gather's action is a plain Gather callback, which carries no queue parameters: when the caller
    // joined the queue travels in its URL, so a callback chosen later keeps the caller's place.
    const joinedMs = deps.clock.now() - (Number.isFinite(waited) ? Math.max(0, waited) : 0) * 1000;
    const action = ivrUrl(base, 'wait-choice', session, { q: c.req.query('q') ?? '', j: String(joinedMs) });
    // An emergency caller is never steered to voicemail by a long wait: they keep their place.
    if (waited >= routing.maxWaitSeconds && !flows[session.flow]?.emergency) {
      const g = r.gather({ input: ['dtmf'], numDigits: 1, timeout: 10, action, method: 'POST' });
      g.say(SAY[lang], WAIT.maxWait[lang]);
      r.redirect({ method: 'POST' }, `${action}&d=2`);
      return c.body(r.toString(), 200, xml());
    }
    r.say(
      SAY[lang],
      WAIT.position[lang](position, estimatedWaitMinutes(position, routing.averageHandleSeconds)),
    );
    const g = r.gather({
      input: ['dtmf'],
      numDigits: 1,
      timeout: routing.announceEverySeconds,
      action,
      method: 'POST',
      language: GATHER_LANGUAGE[lang] as never,
    });
    g.say(SAY[lang], WAIT.offer[lang]);
    const music = await holdMusicUrl(services, session, c.req.query('q') ?? '');
    g.play({ loop: 1 }, music ?? routing.holdMusicUrl);
    return c.body(r.toString(), 200, xml());
  });

  app.post('/wait-choice', async (c) => {
    const session = decodeSession(c.req.query('s'));
    const queue = c.req.query('q') ?? 'general';
    const call = callOf(c);
    const p = c.var.twilioParams;
    const choice = optionalParam(p, 'Digits') ?? c.req.query('d');
    const joinedMs = Number(c.req.query('j'));
    const now = deps.clock.now();
    const waited = Number.isFinite(joinedMs) && joinedMs <= now ? Math.floor((now - joinedMs) / 1000) : 0;
    const r = new VoiceResponse();
    if (choice === '1') {
      const made = await requestCallback(services, { session, queue, call, waitedSeconds: waited });
      r.say(SAY[session.lang], WAIT[made === 'requested' ? 'callback' : 'noCallback'][session.lang]);
      r.leave();
    } else if (choice === '2') {
      await chooseVoicemail(deps, call.callSid);
      r.leave();
    }
    // Anything else: an empty document, after which Twilio requests waitUrl again, with the queue's
    // position and wait (a Redirect to it would carry neither).
    return c.body(r.toString(), 200, xml());
  });

  app.post('/queue-result', async (c) => {
    const session = decodeSession(c.req.query('s'));
    const queue = c.req.query('q') ?? 'general';
    const call = callOf(c);
    const result = optionalParam(c.var.twilioParams, 'QueueResult') ?? 'error';
    const lang = session.lang;
    const r = new VoiceResponse();
    const voicemail = (reason: string) =>
      offerVoicemail(r, base, { ...session, vars: { ...session.vars, reason } }, queue);
    const outcome = await leftQueue(services, call, queue, result);
    const duty = outcome.next === 'forward' ? await forwardRuleOf(deps.store, session.flow) : undefined;
    if (duty) {
      r.say(SAY[lang], FORWARD_PROMPT[lang]);
      renderForward(r, base, {
        kind: 'forward',
        number: duty.number,
        callerId: call.called,
        ringSeconds: duty.ringSeconds,
        queue,
        session: { ...session, vars: { ...session.vars, reason: 'no-agent' } },
      });
    } else if (outcome.next === 'voicemail' || outcome.next === 'forward') {
      // A rule taken away while the caller was leaving: the voicemail, as after any long wait.
      const reason = outcome.next === 'voicemail' ? outcome.reason : 'waited';
      if (reason === 'queue-full') r.say(SAY[lang], WAIT.full[lang]);
      voicemail(reason);
    } else if (result !== 'hangup') r.hangup();
    return c.body(r.toString(), 200, xml());
  });

  /** The agent's number, played to the customer alone as the agent comes on the line. */
  app.post('/announce-agent', (c) => {
    const agent = c.req.query('agent') ?? '';
    const lang: Language = c.req.query('lang') === 'en' ? 'en' : 'zh';
    const r = new VoiceResponse();
    // Only ids this server puts in the URL are read out; anything else plays nothing.
    if (AGENT_ID.test(agent)) r.say(SAY[lang], agentAnnouncement(agent, lang));
    return c.body(r.toString(), 200, xml());
  });

  /** The duty phone's Dial ended: answered, the call is done; otherwise the caller leaves a voicemail. */
  app.post('/forward-result', async (c) => {
    const session = decodeSession(c.req.query('s'));
    const queue = c.req.query('q') ?? 'general';
    const call = callOf(c);
    const status = optionalParam(c.var.twilioParams, 'DialCallStatus') ?? 'failed';
    const r = new VoiceResponse();
    if (status === 'completed') {
      await services.store.calls.update(call.callSid, { disposition: 'forwarded', queue });
      r.hangup();
      return c.body(r.toString(), 200, xml());
    }
    offerVoicemail(r, base, session, queue);
    return c.body(r.toString(), 200, xml());
  });

  app.post('/voicemail', async (c) => {
    const session = decodeSession(c.req.query('s'));
    const queue = c.req.query('q') ?? 'general';
    const call = callOf(c);
    const p = c.var.twilioParams;
    const recordingSid = optionalParam(p, 'RecordingSid');
    const duration = Number(optionalParam(p, 'RecordingDuration') ?? 0);
    const r = new VoiceResponse();
    // A caller who hangs up at the beep leaves nothing worth a task.
    if (recordingSid && !(duration === 0 && optionalParam(p, 'Digits') === 'hangup'))
      await keepVoicemail(services, { call, session, queue, recordingSid, durationSeconds: duration });
    if (optionalParam(p, 'Digits') !== 'hangup') {
      r.say(SAY[session.lang], WAIT.thanks[session.lang]);
      r.hangup();
    }
    return c.body(r.toString(), 200, xml());
  });

  /**
   * The agent's leg of a callback (TaskRouter `call` instruction), once they answer: dial the customer from
   * the hotline; the Dial's action reports the outcome (callbacks.ts).
   */
  app.post('/callback-connect', async (c) => {
    const r = new VoiceResponse();
    const q = callbackQuery(c.req.query());
    if (!q.to || !q.from) {
      r.hangup();
      return c.body(r.toString(), 200, xml());
    }
    if (q.task) await callbackDialling(deps, q.task);
    const agentLeg = optionalParam(c.var.twilioParams, 'CallSid');
    const recorded = agentLeg && CALL_SID.test(agentLeg) ? agentLeg : undefined;
    if (recorded) {
      const agent = optionalParam(c.var.twilioParams, 'To')?.match(/^client:(.+)$/)?.[1];
      await callbackCallOpened(deps, {
        callSid: recorded,
        from: q.from,
        to: q.to,
        ...(agent ? { agentId: agent } : {}),
        ...(q.task ? { taskId: q.task } : {}),
      });
      // The desk saves the agent's work during the call and after it on this record.
      if (q.task)
        await nameCallbackCall(services, {
          taskId: q.task,
          callSid: recorded,
          ...(q.tr ? { taskSid: q.tr } : {}),
        });
    }
    const result = new URLSearchParams(
      Object.entries({ task: q.task, tr: q.tr, worker: q.worker, lang: q.lang }).filter(
        (e): e is [string, string] => Boolean(e[1]),
      ),
    );
    r.dial({
      callerId: q.from,
      timeout: CUSTOMER_RING_SECONDS,
      ...(q.task ? { action: `${deps.config.webhookBaseUrl}/twilio/ivr/callback-result?${result}` } : {}),
      // The agent on channel 1, the customer on channel 2, filed under the agent leg's call record.
      ...(recorded ? agentDialRecording(deps.config.webhookBaseUrl, recorded) : {}),
    }).number(q.to);
    return c.body(r.toString(), 200, xml());
  });

  /** The Dial's action on the agent's leg: what became of the customer's leg, told to the agent. */
  app.post('/callback-result', async (c) => {
    const q = callbackQuery(c.req.query());
    const status = optionalParam(c.var.twilioParams, 'DialCallStatus') ?? 'failed';
    const r = new VoiceResponse();
    if (q.task) {
      const outcome = await callbackDialed(deps, services, {
        taskId: q.task,
        status,
        ...(q.tr ? { taskSid: q.tr } : {}),
        ...(q.worker ? { workerSid: q.worker } : {}),
      });
      const lang: Language = q.lang === 'en' ? 'en' : 'zh';
      const said = callbackOutcomeText(outcome, lang, deps.config.timeZone);
      if (said) r.say(SAY[lang], said);
    }
    r.hangup();
    return c.body(r.toString(), 200, xml());
  });

  /** Status callback of the agent's leg: an agent who never answered puts the callback back in line. */
  app.post('/callback-agent-status', async (c) => {
    const q = callbackQuery(c.req.query());
    const status = optionalParam(c.var.twilioParams, 'CallStatus') ?? '';
    if (q.task)
      await callbackAgentLegEnded(deps, services, {
        taskId: q.task,
        status,
        ...(q.tr ? { taskSid: q.tr } : {}),
      });
    return c.body(null, 204);
  });

  return app;
}

/** The voicemail prompt and its recording, filed for `queue` with the session's reason. */
function offerVoicemail(r: VoiceResponse, base: string, session: Session, queue: string): void {
  r.say(SAY[session.lang], WAIT.voicemail[session.lang]);
  r.record({
    action: ivrUrl(base, 'voicemail', session, { q: queue }),
    method: 'POST',
    maxLength: VOICEMAIL_MAX_SECONDS,
    timeout: 5,
    finishOnKey: '#',
    recordingStatusCallback: `${base}/twilio/recording-status`,
    recordingStatusCallbackMethod: 'POST',
  });
}
