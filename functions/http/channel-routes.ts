// Where the recordings, SMS, fax and admin routes join the app: the Twilio webhooks (signature already
// checked by the Twilio app), the REST operations, and /fax (its own HMAC check, not Twilio's).
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { registerChannelAdminRoutes } from './api/channel-admin-routes.js';
import type { Guard } from './api/guard.js';
import { registerRecordingRoutes } from './api/recording-routes.js';
import { registerSmsRoutes } from './api/sms-routes.js';
import { registerVoicemailRoutes } from './api/voicemail-routes.js';
import type { ChannelDeps } from './channel-deps.js';
import type { AppDeps, WebhookDeps } from './deps.js';
import type { ApiEnv, TwilioEnv } from './env.js';
import { createFaxApp } from './fax/fax-routes.js';
import { createRecordingStatusApp } from './twilio/recording-status-routes.js';
import { createSmsStatusApp } from './twilio/sms-status-routes.js';

/** Under /twilio: `/recording-status` and `/sms/status` (the inbound SMS bot is `/sms`). */
export function mountChannelWebhooks(
  app: Hono<TwilioEnv>,
  deps: WebhookDeps & Pick<ChannelDeps, 'jobs'>,
): void {
  app.route('/recording-status', createRecordingStatusApp(deps));
  app.route('/sms/status', createSmsStatusApp(deps));
}

export function registerChannelApi(
  app: OpenAPIHono<ApiEnv>,
  deps: AppDeps & ChannelDeps,
  guard: Guard,
): void {
  registerRecordingRoutes(app, deps, guard);
  registerSmsRoutes(app, deps, guard);
  registerVoicemailRoutes(app, deps, guard);
  registerChannelAdminRoutes(app, deps, guard);
}

/** Mount at /fax. */
export const createFaxRoutes = (deps: AppDeps & ChannelDeps) => createFaxApp(deps);
