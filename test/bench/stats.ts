// Shared figures for benchmarks: latency percentiles over samples in milliseconds, and a timing loop.
import { performance } from 'node:perf_hooks';

export interface LatencySummary {
  readonly operations: number;
  readonly p50_ms: number;
  readonly p95_ms: number;
  readonly p99_ms: number;
  readonly mean_ms: number;
  readonly max_ms: number;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

export function summarise(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, v) => sum + v, 0);
  return {
    operations: sorted.length,
    p50_ms: round(quantile(sorted, 0.5)),
    p95_ms: round(quantile(sorted, 0.95)),
    p99_ms: round(quantile(sorted, 0.99)),
    mean_ms: round(sorted.length ? total / sorted.length : 0),
    max_ms: round(sorted[sorted.length - 1] ?? 0),
  };
}

/** Runs `op` `warmup` times untimed (JIT, connection pool), then `count` times one after another. */
export async function time(
  count: number,
  op: (i: number) => Promise<void>,
  warmup = 50,
): Promise<LatencySummary> {
  for (let i = 0; i < warmup; i++) await op(i);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await op(warmup + i);
    samples.push(performance.now() - t0);
  }
  return summarise(samples);
}
