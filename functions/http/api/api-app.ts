// The agent/supervisor/admin REST API: every route declared with zod schemas that validate requests
// and generate the OpenAPI 3 document served at /api/openapi.json.
import { OpenAPIHono } from '@hono/zod-openapi';
import { createHistory } from '../../app/history/history.js';
import { createKeyAuthenticator } from '../../app/integrations/key-auth.js';
import { createAgentDesk } from '../agent/desk-impl.js';
import { registerChannelApi } from '../channel-routes.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { registerAgentRoutes } from './agent-routes.js';
import { registerApiKeyRoutes } from './api-key-routes.js';
import { registerAuditRoutes } from './audit-routes.js';
import { registerAuthRoutes } from './auth-routes.js';
import { registerBulkSmsRoutes } from './bulk-sms-routes.js';
import { registerCalendarRoutes } from './calendar-routes.js';
import { registerCampaignRoutes } from './campaign-routes.js';
import { registerCustomerRoutes } from './customer-routes.js';
import { registerDialPolicyRoutes } from './dial-policy-routes.js';
import { registerDispatchRoutes } from './dispatch-routes.js';
import { registerDraftRoutes } from './draft-routes.js';
import { registerForwardingRoutes } from './forwarding-routes.js';
import { createGuard } from './guard.js';
import { registerKbRoutes } from './kb-routes.js';
import { registerLeadRoutes } from './lead-routes.js';
import { registerPushRoutes } from './push-routes.js';
import { registerQualityRoutes } from './quality-routes.js';
import { registerQueueSettingsRoutes } from './queue-settings-routes.js';
import { registerReportRoutes } from './report-routes.js';
import { registerScriptRoutes } from './script-routes.js';
import { registerSettingHistoryRoutes } from './setting-history-routes.js';
import { registerSmsTemplateRoutes } from './sms-template-routes.js';
import { registerSupervisorRoutes } from './supervisor-routes.js';
import { registerSurveyRoutes } from './survey-routes.js';
import { registerTaskRoutes } from './task-routes.js';
import { registerTicketRoutes } from './ticket-routes.js';
import { registerUserRoutes } from './user-routes.js';
import { validationHook } from './validation-hook.js';
import { registerWfmRoutes } from './wfm-routes.js';
import { registerWhitelistRoutes } from './whitelist-routes.js';
import { registerWorkOrderRoutes } from './work-order-routes.js';
import { registerWrapUpSettingsRoutes } from './wrap-up-settings-routes.js';

export function createApiApp(deps: AppDeps): OpenAPIHono<ApiEnv> {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  const guard = createGuard(deps);
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token from POST /api/auth/login (the cc_session cookie is accepted too).',
  });
  registerAuthRoutes(app, deps, guard);
  registerCustomerRoutes(app, deps, guard);
  registerTicketRoutes(app, deps, guard);
  registerWorkOrderRoutes(app, deps, guard);
  registerDispatchRoutes(app, deps, guard);
  registerScriptRoutes(app, guard);
  registerTaskRoutes(app, deps, guard);
  registerUserRoutes(app, deps, guard);
  registerAuditRoutes(app, deps, guard);
  registerDialPolicyRoutes(app, deps, guard);
  registerWhitelistRoutes(app, deps, guard);
  registerForwardingRoutes(app, deps, guard);
  registerQueueSettingsRoutes(app, deps, guard);
  registerWrapUpSettingsRoutes(app, deps, guard);
  registerSettingHistoryRoutes(app, deps, guard);
  registerSmsTemplateRoutes(app, deps, guard);
  registerBulkSmsRoutes(app, deps, guard);
  registerSurveyRoutes(app, deps, guard);
  registerCalendarRoutes(app, deps, guard);
  // One authenticator for both, so a key revoked here stops working here at once.
  const apiKeys = createKeyAuthenticator({ ...deps, sessionKey: deps.secrets.sessionKey });
  registerApiKeyRoutes(app, deps, guard, apiKeys);
  registerLeadRoutes(app, deps, apiKeys);
  const desk = createAgentDesk(deps);
  registerAgentRoutes(app, desk, guard);
  registerDraftRoutes(app, deps, guard);
  registerPushRoutes(app, deps, guard);
  registerSupervisorRoutes(app, desk, guard);
  // Reports and planning read the rollups the history's minute job keeps.
  const history = createHistory({
    store: deps.store,
    clock: deps.clock,
    timeZone: deps.config.timeZone,
    logger: deps.logger,
  });
  registerWfmRoutes(app, deps, guard, history.volumes);
  registerReportRoutes(app, deps, guard, history);
  registerKbRoutes(app, deps, guard);
  registerQualityRoutes(app, deps, guard);
  registerCampaignRoutes(app, deps, guard);
  if (deps.channels) registerChannelApi(app, { ...deps, ...deps.channels }, guard);
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Contact center API', version: '1' },
    servers: [{ url: `${deps.config.publicBaseUrl}/api` }],
  });
  return app;
}
