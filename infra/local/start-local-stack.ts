// The whole local environment (docs/architecture.md) in one process: dynalite, s3rver, the table and bucket, demo
// data, and one HTTP server for the Hono app plus the built web app. `npm start` and tests boot it here.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { HOTLINE_NUMBERS } from '../../flows/numbers.js';
import { routing } from '../../flows/routing.js';
import { createDynamoStore, ensureTable } from '../../functions/adapters/dynamo/store.js';
import { createPowertoolsLogger } from '../../functions/adapters/logging/powertools-logger.js';
import { createTwilioClient, type TwilioClient } from '../../functions/adapters/twilio/client.js';
import { createTwilioTranscription } from '../../functions/adapters/twilio/intelligence.js';
import { provisionNumbers, wiringFor } from '../../functions/adapters/twilio/provision-numbers.js';
import {
  provisionRouting,
  twilioAgentWorkers,
} from '../../functions/adapters/twilio/provision-taskrouter.js';
import { createTwilioPorts } from '../../functions/adapters/twilio/twilio-ports.js';
import type { Center } from '../../functions/app/center.js';
import { createHistory } from '../../functions/app/history/history.js';
import { withTicketHistory } from '../../functions/app/history/ticket-history.js';
import { openCenter } from '../../functions/app/open-center.js';
import { type ReconcileReport, reconcile } from '../../functions/app/reconcile.js';
import type { AppConfig } from '../../functions/config.js';
import type { Logger } from '../../functions/domain/logger.js';
import { createSystemClock, type TimerClock } from '../../functions/domain/manual-clock.js';
import { phoneSearch } from '../../functions/domain/phone.js';
import type { Clock, Store } from '../../functions/domain/ports.js';
import { createApp } from '../../functions/http/app.js';
import { type CspSources, cspSourcesFor } from '../../functions/http/content-security-policy.js';
import type { AppDeps } from '../../functions/http/deps.js';
import { type PeriodicResult, runPeriodicJobs } from '../../functions/workers/periodic-jobs.js';
import { lockDataDir } from './data-dir-lock.js';
import { loadDemoHistory } from './demo/history.js';
import { type DemoDataReport, loadDemoData } from './demo-loader.js';
import { unverifiedSigner } from './dynalite-in-process.js';
import {
  type DynaliteServer,
  type EmbeddedServer,
  startDynalite,
  startDynaliteThread,
} from './dynalite-server.js';
import { openEventArchiveDir } from './event-archive-dir.js';
import { inProcessFetch } from './in-process-fetch.js';
import { createLocalChannels, LOCAL_FAX_SECRET, type LocalChannels } from './local-channels.js';
import { LOCAL_BUCKET, LOCAL_TABLE, LOCAL_TWILIO, localConfig, localSessionKey } from './local-config.js';
import {
  HISTORY_EVERY_MS,
  HISTORY_IN_A_MOVE_EVERY_MS,
  RECONCILE_EVERY_MS,
  startLocalPeriodicJobs,
} from './local-periodic-jobs.js';
import { createLocalPush, type LocalPush, PUSH_PATH } from './push-server.js';
import { startS3 } from './s3-server.js';
import { stoppableTimers } from './stoppable-timers.js';
import { createTwin, type Twin } from './twin/create-twin.js';
import { persistTwin, type TwinPersistence } from './twin/persist/twin-persistence.js';
import { createClockSimApp } from './twin/sim/clock-sim.js';
import { createFaxSimApp } from './twin/sim/fax-sim.js';
import { createWebHandler } from './web-assets.js';

/** The Intelligence Service the local stack names; the twin accepts any. */
const LOCAL_INTELLIGENCE_SERVICE = `GA${'0'.repeat(32)}`;

