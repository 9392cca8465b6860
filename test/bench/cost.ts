// Benchmark: what AWS, Twilio and (for comparison) Amazon Connect charge for 1,000 IVR-to-agent calls and
// 100 desks logged in for an 8-hour shift, priced from counted operations on the local stack.
//
// (a) Calls, one after another on the fixed business-hours clock (a manual clock the run moves): a caller
//     through the warranty hotline's IVR (English, then the general queue) to a free agent whose client
//     answers; three minutes of talk on the clock; the agent hangs up through the API and ends wrap-up. The
//     desk's refreshes the hook makes on each event of a call (reservation, connected, disconnected,
//     activity) are made too. COST_CALLS calls are run (default 60) and the per-call counts scaled to 1,000.
// (b) Desks: each agent page holds the push channel open and polls nothing while it is up: it reads each
//     panel on its own only as a safety net (/agent/me every 15 minutes; the live queue, missed calls,
//     voicemails and tasks twice every hour) and sends a keep-alive every 8 minutes (one run of the Push
//     function); the center's
//     change notices are counted with the calls (each an API Gateway message; a notice to every agent
//     is one message per desk, and each desk then reads what changed). Scaled to 100 desks x 8 h, with
//     each desk's start (login, profile, an hourly softphone token, a push ticket and a connect every
//     2 h, API Gateway's longest connection) and the shift's scheduled runs (the minute schedule, its
//     three sweeps, reconciliation every 5 minutes).
//
// Counted: each API request is one CloudFront request, one HTTP API request and one Lambda invocation;
// each of Twilio's webhooks one HTTP API request (they skip CloudFront, as deployed) and one invocation,
// its bytes priced as data out of the region; the billed time the measured handler time (webhooks: the twin's round trip in process; API
// requests: the round trip over localhost HTTP) rounded up to 1 ms; each job one Lambda invocation of the
// worker and three SQS requests (send, receive, delete: unbatched, the most it costs). DynamoDB requests
// by a middleware on the stack's client, GSI writes included, and their request units from the sizes of
// the items read and written; S3 requests on the same clients. Twilio usage from the twin's records.
// Writes bench-results/cost.json. Run alone: npm run bench -- cost
import { mkdirSync, writeFileSync } from 'node:fs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { Client } from '@smithy/core/client';
import { WebSocket } from 'ws';
import { connectPush, disconnectPush, keepPushAlive, sessionRevokedIn } from '../../functions/app/push.js';
import {
  PUSH_KEEPALIVE_MS,
  PUSHED_PANEL_POLL_MS,
  PUSHED_POLL_MS,
  type PushTopic,
} from '../../functions/domain/push-topics.js';
import { type LocalStack, startLocalStack } from '../../infra/local/start-local-stack.js';
import type { Participant } from '../../infra/local/twin/voice/conferences.js';
import { installDynamoCounter } from '../support/dynamo-counter.js';
import { countTwilioRest } from '../support/twilio-rest-counter.js';
import { BENCH_PASSWORD, createBenchAgents } from './bench-agents.js';
import { benchManualClock } from './bench-clock.js';
import { PRICES, priceTable } from './prices.js';

const CALLS = Number(process.env.COST_CALLS ?? 60);
/** Twilio's webhooks go to the HTTP API's own endpoint, as deployed (infra/aws/service-stack.ts). */
const WEBHOOK_BASE = 'https://cost-bench.execute-api.invalid';
const AGENTS = 4;
const HOTLINE = '+18005550100';
const TALK_MINUTES = 3;
/** Rounds of a desk's safety reads (one side-panel interval) and keep-alives sampled. */
const DESK_ROUNDS_SAMPLED = 4;
const ROUND_MINUTES = PUSHED_PANEL_POLL_MS / 60_000;
/** API Gateway ends a WebSocket after 2 hours: the page connects again. */
const CONNECTS_PER_SHIFT = 4;
const SCALE_CALLS = 1000;
const DESKS = 100;
const SHIFT_MINUTES = 8 * 60;
/** Memory of each function as deployed (infra/aws/service-stack.ts; 512 MB where it sets none). */
const MEMORY_MB = {
  webhooks: 512,
  api: 1024,
  worker: 1024,
  scheduled: 512,
  reconcile: 512,
  push: 256,
} as const;
/** The minute schedule queues this many presence sweeps for the worker between its runs. */
const SWEEPS_PER_MINUTE = 3;
const RECONCILE_EVERY_MINUTES = 5;
/** Lambda's SQS poller long-polls an empty queue: about 3 receives a minute (assumed, not measured). */
const IDLE_RECEIVES_PER_MINUTE = 3;
/**
 * What a desk with its push channel up reads on its own in a round (web/src/desk: use-agent-desk at
 * PUSHED_POLL_MS; side-panels, voicemail-panel and due-reminders at PUSHED_PANEL_POLL_MS).
 */
const DESK_ROUND: readonly [string, string, number][] = [
  ['GET', '/api/agent/me', PUSHED_PANEL_POLL_MS / PUSHED_POLL_MS],
  ['GET', '/api/queue', 1],
  ['GET', '/api/agent/missed-calls', 1],
  ['GET', '/api/voicemails?status=new', 1],
  ['GET', '/api/tasks/mine', 2],
];
/** What a desk reads when told a topic changed. */
const READS_OF_TOPIC: Readonly<Record<PushTopic, number>> = {
  me: 1,
  queue: 1,
  missed: 1,
  voicemails: 1,
  tasks: 2,
};

type Fn = keyof typeof MEMORY_MB;

interface Tally {
  invocations: Record<Fn, number>;
  billedMs: Record<Fn, number>;
  /** Requests through CloudFront to the HTTP API: the desk's API requests. */
  edgeRequests: number;
  bytesOut: number;
  /** Twilio's webhooks, straight to the HTTP API's endpoint (the webhook base URL). */
  directRequests: number;
  directBytesOut: number;
  jobs: number;
  jobsByKind: Record<string, number>;
  dynamoReads: number;
  dynamoWrites: number;
  dynamoIndexWrites: number;
  dynamoByCommand: Record<string, number>;
  /** Units by item size (reads half when eventually consistent); the writes they cover, GSIs apart. */
  dynamoReadUnits: number;
  dynamoWriteUnits: number;
  dynamoSizedWrites: number;
  s3Put: number;
  s3Get: number;
  s3PutBytes: number;
  twilioRest: number;
  webhooksByPath: Record<string, number>;
  /** `<Gather>`s accepting speech in the documents the app returned. */
  speechGathers: number;
  apiByPath: Record<string, number>;
  /** Change notices to one agent's pages (each one message). */
  pushTargeted: number;
  /** Notices to every agent (one message per desk), and the reads one desk makes on them. */
  pushBroadcasts: number;
  pushBroadcastReads: number;
}

