// The voicemail desk's routes: list a mailbox, get one message, listen (a presigned URL, audited), mark
// handled, assign to an agent and call back; the rules are the voicemail use cases' (functions/app/voicemails.ts).
import type { OpenAPIHono } from '@hono/zod-openapi';
import { assignVoicemail } from '../../app/voicemail-assign.js';
import {
  callBackVoicemail,
  listVoicemails,
  markVoicemailHandled,
  openVoicemail,
  playVoicemail,
} from '../../app/voicemails.js';
import type { ChannelDeps } from '../channel-deps.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { jsonOk, NOT_FOUND, SECURED_ERRORS, UNPROCESSABLE } from './common-schemas.js';
import type { Guard } from './guard.js';
import { PlaybackSchema } from './recording-schemas.js';
import { securedRoute } from './secured-route.js';
import {
  AssignBody,
  CallbackSchema,
  VoicemailPage,
  VoicemailQuery,
  VoicemailSchema,
  VoicemailSidParam,
} from './voicemail-schemas.js';

export function registerVoicemailRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps & ChannelDeps, guard: Guard) {
  const tags = ['voicemail'];

  const list = securedRoute(guard, 'voicemails.list', {
    method: 'get',
    path: '/voicemails',
    tags,
    request: { query: VoicemailQuery },
    responses: { 200: jsonOk(VoicemailPage), ...SECURED_ERRORS },
  });
  // With the center's zone: the desk shows when a message was left on the center's clock, not the browser's.
  app.openapi(list, async (c) =>
    c.json(
      { ...(await listVoicemails(deps, c.var.user, c.req.valid('query'))), timeZone: deps.config.timeZone },
      200,
    ),
  );

  const get = securedRoute(guard, 'voicemails.get', {
    method: 'get',
    path: '/voicemails/{sid}',
    tags,
    request: { params: VoicemailSidParam },
    responses: { 200: jsonOk(VoicemailSchema), ...SECURED_ERRORS, ...NOT_FOUND },
  });
  app.openapi(get, async (c) => c.json(await openVoicemail(deps, c.var.user, c.req.valid('param').sid), 200));

  const listen = securedRoute(guard, 'voicemails.playback', {
    method: 'post',
    path: '/voicemails/{sid}/playback',
    tags,
    description: 'A presigned GET URL for the message, valid for a few minutes; every listen is audited.',
    request: { params: VoicemailSidParam },
    responses: { 200: jsonOk(PlaybackSchema), ...SECURED_ERRORS, ...NOT_FOUND, ...UNPROCESSABLE },
  });
  app.openapi(listen, async (c) =>
    c.json(await playVoicemail(deps, c.var.user, c.req.valid('param').sid), 200),
  );

  const handled = securedRoute(guard, 'voicemails.markHandled', {
    method: 'post',
    path: '/voicemails/{sid}/handled',
    tags,
    description: "Marks the message handled (idempotent); it leaves the box's new list.",
    request: { params: VoicemailSidParam },
    responses: { 200: jsonOk(VoicemailSchema), ...SECURED_ERRORS, ...NOT_FOUND },
  });
  app.openapi(handled, async (c) =>
    c.json(await markVoicemailHandled(deps, c.var.user, c.req.valid('param').sid), 200),
  );

  const assign = securedRoute(guard, 'voicemails.assign', {
    method: 'post',
    path: '/voicemails/{sid}/assign',
    tags,
    description:
      "Moves the message to an agent's box, its open callback task with it. Agents take messages into their own box; supervisors assign to anyone.",
    request: { params: VoicemailSidParam, body: { content: { 'application/json': { schema: AssignBody } } } },
    responses: { 200: jsonOk(VoicemailSchema), ...SECURED_ERRORS, ...NOT_FOUND, ...UNPROCESSABLE },
  });
  app.openapi(assign, async (c) => {
    const { agentId } = c.req.valid('json');
    return c.json(
      await assignVoicemail(deps, c.var.user, c.req.valid('param').sid, agentId ?? c.var.user.id),
      200,
    );
  });

  const callback = securedRoute(guard, 'voicemails.callback', {
    method: 'post',
    path: '/voicemails/{sid}/callback',
    tags,
    description: 'A callback task for you, due now, keeping the time the caller left the message.',
    request: { params: VoicemailSidParam },
    responses: {
      200: jsonOk(CallbackSchema),
      201: jsonOk(CallbackSchema, 'Created'),
      ...SECURED_ERRORS,
      ...NOT_FOUND,
    },
  });
  app.openapi(callback, async (c) => {
    const answer = await callBackVoicemail(deps, c.var.user, c.req.valid('param').sid);
    return answer.created ? c.json(answer, 201) : c.json(answer, 200);
  });
}
