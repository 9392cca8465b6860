// Every Twilio webhook under /twilio, behind signature validation. Its onError keeps callers out of
// silence: a voice webhook that fails or is refused answers an apology in TwiML; others get their 4xx.
import { Hono } from 'hono';
import { openCenter } from '../../app/open-center.js';
import type { WebhookDeps } from '../deps.js';
import type { TwilioEnv, TwilioParams } from '../env.js';
import { HttpProblem } from '../errors.js';
import { createCampaignApp } from './campaign-routes.js';
import { mountChannelWebhooks } from './channel-webhooks.js';
import { createInternalCallApp } from './internal-call-routes.js';
import { failureTwiml } from './ivr/failure.js';
import { createIvrApp } from './ivr/ivr-routes.js';
import { createRejoinApp } from './rejoin-routes.js';
import { verifyTwilioSignature } from './signature.js';
import { createSmsBotApp } from './sms-bot-routes.js';
import { createSmsApp } from './sms-routes.js';
import { createSurveyApp } from './survey-routes.js';
import { createTaskRouterApp } from './taskrouter-routes.js';
import { apologyTwiml } from './voice-prompts.js';
import { createVoiceApp } from './voice-routes.js';
import { correlationIdOf } from './webhook-log.js';

export function createTwilioApp(deps: WebhookDeps): Hono<TwilioEnv> {
  const app = new Hono<TwilioEnv>();
  app.use('*', verifyTwilioSignature(deps));
  const ivr = openCenter(deps);
  app.route('/voice', createVoiceApp(deps, ivr));
  app.route('/ivr', createIvrApp(deps, ivr));
  app.route('/taskrouter', createTaskRouterApp(deps, ivr));
  app.route('/rejoin', createRejoinApp(deps));
  app.route('/internal-call', createInternalCallApp(ivr));
  app.route('/survey', createSurveyApp(deps));
  app.route('/campaign', createCampaignApp(ivr));
  if (deps.jobs) {
    // Recordings, SMS status callbacks and the SMS bot need the job queue; without it, the placeholder.
    mountChannelWebhooks(app, { ...deps, jobs: deps.jobs });
    app.route('/sms', createSmsBotApp({ ...deps, jobs: deps.jobs }));
  } else {
    app.route('/sms', createSmsApp(deps));
  }
  app.onError((err, c) => {
    const params = c.get('twilioParams') as TwilioParams | undefined;
    const voice = voiceTwiml(deps.config.webhookBaseUrl, c.req.path);
    if (err instanceof HttpProblem) {
      // A caller is on the line: whatever was wrong with the request, they hear the apology and can leave
      // a message, never Twilio's "application error". The refusal is logged for us instead.
      if (voice) {
        deps.logger.warn('voice webhook refused its input', {
          correlationId: correlationIdOf(params),
          path: c.req.path,
          error: err.message,
        });
        return c.body(voice, 200, { 'Content-Type': 'text/xml; charset=utf-8' });
      }
      return c.json({ error: err.code, message: err.message, ...err.extra }, err.status);
    }
    deps.logger.error('twilio webhook failed', {
      correlationId: correlationIdOf(params),
      path: c.req.path,
      error: String(err),
      stack: err.stack,
    });
    if (voice) return c.body(voice, 200, { 'Content-Type': 'text/xml; charset=utf-8' });
    // Messaging: a 500 lets Twilio try the number's SmsFallbackUrl.
    return c.json({ error: 'internal', message: 'The webhook failed; it was logged.' }, 500);
  });
  return app;
}

/** The TwiML a failed voice webhook answers: the IVR's apology with voicemail, else the plain apology. */
function voiceTwiml(baseUrl: string, path: string): string | undefined {
  const failed = failureTwiml(baseUrl, path);
  if (failed) return failed;
  return path.startsWith('/twilio/voice') ? apologyTwiml() : undefined;
}
