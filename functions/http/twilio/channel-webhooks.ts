// The channel webhooks under /twilio (recording status, SMS status). Kept apart from the channel REST
// routes so the webhook Lambda bundle does not pull in zod and the OpenAPI routes.
import type { Hono } from 'hono';
import type { ChannelDeps } from '../channel-deps.js';
import type { WebhookDeps } from '../deps.js';
import type { TwilioEnv } from '../env.js';
import { createRecordingStatusApp } from './recording-status-routes.js';
import { createSmsStatusApp } from './sms-status-routes.js';

/** Under /twilio: `/recording-status` and `/sms/status` (the inbound SMS bot is `/sms`). */
export function mountChannelWebhooks(
  app: Hono<TwilioEnv>,
  deps: WebhookDeps & Pick<ChannelDeps, 'jobs'>,
): void {
  app.route('/recording-status', createRecordingStatusApp(deps));
  app.route('/sms/status', createSmsStatusApp(deps));
}
