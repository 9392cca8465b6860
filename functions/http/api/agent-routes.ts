// The agent desktop API: Access Token, state, skills, heartbeat, reservations, call controls on the
// agent's own current call, click-to-dial, missed calls, the live queue, wrap-up notes and blacklist
// requests. Agents act only on themselves: call controls take no call id, the server finds the call from
// the agent's TaskRouter reservations, so one agent cannot touch another's call.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AgentDesk } from '../agent/desk.js';
import type { ApiEnv } from '../env.js';
import {
  AcceptBody,
  AcceptSchema,
  AgentStatusSchema,
  AgentTextSchema,
  BlacklistRequestBody,
  BlacklistRequestSchema,
  CallActionSchema,
  CallDispositionsSchema,
  CallParam,
  ConferenceBody,
  DialBody,
  HeartbeatSchema,
  HoldBody,
  InternalCallBody,
  InternalCallSchema,
  MissedCallSchema,
  MuteBody,
  RejectBody,
  ReservationParam,
  SkillsBody,
  StateBody,
  TaskParam,
  TokenBody,
  TokenSchema,
  TransferBody,
  WaitingCallSchema,
  WrapUpBody,
} from './agent-schemas.js';
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

const ERRORS = { ...SECURED_ERRORS, ...NOT_FOUND, ...CONFLICT, ...UNPROCESSABLE } as const;