const fns = (): Record<Fn, number> => ({
  webhooks: 0,
  api: 0,
  worker: 0,
  scheduled: 0,
  reconcile: 0,
  push: 0,
});
const tally = (): Tally => ({
  invocations: fns(),
  billedMs: fns(),
  edgeRequests: 0,
  bytesOut: 0,
  directRequests: 0,
  directBytesOut: 0,
  jobs: 0,
  jobsByKind: {},
  dynamoReads: 0,
  dynamoWrites: 0,
  dynamoIndexWrites: 0,
  dynamoByCommand: {},
  dynamoReadUnits: 0,
  dynamoWriteUnits: 0,
  dynamoSizedWrites: 0,
  s3Put: 0,
  s3Get: 0,
  s3PutBytes: 0,
  twilioRest: 0,
  webhooksByPath: {},
  speechGathers: 0,
  apiByPath: {},
  pushTargeted: 0,
  pushBroadcasts: 0,
  pushBroadcastReads: 0,
});
const bump = (map: Record<string, number>, key: string, n = 1) => {
  map[key] = (map[key] ?? 0) + n;
};
const billed = (ms: number) => Math.max(1, Math.ceil(ms));

interface Agent {
  readonly id: string;
  readonly token: string;
}

export async function run(calls = CALLS) {
  const dynamo = installDynamoCounter();
  const sizes = installSizeCounter();
  const clock = benchManualClock();
  // Each job's run, timed: the local queue schedules a job on the clock inside send(), synchronously, so
  // the timer set during a send is that job's (retries are set later and show as failed attempts).
  let sending: string | undefined;
  const jobRuns: { kind: string; ms: number }[] = [];
  const at = clock.at;
  clock.at = (timeMs, fn) => {
    const kind = sending;
    if (kind === undefined) return at(timeMs, fn);
    return at(timeMs, async () => {
      const started = performance.now();
      try {
        await fn();
      } finally {
        jobRuns.push({ kind, ms: performance.now() - started });
      }
    });
  };
  // Jobs the center schedules for later (the end of a wrap-up, a queued caller's announcement) run on the
  // clock here and as delayed jobs on the work queue in AWS: each is counted as one worker run with its
  // three SQS requests, timed as the scheduler logs it.
  const scheduledRuns: { kind: string; ms: number }[] = [];
  const logger = {
    ...silentLogger,
    debug(message: string, fields?: Readonly<Record<string, unknown>>) {
      if (message === 'scheduled job ran')
        scheduledRuns.push({ kind: `scheduled:${String(fields?.kind)}`, ms: Number(fields?.ms ?? 0) });
    },
  };
  const stack = await startLocalStack({
    port: 0,
    demoData: true,
    clock,
    periodicJobs: false,
    inProcess: true,
    webhookBaseUrl: WEBHOOK_BASE,
    logger,
  });
  const rest = countTwilioRest(stack);
  const queue = stack.channels.queue;
  const send = queue.send.bind(queue);
  queue.send = async (job, opts) => {
    sending = job.kind;
    try {
      return await send(job, opts);
    } finally {
      sending = undefined;
    }
  };
  const apiRuns: { path: string; ms: number; bytes: number }[] = [];
  let recording = false;
  const log = stack.twin.voice.log;

  const request = async <T>(method: string, path: string, token?: string, body?: unknown): Promise<T> => {
    const started = performance.now();
    const res = await fetch(`${stack.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (recording && path.startsWith('/api/'))
      apiRuns.push({
        path: path.split('?')[0] as string,
        ms: performance.now() - started,
        bytes: text.length,
      });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  };
  const sim = <T>(path: string, body?: unknown) =>
    request<T>(body === undefined ? 'GET' : 'POST', path, undefined, body);
  const settle = () => stack.twin.settle();
  const advance = async (seconds: number) => {
    await sim('/sim/clock/advance', { ms: seconds * 1000 });
    await settle();
    await queue.idle();
    await settle();
  };

  // The center's change notices to the bench's desks. One publish sends the same message object to each
  // page it tells, so a message every desk got is a notice to every agent; any other, to one agent.
  let pushInto: Tally | undefined;
  let notices = new Map<object, { readonly topics: readonly PushTopic[]; pages: number }>();
  const owners = new Map<string, string>();
  const transport = stack.push.transport;
  const deliver = transport.send.bind(transport);
  (transport as { send: typeof transport.send }).send = async (connectionId, message) => {
    const sent = await deliver(connectionId, message);
    if (pushInto && sent === 'sent') {
      const seen = notices.get(message) ?? { topics: message.topics, pages: 0 };
      seen.pages++;
      notices.set(message, seen);
    }
    return sent;
  };
  const countNotices = (into: Tally) => {
    for (const { topics, pages } of notices.values()) {
      if (pages >= AGENTS) {
        into.pushBroadcasts++;
        into.pushBroadcastReads += topics.reduce((a, t) => a + READS_OF_TOPIC[t], 0);
      } else into.pushTargeted += pages;
    }
    notices = new Map();
  };

  /** Runs `work` with every counter on and adds what it did to `into`. */
  const measure = async (into: Tally, work: () => Promise<void>, as?: Fn) => {
    // The twin's log drops its oldest entries past a limit: the run's new entries follow its last one.
    const mark = log.all().at(-1);
    dynamo.reset();
    rest.reset();
    sizes.reset();
    apiRuns.length = 0;
    jobRuns.length = 0;
    scheduledRuns.length = 0;
    const sentBefore = queue.stats.sent;
    recording = true;
    pushInto = into;
    dynamo.counting = true;
    rest.counting = true;
    sizes.counting = true;
    const started = performance.now();
    await work();
    const ms = performance.now() - started;
    recording = false;
    pushInto = undefined;
    countNotices(into);
    dynamo.counting = false;
    rest.counting = false;
    sizes.counting = false;
    await dynamo.settleIndexWrites();
    await sizes.settle();
    if (as) {
      // A scheduled run is one invocation of its function, whatever it does inside.
      into.invocations[as]++;
      into.billedMs[as] += billed(ms);
    }
    const all = log.all();
    const from = mark ? all.lastIndexOf(mark) : -1;
    if (mark && from < 0) throw new Error('the twin log dropped entries of this step: measure smaller steps');
    for (const e of all.slice(from + 1)) {
      const d = e.detail as { direction?: string; url?: string; ms?: number; body?: string } | undefined;
      if (d?.direction !== 'response' || !d.url || typeof d.ms !== 'number') continue;
      const direct = d.url.startsWith(`${WEBHOOK_BASE}/`);
      if (!direct && !d.url.startsWith(`${stack.url}/`)) continue;
      into.invocations.webhooks++;
      into.billedMs.webhooks += billed(d.ms);
      // A webhook through the public URL would pass CloudFront too: none should (a test sees to it).
      if (direct) {
        into.directRequests++;
        into.directBytesOut += d.body?.length ?? 0;
      } else {
        into.edgeRequests++;
        into.bytesOut += d.body?.length ?? 0;
      }
      bump(into.webhooksByPath, new URL(d.url).pathname);
      into.speechGathers += (d.body?.match(/<Gather[^>]*input="[^"]*speech/g) ?? []).length;
    }
    for (const r of apiRuns) {
      into.invocations.api++;
      into.billedMs.api += billed(r.ms);
      into.edgeRequests++;
      into.bytesOut += r.bytes;
      bump(into.apiByPath, r.path);
    }
    for (const j of jobRuns) {
      into.invocations.worker++;
      into.billedMs.worker += billed(j.ms);
    }
    into.jobs += queue.stats.sent - sentBefore;
    for (const j of jobRuns) bump(into.jobsByKind, j.kind);
    for (const j of scheduledRuns) {
      into.invocations.worker++;
      into.billedMs.worker += billed(j.ms);
      into.jobs++;
      bump(into.jobsByKind, j.kind);
    }
    const c = dynamo.counts;
    into.dynamoReads += c.reads;
    into.dynamoWrites += c.writes;
    into.dynamoIndexWrites += Object.values(c.indexWrites).reduce((a, b) => a + b, 0);
    for (const [name, n] of Object.entries(c.byCommand)) bump(into.dynamoByCommand, name, n);
    into.dynamoReadUnits += sizes.counts.readUnits;
    into.dynamoWriteUnits += sizes.counts.writeUnits;
    into.dynamoSizedWrites += sizes.counts.writeRequests;
    into.s3Put += sizes.counts.put;
    into.s3Get += sizes.counts.get;
    into.s3PutBytes += sizes.counts.putBytes;
    into.twilioRest += rest.total();
  };

  const sockets: WebSocket[] = [];
  try {
    const agents = await signInAgents(stack, request);
    // Each agent's page holds its push channel open, holding the phone, as the desk does.
    for (const agent of agents) {
      const t = await request<{ url: string; ticket: string }>('POST', '/api/push', agent.token, {});
      const socket = new WebSocket(`${t.url}?ticket=${t.ticket}&phone=1`);
      await new Promise((opened, failed) => {
        socket.once('open', opened);
        socket.once('error', failed);
      });
      sockets.push(socket);
    }
    for (let tries = 0; owners.size < agents.length && tries < 100; tries++) {
      for (const c of await stack.store.push.list()) owners.set(c.connectionId, c.userId);
      await new Promise((r) => setTimeout(r, 20));
    }
    const connectionOf = (agent: Agent) => [...owners].find(([, user]) => user === agent.id)?.[0] ?? agent.id;
    const pushDeps = { store: stack.store, clock: stack.clock, logger: silentLogger };
    let rang: Agent | undefined;
    for (const agent of agents)
      stack.twin.voice.parties.register(`client:${agent.id}`, {
        policy: 'answer',
        onRing: () => {
          rang = agent;
        },
      });
    const deskRound = async (agent: Agent) => {
      for (const [method, path, times] of DESK_ROUND)
        for (let i = 0; i < times; i++) await request(method, path, agent.token);
    };
    const me = (agent: Agent, times: number) =>
      Promise.all(Array.from({ length: times }, () => request('GET', '/api/agent/me', agent.token)));

    // The warm-up call, uncounted: caches per container fill as they would on a warm Lambda.
    let t0 = clock.now();
    const callTally = tally();
    const warm = tally();
    const sids: string[] = [];
    const failures: string[] = [];
    let reached = 0;
    // Participants are kept by reference: the twin may drop a finished conference from its list.
    const participants = new Set<Participant>();
    for (let i = 0; i <= calls; i++) {
      const into = i === 0 ? warm : callTally;
      if (i === 1) t0 = clock.now();
      rang = undefined;
      let sid = '';
      await measure(into, async () => {
        ({ callSid: sid } = await sim<{ callSid: string }>('/sim/calls', {
          from: `+8613710${String(100_000 + i).slice(-6)}`,
          to: HOTLINE,
        }));
        await settle();
        for (const digits of ['2', '7']) {
          await sim(`/sim/calls/${sid}/input`, { digits });
          await settle();
        }
        await queue.idle();
        await settle();
      });
      if (i > 0) sids.push(sid);
      const call = stack.twin.voice.voice.calls.get(sid);
      const agent = rang as Agent | undefined;
      if (!agent || !call?.conferenceSid) {
        failures.push(`${sid}: ${call?.status ?? 'unknown'}, ${agent ? 'rang' : 'no agent rang'}`);
        await sim(`/sim/calls/${sid}/hangup`, {}).catch(() => {});
        await settle();
        continue;
      }
      if (i > 0) {
        reached++;
        const conference = stack.twin.voice.voice.conferences.conferences.get(call.conferenceSid);
        for (const p of conference?.participants.values() ?? []) participants.add(p);
      }
      // Reservation created and accepted, the leg connected: three refreshes of the desk.
      await measure(into, async () => void (await me(agent, 3)));
      // Talking: the desks poll nothing; the clock moves on.
      for (let minute = 0; minute < TALK_MINUTES; minute++) await measure(into, () => advance(60));
      await measure(into, async () => {
        await request('POST', '/api/agent/call/hangup', agent.token, {});
        await settle();
        // Disconnected, and the activity moved to wrap-up.
        await me(agent, 2);
        await advance(1);
        await request('POST', '/api/agent/wrap-up/end', agent.token, {});
        await settle();
        // The reservation completed, the activity back to Available.
        await me(agent, 2);
      });
      // The pages' keep-alives as the clock moves minutes a call (priced apart, with the desks): their
      // connections stay open and hear the next call's notices.
      for (const connectionId of owners.keys()) await keepPushAlive(pushDeps, connectionId);
    }
    // Delayed jobs of the last call (the wrap-up timer) run once the clock passes them.
    await measure(callTally, () => advance(60));

    // A desk's ten minutes: its safety reads, and its keep-alives (each one run of the Push function).
    const deskRounds = tally();
    const keepalives = tally();
    for (let r = 0; r < DESK_ROUNDS_SAMPLED; r++) {
      const agent = agents[r % agents.length] as Agent;
      await measure(deskRounds, () => deskRound(agent));
      await measure(
        keepalives,
        async () => void (await keepPushAlive(pushDeps, connectionOf(agent))),
        'push',
      );
    }

    // A desk's start: login, its profile, the first softphone token and state; then a token an hour.
    const deskStart = tally();
    await measure(deskStart, async () => {
      const agent = agents[0] as Agent;
      const { token } = await request<{ token: string }>('POST', '/api/auth/login', undefined, {
        id: agent.id,
        password: BENCH_PASSWORD,
      });
      await request('GET', '/api/auth/me', token);
      for (let h = 0; h < 8; h++) await request('POST', '/api/agent/token', token, {});
      await request('POST', '/api/agent/state', token, { state: 'Available' });
    });
    // Its push channel through the shift: a ticket, a connect and a disconnect every two hours.
    const connects = tally();
    const agent0 = agents[0] as Agent;
    for (let c = 0; c < CONNECTS_PER_SHIFT; c++) {
      let ticket = '';
      await measure(deskStart, async () => {
        ({ ticket } = await request<{ ticket: string }>('POST', '/api/push', agent0.token, {}));
      });
      const connectionId = `bench-connect-${c}`;
      const sessionKey = stack.config.session.key;
      await measure(
        connects,
        async () =>
          void (await connectPush(
            {
              ...pushDeps,
              sessionKey: sessionKey.source === 'inline' ? sessionKey.value : '',
              sessionRevoked: sessionRevokedIn(stack.store),
            },
            { connectionId, ticket, phone: true },
          )),
        'push',
      );
      await measure(connects, () => disconnectPush(pushDeps, connectionId), 'push');
    }

    // The scheduled runs of one minute (its three sweeps timed as runs of the same jobs) and one reconciliation.
    const minuteRuns = tally();
    const SAMPLES = 10;
    for (let s = 0; s < SAMPLES; s++)
      await measure(minuteRuns, async () => void (await stack.runPeriodicJobs()), 'scheduled');
    const reconcileRuns = tally();
    for (let s = 0; s < SAMPLES; s++)
      await measure(reconcileRuns, async () => void (await stack.reconcile()), 'reconcile');

    const twilio = twilioUsage(stack, sids, t0, participants, callTally.speechGathers);
    const result = price({
      calls,
      reached,
      failures,
      callTally,
      deskRounds,
      keepalives,
      connects,
      deskStart,
      minuteRuns,
      reconcileRuns,
      samples: SAMPLES,
      twilio,
      agents: agents.length,
    });
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/cost.json', `${JSON.stringify(result, null, 2)}\n`);
    printTable(result);
    return result;
  } finally {
    for (const socket of sockets) socket.close();
    rest.uninstall();
    sizes.uninstall();
    dynamo.uninstall();
    await queue.idle();
    await stack.stop();
  }
}

type Request = <T>(method: string, path: string, token?: string, body?: unknown) => Promise<T>;

/** Agents on the general line, created through the store, each signed in and Available. */
async function signInAgents(stack: LocalStack, request: Request): Promise<Agent[]> {
  const ids = await createBenchAgents(stack, { count: AGENTS, prefix: '7', name: 'Cost agent' });
  const agents: Agent[] = [];
  for (const id of ids) {
    const { token } = await request<{ token: string }>('POST', '/api/auth/login', undefined, {
      id,
      password: BENCH_PASSWORD,
    });
    await request('POST', '/api/agent/state', token, { state: 'Available' });
    agents.push({ id, token });
  }
  return agents;
}

/**
 * Beside the request counts: S3 requests (PUT-class and GET-class apart, with the bytes put) and DynamoDB
 * request units by item size, as on-demand bills them: a read 1 unit per 4 KB (half when eventually
 * consistent; a query by the size of all it returns), a put 1 unit per 1 KB of the item, an update by the
 * item's size afterwards (read once after the run, uncounted), a delete 1 unit (its item is gone).
 */
function installSizeCounter() {
  const fresh = () => ({ put: 0, get: 0, putBytes: 0, readUnits: 0, writeUnits: 0, writeRequests: 0 });
  let updated: { client: unknown; input: { TableName?: string; Key?: unknown } }[] = [];
  const counter = {
    counting: false,
    counts: fresh(),
    reset() {
      counter.counts = fresh();
      updated = [];
    },
    async settle() {
      const was = counter.counting;
      counter.counting = false;
      for (const { client, input } of updated) {
        const out = (await (client as { send(c: unknown): Promise<{ Item?: unknown }> }).send(
          new GetCommand({ TableName: input.TableName, Key: input.Key as Record<string, unknown> }),
        )) as { Item?: unknown };
        counter.counts.writeUnits += writeUnits(out.Item);
      }
      updated = [];
      counter.counting = was;
    },
    uninstall: () => {},
  };
  const PUT_CLASS = new Set([
    'PutObjectCommand',
    'CopyObjectCommand',
    'ListObjectsV2Command',
    'CreateMultipartUploadCommand',
    'UploadPartCommand',
    'CompleteMultipartUploadCommand',
  ]);
  const send = Client.prototype.send;
  const dynamo = async (client: unknown, name: string, input: DynamoInput, result: Promise<unknown>) => {
    const out = (await result) as DynamoOutput;
    const c = counter.counts;
    const half = input.ConsistentRead ? 1 : 0.5;
    if (name === 'GetCommand') c.readUnits += readUnits(itemSize(out.Item)) * half;
    if (name === 'QueryCommand' || name === 'ScanCommand')
      c.readUnits += readUnits((out.Items ?? []).reduce((a: number, i) => a + itemSize(i), 0)) * half;
    if (name === 'BatchGetCommand')
      for (const items of Object.values(out.Responses ?? {}))
        for (const i of items) c.readUnits += readUnits(itemSize(i)) * half;
    if (name === 'PutCommand') {
      c.writeRequests++;
      c.writeUnits += writeUnits(input.Item);
    }
    if (name === 'UpdateCommand') {
      c.writeRequests++;
      updated.push({ client, input });
    }
    if (name === 'DeleteCommand') {
      c.writeRequests++;
      c.writeUnits += 1;
    }
    if (name === 'BatchWriteCommand' || name === 'TransactWriteCommand' || name === 'TransactGetCommand')
      throw new Error(`the cost bench does not size ${name}: add it before trusting the figures`);
    return out;
  };
  Client.prototype.send = function (this: Client<never, never, never, never>, ...args: unknown[]) {
    const self = this as unknown as { config?: { serviceId?: string } };
    const result = (send as (...a: unknown[]) => unknown).apply(this, args);
    if (!counter.counting) return result;
    const command = args[0] as {
      constructor: { name: string };
      input?: DynamoInput & { ContentLength?: number };
    };
    const name = command.constructor.name;
    if (self.config?.serviceId === 'S3') {
      // DELETE is free; everything else not PUT-class is priced as a GET.
      if (PUT_CLASS.has(name)) counter.counts.put++;
      else if (name !== 'DeleteObjectCommand') counter.counts.get++;
      if (name === 'PutObjectCommand') counter.counts.putBytes += command.input?.ContentLength ?? 0;
    }
    if (self.config?.serviceId === 'DynamoDB')
      return dynamo(this, name, command.input ?? {}, result as Promise<unknown>);
    return result;
  } as typeof send;
  counter.uninstall = () => {
    Client.prototype.send = send;
  };
  return counter;
}

interface DynamoInput {
  readonly ConsistentRead?: boolean;
  readonly Item?: unknown;
  readonly TableName?: string;
  readonly Key?: unknown;
}
interface DynamoOutput {
  readonly Item?: unknown;
  readonly Items?: unknown[];
  readonly Responses?: Record<string, unknown[]>;
}

const readUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / 4096));
const writeUnits = (item: unknown) => Math.max(1, Math.ceil(itemSize(item) / 1024));

/** An item's size as DynamoDB counts it, near enough: names and values in bytes, a few bytes a container. */
function itemSize(item: unknown): number {
  if (!item || typeof item !== 'object') return 0;
  return Object.entries(item as Record<string, unknown>).reduce(
    (a, [name, value]) => a + Buffer.byteLength(name) + valueSize(value),
    0,
  );
}
function valueSize(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number' || typeof value === 'bigint') return Math.ceil(String(value).length / 2) + 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((a: number, v) => a + valueSize(v), 0);
  if (Array.isArray(value)) return 3 + value.reduce((a: number, v) => a + 1 + valueSize(v), 0);
  if (typeof value === 'object') return 3 + itemSize(value) + Object.keys(value).length;
  return 0;
}

const minutesUp = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/** The Twilio usage of the counted calls, from the twin's records. */
function twilioUsage(
  stack: LocalStack,
  sids: readonly string[],
  since: number,
  inConference: ReadonlySet<Participant>,
  /** Counted from the documents the app returned to these calls, as they came. */
  speechGathers: number,
) {
  const voice = stack.twin.voice.voice;
  const mine = new Set(sids);
  let inboundMinutes = 0;
  let inboundSeconds = 0;
  let inboundCalls = 0;
  let clientMinutes = 0;
  let clientLegs = 0;
  let otherLegMinutes = 0;
  for (const call of voice.calls.values()) {
    const root = call.parentCallSid ?? call.sid;
    if (!mine.has(call.sid) && !mine.has(root) && call.dateCreated < since) continue;
    if (call.startTime === undefined || call.endTime === undefined) continue;
    const ms = call.endTime - call.startTime;
    if (mine.has(call.sid)) {
      inboundCalls++;
      inboundMinutes += minutesUp(ms);
      inboundSeconds += ms / 1000;
    } else if (call.to.startsWith('client:')) {
      clientLegs++;
      clientMinutes += minutesUp(ms);
    } else if (call.dateCreated >= since) otherLegMinutes += minutesUp(ms);
  }
  let participantMinutes = 0;
  let participants = 0;
  for (const p of inConference) {
    participants++;
    // A participant's last change is its leaving; one still connected has not left (none should be).
    const left = p.status === 'complete' ? p.dateUpdated : (p.call.endTime ?? stack.clock.now());
    participantMinutes += minutesUp(left - p.dateCreated);
  }
  let recordingMinutes = 0;
  let recordings = 0;
  for (const rec of voice.recordings.recordings.values()) {
    if (rec.startTime < since || rec.duration < 0) continue;
    recordings++;
    recordingMinutes += Math.max(1, Math.ceil(rec.duration / 60));
  }
  let smsSegments = 0;
  let sms = 0;
  for (const m of stack.twin.voice.messaging.messages.values()) {
    if (m.dateCreated < since || m.direction === 'inbound') continue;
    sms++;
    smsSegments += Math.max(1, Math.ceil(m.body.length / 160));
  }
  let tasks = 0;
  for (const ws of stack.twin.taskrouter.core.workspaces.values())
    tasks += ws.events.filter((e) => e.type === 'task.created' && e.ms >= since).length;
  return {
    inboundCalls,
    inboundMinutes,
    inboundSeconds: Math.round(inboundSeconds),
    clientLegs,
    clientMinutes,
    otherLegMinutes,
    participants,
    participantMinutes,
    recordings,
    recordingMinutes,
    speechGathers,
    sms,
    smsSegments,
    tasks,
  };
}

interface Measured {
  calls: number;
  reached: number;
  failures: string[];
  callTally: Tally;
  deskRounds: Tally;
  keepalives: Tally;
  connects: Tally;
  deskStart: Tally;
  minuteRuns: Tally;
  reconcileRuns: Tally;
  samples: number;
  twilio: ReturnType<typeof twilioUsage>;
  agents: number;
}

const r6 = (n: number) => Math.round(n * 1e6) / 1e6;
const r2 = (n: number) => Math.round(n * 100) / 100;

/** Operations of a tally scaled by `factor`, and what they cost. */
function awsCost(t: Tally, factor: number, extraSqs = 0) {
  const A = PRICES.aws;
  const invocations = Object.values(t.invocations).reduce((a, b) => a + b, 0) * factor;
  const gbSeconds =
    (Object.keys(MEMORY_MB) as Fn[]).reduce(
      (a, fn) => a + (t.billedMs[fn] / 1000) * (MEMORY_MB[fn] / 1024),
      0,
    ) * factor;
  const sqsRequests = t.jobs * 3 * factor + extraSqs;
  const ops = {
    lambdaInvocations: invocations,
    lambdaGbSeconds: gbSeconds,
    httpApiRequests: (t.edgeRequests + t.directRequests) * factor,
    cloudFrontRequests: t.edgeRequests * factor,
    cloudFrontGbOut: (t.bytesOut * factor) / 1e9,
    regionGbOut: (t.directBytesOut * factor) / 1e9,
    dynamoReadRequests: t.dynamoReads * factor,
    dynamoWriteRequests: (t.dynamoWrites + t.dynamoIndexWrites) * factor,
    dynamoReadUnits: t.dynamoReadUnits * factor,
    // A GSI write is the item written again (every index projects all attributes): the table's units per
    // write for each.
    dynamoWriteUnits:
      (t.dynamoWriteUnits + t.dynamoIndexWrites * (t.dynamoWriteUnits / Math.max(1, t.dynamoSizedWrites))) *
      factor,
    s3Puts: t.s3Put * factor,
    s3Gets: t.s3Get * factor,
    sqsRequests,
  };
  const usd = {
    lambdaRequests: ops.lambdaInvocations * A.lambdaRequest.usd,
    lambdaCompute: ops.lambdaGbSeconds * A.lambdaGbSecond.usd,
    httpApi: ops.httpApiRequests * A.httpApiRequest.usd,
    cloudFrontRequests: ops.cloudFrontRequests * A.cloudFrontRequest.usd,
    cloudFrontTransfer: ops.cloudFrontGbOut * A.cloudFrontGbOut.usd,
    regionTransfer: ops.regionGbOut * A.regionGbOut.usd,
    dynamoReads: ops.dynamoReadUnits * A.dynamoReadUnit.usd,
    dynamoWrites: ops.dynamoWriteUnits * A.dynamoWriteUnit.usd,
    s3Requests: ops.s3Puts * A.s3Put.usd + ops.s3Gets * A.s3Get.usd,
    sqs: ops.sqsRequests * A.sqsRequest.usd,
  };
  return { ops: roundAll(ops), usd: roundAll(usd), total: Object.values(usd).reduce((a, b) => a + b, 0) };
}

/** A scheduled run's figures as a job on the worker. */
function onWorker(t: Tally): Tally {
  return {
    ...t,
    invocations: { ...fns(), worker: t.invocations.scheduled },
    billedMs: { ...fns(), worker: t.billedMs.scheduled },
  };
}

const silentLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  appendKeys() {},
  removeKeys() {},
};

const roundAll = <T extends Record<string, number>>(o: T): T =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, r6(v)])) as T;

function price(m: Measured) {
  const perCall = SCALE_CALLS / Math.max(1, m.reached);
  const calls = awsCost(m.callTally, perCall);
  // Recordings stay in S3 Standard for the month they are made (the lifecycle moves them later).
  const recordingGb = (m.callTally.s3PutBytes * perCall) / 1e9;
  const recordingStorage = recordingGb * PRICES.aws.s3GbMonth.usd;
  const deskMinutes = DESKS * SHIFT_MINUTES;
  // Every desk-minute alike, on a call or not: a pushed desk reads on its own only once a round.
  const rounds = awsCost(m.deskRounds, deskMinutes / ROUND_MINUTES / DESK_ROUNDS_SAMPLED);
  const keepaliveCount = (deskMinutes * 60_000) / PUSH_KEEPALIVE_MS;
  const keepalives = awsCost(m.keepalives, keepaliveCount / DESK_ROUNDS_SAMPLED);
  const connects = awsCost(m.connects, DESKS);
  const starts = awsCost(m.deskStart, DESKS);
  // Notices to every agent reach all 100 desks, and each reads what changed (priced as its safety reads).
  const floorNoticesPerCall = m.callTally.pushBroadcasts / Math.max(1, m.reached);
  const floorReadsPerCall = m.callTally.pushBroadcastReads / Math.max(1, m.reached);
  const roundReads = DESK_ROUND.reduce((a, [, , n]) => a + n, 0) * DESK_ROUNDS_SAMPLED;
  const floorReads = awsCost(m.deskRounds, (floorReadsPerCall * DESKS * SCALE_CALLS) / roundReads);
  const webSocketMessages =
    keepaliveCount +
    (m.callTally.pushTargeted / Math.max(1, m.reached) + floorNoticesPerCall * DESKS) * SCALE_CALLS;
  const W = PRICES.aws;
  const webSocket = {
    messages: r6(webSocketMessages),
    connectionMinutes: deskMinutes,
    usd: r6(webSocketMessages * W.webSocketMessage.usd + deskMinutes * W.webSocketConnectionMinute.usd),
  };
  const minutes = SHIFT_MINUTES;
  // The poller's empty receives are charged with the minute's runs.
  const scheduled = awsCost(m.minuteRuns, minutes / m.samples, minutes * IDLE_RECEIVES_PER_MINUTE);
  // A sweep does the minute run's presence work as a job on the worker (its memory), with its three SQS
  // requests (send, receive, delete).
  const sweeps = awsCost(
    onWorker(m.minuteRuns),
    (minutes * SWEEPS_PER_MINUTE) / m.samples,
    minutes * SWEEPS_PER_MINUTE * 3,
  );
  const reconcile = awsCost(m.reconcileRuns, minutes / RECONCILE_EVERY_MINUTES / m.samples);
  const schedulerUsd = (minutes + minutes / RECONCILE_EVERY_MINUTES) * PRICES.aws.schedulerInvocation.usd;
  const desksUsd =
    rounds.total +
    keepalives.total +
    connects.total +
    starts.total +
    floorReads.total +
    webSocket.usd +
    scheduled.total +
    sweeps.total +
    reconcile.total +
    schedulerUsd;
  const awsUsd = calls.total + recordingStorage + desksUsd;

  const T = PRICES.twilio;
  const tw = m.twilio;
  const tScale = SCALE_CALLS / Math.max(1, m.reached);
  const speechSteps = tw.speechGathers; // one 15 s step per gather that listened for speech
  const twilioLines = {
    tollFreeInbound: tw.inboundMinutes * tScale * T.tollFreeInboundMinute.usd,
    clientLegs: tw.clientMinutes * tScale * T.clientMinute.usd,
    conference: tw.participantMinutes * tScale * T.conferenceParticipantMinute.usd,
    recording: tw.recordingMinutes * tScale * T.recordingMinute.usd,
    speechRecognition: speechSteps * tScale * T.speechRecognition15s.usd,
    sms: tw.smsSegments * tScale * T.smsSegment.usd,
    taskRouter: tw.tasks * tScale * T.taskRouterTask.usd,
    // One toll-free number for the day of the shift.
    tollFreeNumberDay: T.tollFreeNumberMonth.usd / 30,
  };
  const twilioUsd = Object.values(twilioLines).reduce((a, b) => a + b, 0);

  const C = PRICES.connect;
  // Connect bills by the second: the service after its first 10 s, telephony after its first minute.
  const secondsPerCall = tw.inboundSeconds / Math.max(1, tw.inboundCalls);
  const connectLines = {
    voiceService: SCALE_CALLS * (Math.max(10, secondsPerCall) / 60) * C.voiceServiceMinute.usd,
    tollFreeTelephony: SCALE_CALLS * (Math.max(60, secondsPerCall) / 60) * C.tollFreeInboundMinute.usd,
    tollFreeNumberDay: C.tollFreeNumberDay.usd,
  };
  const connectUsd = Object.values(connectLines).reduce((a, b) => a + b, 0);

  // The choices that drive the bill, priced from the same counted usage: keypad menus instead of speech,
  // a local number instead of a toll-free one (on both sides), and calls not recorded.
  const localTwilio =
    twilioUsd -
    twilioLines.tollFreeInbound -
    twilioLines.tollFreeNumberDay +
    tw.inboundMinutes * tScale * T.localInboundMinute.usd +
    T.localNumberMonth.usd / 30;
  const localConnect =
    connectLines.voiceService +
    SCALE_CALLS * (Math.max(60, secondsPerCall) / 60) * C.didInboundMinute.usd +
    C.didNumberDay.usd;
  const choice = (name: string, twilio: number, aws: number, connect: number) => ({
    name,
    twilioUsd: r2(twilio),
    awsPlusTwilioUsd: r2(aws + twilio),
    connectUsd: r2(connect),
    atOrUnderConnect: aws + twilio <= connect,
  });
  const noSpeech = twilioLines.speechRecognition;
  const choices = [
    choice('as run: toll-free, speech menus, recorded', twilioUsd, awsUsd, connectUsd),
    choice('keypad menus', twilioUsd - noSpeech, awsUsd, connectUsd),
    choice(
      'not recorded',
      twilioUsd - twilioLines.recording,
      awsUsd - recordingStorage - calls.usd.s3Requests,
      connectUsd,
    ),
    choice('local number', localTwilio, awsUsd, localConnect),
    choice('local number, keypad menus', localTwilio - noSpeech, awsUsd, localConnect),
  ];

  return {
    benchmark: 'cost',
    date: new Date().toISOString(),
    clock: 'manual, from Monday 2026-03-02 10:00 Asia/Shanghai (test/bench/bench-clock.ts)',
    ran: {
      calls: m.calls,
      reachedAgent: m.reached,
      failures: m.failures.slice(0, 5),
      agents: m.agents,
      talkMinutesPerCall: TALK_MINUTES,
      deskRoundsSampled: DESK_ROUNDS_SAMPLED,
      roundMinutes: ROUND_MINUTES,
      scheduledRunsSampled: m.samples,
    },
    scaledTo: {
      calls: SCALE_CALLS,
      desks: DESKS,
      shiftHours: SHIFT_MINUTES / 60,
      deskMinutes,
      how: `per-call counts of ${m.reached} calls x ${SCALE_CALLS}; a desk's hour-long round x desk-minutes / 60; notices to every agent x ${DESKS} desks`,
    },
    awsUsdPer1000Calls: r6(awsUsd),
    twilioUsdPer1000Calls: r2(twilioUsd),
    connectUsdPer1000Calls: r2(connectUsd),
    awsPlusTwilioUsdPer1000Calls: r2(awsUsd + twilioUsd),
    goals: {
      awsAtMost030: awsUsd <= 0.3,
      awsPlusTwilioAtOrUnderConnect: awsUsd + twilioUsd <= connectUsd,
    },
    aws: {
      calls: { ...calls, total: r6(calls.total) },
      recordingStorage: { gbMonth: r6(recordingGb), usd: r6(recordingStorage) },
      deskSafetyReads: { ...rounds, total: r6(rounds.total) },
      keepalives: { count: r6(keepaliveCount), ...keepalives, total: r6(keepalives.total) },
      pushConnects: { ...connects, total: r6(connects.total) },
      deskStarts: { ...starts, total: r6(starts.total) },
      floorNotices: {
        perCall: r6(floorNoticesPerCall),
        readsPerCallPerDesk: r6(floorReadsPerCall),
        ...floorReads,
        total: r6(floorReads.total),
      },
      webSocket,
      scheduledMinuteRuns: { ...scheduled, total: r6(scheduled.total) },
      sweeps: { ...sweeps, total: r6(sweeps.total) },
      reconcile: { ...reconcile, total: r6(reconcile.total) },
      schedulerInvocations: { count: minutes + minutes / RECONCILE_EVERY_MINUTES, usd: r6(schedulerUsd) },
      desksTotal: r6(desksUsd),
    },
    twilio: { usageOfCallsRun: tw, usdPer1000Calls: roundAll(twilioLines) },
    choices,
    connect: { secondsPerCall: r2(secondsPerCall), usdPer1000Calls: roundAll(connectLines) },
    counted: {
      perCall: perUnit(m.callTally, m.reached),
      perDeskRound: perUnit(m.deskRounds, DESK_ROUNDS_SAMPLED),
      perKeepalive: perUnit(m.keepalives, DESK_ROUNDS_SAMPLED),
      perDeskShiftConnects: perUnit(m.connects, 1),
      pushPerCall: {
        toOneAgentsPages: r6(m.callTally.pushTargeted / Math.max(1, m.reached)),
        toEveryAgent: r6(floorNoticesPerCall),
      },
      perDeskStart: perUnit(m.deskStart, 1),
      perMinuteRun: perUnit(m.minuteRuns, m.samples),
      perReconcileRun: perUnit(m.reconcileRuns, m.samples),
    },
    memoryMb: MEMORY_MB,
    prices: priceTable(),
    notes: [
      'Lambda time is the handler time measured on the local stack (one Node.js process, 2 shared cores), billed per 1 ms with a 1 ms minimum; webhooks as the twin measured them in process, API requests as the client measured them over localhost HTTP (the HTTP hop included, so an overestimate), jobs and scheduled runs as timed around their run. Cold starts are not included.',
      "DynamoDB: request units from the sizes of the items read and written (an estimate of DynamoDB's item size: names and values in bytes); reads half a unit per 4 KB when eventually consistent, a query by the total it returns; an update by the item's size afterwards (DynamoDB takes the larger of before and after); a delete one unit; each GSI write at the table's average units per write. The request counts are beside them.",
      'SQS: three requests a job (send, receive, delete) with no batching, the most it costs; the event source poller is taken to make 3 empty receives a minute (assumed, not measured).',
      "Desks: each page's push channel is open; a desk's hour (its safety reads, PUSHED_POLL_MS and PUSHED_PANEL_POLL_MS) and its keep-alives (PUSH_KEEPALIVE_MS, each the Push function's work timed as one run) are made in full and scaled to every desk-minute; the center's notices during the calls are counted (one agent's: one message a page; every agent's: one message per desk, scaled to 100, each desk reading what it was told changed); API Gateway WebSocket messages and connection minutes priced from the table; the scheduled runs are sampled with the bench's agents, not 100.",
      'Free tiers are left out.',
    ],
  };
}

