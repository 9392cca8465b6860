// The whole HTTP application, served by the local Node server and by the Lambda handlers alike:
// health, Twilio webhooks and the REST API, with one error mapping for named errors. Every response
// carries the security headers; state-changing API calls from another site are refused.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { createApiApp } from './api/api-app.js';
import { createFaxRoutes } from './channel-routes.js';
import { cspSourcesFor } from './content-security-policy.js';
import type { AppDeps } from './deps.js';
import { HttpProblem } from './errors.js';
import { sameOriginGuard } from './same-origin-guard.js';
import { securityHeaders } from './security-headers.js';
import { createTwilioApp } from './twilio/twilio-app.js';

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use(securityHeaders(cspSourcesFor(deps.config)));
  // Twilio webhooks (/twilio, /fax) are not browser calls: they are checked by their signatures instead.
  app.use('/api/*', sameOriginGuard(deps.config));
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.route('/twilio', createTwilioApp(deps));
  app.route('/api', createApiApp(deps));
  if (deps.channels) app.route('/fax', createFaxRoutes({ ...deps, ...deps.channels }));
  app.notFound((c) =>
    c.json({ error: 'not-found', message: `No route for ${c.req.method} ${c.req.path}.` }, 404),
  );
  app.onError((err, c) => {
    if (err instanceof HttpProblem) {
      return c.json({ error: err.code, message: err.message, ...err.extra }, err.status, err.headers);
    }
    // Hono's own 4xx: malformed JSON, unsupported media type.
    if (err instanceof HTTPException && err.status < 500) {
      return c.json(
        { error: 'bad-request', message: err.message || 'The request could not be read.' },
        err.status,
      );
    }
    deps.logger.error('unhandled', { path: c.req.path, error: String(err), stack: err.stack });
    return c.json({ error: 'internal', message: 'Something went wrong on our side; it was logged.' }, 500);
  });
  return app;
}
