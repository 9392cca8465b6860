// The TaskRouter v1 REST API of the twin, as a Hono sub-app to mount at `/taskrouter`, so the official
// client's `https://taskrouter.twilio.com/v1/...` requests land on `/taskrouter/v1/...`.
import { Hono } from 'hono';
import type { TwinAccount } from '../../ports.js';
import { basicAuth, restErrorResponse, TwilioRestError } from '../../rest-common.js';
import type { TaskRouterEngine } from '../engine.js';
import { queueRoutes } from './queue-routes.js';
import { statisticsRoutes } from './statistics-routes.js';
import { taskRoutes } from './task-routes.js';
import { workerRoutes } from './worker-routes.js';
import { workspaceRoutes } from './workspace-routes.js';

export function createTaskRouterRestApp(engine: TaskRouterEngine, account: TwinAccount): Hono {
  const app = new Hono();
  app.use('*', basicAuth(account));
  // Statistics first: their static segments must win over `/:sid`.
  statisticsRoutes(app, engine);
  workspaceRoutes(app, engine);
  workerRoutes(app, engine);
  queueRoutes(app, engine);
  taskRoutes(app, engine);
  app.notFound((c) =>
    restErrorResponse(
      c,
      new TwilioRestError(404, 20404, `The requested resource ${c.req.path} was not found`),
    ),
  );
  app.onError((err, c) => {
    if (err instanceof TwilioRestError) return restErrorResponse(c, err);
    engine.core.deps.log?.append({
      kind: 'error',
      summary: `TaskRouter REST ${c.req.method} ${c.req.path} failed: ${err.message}`,
    });
    return restErrorResponse(c, new TwilioRestError(500, 20500, 'Internal Server Error'));
  });
  return app;
}
