// Time and timers from one source, shared by the app and the Twilio twin. The system clock uses real
// timers; the manual clock moves only when told, firing due timers in order, so a 30-second wrap-up
// or a closed night passes in a millisecond, deterministically.
import type { Clock } from './ports.js';

/** Something that can run work at a time on its clock. `cancel` is idempotent. */
export interface TimerClock extends Clock {
  at(timeMs: number, fn: () => void | Promise<void>): { cancel(): void };
}

export interface ManualClock extends TimerClock {
  /** Moves time forward, running each due timer at its own time and awaiting it. */
  advance(ms: number): Promise<void>;
  /** Runs timers due now (e.g. zero-delay work scheduled by a handler) until none are left. */
  flush(): Promise<void>;
  pendingTimers(): number;
}

export function createSystemClock(): TimerClock {
  return {
    now: () => Date.now(),
    at(timeMs, fn) {
      const handle = setTimeout(
        () => {
          void Promise.resolve()
            .then(fn)
            .catch((err) => console.error('timer failed', err));
        },
        Math.max(0, timeMs - Date.now()),
      );
      handle.unref?.();
      return { cancel: () => clearTimeout(handle) };
    },
  };
}

interface Timer {
  readonly time: number;
  readonly seq: number;
  readonly fn: () => void | Promise<void>;
  cancelled: boolean;
}

export function createManualClock(startMs: number): ManualClock {
  let now = startMs;
  let seq = 0;
  const timers: Timer[] = [];

  function nextDue(limit: number): Timer | undefined {
    let best: Timer | undefined;
    for (const t of timers) {
      if (t.cancelled || t.time > limit) continue;
      if (!best || t.time < best.time || (t.time === best.time && t.seq < best.seq)) best = t;
    }
    return best;
  }

  async function runUntil(limit: number): Promise<void> {
    for (;;) {
      const timer = nextDue(limit);
      if (!timer) break;
      timers.splice(timers.indexOf(timer), 1);
      if (timer.time > now) now = timer.time;
      await timer.fn();
    }
    for (let i = timers.length - 1; i >= 0; i--) if (timers[i]?.cancelled) timers.splice(i, 1);
  }

  return {
    now: () => now,
    at(timeMs, fn) {
      const timer: Timer = { time: timeMs, seq: seq++, fn, cancelled: false };
      timers.push(timer);
      return {
        cancel() {
          timer.cancelled = true;
        },
      };
    },
    async advance(ms) {
      if (!Number.isFinite(ms) || ms < 0)
        throw new RangeError(`advance takes a non-negative number of ms, got ${ms}`);
      const target = now + ms;
      await runUntil(target);
      now = target;
    },
    flush: () => runUntil(now),
    pendingTimers: () => timers.filter((t) => !t.cancelled).length,
  };
}