function perUnit(t: Tally, units: number) {
  const d = Math.max(1, units);
  const per = (n: number) => Math.round((n / d) * 100) / 100;
  const each = (o: Record<string, number>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, per(v)]));
  return {
    invocations: each(t.invocations),
    billedMs: each(t.billedMs),
    edgeRequests: per(t.edgeRequests),
    bytesOut: per(t.bytesOut),
    directRequests: per(t.directRequests),
    directBytesOut: per(t.directBytesOut),
    jobs: per(t.jobs),
    jobsByKind: each(t.jobsByKind),
    dynamoReads: per(t.dynamoReads),
    dynamoWrites: per(t.dynamoWrites),
    dynamoIndexWrites: per(t.dynamoIndexWrites),
    dynamoByCommand: each(t.dynamoByCommand),
    dynamoReadUnits: per(t.dynamoReadUnits),
    dynamoWriteUnits: per(t.dynamoWriteUnits),
    s3Puts: per(t.s3Put),
    s3Gets: per(t.s3Get),
    s3PutBytes: per(t.s3PutBytes),
    twilioRest: per(t.twilioRest),
    webhooksByPath: each(t.webhooksByPath),
    apiByPath: each(t.apiByPath),
  };
}

function printTable(r: ReturnType<typeof price>) {
  const line = (label: string, usd: number) => console.log(`  ${label.padEnd(44)} $${usd.toFixed(4)}`);
  console.log(
    `${r.ran.reachedAgent} of ${r.ran.calls} calls reached an agent; scaled to ${SCALE_CALLS} calls, ${DESKS} desks x 8 h`,
  );
  console.log('AWS per 1,000 calls:');
  line('calls (webhooks, agent actions, jobs)', r.aws.calls.total);
  line('recordings in S3 for a month', r.aws.recordingStorage.usd);
  line('desk safety reads (state 15 min, panels 60)', r.aws.deskSafetyReads.total);
  line('push keep-alives (every 8 min)', r.aws.keepalives.total);
  line('push connects (every 2 h)', r.aws.pushConnects.total);
  line('WebSocket messages and connection minutes', r.aws.webSocket.usd);
  line("other desks' reads on the floor's notices", r.aws.floorNotices.total);
  line('desk starts (login, tokens, push tickets)', r.aws.deskStarts.total);
  line('scheduled minute runs', r.aws.scheduledMinuteRuns.total);
  line('presence sweeps (worker jobs)', r.aws.sweeps.total);
  line('reconciliation', r.aws.reconcile.total);
  line('scheduler invocations', r.aws.schedulerInvocations.usd);
  line('AWS total', r.awsUsdPer1000Calls);
  console.log('Twilio per 1,000 calls:');
  for (const [k, v] of Object.entries(r.twilio.usdPer1000Calls)) line(k, v);
  line('Twilio total', r.twilioUsdPer1000Calls);
  console.log('Amazon Connect per 1,000 calls:');
  for (const [k, v] of Object.entries(r.connect.usdPer1000Calls)) line(k, v);
  line('Connect total', r.connectUsdPer1000Calls);
  console.log(
    `AWS + Twilio $${r.awsPlusTwilioUsdPer1000Calls} against Connect $${r.connectUsdPer1000Calls}; goals ${JSON.stringify(r.goals)}`,
  );
  console.log('The choices, from the same counted usage (AWS + Twilio against Connect):');
  for (const c of r.choices)
    console.log(
      `  ${c.name.padEnd(44)} $${c.awsPlusTwilioUsd.toFixed(2)} against $${c.connectUsd.toFixed(2)}`,
    );
  console.log(`prices ${r.prices.note}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
