// Benchmark: 10, 50, 100 and 200 simultaneous calls through the IVR on the local stack, with an agent free
// for every caller. A level's callers ring in within RAMP_MS (at seeded random moments, the same every
// run) and each talks longer than that, so at the peak every one of them is on a call at once; the figure
// `simultaneousPeak` says how many were. A last level, `burst200`, rings all 200 in the same instant: the
// worst case for one process, reported beside the goals, not against them. Agents' clients are sim
// parties that answer; each agent talks, hangs up through the API and ends wrap-up. Per level: webhook
// time per step as the twin measures each round trip (app time plus the hand-over, one process) and as
// the app measures it, callers who reached an agent, and per call the DynamoDB requests (counted by a
// middleware on the stack's client, GSI writes apart) and the Twilio REST requests the app made. Writes
// bench-results/load.json. Run alone: npm run bench -- load (LOAD_HTTP=1 puts the twin, the app and
// dynalite back on localhost HTTP between each other, for comparison).
import { mkdirSync, writeFileSync } from 'node:fs';
import { decodeSession } from '../../functions/http/twilio/ivr/session-url.js';
import { seededRandom } from '../../infra/local/demo/seeded-random.js';
import { type LocalStack, startLocalStack } from '../../infra/local/start-local-stack.js';
import type { RingEvent } from '../../infra/local/twin/voice/parties.js';
import { installDynamoCounter } from '../support/dynamo-counter.js';
import { countTwilioRest } from '../support/twilio-rest-counter.js';
import { BENCH_PASSWORD, createBenchAgents, stackJson as json } from './bench-agents.js';
import { benchRunningClock } from './bench-clock.js';
import { type LatencySummary, summarise } from './stats.js';

interface Level {
  readonly name: string;
  readonly callers: number;
  /** Callers ring in at random moments within this; 0 is all at once. */
  readonly rampMs: number;
  /** How long each agent talks once the caller joined. */
  readonly talkMs: number;
}
/**
 * 200 calls within 30 s is 24,000 an hour: far more than 200 seats answer (about 2,400 an hour at five
 * minutes a call), so the ramp is a rush, not a trickle; the talk outlasts it, so all are on at once.
 */
const RAMP_MS = 30_000;
const TALK_MS = 45_000;
const LEVELS: readonly Level[] = [
  ...[10, 50, 100, 200].map((n) => ({ name: `calls${n}`, callers: n, rampMs: RAMP_MS, talkMs: TALK_MS })),
  { name: 'burst200', callers: 200, rampMs: 0, talkMs: 2_000 },
];
const IN_PROCESS = process.env.LOAD_HTTP !== '1';
const HOTLINE = '+18005550100';
/** A level ends when every caller reached an agent, nobody new did for QUIET_MS, or after LEVEL_MS. */
const QUIET_MS = 30_000;
const LEVEL_MS = 180_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const per = (n: number, calls: number) => Math.round((n / calls) * 10) / 10;

interface Agent {
  readonly id: string;
  readonly token: string;
}