export function registerAgentRoutes(app: OpenAPIHono<ApiEnv>, desk: AgentDesk, guard: Guard): void {
  const tags = ['agent'];
  const post = (path: string, body?: z.ZodType) => ({
    method: 'post' as const,
    path,
    tags,
    ...(body ? { request: { body: jsonBody(body) } } : {}),
  });

  app.openapi(
    securedRoute(guard, 'agent.token', {
      ...post('/agent/token', TokenBody),
      request: { body: { ...jsonBody(TokenBody), required: false } },
      summary: 'Twilio Access Token for the Voice SDK and TaskRouter Worker (or the local agent link)',
      responses: { 200: jsonOk(TokenSchema), ...ERRORS },
    }),
    async (c) => {
      const body = await c.req.json().catch(() => ({}));
      const parsed = TokenBody.safeParse(body ?? {});
      const ttl = parsed.success ? parsed.data.ttlSeconds : undefined;
      return c.json(await desk.token(c.var.user, ttl), 200);
    },
  );

  app.openapi(
    securedRoute(guard, 'agent.status', {
      method: 'get',
      path: '/agent/me',
      tags,
      summary: 'My state, skills, reservations and current call, as the server sees them',
      responses: { 200: jsonOk(AgentStatusSchema), ...ERRORS },
    }),
    async (c) => c.json(await desk.status(c.var.user), 200),
  );

  app.openapi(
    securedRoute(guard, 'agent.setState', {
      ...post('/agent/state', StateBody),
      request: { body: jsonBody(StateBody) },
      summary: 'Ask for Available, Busy, Break (with reason) or Offline; the server may refuse (409)',
      responses: { 200: jsonOk(AgentStatusSchema), ...ERRORS },
    }),
    async (c) => c.json(await desk.setState(c.var.user, c.req.valid('json')), 200),
  );

  app.openapi(
    securedRoute(guard, 'agent.endWrapUp', {
      ...post('/agent/wrap-up/end'),
      summary: 'End my wrap-up early and become Available',
      responses: { 200: jsonOk(AgentStatusSchema), ...ERRORS },
    }),
    async (c) => c.json(await desk.endWrapUp(c.var.user), 200),
  );

  app.openapi(
    securedRoute(guard, 'agent.setSkills', {
      method: 'put',
      path: '/agent/skills',
      tags,
      request: { body: jsonBody(SkillsBody) },
      summary: 'Sign in to exactly these skill groups (a subset of my skills)',
      responses: { 200: jsonOk(AgentStatusSchema), ...ERRORS },
    }),
    async (c) => c.json(await desk.setSkills(c.var.user, c.req.valid('json').skills), 200),
  );

  app.openapi(
    securedRoute(guard, 'agent.heartbeat', {
      ...post('/agent/heartbeat'),
      summary: 'The page is alive: send every 10 s; 30 s without one moves me out of Available',
      responses: { 200: jsonOk(HeartbeatSchema), ...ERRORS },
    }),
    async (c) => c.json(await desk.heartbeat(c.var.user), 200),
  );

  app.openapi(
    securedRoute(guard, 'agent.accept', {
      ...post('/agent/reservations/{sid}/accept'),
      request: { params: ReservationParam, body: { ...jsonBody(AcceptBody), required: false } },
      summary: 'Accept my pending reservation: the caller and I are joined in a conference named by the task',
      responses: { 200: jsonOk(AcceptSchema), ...ERRORS },
    }),
    async (c) => {
      const body = (c.req.valid('json') ?? {}) as { ringAgain?: boolean };
      return c.json(await desk.accept(c.var.user, c.req.valid('param').sid, body), 200);
    },
  );

  app.openapi(
    securedRoute(guard, 'agent.reject', {
      ...post('/agent/reservations/{sid}/reject'),
      request: { params: ReservationParam, body: { ...jsonBody(RejectBody), required: false } },
      summary: 'Reject my pending reservation: the call goes to the next agent',
      responses: { 204: { description: 'Rejected' }, ...ERRORS },
    }),
    async (c) => {
      await desk.reject(c.var.user, c.req.valid('param').sid);
      return c.body(null, 204);
    },
  );

  const callRoute = <B extends z.ZodType>(
    op: Parameters<Guard>[0],
    path: string,
    summary: string,
    body?: B,
  ) =>
    securedRoute(guard, op, {
      method: 'post',
      path,
      tags,
      summary,
      ...(body ? { request: { body: jsonBody(body) } } : {}),
      responses: { 200: jsonOk(CallActionSchema), ...ERRORS },
    });

  app.openapi(
    callRoute('agent.hold', '/agent/call/hold', 'Hold or resume the customer', HoldBody),
    async (c) => c.json(await desk.hold(c.var.user, (await c.req.json()) as z.infer<typeof HoldBody>), 200),
  );
  app.openapi(callRoute('agent.mute', '/agent/call/mute', 'Mute or unmute myself', MuteBody), async (c) =>
    c.json(await desk.mute(c.var.user, (await c.req.json()) as z.infer<typeof MuteBody>), 200),
  );
  app.openapi(
    callRoute(
      'agent.transfer',
      '/agent/call/transfer',
      'Cold or warm transfer to an agent, a queue or a number',
      TransferBody,
    ),
    async (c) =>
      c.json(await desk.transfer(c.var.user, (await c.req.json()) as z.infer<typeof TransferBody>), 200),
  );
  app.openapi(
    callRoute(
      'agent.completeTransfer',
      '/agent/call/transfer/complete',
      'Complete my warm transfer: the colleague carries on with the customer, I leave and wrap up',
    ),
    async (c) => c.json(await desk.completeTransfer(c.var.user), 200),
  );
  app.openapi(
    callRoute(
      'agent.cancelTransfer',
      '/agent/call/transfer/cancel',
      'Cancel a warm transfer (either agent): the colleague leaves, the customer comes off hold to the first agent',
    ),
    async (c) => c.json(await desk.cancelTransfer(c.var.user), 200),
  );
  app.openapi(
    callRoute(
      'agent.conference',
      '/agent/call/conference',
      'Add a third party (agent or number) to my call',
      ConferenceBody,
    ),
    async (c) =>
      c.json(await desk.conference(c.var.user, (await c.req.json()) as z.infer<typeof ConferenceBody>), 200),
  );
  app.openapi(
    callRoute(
      'agent.leave',
      '/agent/call/leave',
      'Leave the call, the others stay connected (completes a warm transfer)',
    ),
    async (c) => c.json(await desk.leave(c.var.user), 200),
  );
  app.openapi(
    callRoute('agent.hangup', '/agent/call/hangup', 'End my current call for everyone'),
    async (c) => c.json(await desk.hangup(c.var.user), 200),
  );
  app.openapi(
    callRoute(
      'agent.rejoin',
      '/agent/call/rejoin',
      'Dial me back into my call after my leg dropped (a reload, a lost network)',
    ),
    async (c) => c.json(await desk.rejoin(c.var.user), 200),
  );
  app.openapi(
    callRoute('agent.dial', '/agent/dial', 'Click-to-dial: ring me, then call the number', DialBody),
    async (c) => c.json(await desk.dial(c.var.user, (await c.req.json()) as z.infer<typeof DialBody>), 200),
  );
  app.openapi(
    securedRoute(guard, 'agent.internalCall', {
      ...post('/agent/internal-call', InternalCallBody),
      request: { body: jsonBody(InternalCallBody) },
      summary:
        'Call a colleague by agent number: ring me, then their softphone; refused at once (404/409) when the number is unknown or they are signed out or busy',
      responses: { 200: jsonOk(InternalCallSchema), ...ERRORS },
    }),
    async (c) => c.json(await desk.internalCall(c.var.user, c.req.valid('json')), 200),
  );

  app.openapi(
    securedRoute(guard, 'agent.missedCalls', {
      method: 'get',
      path: '/agent/missed-calls',
      tags,
      summary: 'Calls that rang me today and I did not take',
      responses: { 200: jsonOk(z.object({ items: listOf(MissedCallSchema) })), ...ERRORS },
    }),
    async (c) => c.json({ items: await desk.missedCalls(c.var.user) }, 200),
  );

  app.openapi(
    securedRoute(guard, 'agent.texts', {
      method: 'get',
      path: '/agent/texts',
      tags,
      summary: 'The text conversations routed to me that I have not ended',
      responses: { 200: jsonOk(z.object({ items: listOf(AgentTextSchema) })), ...ERRORS },
    }),
    async (c) => c.json({ items: await desk.texts(c.var.user) }, 200),
  );

  app.openapi(
    securedRoute(guard, 'queue.list', {
      method: 'get',
      path: '/queue',
      tags: ['queue'],
      summary: 'Calls waiting or ringing, longest first, with wait time and VIP tier',
      responses: { 200: jsonOk(z.object({ items: listOf(WaitingCallSchema) })), ...ERRORS },
    }),
    async (c) => c.json({ items: await desk.queue(c.var.user) }, 200),
  );

  app.openapi(
    securedRoute(guard, 'queue.pick', {
      method: 'post',
      path: '/queue/{taskSid}/pick',
      tags: ['queue'],
      request: { params: TaskParam },
      summary: "Take this waiting call (or another agent's ringing call): it rings me next",
      responses: { 200: jsonOk(CallActionSchema), ...ERRORS },
    }),
    async (c) => c.json(await desk.pick(c.var.user, c.req.valid('param').taskSid), 200),
  );

  app.openapi(
    securedRoute(guard, 'calls.wrapUp', {
      method: 'post',
      path: '/calls/{callSid}/wrap-up',
      tags: ['calls'],
      request: { params: CallParam, body: jsonBody(WrapUpBody) },
      summary: 'Disposition and notes on a call record (agents: calls they took)',
      responses: {
        200: jsonOk(
          z.object({ callSid: z.string(), disposition: z.string().optional(), notes: z.string().optional() }),
        ),
        ...ERRORS,
      },
    }),
    async (c) =>
      c.json(await desk.wrapUpNotes(c.var.user, c.req.valid('param').callSid, c.req.valid('json')), 200),
  );

  app.openapi(
    securedRoute(guard, 'calls.dispositions', {
      method: 'get',
      path: '/calls/{callSid}/dispositions',
      tags: ['calls'],
      request: { params: CallParam },
      summary: "The wrap-up codes of the call's hotline, in the order the form lists them",
      responses: { 200: jsonOk(CallDispositionsSchema), ...ERRORS },
    }),
    async (c) => c.json(await desk.dispositions(c.req.valid('param').callSid), 200),
  );

  app.openapi(
    securedRoute(guard, 'blacklist.request', {
      method: 'post',
      path: '/blacklist-requests',
      tags: ['blacklist'],
      request: { body: jsonBody(BlacklistRequestBody) },
      summary: 'Ask a supervisor to blacklist a number',
      responses: { 201: jsonOk(BlacklistRequestSchema, 'Requested'), ...ERRORS },
    }),
    async (c) => c.json(await desk.requestBlacklist(c.var.user, c.req.valid('json')), 201),
  );
}