export interface LocalStackOptions {
  /** Port of the HTTP server; 0 picks a free one. Default 3000. */
  readonly port?: number;
  /** Interface to listen on. Default 127.0.0.1 (this machine only). */
  readonly host?: string;
  /**
   * Folder for dynalite (`dynamo/`), s3rver (`s3/`), the twin's state (`twin/state.json`) and the session key;
   * absent = in memory, thrown away on stop.
   */
  readonly dataDir?: string;
  /**
   * Time and timers for the app and the Twilio twin; default the system clock. A ManualClock makes runs
   * deterministic; a SimClock (SIM_CLOCK) runs at real speed and moves through /sim/clock.
   */
  readonly clock?: TimerClock;
  /** Load the demo users, customers and tickets (idempotent). Default true. */
  readonly demoData?: boolean;
  /**
   * Write eight weeks of demo history (calls, states, surveys, tickets) in the background after start, once
   * per data folder, so reports and the forecast have something to show. Default false: `npm start` asks.
   */
  readonly demoHistory?: boolean;
  /** Folder of the built web app. Default web/dist of this repository. */
  readonly webRoot?: string;
  /**
   * Run the periodic jobs on the clock (infra/local/local-periodic-jobs.ts: agents without a heartbeat for
   * 30 s leave Available; due callbacks go to agents): every 5 s, once a minute inside a move of a sim
   * clock. Default: on with the system clock, off with a supplied clock, so manual-clock tests opt in
   * (npm start turns them on with SIM_CLOCK).
   */
  readonly periodicJobs?: boolean;
  /**
   * The clock of the app's caches bounded in real time (functions/app/center.ts `cacheClock`); default
   * the system's. A test counting a call's work passes its manual clock, so the count does not depend on
   * how fast the machine is.
   */
  readonly cacheClock?: Clock;
  /** Progress lines; default silent. */
  readonly log?: (line: string) => void;
  /**
   * The app's structured log. Default: JSON lines at INFO on stdout and stderr, the lines `npm start`
   * has always shown (failures, and the few info lines outside webhooks; the per-webhook log is AWS-only).
   */
  readonly logger?: Logger;
  /**
   * The twin's webhooks to the app, the app's Twilio REST requests to the twin and its DynamoDB requests to
   * dynalite are handed over in this process, without sockets, dynalite on a worker thread of its own.
   * Default true; false sends them all over localhost HTTP, as separate processes would (one test keeps
   * that path covered). Browsers and other clients always use the HTTP server.
   */
  readonly inProcess?: boolean;
  /**
   * A base URL for Twilio's webhooks other than the server's own, as in AWS (where they go to the HTTP API
   * and skip CloudFront): the app gets it as WEBHOOK_BASE_URL and the twin's requests to it are handed to
   * this server in process, so it needs `inProcess`. Tests use it to see that every URL the app gives
   * Twilio starts with it.
   */
  readonly webhookBaseUrl?: string;
  /**
   * Told of each webhook the twin hands over in process, with the app's own time on it (from the request
   * reaching the app to its response): the load benchmark's app-side figures. Needs `inProcess`.
   */
  readonly onWebhookHandled?: (url: string, ms: number) => void;
}

export interface LocalStack {
  /** Base URL of the app and web app, e.g. http://127.0.0.1:3000 */
  readonly url: string;
  /** Where the app points Twilio's webhooks: `url`, unless the options gave another. */
  readonly webhookBaseUrl: string;
  readonly clock: TimerClock;
  readonly store: Store;
  readonly config: AppConfig;
  /** The official Twilio client, pointed at the twin. */
  readonly twilio: TwilioClient;
  /** The Twilio twin: voice, messaging, TaskRouter, the agent link; `settle()` waits for in-flight work. */
  readonly twin: Twin;
  /** Recordings, SMS, mail and fax: the in-process job queue (`queue.idle()`, dead letters) and the rest. */
  readonly channels: LocalChannels;
  /** The push channel's WebSocket server at /push (open connections, its transport). */
  readonly push: LocalPush;
  /** One round of the periodic jobs now (presence sweep, due callbacks), as the timer runs it every 5 s. */
  runPeriodicJobs(): Promise<PeriodicResult>;
  /** Reconciliation now (open calls, recordings, tasks against the twin), as at start and every minute. */
  reconcile(): Promise<ReconcileReport>;
  /** Settles once the demo history is written (at once when none was asked for). */
  readonly demoHistoryLoaded: Promise<void>;
  /** Rebuilds the history's rollups now (the minute job's round); undefined when it failed (logged). */
  rollUpHistory(): Promise<Awaited<ReturnType<Center['history']['rollUp']>> | undefined>;
  /** What reconciliation did at start, before the stack took requests from anyone but the twin. */
  readonly reconciledAtStart: ReconcileReport;
  /** What the demo data load created and skipped; absent when demoData is false. */
  readonly demo?: DemoDataReport;
  /** Closes the HTTP server, dynalite and s3rver; removes throwaway data. Safe to call twice. */
  stop(): Promise<void>;
}

