// The supervisor console API: the wallboard (cached for a few seconds, so many consoles polling every
// 2-5 s cost one TaskRouter read each), monitor/whisper/barge, take over, force hang-up, force an
// agent's state and blacklist decisions. Every action is written to the audit log (GET /api/audit).
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AgentDesk } from '../agent/desk.js';
import type { ApiEnv } from '../env.js';
import { BlacklistRequestSchema, CallParam } from './agent-schemas.js';
import {
  CONFLICT,
  jsonBody,
  jsonOk,
  listOf,
  NOT_FOUND,
  SECURED_ERRORS,
  UNPROCESSABLE,
} from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';
import {
  AgentBoardSchema,
  AgentParam,
  DecisionBody,
  ForceStateBody,
  MonitorBody,
  RequestIdParam,
  SupervisorCallSchema,
  WallboardSchema,
} from './supervisor-schemas.js';

const ERRORS = { ...SECURED_ERRORS, ...NOT_FOUND, ...CONFLICT, ...UNPROCESSABLE } as const;

export function registerSupervisorRoutes(app: OpenAPIHono<ApiEnv>, desk: AgentDesk, guard: Guard): void {
  const tags = ['supervisor'];

  app.openapi(
    securedRoute(guard, 'supervisor.wallboard', {
      method: 'get',
      path: '/supervisor/wallboard',
      tags,
      summary: 'Queues (waiting, longest wait, service level, answered, abandoned today) and agents by state',
      responses: { 200: jsonOk(WallboardSchema), ...ERRORS },
    }),
    async (c) => c.json(await desk.wallboard(), 200),
  );

  app.openapi(
    securedRoute(guard, 'supervisor.monitor', {
      method: 'post',
      path: '/supervisor/calls/{callSid}/monitor',
      tags,
      request: { params: CallParam, body: jsonBody(MonitorBody) },
      summary:
        "Listen, whisper to the agent or barge in: my client joins the call's conference (or changes mode)",
      responses: { 200: jsonOk(SupervisorCallSchema), ...ERRORS },
    }),
    async (c) =>
      c.json(await desk.monitor(c.var.user, c.req.valid('param').callSid, c.req.valid('json').mode), 200),
  );

  app.openapi(
    securedRoute(guard, 'supervisor.takeOver', {
      method: 'post',
      path: '/supervisor/calls/{callSid}/take-over',
      tags,
      request: { params: CallParam },
      summary: 'I join unmuted and the agent is removed from the call',
      responses: { 200: jsonOk(SupervisorCallSchema), ...ERRORS },
    }),
    async (c) => c.json(await desk.takeOver(c.var.user, c.req.valid('param').callSid), 200),
  );

  app.openapi(
    securedRoute(guard, 'supervisor.hangup', {
      method: 'post',
      path: '/supervisor/calls/{callSid}/hangup',
      tags,
      request: { params: CallParam },
      summary: 'End a call for everyone',
      responses: { 204: { description: 'Ended' }, ...ERRORS },
    }),
    async (c) => {
      await desk.forceHangup(c.var.user, c.req.valid('param').callSid);
      return c.body(null, 204);
    },
  );

  app.openapi(
    securedRoute(guard, 'supervisor.forceState', {
      method: 'post',
      path: '/supervisor/agents/{agentId}/state',
      tags,
      request: { params: AgentParam, body: jsonBody(ForceStateBody) },
      summary: "Force an agent's state: Busy, Available or Offline (logout)",
      responses: { 200: jsonOk(AgentBoardSchema), ...ERRORS },
    }),
    async (c) =>
      c.json(await desk.forceState(c.var.user, c.req.valid('param').agentId, c.req.valid('json')), 200),
  );

  app.openapi(
    securedRoute(guard, 'supervisor.blacklistRequests', {
      method: 'get',
      path: '/supervisor/blacklist-requests',
      tags,
      summary: 'Pending blacklist requests, oldest first',
      responses: { 200: jsonOk(z.object({ items: listOf(BlacklistRequestSchema) })), ...ERRORS },
    }),
    async (c) => c.json({ items: await desk.blacklistRequests() }, 200),
  );

  app.openapi(
    securedRoute(guard, 'supervisor.decideBlacklist', {
      method: 'post',
      path: '/supervisor/blacklist-requests/{id}',
      tags,
      request: { params: RequestIdParam, body: jsonBody(DecisionBody) },
      summary: 'Approve (the number is blacklisted) or reject a request',
      responses: { 200: jsonOk(BlacklistRequestSchema), ...ERRORS },
    }),
    async (c) =>
      c.json(await desk.decideBlacklist(c.var.user, c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
