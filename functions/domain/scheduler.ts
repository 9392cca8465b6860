// Work the server must do later on its own (end an agent's wrap-up after 30 s): a small port, run on the
// shared TimerClock locally (so a manual clock drives it in tests); in AWS an EventBridge Scheduler
// one-time schedule invoking the webhook function with the job is the intended adapter.
import type { TimerClock } from './manual-clock.js';
import type { Clock } from './ports.js';

export interface EndWrapUpJob {
  readonly kind: 'end-wrap-up';
  readonly taskSid: string;
  readonly workerSid: string;
}
export type ScheduledJob = EndWrapUpJob;

export interface Scheduler {
  schedule(job: ScheduledJob, atMs: number): Promise<void>;
}

export function isTimerClock(clock: Clock): clock is TimerClock {
  return typeof (clock as Partial<TimerClock>).at === 'function';
}

/** Runs jobs on the clock's timers; a failing job is logged, never thrown into the clock. */
export function createClockScheduler(
  clock: TimerClock,
  run: (job: ScheduledJob) => Promise<void>,
): Scheduler {
  return {
    async schedule(job, atMs) {
      clock.at(atMs, () =>
        run(job).catch((err: unknown) =>
          console.error(
            JSON.stringify({ level: 'error', msg: 'scheduled job failed', job, error: String(err) }),
          ),
        ),
      );
    },
  };
}
