// A campaign call's webhooks (functions/app/campaigns/campaign-calls.ts decides, these render TwiML): the
// answer (silence while detection listens), detection's verdict (redirecting the live call), the agent's
// queue with its bounded wait, the keys pressed after a message, the status callback, and a preview call's
// agent leg dialling the contact. Which campaign and contact travel in the signed URLs.
import { type Context, Hono } from 'hono';
import VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';
import {
  abandoned,
  callProgressed,
  campaignCall,
  detected,
  holdStep,
  keyPressed,
  previewCallOpened,
  previewDialed,
  previewNotTaken,
} from '../../app/campaigns/campaign-calls.js';
import { type CampaignRef, campaignQuery, campaignRefOf } from '../../app/campaigns/campaign-urls.js';
import { campaignTask } from '../../app/campaigns/dialer.js';
import type { Center } from '../../app/center.js';
import type { Campaign, CampaignContact } from '../../domain/campaigns/campaign.js';
import type { Language } from '../../domain/model.js';
import { agentDialRecording } from '../../domain/recording.js';
import type { TwilioEnv } from '../env.js';
import { SAY } from './ivr/render.js';
import { CALL_SID, optionalParam } from './params.js';

const xml = () => ({ 'Content-Type': 'text/xml; charset=utf-8' });

const TEXT = {
  hold: {
    zh: '您好，这里是客服中心，正在为您接通客服人员，请稍候。',
    en: 'Hello, this is the service center. Please hold for an agent.',
  },
  abandoned: {
    zh: '非常抱歉，目前没有空闲的客服人员，我们稍后会再联系您。如不希望再接到我们的电话，请按9。',
    en: 'Sorry, no agent is free right now. We will call you again later. To stop our calls, press 9.',
  },
  optedOut: {
    zh: '好的，我们不会再致电您。再见。',
    en: 'Thank you. We will not call you again. Goodbye.',
  },
  broadcastKeys: {
    zh: '如需人工服务，请按1；如不希望再接到我们的电话，请按9。',
    en: 'To speak to an agent, press 1. To stop our calls, press 9.',
  },
  goodbye: { zh: '感谢您的接听，再见。', en: 'Thank you. Goodbye.' },
  contactBusy: {
    zh: '客户未接通，系统稍后将再次拨打。',
    en: 'The customer did not answer. The dialler will try again later.',
  },
} as const;

/** Seconds of silence while detection listens; its verdict redirects the call long before. */
const DETECTION_WAIT_SECONDS = 6;

const languageOf = (campaign: Campaign, contact: CampaignContact): Language =>
  contact.language ?? campaign.language;

