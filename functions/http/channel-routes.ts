// Where the recordings, SMS, fax and admin routes join the app: the REST operations and /fax (its own
// HMAC check, not Twilio's). The channel webhooks are in twilio/channel-webhooks.ts.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { registerAttachmentRoutes } from './api/attachment-routes.js';
import { registerChannelAdminRoutes } from './api/channel-admin-routes.js';
import { registerFaxDeskRoutes } from './api/fax-desk-routes.js';
import type { Guard } from './api/guard.js';
import { registerPromptRoutes } from './api/prompt-routes.js';
import { registerRecordingRoutes } from './api/recording-routes.js';
import { registerSmsRoutes } from './api/sms-routes.js';
import { registerVoicemailRoutes } from './api/voicemail-routes.js';
import type { ChannelDeps } from './channel-deps.js';
import type { AppDeps } from './deps.js';
import type { ApiEnv } from './env.js';
import { createFaxApp } from './fax/fax-routes.js';

export function registerChannelApi(
  app: OpenAPIHono<ApiEnv>,
  deps: AppDeps & ChannelDeps,
  guard: Guard,
): void {
  registerRecordingRoutes(app, deps, guard);
  registerSmsRoutes(app, deps, guard);
  registerVoicemailRoutes(app, deps, guard);
  registerChannelAdminRoutes(app, deps, guard);
  registerAttachmentRoutes(app, deps, guard);
  registerPromptRoutes(app, deps, guard);
  registerFaxDeskRoutes(app, deps, guard);
}

/** Mount at /fax. */
export const createFaxRoutes = (deps: AppDeps & ChannelDeps) => createFaxApp(deps);
