// The periodic jobs (presence sweep, due callbacks: functions/workers/periodic-jobs.ts) on the local stack's
// clock, so moving the clock runs them too. Every 5 s as time passes. While a tester moves a sim clock
// forward, the rounds inside the move come once a minute of clock time (the cadence at which AWS runs
// them), or less often while the landing time is hours away, the last one at the move's end: a night
// then costs about 140 rounds instead of 10,080, a second or two instead of minutes.
// Reconciliation (functions/app/reconcile.ts) runs the same way once a minute, as its AWS schedule does.
import { SWEEP_EVERY_SECONDS } from '../../functions/domain/agent-state.js';
import type { SimClock, TimerClock } from '../../functions/domain/manual-clock.js';

export const ROUND_EVERY_MS = SWEEP_EVERY_SECONDS * 1000;
export const ROUND_IN_A_MOVE_EVERY_MS = 60_000;
export const RECONCILE_EVERY_MS = 60_000;
/** The history's rollups are rebuilt once a minute, as the AWS schedule does. */
export const HISTORY_EVERY_MS = 60_000;
/**
 * While the clock is moved, every quarter-hour of clock time: each run rebuilds everything since half an
 * hour before the one before, so nothing is missed, and a night skipped costs 40 runs instead of 600.
 */
export const HISTORY_IN_A_MOVE_EVERY_MS = 15 * 60_000;

/**
 * A long move takes bigger steps while its landing time is far: a round at least every 1/MOVE_SLICES of
 * the distance still to go (in whole in-move steps), so a skipped night costs about 140 rounds, not 840,
 * and the last hour before the landing time still has one a minute.
 */
export const MOVE_SLICES = 30;

/** When the round after one at `now` is due, for a job that runs every `everyMs`. */
export function nextRoundAt(
  now: number,
  moveTarget: number | undefined,
  everyMs = ROUND_EVERY_MS,
  inMoveEveryMs = ROUND_IN_A_MOVE_EVERY_MS,
): number {
  if (moveTarget === undefined || moveTarget < now + everyMs) return now + everyMs;
  const step = Math.max(everyMs, inMoveEveryMs);
  const far = Math.floor((moveTarget - now) / MOVE_SLICES / step) * step;
  return Math.min(now + Math.max(step, far), moveTarget);
}

export function startLocalPeriodicJobs(
  run: () => Promise<unknown>,
  clock: TimerClock,
  everyMs = ROUND_EVERY_MS,
  inMoveEveryMs = ROUND_IN_A_MOVE_EVERY_MS,
): { stop(): void } {
  const moveTarget = () => (clock as Partial<SimClock>).moveTarget?.();
  let timer: { cancel(): void } | undefined;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    timer = clock.at(nextRoundAt(clock.now(), moveTarget(), everyMs, inMoveEveryMs), async () => {
      try {
        await run();
      } finally {
        schedule();
      }
    });
  };
  schedule();
  return {
    stop() {
      stopped = true;
      timer?.cancel();
    },
  };
}
