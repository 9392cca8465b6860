// Benchmark: 200 simulated calls at once through the whole local stack: the twin calls the
// real app's webhooks (signature check, DynamoDB via dynalite), the callers hear the hotline's voice
// flow, then hang up. Prints and writes bench-results/local-stack-calls.json: errors, and the time per
// webhook step (as the twin measured each request) by path.
// Run alone: npx tsx test/bench/local-stack-calls.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { startLocalStack } from '../../infra/local/start-local-stack.js';
import type { TwinLogEntry } from '../../infra/local/twin/ports.js';
import { benchManualClock } from './bench-clock.js';
import { summarise } from './stats.js';

const CALLS = 200;

export async function run(calls = CALLS) {
  const clock = benchManualClock();
  const stack = await startLocalStack({ port: 0, clock, demoData: true });
  try {
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${stack.url}/sim${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const started = performance.now();
    // Half from demo customers' numbers (known callers), half from unknown numbers.
    const placed = await Promise.all(
      Array.from({ length: calls }, (_, i) =>
        post('/calls', {
          from: i % 2 === 0 ? '+8613800138000' : `+861390000${String(i).padStart(4, '0')}`,
          to: '+18005550100',
        }),
      ),
    );
    await stack.twin.settle();
    const sids = placed.filter((p) => p.status === 201).map((p) => String(p.body.callSid));
    await Promise.all(sids.map((sid) => post(`/calls/${sid}/hangup`, {})));
    await clock.advance(60_000);
    await stack.twin.settle();
    const wallMs = performance.now() - started;

    const entries: TwinLogEntry[] = sids.flatMap((sid) => [...stack.twin.voice.log.byCorrelation(sid)]);
    const errors = entries.filter((e) => e.kind === 'error');
    const byPath = new Map<string, number[]>();
    for (const e of entries) {
      const d = e.detail as { direction?: string; url?: string; ms?: number; status?: number } | undefined;
      if (e.kind !== 'webhook' || d?.direction !== 'response' || typeof d.ms !== 'number' || !d.url) continue;
      const path = new URL(d.url).pathname;
      byPath.set(path, [...(byPath.get(path) ?? []), d.ms]);
    }
    const non2xx = entries.filter((e) => {
      const d = e.detail as { direction?: string; status?: number } | undefined;
      return e.kind === 'webhook' && d?.direction === 'response' && (d.status ?? 0) >= 300;
    }).length;
    const result = {
      benchmark: 'local-stack-calls',
      date: new Date().toISOString(),
      machine: '2 cores, shared and noisy: compare ratios within one run',
      calls,
      placed: sids.length,
      errors: errors.length + non2xx + (calls - sids.length),
      error_samples: errors.slice(0, 5).map((e) => e.summary),
      wall_ms: Math.round(wallMs),
      webhook_steps: Object.fromEntries([...byPath].map(([path, samples]) => [path, summarise(samples)])),
    };
    console.log(
      `${calls} calls at once through the local stack: ${result.errors} errors, ${result.wall_ms} ms wall`,
    );
    for (const [path, s] of Object.entries(result.webhook_steps)) {
      console.log(`  ${path.padEnd(40)} n=${s.operations} p50 ${s.p50_ms} ms  p99 ${s.p99_ms} ms`);
    }
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/local-stack-calls.json', `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    await stack.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
