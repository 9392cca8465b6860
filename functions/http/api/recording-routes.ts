// Recording routes: search (time range, agent, caller, customer, ticket, queue), metadata, playback URLs
// and pause/resume of a call's live recordings, on whichever leg owns them (docs/twilio-behaviour.md
// §5.1.4); the rules are the recording use cases' (functions/app/recordings.ts).
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createCenter } from '../../app/center.js';
import { createCallFinder } from '../../app/desk/calls.js';
import {
  controlLiveRecording,
  playRecording,
  searchRecordings,
  visibleRecording,
} from '../../app/recordings.js';
import { runScheduledJob } from '../../app/run-scheduled.js';
import type { ChannelDeps } from '../channel-deps.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { jsonBody, jsonOk, NOT_FOUND, pageOf, SECURED_ERRORS, UNPROCESSABLE } from './common-schemas.js';
import type { Guard } from './guard.js';
import {
  CallSidParam,
  PlaybackSchema,
  RecordingControlBody,
  RecordingQuerySchema,
  RecordingSchema,
  RecordingSidParam,
} from './recording-schemas.js';
import { securedRoute } from './secured-route.js';

export function registerRecordingRoutes(
  app: OpenAPIHono<ApiEnv>,
  deps: AppDeps & ChannelDeps,
  guard: Guard,
): void {
  const tags = ['recordings'];
  // The customer's conference legs, found as the desk finds them: the live recording may be on any of them.
  const calls = createCallFinder(createCenter(deps, runScheduledJob));
  const legsOf = async (callSid: string) =>
    (await calls.ofCustomerCall(callSid)).legs.map((l) => l.callSid).filter((sid) => sid !== callSid);

  const search = securedRoute(guard, 'recordings.search', {
    method: 'get',
    path: '/recordings',
    tags,
    request: { query: RecordingQuerySchema },
    responses: { 200: jsonOk(pageOf(RecordingSchema)), ...SECURED_ERRORS },
  });
  app.openapi(search, async (c) => {
    const { limit, cursor, ...q } = c.req.valid('query');
    const page = { ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) };
    return c.json(await searchRecordings(deps, c.var.user, q, page), 200);
  });

  const get = securedRoute(guard, 'recordings.get', {
    method: 'get',
    path: '/recordings/{sid}',
    tags,
    request: { params: RecordingSidParam },
    responses: { 200: jsonOk(RecordingSchema), ...SECURED_ERRORS, ...NOT_FOUND },
  });
  app.openapi(get, async (c) =>
    c.json(await visibleRecording(deps, c.var.user, c.req.valid('param').sid), 200),
  );

  const playback = securedRoute(guard, 'recordings.playback', {
    method: 'post',
    path: '/recordings/{sid}/playback',
    tags,
    description: 'A presigned GET URL for the audio, valid for a few minutes; the playback is audited.',
    request: { params: RecordingSidParam },
    responses: { 200: jsonOk(PlaybackSchema), ...SECURED_ERRORS, ...NOT_FOUND },
  });
  app.openapi(playback, async (c) =>
    c.json(await playRecording(deps, c.var.user, c.req.valid('param').sid), 200),
  );

  const control = securedRoute(guard, 'calls.recordingControl', {
    method: 'post',
    path: '/calls/{callSid}/recording',
    tags,
    description: 'Pauses (silence) or resumes the live recording of a call, e.g. around a card number.',
    request: { params: CallSidParam, body: jsonBody(RecordingControlBody) },
    responses: { 200: jsonOk(RecordingControlBody), ...SECURED_ERRORS, ...NOT_FOUND, ...UNPROCESSABLE },
  });
  app.openapi(control, async (c) => {
    const { action } = c.req.valid('json');
    await controlLiveRecording({ ...deps, legsOf }, c.var.user, c.req.valid('param').callSid, action);
    return c.json({ action }, 200);
  });
}
