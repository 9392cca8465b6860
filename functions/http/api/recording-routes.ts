// Finding and hearing recordings: search (time range, agent, caller, customer, ticket, queue), metadata,
// short-lived presigned playback URLs (every playback audited), and pause/resume of the live recording of a
// call through Twilio (docs/twilio-behaviour.md §5.1.4). Agents see and hear only their own calls; supervisors and admins all.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { normaliseOnePhone } from '../../app/phone-input.js';
import type { User } from '../../domain/model.js';
import type { RecordingQuery, StoredRecording } from '../../domain/recording.js';
import type { ChannelDeps } from '../channel-deps.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../errors.js';
import { seesAllTasks } from './access.js';
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

/** Supervisors and admins hear every call; an agent only calls they took. */
export const hearsAll = seesAllTasks;

export function registerRecordingRoutes(
  app: OpenAPIHono<ApiEnv>,
  deps: AppDeps & ChannelDeps,
  guard: Guard,
): void {
  const { store } = deps;
  const tags = ['recordings'];

  async function visible(sid: string, user: User): Promise<StoredRecording> {
    const rec = await store.recordings.get(sid);
    if (!rec) throw new NotFoundError('recording', sid);
    if (!hearsAll(user.roles) && rec.agentId !== user.id)
      throw new ForbiddenError(`Recording "${sid}" is of another agent's call; agents hear only their own.`);
    return rec;
  }

  const search = securedRoute(guard, 'recordings.search', {
    method: 'get',
    path: '/recordings',
    tags,
    request: { query: RecordingQuerySchema },
    responses: { 200: jsonOk(pageOf(RecordingSchema)), ...SECURED_ERRORS },
  });
  app.openapi(search, async (c) => {
    const q = c.req.valid('query');
    const { user } = c.var;
    if (!hearsAll(user.roles) && q.agentId && q.agentId !== user.id)
      throw new ForbiddenError('Agents may search only their own recordings.');
    const query: RecordingQuery = {
      ...(q.from ? { from: new Date(q.from).toISOString() } : {}),
      ...(q.to ? { to: new Date(q.to).toISOString() } : {}),
      ...(hearsAll(user.roles) ? (q.agentId ? { agentId: q.agentId } : {}) : { agentId: user.id }),
      ...(q.caller
        ? { caller: normaliseOnePhone(q.caller, deps.config.defaultPhoneRegion, 'query.caller') }
        : {}),
      ...(q.customerId ? { customerId: q.customerId } : {}),
      ...(q.ticket ? { ticket: q.ticket.toUpperCase() } : {}),
      ...(q.queue ? { queue: q.queue } : {}),
    };
    const page = { ...(q.limit ? { limit: q.limit } : {}), ...(q.cursor ? { cursor: q.cursor } : {}) };
    return c.json(await store.recordings.search(query, page), 200);
  });

  const get = securedRoute(guard, 'recordings.get', {
    method: 'get',
    path: '/recordings/{sid}',
    tags,
    request: { params: RecordingSidParam },
    responses: { 200: jsonOk(RecordingSchema), ...SECURED_ERRORS, ...NOT_FOUND },
  });
  app.openapi(get, async (c) => c.json(await visible(c.req.valid('param').sid, c.var.user), 200));

  const playback = securedRoute(guard, 'recordings.playback', {
    method: 'post',
    path: '/recordings/{sid}/playback',
    tags,
    description: 'A presigned GET URL for the audio, valid for a few minutes; the playback is audited.',
    request: { params: RecordingSidParam },
    responses: { 200: jsonOk(PlaybackSchema), ...SECURED_ERRORS, ...NOT_FOUND },
  });
  app.openapi(playback, async (c) => {
    const rec = await visible(c.req.valid('param').sid, c.var.user);
    const ttl = deps.playbackTtlSeconds;
    const url = await deps.media.presignGet(rec.s3Key, ttl);
    await store.audit.append({
      actor: c.var.user.id,
      action: 'recording.playback',
      target: rec.sid,
      detail: { callSid: rec.callSid, agentId: rec.agentId, ttlSeconds: ttl },
    });
    const expiresAt = new Date(deps.clock.now() + ttl * 1000).toISOString();
    return c.json({ url, expiresAt, contentType: rec.contentType }, 200);
  });

  const control = securedRoute(guard, 'calls.recordingControl', {
    method: 'post',
    path: '/calls/{callSid}/recording',
    tags,
    description: 'Pauses (silence) or resumes the live recording of a call, e.g. around a card number.',
    request: { params: CallSidParam, body: jsonBody(RecordingControlBody) },
    responses: { 200: jsonOk(RecordingControlBody), ...SECURED_ERRORS, ...NOT_FOUND, ...UNPROCESSABLE },
  });
  app.openapi(control, async (c) => {
    const { callSid } = c.req.valid('param');
    const { action } = c.req.valid('json');
    const call = await store.calls.get(callSid);
    if (!call) throw new NotFoundError('call', callSid);
    if (!hearsAll(c.var.user.roles) && call.agentId !== c.var.user.id)
      throw new ForbiddenError(`Call "${callSid}" is not yours; agents control only their own calls.`);
    try {
      await deps.telephony.setRecording(callSid, action);
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (status === 404 || status === 400)
        throw new UnprocessableError('no-live-recording', `Call "${callSid}" has no recording to ${action}.`);
      throw err;
    }
    await store.audit.append({ actor: c.var.user.id, action: `recording.${action}`, target: callSid });
    return c.json({ action }, 200);
  });
}
