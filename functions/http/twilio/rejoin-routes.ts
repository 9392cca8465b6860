// The TwiML a customer gets while their agent's leg is gone (functions/app/desk/rejoin.ts): the hold
// document (a short message, then music, as a conference hold URL may return) and, when the grace ends
// after hours, the voicemail prompt whose recording the IVR's voicemail webhook keeps.
import { Hono } from 'hono';
import VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';
import { flows } from '../../../flows/index.js';
import { reconnectPrompts } from '../../../flows/reconnect.js';
import { routing } from '../../../flows/routing.js';
import { VOICEMAIL_MAX_SECONDS } from '../../domain/ivr/interpreter.js';
import type { Language } from '../../domain/model.js';
import type { WebhookDeps } from '../deps.js';
import type { TwilioEnv } from '../env.js';
import { SAY } from './ivr/render.js';
import { ivrUrl } from './ivr/session-url.js';

const xml = () => ({ 'Content-Type': 'text/xml; charset=utf-8' });
const languageOf = (raw: string | undefined): Language => (raw === 'en' ? 'en' : 'zh');

export function createRejoinApp(deps: WebhookDeps): Hono<TwilioEnv> {
  const app = new Hono<TwilioEnv>();
  const base = deps.config.webhookBaseUrl;

  // A conference fetches its hold URL with GET unless told otherwise.
  app.on(['GET', 'POST'], '/hold', (c) => {
    const lang = languageOf(c.req.query('lang'));
    const r = new VoiceResponse();
    r.say(SAY[lang], reconnectPrompts.hold[lang]);
    r.play({ loop: 0 }, routing.holdMusicUrl);
    return c.body(r.toString(), 200, xml());
  });

  app.post('/voicemail', (c) => {
    const lang = languageOf(c.req.query('lang'));
    const flow = flows[c.req.query('flow') ?? ''] ?? flows.warranty;
    if (!flow) throw new Error('no flows configured');
    const queue = c.req.query('q') ?? flow.closedQueue;
    const session = { flow: flow.name, state: flow.start, lang, attempt: 0, vars: { reason: 'agent-lost' } };
    const r = new VoiceResponse();
    r.say(SAY[lang], reconnectPrompts.voicemail[lang]);
    r.record({
      action: ivrUrl(base, 'voicemail', session, { q: queue }),
      method: 'POST',
      maxLength: VOICEMAIL_MAX_SECONDS,
      timeout: 5,
      finishOnKey: '#',
      recordingStatusCallback: `${base}/twilio/recording-status`,
      recordingStatusCallbackMethod: 'POST',
    });
    return c.body(r.toString(), 200, xml());
  });

  return app;
}
