// A clock that moves only when told, shared by the app and the Twilio twin in tests and demos, so a
// 30-second wrap-up or a closed night passes in a millisecond, deterministically.
import type { Clock } from './ports.js';

export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

export function createManualClock(startMs: number): ManualClock {
  let now = startMs;
  return {
    now: () => now,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0)
        throw new RangeError(`advance takes a non-negative number of ms, got ${ms}`);
      now += ms;
    },
    set(ms) {
      now = ms;
    },
  };
}
