// Benchmark: 200 concurrent callers through the warranty flow on the local stack (procedure A: language,
// menu, name, policy number, problem; the claim ticket, its SMS, the queue's wait document; then hang-up).
// Prints and writes bench-results/ivr-warranty.json: p50/p99 per webhook step (the app's time as the
// twin measures each webhook round trip on localhost) and DynamoDB reads and writes per call, counted
// by wrapping the SDK client's send. Run alone: npm run bench -- ivr-warranty
import { mkdirSync, writeFileSync } from 'node:fs';
import { Client } from '@smithy/core/client';
import { decodeSession } from '../../functions/http/twilio/ivr/session-url.js';
import { startLocalStack } from '../../infra/local/start-local-stack.js';
import { benchManualClock } from './bench-clock.js';
import { type LatencySummary, summarise } from './stats.js';

const CALLS = 200;
const READS = new Set(['GetCommand', 'QueryCommand', 'BatchGetCommand', 'ScanCommand', 'GetItemCommand']);
const WRITES = new Set([
  'PutCommand',
  'UpdateCommand',
  'DeleteCommand',
  'BatchWriteCommand',
  'PutItemCommand',
  'UpdateItemCommand',
]);

export async function run(calls = CALLS) {
  const counts = { reads: 0, writes: 0, byCommand: {} as Record<string, number> };
  let counting = false;
  // A counter around the SDK clients (the DocumentClient sends through smithy's Client.send): DynamoDB
  // commands by name; S3 and other clients' commands are not counted.
  const send = Client.prototype.send;
  Client.prototype.send = function (
    this: { config?: { serviceId?: string } },
    command: { constructor: { name: string } },
    ...rest: unknown[]
  ) {
    if (counting && this.config?.serviceId === 'DynamoDB') {
      const name = command.constructor.name;
      counts.byCommand[name] = (counts.byCommand[name] ?? 0) + 1;
      if (READS.has(name)) counts.reads++;
      if (WRITES.has(name)) counts.writes++;
    }
    return (send as (...a: unknown[]) => unknown).call(this, command, ...rest);
  } as typeof send;

  const clock = benchManualClock();
  const stack = await startLocalStack({ port: 0, clock, demoData: true });
  const sim = async (path: string, body?: unknown) => {
    const res = await fetch(`${stack.url}/sim${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    return (await res.json()) as Record<string, unknown>;
  };
  let errors = 0;
  const INPUTS = [
    { digits: '1' },
    { digits: '1' },
    { speech: '王先生' },
    { digits: '2024000101' },
    { speech: '发动机异响' },
  ];
  async function caller(i: number): Promise<string> {
    const { callSid } = (await sim('/calls', {
      from: `+86139${String(i).padStart(8, '0')}`,
      to: '+18005550100',
    })) as { callSid: string };
    for (const input of INPUTS) {
      const r = await sim(`/calls/${callSid}/input`, input);
      if (!r.accepted) errors++;
    }
    return callSid;
  }
  /**
   * Every caller at once. The sim would play each caller's prompts out by moving the one manual clock,
   * and 200 callers moving it at once collide; so callers do not listen (`listen: false`) and this loop
   * moves the clock for all of them: whoever waits for input presses their next key or speaks, and
   * when nobody can, time moves on 200 ms.
   */
  async function callersAtOnce(count: number): Promise<string[]> {
    const placed = await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const { callSid } = (await sim('/calls', {
          from: `+86139${String(i).padStart(8, '0')}`,
          to: '+18005550100',
          listen: false,
        })) as { callSid: string };
        return { callSid, next: 0 };
      }),
    );
    const voice = stack.twin.voice.voice;
    const limit = clock.now() + 10 * 60_000;
    while (clock.now() < limit) {
      const ready = placed.filter((c) => {
        const call = voice.calls.get(c.callSid);
        return c.next < INPUTS.length && call && !voice.isEnded(call) && call.waitingFor === 'input';
      });
      const left = placed.filter((c) => {
        const call = voice.calls.get(c.callSid);
        return c.next < INPUTS.length && call && !voice.isEnded(call);
      });
      if (left.length === 0) break;
      if (ready.length === 0) {
        await clock.advance(200);
        await stack.twin.settle();
        continue;
      }
      await Promise.all(
        ready.map(async (c) => {
          const r = await sim(`/calls/${c.callSid}/input`, { ...INPUTS[c.next], listen: false });
          c.next++;
          if (!r.accepted) errors++;
        }),
      );
    }
    errors += placed.filter((c) => c.next < INPUTS.length).length;
    // The last step's prompts (the claim's confirmation) play out before the queue, as a caller hears them.
    for (let t = 0; t < 30_000; t += 500) {
      await clock.advance(500);
      await stack.twin.settle();
    }
    return placed.map((c) => c.callSid);
  }
  async function finish(sids: string[]): Promise<number> {
    await stack.twin.settle();
    const inQueue = (await Promise.all(sids.map((sid) => sim(`/calls/${sid}`)))).filter(
      (v) => v.queueSid,
    ).length;
    await Promise.all(sids.map((sid) => sim(`/calls/${sid}/hangup`, {})));
    await stack.twin.settle();
    return inQueue;
  }

  // Uncontended: 20 callers one after another (each hangs up while queued), for the app's own time.
  const sequential: string[] = [];
  for (let i = 0; i < 20; i++) {
    const sid = await caller(100_000 + i);
    sequential.push(sid);
    await finish([sid]);
  }
  // Then the load: every caller at once, DynamoDB commands counted.
  counting = true;
  const started = performance.now();
  const sids = await callersAtOnce(calls);
  const inQueue = await finish(sids);
  const wallMs = performance.now() - started;
  counting = false;

  const log = (await sim('/log')) as { entries?: unknown[] } | unknown[];
  const entries = (Array.isArray(log) ? log : (log.entries ?? [])) as {
    kind: string;
    correlationId?: string;
    detail?: { direction?: string; url?: string; ms?: number; status?: number };
  }[];
  function stepTimes(only: ReadonlySet<string>): Record<string, LatencySummary> {
    const samples = new Map<string, number[]>();
    for (const e of entries) {
      if (e.kind !== 'webhook' || e.detail?.direction !== 'response' || typeof e.detail.ms !== 'number')
        continue;
      if (!e.correlationId || !only.has(e.correlationId)) continue;
      const url = new URL(e.detail.url ?? '');
      if (!url.pathname.startsWith('/twilio/')) continue;
      if ((e.detail.status ?? 200) >= 400) errors++;
      let step = url.pathname;
      if (url.pathname === '/twilio/ivr/step')
        step += ` (${decodeSession(url.searchParams.get('s') ?? '').state})`;
      samples.set(step, [...(samples.get(step) ?? []), e.detail.ms]);
    }
    const out: Record<string, LatencySummary> = {};
    for (const [step, list] of [...samples].sort()) out[step] = summarise(list);
    return out;
  }
  const uncontended = stepTimes(new Set(sequential));
  const steps = stepTimes(new Set(sids));
  let tickets = 0;
  for (const sid of sids) tickets += (await stack.store.calls.get(sid))?.ticketNumbers.length ?? 0;
  await stack.stop();
  Client.prototype.send = send;

  const result = {
    benchmark: 'ivr-warranty',
    calls,
    errors,
    callers_reaching_queue: inQueue,
    claim_tickets: tickets,
    wall_ms: Math.round(wallMs),
    webhook_steps_uncontended: uncontended,
    webhook_steps: steps,
    dynamodb_per_call: {
      reads: Math.round((counts.reads / calls) * 10) / 10,
      writes: Math.round((counts.writes / calls) * 10) / 10,
      by_command: Object.fromEntries(
        Object.entries(counts.byCommand).map(([k, v]) => [k, Math.round((v / calls) * 10) / 10]),
      ),
    },
    note: 'webhook step times are the twin-measured round trip (app time plus localhost HTTP), one process, in-memory dynalite',
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/ivr-warranty.json', `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
