// Benchmark: 50 scripted agents (session, token, agent link over WebSocket, heartbeat every
// 10 s, Available) and 200 callers on the local stack (a clock running at real speed from a fixed Monday
// 10:00 in the center's zone, real webhooks, presence sweeper on).
// Callers arrive one every 60 ms; each picks English and the general line; the time from the caller entering the queue (the key
// press that creates the task) to an agent's link receiving the ring is measured per call (p50/p99).
// Agents answer at once, hang up through the API, end wrap-up and take the next call. A supervisor polls
// the wallboard every 500 ms meanwhile: request time p50/p99 (answers come from a 2 s shared cache).
// Writes bench-results/agent-desktop.json. Run alone: npx tsx test/bench/agent-desktop.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { WebSocket } from 'ws';
import { startLocalStack } from '../../infra/local/start-local-stack.js';
import { BENCH_PASSWORD, createBenchAgents, stackJson } from './bench-agents.js';
import { benchRunningClock } from './bench-clock.js';
import { summarise } from './stats.js';

const AGENTS = 50;
const CALLERS = 200;
const ARRIVAL_MS = 60;
const HOTLINE = '+18005550100';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function run(agents = AGENTS, callers = CALLERS) {
  const { clock, timerErrors } = benchRunningClock();
  const stack = await startLocalStack({ port: 0, demoData: true, clock, periodicJobs: true });
  const sockets: WebSocket[] = [];
  const timers: NodeJS.Timeout[] = [];
  try {
    const http = <T>(path: string, body?: unknown, token?: string) => stackJson<T>(stack, path, body, token);
    // The bench's agents: general line, both languages, every region; then their TaskRouter workers.
    const ids = await createBenchAgents(stack, { count: agents, prefix: '5', name: 'Bench agent' });

    const ringAt = new Map<string, number>(); // customer CallSid -> when an agent's link heard the ring
    const handled = { calls: 0, errors: [] as string[] };
    const inFlight = new Set<Promise<void>>();
    for (const id of ids) {
      const { token } = await http<{ token: string }>('/api/auth/login', { id, password: BENCH_PASSWORD });
      const api = <T>(path: string, body?: unknown) => http<T>(`/api${path}`, body, token);
      const t = await api<{ token: string; linkUrl: string }>('/agent/token', {});
      const socket = new WebSocket(`${t.linkUrl}?token=${encodeURIComponent(t.token)}`);
      sockets.push(socket);
      let pendingCustomer: string | undefined;
      let ringing: number | undefined;
      const pair = () => {
        if (pendingCustomer && ringing !== undefined) {
          if (!ringAt.has(pendingCustomer)) ringAt.set(pendingCustomer, ringing);
          pendingCustomer = undefined;
          ringing = undefined;
        }
      };
      socket.on('message', (data) => {
        const m = JSON.parse(String(data)) as {
          type: string;
          event?: string;
          callSid?: string;
          taskAttributes?: { call_sid?: string };
        };
        if (m.type === 'reservation' && m.event === 'created' && m.taskAttributes?.call_sid) {
          pendingCustomer = m.taskAttributes.call_sid;
          pair();
        } else if (m.type === 'incoming' && m.callSid) {
          ringing = performance.now();
          pair();
          socket.send(JSON.stringify({ type: 'accept', callSid: m.callSid }));
        } else if (m.type === 'connected') {
          // A short talk, then hang up through the API and end the wrap-up: ready for the next caller.
          const work = (async () => {
            await sleep(200);
            try {
              await api('/agent/call/hangup', {});
              for (let i = 0; i < 50; i++) {
                const me = await api<{ state: string }>('/agent/me');
                if (me.state === 'Wrap-up') break;
                await sleep(100);
              }
              await api('/agent/wrap-up/end', {});
              handled.calls++;
            } catch (error) {
              handled.errors.push(`${id}: ${(error as Error).message}`);
            }
          })();
          inFlight.add(work);
          void work.finally(() => inFlight.delete(work));
        }
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
      });
      await api('/agent/state', { state: 'Available' });
      timers.push(setInterval(() => void api('/agent/heartbeat', {}).catch(() => {}), 10_000));
    }

    // The supervisor's wallboard, polled while the calls run.
    const { token: supToken } = await http<{ token: string }>('/api/auth/login', {
      id: '2001',
      password: 'demo-2001',
    });
    const wallboardMs: number[] = [];
    let cachedAnswers = 0;
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const t0 = performance.now();
        const board = await http<{ cached?: boolean }>('/api/supervisor/wallboard', undefined, supToken);
        wallboardMs.push(performance.now() - t0);
        if (board.cached) cachedAnswers++;
        await sleep(500);
      }
    })();

    // The callers: unknown numbers, English (2), product questions (7): the general queue.
    const started = performance.now();
    const enteredAt = new Map<string, number>();
    const callerErrors: string[] = [];
    // The clock runs at real speed: callers do not play their prompts out by moving it (`listen: false`;
    // concurrent moves of a running clock collide), they wait in real time until a menu listens, then press.
    const listening = async (sid: string) => {
      for (let i = 0; i < 600 && stack.twin.voice.voice.calls.get(sid)?.waitingFor !== 'input'; i++)
        await sleep(50);
    };
    // Callers arrive one every ARRIVAL_MS (not all at once: the general queue takes at most 20 waiting).
    await Promise.all(
      Array.from({ length: callers }, async (_, i) => {
        await sleep(i * ARRIVAL_MS);
        try {
          const { callSid } = await http<{ callSid: string }>('/sim/calls', {
            from: `+86139${String(10_000_000 + i).slice(-8)}`,
            to: HOTLINE,
            listen: false,
          });
          await listening(callSid);
          await http(`/sim/calls/${callSid}/input`, { digits: '2', listen: false });
          await listening(callSid);
          enteredAt.set(callSid, performance.now());
          await http(`/sim/calls/${callSid}/input`, { digits: '7', listen: false });
        } catch (error) {
          callerErrors.push((error as Error).message);
        }
      }),
    );
    // Until every caller rang an agent, or nothing new rang for 8 s (a caller the IVR did not queue), or 60 s.
    const deadline = performance.now() + 60_000;
    let seen = -1;
    let quietSince = performance.now();
    while (ringAt.size < enteredAt.size && performance.now() < deadline) {
      if (ringAt.size !== seen) [seen, quietSince] = [ringAt.size, performance.now()];
      if (performance.now() - quietSince > 8_000) break;
      await sleep(250);
    }
    const wallMs = performance.now() - started;
    polling = false;
    await poller;
    await Promise.all([...inFlight]);

    // Callers who never rang anyone: what the twin says they were doing (diagnosis for the figures).
    const missing = await Promise.all(
      [...enteredAt.keys()]
        .filter((sid) => !ringAt.has(sid))
        .map(async (sid) => {
          const v = await http<{ status: string; waitingFor: string; heard: { text: string }[] }>(
            `/sim/calls/${sid}`,
          );
          return {
            callSid: sid,
            status: v.status,
            waitingFor: v.waitingFor,
            lastHeard: v.heard.at(-1)?.text,
          };
        }),
    );
    const ringMs = [...enteredAt].flatMap(([sid, t0]) => {
      const at = ringAt.get(sid);
      return at === undefined ? [] : [at - t0];
    });
    // The first `agents` callers certainly find a free agent; later ones may wait for one: both figures.
    const firstWave = [...enteredAt]
      .sort((a, b) => a[1] - b[1])
      .slice(0, agents)
      .flatMap(([sid, t0]) => {
        const at = ringAt.get(sid);
        return at === undefined ? [] : [at - t0];
      });
    const result = {
      benchmark: 'agent-desktop',
      date: new Date().toISOString(),
      machine: '2 cores, shared and noisy: compare ratios within one run',
      agents,
      callers,
      arrival_every_ms: ARRIVAL_MS,
      callers_entered: enteredAt.size,
      not_rung: enteredAt.size - ringAt.size,
      // A full general queue (over 20 waiting) sends callers to voicemail (waitingFor: recording).
      not_rung_by_waiting_for: Object.fromEntries(
        [...new Set(missing.map((m) => m.waitingFor))].map((w) => [
          w,
          missing.filter((m) => m.waitingFor === w).length,
        ]),
      ),
      not_rung_samples: missing.slice(0, 5),
      rang_an_agent: ringMs.length,
      calls_handled: handled.calls,
      errors: handled.errors.length + callerErrors.length,
      timer_errors: timerErrors(),
      error_samples: [...handled.errors, ...callerErrors].slice(0, 5),
      wall_ms: Math.round(wallMs),
      queue_to_ring_first_wave: summarise(firstWave),
      queue_to_ring_all: summarise(ringMs),
      wallboard_request: { ...summarise(wallboardMs), cached_answers: cachedAnswers },
      note: 'queue_to_ring: from the key press that enqueues the caller (IVR webhook and task creation included) to the agent link receiving the ring; callers beyond the first wave also wait for an agent to finish a call',
    };
    const f = (s: { p50_ms: number; p99_ms: number; operations: number }) =>
      `n=${s.operations} p50 ${s.p50_ms} ms p99 ${s.p99_ms} ms`;
    console.log(
      `${agents} agents, ${callers} callers: ${result.rang_an_agent} rang an agent, ${result.calls_handled} handled, ${result.errors} errors, ${result.wall_ms} ms wall`,
    );
    console.log(`  queue -> ring, first wave   ${f(result.queue_to_ring_first_wave)}`);
    console.log(`  queue -> ring, all callers  ${f(result.queue_to_ring_all)}`);
    console.log(`  wallboard request           ${f(result.wallboard_request)} (${cachedAnswers} cached)`);
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/agent-desktop.json', `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    for (const t of timers) clearInterval(t);
    for (const s of sockets) s.close();
    await stack.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