export async function run(levels: readonly Level[] = LEVELS) {
  const dynamo = installDynamoCounter();
  const { clock, timerErrors } = benchRunningClock();
  // The app's own time per webhook (in process only: over HTTP the twin's figure is all there is).
  let appSide: { url: string; ms: number }[] = [];
  const stack = await startLocalStack({
    port: 0,
    demoData: true,
    clock,
    inProcess: IN_PROCESS,
    onWebhookHandled: (url, ms) => appSide.push({ url, ms }),
  });
  const rest = countTwilioRest(stack);
  const work = new Set<Promise<void>>();
  try {
    const agents = await signInAgents(stack, Math.max(...levels.map((l) => l.callers)));
    let talkMs = TALK_MS;
    const agentErrors: string[] = [];
    let talked = 0; // agents whose leg joined the caller, counted on the agent's side
    for (const agent of agents) {
      stack.twin.voice.parties.register(`client:${agent.id}`, {
        policy: 'answer',
        onRing: (ring) => {
          const job = handle(stack, agent, ring, talkMs, () => talked++).catch((e: Error) => {
            agentErrors.push(`${agent.id}: ${e.message}`);
          });
          work.add(job);
          void job.finally(() => work.delete(job));
        },
      });
    }
    const results: Record<string, unknown> = {};
    let largest: ReturnType<typeof perCallFigures> | undefined;
    for (const spec of levels) {
      const calls = spec.callers;
      talkMs = spec.talkMs;
      const logFrom = stack.twin.voice.log.all().length;
      appSide = [];
      dynamo.reset();
      rest.reset();
      dynamo.counting = true;
      rest.counting = true;
      const talkedBefore = talked;
      const started = performance.now();
      const callers = placeCallers(stack, calls, spec.rampMs);
      const { reached, peak } = await waitForAgents(stack, callers.sids, calls);
      await callers.placed;
      while (work.size > 0) await Promise.allSettled([...work]);
      const levelMs = performance.now() - started;
      dynamo.counting = false;
      rest.counting = false;
      // Whoever did not reach an agent (voicemail, a full queue) hangs up, outside the counts.
      for (const sid of callers.sids) {
        const call = stack.twin.voice.voice.calls.get(sid);
        if (call && !stack.twin.voice.voice.isEnded(call)) stack.twin.voice.voice.end(call, 'completed');
      }
      await stack.twin.settle();
      await dynamo.settleIndexWrites();

      const steps = stepTimes(stack.twin.voice.log.all().slice(logFrom));
      const app = appTimes(appSide);
      const figures = perCallFigures(dynamo.counts, rest.byRequest, calls);
      if (spec.name === 'calls200') largest = figures;
      const level = {
        callers: calls,
        arrivalSeconds: spec.rampMs / 1000,
        talkSeconds: spec.talkMs / 1000,
        reachedAgent: reached,
        // The most callers on a call with an agent at one moment.
        simultaneousPeak: peak,
        // The agent's side of the same figure: legs that joined a caller, however late.
        agentsTalked: talked - talkedBefore,
        seconds: Math.round(levelMs / 100) / 10,
        webhookP99Ms: steps.all.p99_ms,
        appSideP99Ms: IN_PROCESS ? app.all.p99_ms : null,
        webhooks: steps.all,
        steps: steps.byStep,
        ...(IN_PROCESS ? { appSide: app.all, appSideSteps: app.byStep } : {}),
        callerErrors: callers.errors.length,
        callerErrorSamples: callers.errors.slice(0, 3),
        non2xxWebhooks: steps.failed,
        perCall: figures,
      };
      results[spec.name] = level;
      console.log(
        `${spec.name}: ${calls} callers within ${spec.rampMs / 1000} s: ${reached} reached an agent, ${peak} on at once (${level.agentsTalked} agents talked) in ${level.seconds} s; webhooks n=${steps.all.operations} ` +
          `p50 ${steps.all.p50_ms} p95 ${steps.all.p95_ms} p99 ${steps.all.p99_ms} ms` +
          (IN_PROCESS
            ? ` (app side p50 ${app.all.p50_ms} p95 ${app.all.p95_ms} p99 ${app.all.p99_ms} ms)`
            : '') +
          '; per call ' +
          `${figures.dynamoReads} DynamoDB reads, ${figures.dynamoWrites} writes, ${figures.twilioRest} Twilio REST`,
      );
      for (const [step, s] of Object.entries(steps.byStep))
        console.log(
          `  ${step.padEnd(44)} n=${s.operations} p50 ${s.p50_ms} p95 ${s.p95_ms} p99 ${s.p99_ms} ms` +
            (app.byStep[step] ? ` · app side p99 ${app.byStep[step].p99_ms} ms` : ''),
        );
    }
    const result = {
      benchmark: 'load',
      date: new Date().toISOString(),
      machine: '2 cores, shared and noisy: compare ratios within one run',
      clock: 'running at real speed from Monday 2026-03-02 10:00 Asia/Shanghai',
      inProcess: IN_PROCESS,
      agents: agents.length,
      timerErrors: timerErrors(),
      agentErrors: agentErrors.length,
      agentErrorSamples: agentErrors.slice(0, 5),
      ...results,
      // The 200 simultaneous calls' figures, for comparison across runs.
      perCall: largest,
      note: 'callsN: N callers ring in at seeded random moments within arrivalSeconds and talk talkSeconds once joined, so simultaneousPeak of them are on a call at once; burst200: all 200 ring in the same instant (the worst case for one process; no goal). webhook times are twin-side: the round trip the twin measures for each webhook (app handling plus the hand-over: in process, or localhost HTTP with LOAD_HTTP=1), with the twin, the app and dynalite in one process. appSide: the app’s own time per webhook, from the request reaching its handler to the response (in process only; its database and Twilio requests included, the queueing before it not). perCall counts include the bench agents’ own requests (hang-up, status polls until Wrap-up, the end of wrap-up). Goals for calls200: every caller reaches an agent, step p99 <= 250 ms, app-side p99 <= 25 ms.',
    };
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/load.json', `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    rest.uninstall();
    dynamo.uninstall();
    while (work.size > 0) await Promise.allSettled([...work]);
    // Recording copies still queued would write to a closed database.
    await stack.channels.queue.idle();
    await stack.stop();
  }
}