export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(
    readonly port: number,
    readonly host: string,
  ) {
    super(
      `Port ${port} on ${host} is already in use (another npm start?). ` +
        'Stop that process or choose another port, e.g. PORT=3001 npm start.',
    );
  }
}

/** A timer has no caller to throw to: its failure goes to the terminal running the stack. */
export function reportTimerError(error: unknown): void {
  console.error('A timer failed:', error);
}

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Paths the Hono app owns; every other GET is a page or file of the web app. */
const APP_PREFIXES = ['/api', '/twilio', '/health', '/twin', '/sim'] as const;

/**
 * API Gateway refuses a request body over 10 MB before the app sees it: so does the local server, rather
 * than parse whatever a client sends (a 600 MB JSON body took 1.7 GB of memory to refuse).
 */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

function tooLarge(size: number | undefined): Response {
  const limit = `${MAX_REQUEST_BYTES / 1048576} MB`;
  const sent = size === undefined ? `over ${limit}` : `${(size / 1048576).toFixed(1)} MB`;
  return Response.json(
    {
      error: 'too-large',
      message: `The request body is ${sent}; at most ${limit} is accepted.`,
      limitBytes: MAX_REQUEST_BYTES,
    },
    // The rest of the body is never read: the connection cannot carry another request after it.
    { status: 413, headers: { connection: 'close' } },
  );
}

/**
 * The request as the app may read it, or the 413 for it: a declared length over the limit is refused
 * unread; a body sent without one (chunked) is read up to the limit and no further.
 */
async function withinSizeLimit(request: Request): Promise<{ request: Request } | { refused: Response }> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared)) {
    const size = Number(declared);
    return size > MAX_REQUEST_BYTES ? { refused: tooLarge(size) } : { request };
  }
  if (!request.body) return { request };
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_REQUEST_BYTES) {
      await reader.cancel();
      return { refused: tooLarge(undefined) };
    }
    parts.push(value);
  }
  const headers = new Headers(request.headers);
  headers.delete('transfer-encoding');
  headers.set('content-length', String(total));
  return {
    request: new Request(request.url, {
      method: request.method,
      headers,
      body: Buffer.concat(parts),
      signal: request.signal,
    }),
  };
}

