// The moment every benchmark starts at: a Monday 10:00 in the center's zone (Asia/Shanghai), inside every
// hotline's open hours and on no public holiday, so a run gives the same answer at any hour of the day.
import {
  createManualClock,
  createSimClock,
  type ManualClock,
  parseInstant,
  type SimClock,
} from '../../functions/domain/manual-clock.js';

export const BENCH_START_MS = parseInstant('2026-03-02T10:00:00+08:00') ?? Number.NaN;

/** Stands still until a benchmark moves it: for runs that drive time themselves. */
export function benchManualClock(): ManualClock {
  return createManualClock(BENCH_START_MS);
}

/**
 * Runs at real speed from the fixed moment, for runs that wait in real time (sessions, heartbeats, talk).
 * A failing timer is counted, not thrown: a timer has no caller, and the figures say how many failed.
 */
export function benchRunningClock(): { clock: SimClock; timerErrors: () => number } {
  let failed = 0;
  const clock = createSimClock({
    startMs: BENCH_START_MS,
    running: true,
    onTimerError: () => {
      failed++;
    },
  });
  return { clock, timerErrors: () => failed };
}