export function createCampaignApp(center: Center): Hono<TwilioEnv> {
  const app = new Hono<TwilioEnv>();
  const base = `${center.config.webhookBaseUrl}/twilio/campaign`;
  const url = (path: string, ref: CampaignRef, more: Record<string, string> = {}) =>
    `${base}/${path}?${campaignQuery(ref.campaignId, ref.contactId, more)}`;
  const callSidOf = (c: Context<TwilioEnv>) => {
    const sid = optionalParam(c.var.twilioParams, 'CallSid');
    return sid && CALL_SID.test(sid) ? sid : undefined;
  };
  const twiml = (c: Context<TwilioEnv>, r: VoiceResponse) => c.body(r.toString(), 200, xml());

  /** TwiML that puts the person in the campaign's queue, waiting at most the hold time for an agent. */
  async function connect(r: VoiceResponse, ref: CampaignRef, campaign: Campaign, contact: CampaignContact) {
    const p = await center.provisioned();
    const routed = campaignTask(center, campaign, contact, { type: 'campaign' });
    // Queued at once, the greeting played as the queue's first wait: a person in the queue is a task the
    // dialler sees (its agent no longer free), where one still hearing a greeting before the queue would
    // be nobody's, and the next round would dial someone that agent cannot take.
    const e = r.enqueue({
      workflowSid: p.workflowSid,
      action: url('left', ref),
      method: 'POST',
      waitUrl: url('hold', ref),
      waitUrlMethod: 'POST',
    });
    e.task({ priority: routed.priority }, JSON.stringify(routed.attributes));
  }

  function message(r: VoiceResponse, campaign: Campaign, contact: CampaignContact) {
    const lang = languageOf(campaign, contact);
    if (campaign.message) r.say(SAY[lang], campaign.message[lang]);
  }

  // The contact answered: silence while detection listens (a verdict redirects the call before it ends).
  app.post('/answered', async (c) => {
    const ref = campaignRefOf(c.req.query());
    const r = new VoiceResponse();
    r.pause({ length: DETECTION_WAIT_SECONDS });
    // No verdict in time: treated as a person, as `unknown` is.
    r.redirect({ method: 'POST' }, url('verdict', ref, { by: 'unknown' }));
    return twiml(c, r);
  });

  // Asynchronous detection's callback: the live call is sent to what the verdict calls for.
  app.post('/amd', async (c) => {
    const ref = campaignRefOf(c.req.query());
    const callSid = callSidOf(c);
    const answeredBy = optionalParam(c.var.twilioParams, 'AnsweredBy');
    if (!callSid) return c.body(null, 204);
    const next = new VoiceResponse();
    next.redirect({ method: 'POST' }, url('verdict', ref, { by: answeredBy ?? 'unknown' }));
    await center.telephony.updateCall(callSid, { twiml: next.toString() }).catch((err: unknown) => {
      // The call ended meanwhile: its status callback settles the attempt.
      center.logger.warn('campaign call gone before its verdict', { callSid, error: String(err) });
    });
    return c.body(null, 204);
  });

  // The verdict, on the live call: an agent, the broadcast, the message, or goodbye.
  app.post('/verdict', async (c) => {
    const ref = campaignRefOf(c.req.query());
    const callSid = callSidOf(c);
    const r = new VoiceResponse();
    const call = await campaignCall(center, ref);
    if (!callSid || !call || call.contact.callSid !== callSid) {
      r.hangup();
      return twiml(c, r);
    }
    const after = await detected(center, ref, callSid, c.req.query('by'));
    const lang = languageOf(call.campaign, call.contact);
    if (after === 'connect') await connect(r, ref, call.campaign, call.contact);
    else if (after === 'broadcast') {
      const g = r.gather({ numDigits: 1, timeout: 5, action: url('keys', ref), method: 'POST' });
      if (call.campaign.message) g.say(SAY[lang], call.campaign.message[lang]);
      g.say(SAY[lang], TEXT.broadcastKeys[lang]);
      r.say(SAY[lang], TEXT.goodbye[lang]);
      r.hangup();
    } else if (after === 'message') {
      message(r, call.campaign, call.contact);
      r.hangup();
    } else r.hangup();
    return twiml(c, r);
  });

  // The queue's wait: on while the hold time lasts (or an agent rings for them), else leave as abandoned.
  app.post('/hold', async (c) => {
    const ref = campaignRefOf(c.req.query());
    const callSid = callSidOf(c);
    const waited = Number(optionalParam(c.var.twilioParams, 'QueueTime') ?? '0') || 0;
    const r = new VoiceResponse();
    const step = callSid ? await holdStep(center, ref, callSid, waited) : ({ kind: 'leave' } as const);
    if (step.kind === 'greet') {
      // An agent who answers meanwhile cuts the greeting short.
      const lang = languageOf(step.call.campaign, step.call.contact);
      r.say(SAY[lang], TEXT.hold[lang]);
    } else if (step.kind === 'wait') r.pause({ length: 1 });
    else r.leave();
    return twiml(c, r);
  });

  // The Enqueue's end: bridged (the conversation is over), left (no agent: abandoned) or hung up waiting.
  app.post('/left', async (c) => {
    const ref = campaignRefOf(c.req.query());
    const callSid = callSidOf(c);
    const result = optionalParam(c.var.twilioParams, 'QueueResult') ?? '';
    const r = new VoiceResponse();
    if (
      callSid &&
      (result === 'leave' || result === 'hangup' || result === 'error' || result === 'system-error')
    ) {
      const call = await abandoned(center, ref, callSid);
      if (call && result === 'leave') {
        const lang = languageOf(call.campaign, call.contact);
        const g = r.gather({ numDigits: 1, timeout: 5, action: url('keys', ref), method: 'POST' });
        g.say(SAY[lang], TEXT.abandoned[lang]);
      }
    }
    r.hangup();
    return twiml(c, r);
  });

  // A key after a message: 9 stops our calls; 1 after a broadcast asks for an agent.
  app.post('/keys', async (c) => {
    const ref = campaignRefOf(c.req.query());
    const digits = optionalParam(c.var.twilioParams, 'Digits') ?? '';
    const r = new VoiceResponse();
    const outcome = await keyPressed(center, ref, digits);
    const call = await campaignCall(center, ref);
    const lang = call ? languageOf(call.campaign, call.contact) : 'zh';
    if (outcome === 'opted-out') r.say(SAY[lang], TEXT.optedOut[lang]);
    else if (outcome === 'connect' && call) {
      await connect(r, ref, call.campaign, call.contact);
      return twiml(c, r);
    } else r.say(SAY[lang], TEXT.goodbye[lang]);
    r.hangup();
    return twiml(c, r);
  });

  // The call's status callback.
  app.post('/status', async (c) => {
    const ref = campaignRefOf(c.req.query());
    const callSid = callSidOf(c);
    const status = optionalParam(c.var.twilioParams, 'CallStatus') ?? '';
    if (callSid) await callProgressed(center, ref, callSid, status);
    return c.body(null, 204);
  });

  // Preview: the agent answered their leg after seeing the contact; dial the contact, recorded on this leg.
  app.post('/preview-connect', async (c) => {
    const ref = campaignRefOf(c.req.query());
    const callSid = callSidOf(c);
    const r = new VoiceResponse();
    if (!callSid) {
      r.hangup();
      return twiml(c, r);
    }
    const agent = optionalParam(c.var.twilioParams, 'To')?.match(/^client:(.+)$/)?.[1];
    const tr = c.req.query('tr');
    const worker = c.req.query('worker');
    const { campaign, contact } = await previewCallOpened(center, ref, {
      callSid,
      ...(agent ? { agentId: agent } : {}),
      ...(tr ? { taskSid: tr } : {}),
    });
    r.dial({
      callerId: campaign.callerId,
      timeout: 30,
      action: url('preview-result', ref, { ...(tr ? { tr } : {}), ...(worker ? { worker } : {}) }),
      ...agentDialRecording(center.config.webhookBaseUrl, callSid),
    }).number(contact.phone);
    return twiml(c, r);
  });

  // The contact's leg is over: the agent wraps up a conversation, or hears that the dialler will retry.
  app.post('/preview-result', async (c) => {
    const ref = campaignRefOf(c.req.query());
    const callSid = callSidOf(c);
    const status = optionalParam(c.var.twilioParams, 'DialCallStatus') ?? 'failed';
    const r = new VoiceResponse();
    if (callSid) {
      const tr = c.req.query('tr');
      const worker = c.req.query('worker');
      const outcome = await previewDialed(center, ref, {
        callSid,
        status,
        ...(tr ? { taskSid: tr } : {}),
        ...(worker ? { workerSid: worker } : {}),
      });
      const call = await campaignCall(center, ref);
      const lang = call ? languageOf(call.campaign, call.contact) : 'zh';
      if (outcome !== 'talked') r.say(SAY[lang], TEXT.contactBusy[lang]);
    }
    r.hangup();
    return twiml(c, r);
  });

  // The agent's leg never connected: the contact goes back in line at no cost.
  app.post('/preview-agent-status', async (c) => {
    const ref = campaignRefOf(c.req.query());
    const status = optionalParam(c.var.twilioParams, 'CallStatus') ?? '';
    const tr = c.req.query('tr');
    if (['no-answer', 'busy', 'failed', 'canceled'].includes(status))
      await previewNotTaken(center, ref, { reason: `agent ${status}`, ...(tr ? { taskSid: tr } : {}) });
    return c.body(null, 204);
  });

  return app;
}

/** The `call` instruction for a preview reservation: ring the agent, then preview-connect dials the contact. */
export function previewInstruction(
  base: string,
  input: {
    readonly taskSid: string;
    readonly workerSid: string;
    readonly to: string;
    readonly attributes: Readonly<Record<string, unknown>>;
    readonly ringSeconds: number;
  },
): Record<string, string | boolean> {
  const a = input.attributes;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const q = campaignQuery(text(a.campaign_id), text(a.contact_id), {
    tr: input.taskSid,
    worker: input.workerSid,
  });
  return {
    instruction: 'call',
    accept: true,
    from: text(a.from),
    to: input.to,
    timeout: String(input.ringSeconds),
    url: `${base}/twilio/campaign/preview-connect?${q}`,
    status_callback_url: `${base}/twilio/campaign/preview-agent-status?${q}`,
  };
}