/** Agents on the general line in both languages, created through the store, with a session each. */
async function signInAgents(stack: LocalStack, count: number): Promise<Agent[]> {
  const ids = await createBenchAgents(stack, { count, prefix: '6', name: 'Load agent' });
  const agents: Agent[] = [];
  for (const id of ids) {
    const { token } = await json<{ token: string }>(stack, '/api/auth/login', {
      id,
      password: BENCH_PASSWORD,
    });
    agents.push({ id, token });
    await json(stack, '/api/agent/state', { state: 'Available' }, token);
  }
  return agents;
}

/** The agent's part of a call: answered already (the party answers), talk, hang up, end wrap-up. */
async function handle(
  stack: LocalStack,
  agent: Agent,
  ring: RingEvent,
  talkMs: number,
  talks: () => void,
): Promise<void> {
  const leg = () => stack.twin.voice.voice.calls.get(ring.callSid);
  for (let i = 0; i < 2400 && !leg()?.conferenceSid && !leg()?.bridgedTo; i++) await sleep(50);
  const call = leg();
  if (!call || stack.twin.voice.voice.isEnded(call) || (!call.conferenceSid && !call.bridgedTo)) return;
  talks();
  await sleep(talkMs);
  await json(stack, '/api/agent/call/hangup', {}, agent.token);
  for (let i = 0; i < 100; i++) {
    const me = await json<{ state: string }>(stack, '/api/agent/me', undefined, agent.token);
    if (me.state === 'Wrap-up') break;
    await sleep(100);
  }
  await json(stack, '/api/agent/wrap-up/end', {}, agent.token);
}

/**
 * Callers ringing in within `rampMs` (all at once for 0): English (2), then product questions (7), the
 * general queue. The clock runs at real speed, so a caller waits in real time until a menu listens, then
 * presses (`listen: false`: the sim's play-out would move the shared clock, and concurrent moves collide).
 * `sids` fills as callers ring in; `placed` resolves once every caller has pressed their keys.
 */
function placeCallers(stack: LocalStack, calls: number, rampMs: number) {
  const errors: string[] = [];
  const sids: string[] = [];
  const listening = async (sid: string) => {
    for (let i = 0; i < 1200 && stack.twin.voice.voice.calls.get(sid)?.waitingFor !== 'input'; i++)
      await sleep(50);
  };
  const random = seededRandom(calls);
  const offset = Math.floor(random() * 1e6);
  const placed = Promise.all(
    Array.from({ length: calls }, async (_, i) => {
      try {
        await sleep(Math.round(random() * rampMs));
        const { callSid } = await json<{ callSid: string }>(stack, '/sim/calls', {
          from: `+86137${String(10_000_000 + ((offset + i) % 10_000_000)).slice(-8)}`,
          to: HOTLINE,
          listen: false,
        });
        sids.push(callSid);
        for (const digits of ['2', '7']) {
          await listening(callSid);
          const r = await json<{ accepted: boolean }>(stack, `/sim/calls/${callSid}/input`, {
            digits,
            listen: false,
          });
          if (!r.accepted) errors.push(`${callSid}: key ${digits} not accepted`);
        }
      } catch (error) {
        errors.push((error as Error).message);
      }
    }),
  );
  return { sids, errors, placed };
}