function isAppPath(pathname: string): boolean {
  return APP_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, host) : error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolvePort((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolveClose) => {
    server.close(() => resolveClose());
    // Browsers keep connections alive; without this, close() waits for them to time out.
    server.closeAllConnections();
  });
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const log = options.log ?? (() => {});
  const host = options.host ?? '127.0.0.1';
  const inProcess = options.inProcess ?? true;
  if (options.webhookBaseUrl && !inProcess)
    throw new Error('webhookBaseUrl needs inProcess: only in process can another base URL reach this server');
  const clock = options.clock ?? createSystemClock({ onTimerError: reportTimerError });
  // The app's and the job queue's timers end with the stack; the clock may outlive it (a test's).
  const appClock = stoppableTimers(clock);
  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  const cleanups: (() => Promise<void> | void)[] = [];
  let server: Server | undefined;
  let twin: Twin | undefined;
  let push: LocalPush | undefined;
  let persistence: TwinPersistence | undefined;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    appClock.stop();
    // The HTTP server first, so no request reaches closed storage; then the rest in reverse order of start.
    // Upgraded agent-link sockets would keep the server from closing.
    // The twin's last state goes to disk before anything closes, so the next start carries its calls on.
    persistence?.flush();
    persistence?.stop();
    await twin?.close();
    await push?.close();
    if (server) await closeServer(server);
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        log(`shutdown: ${(error as Error).message}`);
      }
    }
  };

  try {
    // Lock before anything touches the folder: a second dynalite on it would hang, not fail.
    if (dataDir) cleanups.push(lockDataDir(dataDir).release);

    // Listen first: a taken port is the most common failure and should cost nothing to report.
    // `env` carries the socket: the app reads the client's address from it, never from a header.
    let handle: ((request: Request, env: unknown) => Response | Promise<Response>) | undefined;
    let csp: CspSources = { connect: [], media: [] };
    const web = createWebHandler(options.webRoot ?? DEFAULT_WEB_ROOT, () => csp);
    const listener = headAsGet(async (sent, env) => {
      const { pathname } = new URL(sent.url);
      if (sent.method === 'GET' && !isAppPath(pathname)) return web(sent);
      // Not `instanceof Response`: the Node adapter puts its own Response class in place of the global one.
      const checked = await withinSizeLimit(sent);
      if ('refused' in checked) return checked.refused;
      const { request } = checked;
      return handle
        ? handle(request, env)
        : new Response('Starting, try again in a moment.', { status: 503 });
    });
    server = createServer(getRequestListener(listener));
    server.on('upgrade', (request, socket, head) => {
      const { pathname } = new URL(request.url ?? '/', 'http://localhost');
      if (twin && pathname === twin.agentLink.path) twin.agentLink.handleUpgrade(request, socket, head);
      else if (push && pathname === PUSH_PATH) push.handleUpgrade(request, socket, head);
      else socket.destroy();
    });
    const port = await listen(server, options.port ?? 3000, host);
    const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`;
    const webhookBaseUrl = options.webhookBaseUrl?.replace(/\/+$/, '') ?? url;
    twin = createTwin({
      account: { accountSid: LOCAL_TWILIO.accountSid, authToken: LOCAL_TWILIO.authToken },
      clock,
      serverUrl: () => url,
      signingKeys: new Map([[LOCAL_TWILIO.apiKeySid, LOCAL_TWILIO.apiKeySecret]]),
      // Webhooks to this server go straight to its listener, as from a client on this machine (the app
      // reads the client's address from the socket); those to other servers (a test's) still go over HTTP.
      ...(inProcess
        ? {
            webhookFetch: inProcessFetch(
              [url, webhookBaseUrl].map((base) => ({
                prefix: `${base}/`,
                handle: async (r: Request) => {
                  const started = performance.now();
                  try {
                    return await listener(r, LOOPBACK_ENV);
                  } finally {
                    options.onWebhookHandled?.(r.url, performance.now() - started);
                  }
                },
              })),
              () => !stopped,
            ),
          }
        : {}),
    });
    const twinApp = twin.app;
    // The app's Twilio REST requests to the twin, by the same measure (its own transport and the official client).
    const twilioFetch = inProcess
      ? inProcessFetch([{ prefix: `${twin.apiBaseUrl()}/`, handle: (r) => twinApp.fetch(r) }], () => !stopped)
      : undefined;
    // The twin's records come back before provisioning looks for its workspace and reconciliation for calls.
    if (dataDir) {
      persistence = persistTwin(twin, { path: join(dataDir, 'twin', 'state.json'), clock, log });
      if (persistence.loaded === 'restored') log('Twilio twin: state restored from the data folder');
    }

    const s3Dir = dataDir ? join(dataDir, 's3') : mkdtempSync(join(tmpdir(), 'cc-s3-'));
    if (dataDir) mkdirSync(s3Dir, { recursive: true });
    else cleanups.push(() => rmSync(s3Dir, { recursive: true, force: true }));
    if (dataDir) mkdirSync(join(dataDir, 'dynamo'), { recursive: true });

    // In process, dynalite gets a worker thread of its own: its requests' many small steps stop queueing
    // behind the twin's and the app's work, and the second core carries them.
    const servers = await Promise.allSettled([
      (inProcess ? startDynaliteThread : startDynalite)(dataDir ? join(dataDir, 'dynamo') : undefined),
      startS3(s3Dir, LOCAL_BUCKET),
    ]);
    for (const started of servers) if (started.status === 'fulfilled') cleanups.push(started.value.stop);
    for (const started of servers) if (started.status === 'rejected') throw started.reason;
    const [dynamo, s3] = servers.map((s) => (s as PromiseFulfilledResult<EmbeddedServer>).value) as [
      DynaliteServer,
      EmbeddedServer,
    ];
    log(
      `dynalite at ${dynamo.endpoint}${dataDir ? ` (data in ${join(dataDir, 'dynamo')})` : ' (in memory)'}`,
    );
    log(`s3rver at ${s3.endpoint}${dataDir ? ` (data in ${s3Dir})` : ' (temporary)'}`);

    const local = localConfig({
      publicBaseUrl: url,
      webhookBaseUrl,
      dynamodbEndpoint: dynamo.endpoint,
      s3Endpoint: s3.endpoint,
      sessionKey: localSessionKey(dataDir),
      twilioApiBaseUrl: twin.apiBaseUrl(),
    });
    const { secrets } = local;
    // Pages open the push channel on this same server (ws:// beside http://).
    const config: AppConfig = { ...local.config, push: { url: `${url.replace(/^http/, 'ws')}${PUSH_PATH}` } };
    csp = cspSourcesFor(config);
    const client = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: config.region,
      // dynalite ignores credentials; fixed ones keep the SDK from searching the machine for real ones.
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      ...(inProcess ? { requestHandler: dynamo.inProcess, signer: unverifiedSigner } : {}),
    });
    cleanups.push(() => client.destroy());
    await ensureTable(client, config.tableName);
    const logger = options.logger ?? createPowertoolsLogger();
    const store = withTicketHistory(
      createDynamoStore({
        client,
        tableName: LOCAL_TABLE,
        clock,
        timeZone: config.timeZone,
        searchPhone: phoneSearch(config.defaultPhoneRegion),
      }),
      { clock, logger, timeZone: config.timeZone },
    );

    const demo = options.demoData === false ? undefined : await loadDemoData(store, clock);
    if (demo) log(`demo data: ${demo.created} created, ${demo.skipped} already there`);

    const twilio = createTwilioClient({
      accountSid: config.twilio.accountSid,
      authToken: secrets.twilioAuthToken,
      ...(config.twilio.apiBaseUrl ? { apiBaseUrl: config.twilio.apiBaseUrl } : {}),
      ...(twilioFetch ? { fetch: twilioFetch } : {}),
    });
    // The job worker's texts and surveys go into the same history the center keeps.
    const textHistory = createHistory({ store, clock, timeZone: config.timeZone, logger });
    // The twin's Intelligence transcribes recorded calls from their scripted speech (twin/intelligence.ts).
    const transcription = config.twilio.apiBaseUrl
      ? createTwilioTranscription({
          accountSid: config.twilio.accountSid,
          authToken: secrets.twilioAuthToken,
          serviceSid: LOCAL_INTELLIGENCE_SERVICE,
          apiBaseUrl: config.twilio.apiBaseUrl,
          ...(twilioFetch ? { fetch: twilioFetch } : {}),
        })
      : undefined;
    const channels = createLocalChannels({
      ...(transcription ? { transcription } : {}),
      config,
      recordHistory: textHistory.record,
      twilioAuthToken: secrets.twilioAuthToken,
      store,
      clock: appClock,
      twilio,
      ...(twilioFetch ? { twilioFetch } : {}),
      ...(dataDir ? { dataDir } : {}),
      log,
    });
    cleanups.push(() => channels.stop());
    // Raw events for `npm run sql`: beside the data when it is kept, else in a temp folder gone at stop.
    const eventFiles = openEventArchiveDir(dataDir);
    cleanups.push(() => eventFiles.stop());
    if (!dataDir) log(`event files for npm run sql -- --dir ${eventFiles.dir}`);
    push = createLocalPush({ store, clock, logger, sessionKey: secrets.sessionKey });
    const deps: AppDeps = {
      config,
      secrets,
      store,
      clock: appClock,
      logger,
      push: push.transport,
      eventArchive: eventFiles.archive,
      agentWorkers: twilioAgentWorkers(twilio, store, routing),
      ...(transcription ? { transcription } : {}),
      ...createTwilioPorts({
        accountSid: config.twilio.accountSid,
        authToken: secrets.twilioAuthToken,
        ...(config.twilio.apiBaseUrl ? { apiBaseUrl: config.twilio.apiBaseUrl } : {}),
        ...(twilioFetch ? { fetch: twilioFetch } : {}),
      }),
      jobs: channels.queue,
      channels: channels.channels,
      media: channels.channels.media,
      ...(options.cacheClock ? { cacheClock: options.cacheClock } : {}),
    };
    const app = createApp(deps);
    const faxSim = createFaxSimApp({ appUrl: () => url, secret: LOCAL_FAX_SECRET, clock: appClock });
    // The twin's own clock routes settle only voice; here a move settles TaskRouter too and shows the center's zone.
    const clockSim = new Hono().route(
      '/sim/clock',
      createClockSimApp({ clock, settle: twin.settle, busy: twin.busy, timeZone: config.timeZone }),
    );
    handle = (request, env) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/sim/faxes') return faxSim.fetch(new Request(new URL('/', request.url), request));
      if (pathname === '/sim/clock' || pathname.startsWith('/sim/clock/')) return clockSim.fetch(request);
      return pathname.startsWith('/twin/') || pathname.startsWith('/sim/')
        ? twinApp.fetch(request)
        : app.fetch(request, env);
    };
    // The numbers are wired through Twilio's REST API, exactly as a deploy wires the real account.
    const numbers = await provisionNumbers(twilio, wiringFor(webhookBaseUrl, HOTLINE_NUMBERS), {
      createMissing: true,
    });
    log(
      `Twilio twin: numbers ${Object.entries(numbers)
        .map(([n, o]) => `${n} ${o}`)
        .join(', ')}`,
    );
    // Routing (flows/routing.ts) into the twin's TaskRouter, as the CDK provisioning step does into Twilio.
    const provisioned = await provisionRouting(twilio, store, routing, webhookBaseUrl);
    log(
      `Twilio twin: TaskRouter workflow ${provisioned.workflowSid}, ${Object.keys(provisioned.workers).length} workers`,
    );
    const ivr = openCenter(deps);
    // Restored calls talk to the app again only now that it answers (and the numbers point at it).
    if (persistence?.loaded === 'restored') {
      const resumed = persistence.resume();
      log(
        `Twilio twin: ${resumed.resumed} calls back in their queue or conference, ${resumed.refetched} ` +
          `fetching their document again, ${resumed.ended} ended, ${resumed.offers} offers ringing again`,
      );
      await twin.settle();
    }
    // Whatever a previous run left open (a kill, a crash) is settled against the twin before anyone works.
    const reconcileNow = () => reconcile({ ...ivr, jobs: channels.queue });
    const reconciledAtStart = await reconcileNow();
    log(
      `reconciled: ${reconciledAtStart.checked} open calls, ${reconciledAtStart.closed} closed, ` +
        `${reconciledAtStart.lost} lost, ${reconciledAtStart.live} live`,
    );
    const rollUpHistory = () =>
      ivr.history.rollUp().catch((error: unknown) => {
        logger.error('history roll-up failed', { error: String(error) });
        return undefined;
      });
    const historyLoad = new AbortController();
    const demoHistoryLoaded = options.demoHistory
      ? seedDemoHistory(ivr.history, store, clock.now(), config.timeZone, historyLoad.signal, log).catch(
          (error: unknown) => {
            logger.error('demo history not loaded', { error: String(error) });
          },
        )
      : Promise.resolve();
    // The load rolls its weeks up when it ends; a periodic roll-up meanwhile would rebuild them again and
    // again while they are written, and hold up every move of the clock until the load is over.
    let historyLoading = options.demoHistory === true;
    void demoHistoryLoaded.finally(() => {
      historyLoading = false;
    });
    const periodicRollUp = () => (historyLoading ? Promise.resolve(undefined) : rollUpHistory());
    // A stop during the load waits for the batch under way, not for eight weeks.
    cleanups.push(async () => {
      historyLoad.abort();
      await demoHistoryLoaded;
    });
    if (options.periodicJobs ?? options.clock === undefined) {
      const periodic = startLocalPeriodicJobs(() => runPeriodicJobs(ivr), clock);
      cleanups.push(() => periodic.stop());
      const reconciling = startLocalPeriodicJobs(reconcileNow, clock, RECONCILE_EVERY_MS);
      cleanups.push(() => reconciling.stop());
      const rollingUp = startLocalPeriodicJobs(
        periodicRollUp,
        clock,
        HISTORY_EVERY_MS,
        HISTORY_IN_A_MOVE_EVERY_MS,
      );
      cleanups.push(() => rollingUp.stop());
    }
    return {
      url,
      webhookBaseUrl,
      clock,
      store,
      config,
      twilio,
      twin,
      channels,
      push,
      runPeriodicJobs: () => runPeriodicJobs(ivr),
      reconcile: reconcileNow,
      rollUpHistory,
      demoHistoryLoaded,
      reconciledAtStart,
      ...(demo ? { demo } : {}),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

type Listener = (request: Request, env: unknown) => Response | Promise<Response>;

/** The part of @hono/node-server's `env` the app reads for a request handed over in process: the peer's address. */
const LOOPBACK_ENV = { incoming: { socket: { remoteAddress: '127.0.0.1' } } } as const;

/**
 * HEAD answered as the GET would be, without its body. Hono answers HEAD with `new Response(null, res)`,
 * which @hono/node-server's own Response turns into one without the headers (security headers included).
 */
function headAsGet(listener: Listener): Listener {
  return async (request, env) => {
    if (request.method !== 'HEAD') return listener(request, env);
    const full = await listener(new Request(request, { method: 'GET' }), env);
    return new Response(null, { status: full.status, headers: new Headers(full.headers) });
  };
}

const DEMO_HISTORY_SETTING = 'demo-history';

/** The demo history, once per data folder: a setting says it is there. */
async function seedDemoHistory(
  history: Center['history'],
  store: Store,
  nowMs: number,
  timeZone: string,
  signal: AbortSignal,
  log: (line: string) => void,
): Promise<void> {
  if (await store.settings.get(DEMO_HISTORY_SETTING)) return;
  log('demo history: writing eight weeks of calls in the background (reports fill in within a minute) ...');
  const began = Date.now();
  const loaded = await loadDemoHistory(history, { nowMs, timeZone, signal, yieldMs: 15 });
  if (!loaded) return;
  await store.settings.put(DEMO_HISTORY_SETTING, { at: new Date(nowMs).toISOString(), calls: loaded.calls });
  log(
    `demo history: ${loaded.calls} calls over ${loaded.days} days written in ${((Date.now() - began) / 1000).toFixed(0)} s`,
  );
}
