// A composition for the channel tests: the real Hono pieces (Twilio webhooks behind signature checks, the
// REST API with the channel routes, /fax) on a real port, dynalite, s3rver, and the Twilio twin (voice,
// messaging, recordings) on one manual clock, with the worker on the in-process queue. Tests wrap the ports
// (`faults`) to inject Twilio and S3 failures and crashes between the worker's steps.

import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { serve } from '@hono/node-server';
import { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { routing as routingConfig } from '../../flows/routing.js';
import { createLocalOutbox } from '../../functions/adapters/mail/local-outbox.js';
import { createLocalQueue, type LocalQueue } from '../../functions/adapters/queue/local-queue.js';
import { createS3MediaStore } from '../../functions/adapters/s3/media-store.js';
import { createTwilioClient } from '../../functions/adapters/twilio/client.js';
import { twilioAgentWorkers } from '../../functions/adapters/twilio/provision-taskrouter.js';
import { createTwilioRecordingMedia } from '../../functions/adapters/twilio/recording-media.js';
import { createTwilioPorts } from '../../functions/adapters/twilio/twilio-ports.js';
import type {
  MailOutbox,
  MediaStore,
  TaskRouting,
  TwilioRecordingMedia,
} from '../../functions/domain/channel-ports.js';
import { hashPassword } from '../../functions/domain/password.js';
import type { Store } from '../../functions/domain/ports.js';
import { registerAuthRoutes } from '../../functions/http/api/auth-routes.js';
import { createGuard } from '../../functions/http/api/guard.js';
import { validationHook } from '../../functions/http/api/validation-hook.js';
import type { ChannelDeps } from '../../functions/http/channel-deps.js';
import { createFaxRoutes, registerChannelApi } from '../../functions/http/channel-routes.js';
import type { AppDeps } from '../../functions/http/deps.js';
import type { ApiEnv, TwilioEnv } from '../../functions/http/env.js';
import { HttpProblem } from '../../functions/http/errors.js';
import { mountChannelWebhooks } from '../../functions/http/twilio/channel-webhooks.js';
import { verifyTwilioSignature } from '../../functions/http/twilio/signature.js';
import { createSmsBotApp } from '../../functions/http/twilio/sms-bot-routes.js';
import { createJobWorker } from '../../functions/workers/job-worker.js';
import { startS3 } from '../../infra/local/s3-server.js';
import { createFaxSimApp } from '../../infra/local/twin/sim/fax-sim.js';
import { createVoiceTwin } from '../../infra/local/twin/voice/create-voice-twin.js';
import { createCapturingLogger } from '../support/capturing-logger.js';
import { createTestStore, type TestStore } from '../support/dynamo.js';

export const ACCOUNT = { accountSid: `AC${'c'.repeat(32)}`, authToken: 'channel-test-token-0000' };
export const HOTLINE = '+18005550100';
export const FAX_SECRET = 'fax-test-secret-0123456789abcdef0123456789';
export const PASSWORD = 'channel test password';
export const BUCKET = 'contact-center-media';

export interface Faults {
  media?: (inner: MediaStore) => MediaStore;
  twilioMedia?: (inner: TwilioRecordingMedia) => TwilioRecordingMedia;
  store?: (inner: Store) => Store;
  mediaFetch?: typeof fetch;
}

export async function startChannelStack(options: { faults?: Faults; mediaTimeoutMs?: number } = {}) {
  const ts: TestStore = await createTestStore({ startMs: Date.parse('2026-03-02T01:30:00Z') });
  const { clock } = ts;
  const s3Dir = mkdtempSync(join(tmpdir(), 'cc-chan-s3-'));
  const s3 = await startS3(s3Dir, BUCKET);
  const s3Client = new S3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  const rawMedia = createS3MediaStore({ client: s3Client, bucket: BUCKET });
  const media = options.faults?.media?.(rawMedia) ?? rawMedia;

  let appBase = '';
  let twinBase = '';
  const twin = createVoiceTwin({ account: ACCOUNT, clock, baseUrl: () => twinBase, webhookTimeoutMs: 5000 });
  const twinRoot = new Hono();
  twinRoot.route('/api', twin.api);
  twinRoot.route('/sim', twin.sim);
  twinRoot.route('/sim/faxes', createFaxSimApp({ appUrl: () => appBase, secret: FAX_SECRET, clock }));
  const twinServer = serve({ fetch: twinRoot.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => twinServer.once('listening', () => r()));
  twinBase = `http://127.0.0.1:${(twinServer.address() as AddressInfo).port}`;
  const twilio = createTwilioClient({ ...ACCOUNT, apiBaseUrl: twinBase });
  const rawTwilioMedia = createTwilioRecordingMedia({
    ...ACCOUNT,
    apiBaseUrl: twinBase,
    timeoutMs: options.mediaTimeoutMs ?? 2000,
    ...(options.faults?.mediaFetch ? { fetch: options.faults.mediaFetch } : {}),
  });
  const twilioMedia = options.faults?.twilioMedia?.(rawTwilioMedia) ?? rawTwilioMedia;
  const store = options.faults?.store?.(ts.store) ?? ts.store;

  const tasks: Record<string, unknown>[] = [];
  const endedTasks: { taskSid: string; reason: string }[] = [];
  const routing: TaskRouting = {
    async createTask(input) {
      tasks.push({ ...input.attributes, taskChannel: input.taskChannel });
      return `WT${String(tasks.length).padStart(32, '0')}`;
    },
    async endTask(taskSid, reason) {
      endedTasks.push({ taskSid, reason });
    },
  };
  const queue: LocalQueue = createLocalQueue({ clock });
  const outbox: MailOutbox = createLocalOutbox(clock);

  const server = serve({ fetch: (req) => app.fetch(req), port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', () => r()));
  appBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const config = {
    publicBaseUrl: appBase,
    webhookBaseUrl: appBase,
    twilio: { accountSid: ACCOUNT.accountSid, authToken: { source: 'inline', value: ACCOUNT.authToken } },
    tableName: ts.tableName,
    bucketName: BUCKET,
    region: 'us-east-1',
    defaultPhoneRegion: 'CN',
    timeZone: 'Asia/Shanghai',
    session: { key: { source: 'inline', value: 'channel-session-key' }, ttlSeconds: 3600 },
  } as const;
  const deps: AppDeps & ChannelDeps = {
    config,
    secrets: { twilioAuthToken: ACCOUNT.authToken, sessionKey: 'channel-session-key' },
    store,
    clock,
    logger: createCapturingLogger(),
    agentWorkers: twilioAgentWorkers(twilio, store, routingConfig),
    ...createTwilioPorts({
      accountSid: ACCOUNT.accountSid,
      authToken: ACCOUNT.authToken,
      apiBaseUrl: twinBase,
    }),
    jobs: queue,
    deadLetters: queue,
    media,
    mail: outbox,
    playbackTtlSeconds: 120,
    faxSecret: FAX_SECRET,
    smsFrom: HOTLINE,
    routing,
  };
  queue.setHandler(
    createJobWorker({
      store,
      clock,
      media,
      twilioMedia,
      messages: twilio.messages,
      routing,
      smsFrom: HOTLINE,
      publicBaseUrl: appBase,
      webhookBaseUrl: appBase,
      jobs: queue,
      mail: outbox,
    }),
  );

  const webhooks = new Hono<TwilioEnv>();
  webhooks.use('*', verifyTwilioSignature(deps));
  mountChannelWebhooks(webhooks, deps);
  webhooks.route('/sms', createSmsBotApp(deps));
  const api = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  const guard = createGuard(deps);
  registerAuthRoutes(api, deps, guard);
  registerChannelApi(api, deps, guard);
  const app = new Hono();
  app.route('/twilio', webhooks);
  app.route('/api', api);
  app.route('/fax', createFaxRoutes(deps));
  app.onError((err, c) => {
    if (err instanceof HttpProblem)
      return c.json({ error: err.code, message: err.message, ...err.extra }, err.status);
    console.error(err);
    return c.json({ error: 'internal', message: String(err) }, 500);
  });
  twin.numbers.addNumber(HOTLINE, { smsUrl: `${appBase}/twilio/sms` });

  const passwordHash = await hashPassword(PASSWORD);
  for (const [id, roles] of [
    ['1001', ['agent']],
    ['1002', ['agent']],
    ['sup1', ['supervisor']],
    ['admin', ['admin']],
  ] as const) {
    await ts.store.users.create({
      id,
      name: id,
      roles,
      skills: [],
      languages: ['zh', 'en'],
      regions: [],
      disabled: false,
      passwordHash,
    });
  }
  const tokens: Record<string, string> = {};
  async function token(id: string): Promise<string> {
    if (tokens[id]) return tokens[id];
    const res = await fetch(`${appBase}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id, password: PASSWORD }),
    });
    tokens[id] = ((await res.json()) as { token: string }).token;
    return tokens[id];
  }

  /** Runs queued jobs and webhooks until nothing is due now (retries in the future wait for `advance`). */
  async function drain(): Promise<void> {
    for (let i = 0; i < 50; i++) {
      await twin.idle();
      await clock.flush();
      await queue.idle();
      await twin.idle();
      if (clock.pendingTimers() === 0) return;
      const before = queue.stats.succeeded + queue.stats.failedAttempts;
      await clock.flush();
      await queue.idle();
      if (queue.stats.succeeded + queue.stats.failedAttempts === before) return;
    }
  }

  return {
    ts,
    store: ts.store,
    clock,
    twin,
    twilio,
    queue,
    outbox,
    tasks,
    endedTasks,
    rawMedia,
    s3Endpoint: s3.endpoint,
    appBase: () => appBase,
    twinBase: () => twinBase,
    deps,
    drain,
    token,
    async api(method: string, path: string, who: string, body?: unknown) {
      const res = await fetch(`${appBase}/api${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await token(who)}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      // biome-ignore lint/suspicious/noExplicitAny: tests read JSON loosely
      let json: any = text;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {}
      return { status: res.status, body: json };
    },
    async sim(path: string, body?: unknown) {
      const res = await fetch(`${twinBase}/sim${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        ...(body === undefined
          ? {}
          : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      });
      // biome-ignore lint/suspicious/noExplicitAny: tests read the sim's JSON loosely
      return { status: res.status, body: (await res.json()) as any };
    },
    /** A real recorded call in the twin (Dial record dual), with its call record; processed by the worker. */
    async recordCall(input: {
      agentId: string;
      caller: string;
      customerId?: string;
      ticket?: string;
      queue?: string;
    }) {
      const call = await twilio.calls.create({
        to: input.caller,
        from: HOTLINE,
        twiml: `<Response><Dial record="record-from-answer-dual" recordingStatusCallback="${appBase}/twilio/recording-status"><Number>+15550001111</Number></Dial></Response>`,
      });
      await ts.store.calls.record({
        callSid: call.sid,
        direction: 'inbound',
        from: input.caller,
        to: HOTLINE,
        startedAt: new Date(clock.now()).toISOString(),
        status: 'in-progress',
        agentId: input.agentId,
        ...(input.customerId ? { customerId: input.customerId } : {}),
        ...(input.queue ? { queue: input.queue } : {}),
      });
      if (input.ticket) await ts.store.calls.update(call.sid, { addTicketNumber: input.ticket });
      await twin.idle();
      await clock.advance(20_000);
      await fetch(`${twinBase}/sim/calls/${call.sid}/hangup`, { method: 'POST' });
      await drain();
      const rec = [...twin.voice.recordings.recordings.values()].find((r) => r.callSid === call.sid);
      if (!rec) throw new Error('no recording');
      return { callSid: call.sid, recordingSid: rec.sid };
    },
    async stop() {
      for (const s of [server, twinServer])
        (s as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise((r) => server.close(r));
      await new Promise((r) => twinServer.close(r));
      s3Client.destroy();
      await s3.stop();
      rmSync(s3Dir, { recursive: true, force: true });
      await ts.stop();
    },
  };
}

export type ChannelStack = Awaited<ReturnType<typeof startChannelStack>>;