/**
 * How many callers reached an agent (their call joined the agent's conference or bridge), and the most who
 * were on such a call at one moment. Waits for `expected` callers to have rung in.
 */
async function waitForAgents(stack: LocalStack, sids: readonly string[], expected: number) {
  const reached = new Set<string>();
  const deadline = performance.now() + LEVEL_MS;
  let quietSince = performance.now();
  let peak = 0;
  while ((sids.length < expected || reached.size < sids.length) && performance.now() < deadline) {
    const before = reached.size;
    let on = 0;
    for (const sid of sids) {
      const call = stack.twin.voice.voice.calls.get(sid);
      const joined = Boolean(call?.conferenceSid || call?.bridgedTo);
      if (joined) reached.add(sid);
      if (joined && call && !stack.twin.voice.voice.isEnded(call)) on++;
    }
    peak = Math.max(peak, on);
    if (reached.size !== before || sids.length < expected) quietSince = performance.now();
    if (performance.now() - quietSince > QUIET_MS) break;
    await sleep(100);
  }
  return { reached: reached.size, peak };
}

type LogEntry = ReturnType<LocalStack['twin']['voice']['log']['all']>[number];

/** Webhook round trips the twin measured, by path (IVR steps by their state). */
/** A webhook's step name: its path, and the IVR state for the flow's step requests. */
function stepOf(url: URL): string {
  const step = url.pathname;
  return step === '/twilio/ivr/step'
    ? `${step} (${decodeSession(url.searchParams.get('s') ?? '').state})`
    : step;
}

function appTimes(handled: readonly { url: string; ms: number }[]) {
  const samples = new Map<string, number[]>();
  for (const h of handled) {
    const step = stepOf(new URL(h.url));
    samples.set(step, [...(samples.get(step) ?? []), h.ms]);
  }
  const byStep: Record<string, LatencySummary> = {};
  for (const [step, list] of [...samples].sort()) byStep[step] = summarise(list);
  return { all: summarise(handled.map((h) => h.ms)), byStep };
}

function stepTimes(entries: readonly LogEntry[]) {
  const samples = new Map<string, number[]>();
  const all: number[] = [];
  let failed = 0;
  for (const e of entries) {
    const d = e.detail as { direction?: string; url?: string; ms?: number; status?: number } | undefined;
    if (e.kind !== 'webhook' || d?.direction !== 'response' || typeof d.ms !== 'number' || !d.url) continue;
    const url = new URL(d.url);
    if ((d.status ?? 200) >= 300) failed++;
    const step = stepOf(url);
    samples.set(step, [...(samples.get(step) ?? []), d.ms]);
    all.push(d.ms);
  }
  const byStep: Record<string, LatencySummary> = {};
  for (const [step, list] of [...samples].sort()) byStep[step] = summarise(list);
  return { all: summarise(all), byStep, failed };
}

function perCallFigures(
  counts: ReturnType<typeof installDynamoCounter>['counts'],
  restByRequest: Record<string, number>,
  calls: number,
) {
  const twilioRest = Object.values(restByRequest).reduce((a, b) => a + b, 0);
  return {
    dynamoReads: per(counts.reads, calls),
    dynamoWrites: per(counts.writes, calls),
    dynamoIndexWrites: Object.fromEntries(
      Object.entries(counts.indexWrites).map(([ix, n]) => [ix, per(n, calls)]),
    ),
    dynamoDeletes: per(counts.deletes, calls),
    dynamoByCommand: Object.fromEntries(
      Object.entries(counts.byCommand).map(([name, n]) => [name, per(n, calls)]),
    ),
    twilioRest: per(twilioRest, calls),
    twilioRestByRequest: Object.fromEntries(
      Object.entries(restByRequest)
        .sort((a, b) => b[1] - a[1])
        .map(([request, n]) => [request, per(n, calls)]),
    ),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
