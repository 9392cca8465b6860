// The page tells the server it is alive every 10 s (POST /api/agent/heartbeat). The server, not the
// page, moves an agent whose heartbeats stop out of Available; here we only send and report misses.
import type { Timers } from './types.js';
import { realTimers } from './types.js';

export interface HeartbeatOptions {
  /** Sends one heartbeat; rejects when the server did not take it. */
  readonly beat: () => Promise<unknown>;
  readonly intervalMs?: number;
  readonly timers?: Timers;
  /** Called with the count of consecutive misses (0 after a success). */
  readonly onStatus?: (misses: number, error?: Error) => void;
}

export function startHeartbeat(options: HeartbeatOptions): { stop(): void; beatNow(): void } {
  const timers = options.timers ?? realTimers;
  const intervalMs = options.intervalMs ?? 10_000;
  let misses = 0;
  let timer: unknown;
  let stopped = false;
  let inFlight = false;

  async function beat(): Promise<void> {
    if (stopped || inFlight) return;
    inFlight = true;
    try {
      await options.beat();
      misses = 0;
      options.onStatus?.(0);
    } catch (error) {
      misses += 1;
      options.onStatus?.(misses, error as Error);
    } finally {
      inFlight = false;
    }
  }
  function loop(): void {
    if (stopped) return;
    timer = timers.setTimeout(() => {
      void beat().then(loop);
    }, intervalMs);
  }
  void beat().then(loop);
  return {
    stop() {
      stopped = true;
      timers.clearTimeout(timer);
    },
    beatNow() {
      void beat();
    },
  };
}
