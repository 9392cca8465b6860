// Work the server must do later on its own (end an agent's wrap-up after 30 s): a small port, run on the
// shared TimerClock locally (so a manual clock drives it in tests); in AWS a delayed message on the job
// queue (SQS DelaySeconds, at most 15 minutes) that the job worker runs when it arrives.
import type { JobQueue, ScheduledJob } from './jobs.js';
import type { Logger } from './logger.js';
import type { TimerClock } from './manual-clock.js';
import type { Clock } from './ports.js';

// The jobs themselves are declared with the other queued jobs (they travel on the same queue in AWS);
// re-exported so a scheduler's callers find them here as well.
export type { EndWrapUpJob, ScheduledJob } from './jobs.js';

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
  logger: Logger,
): Scheduler {
  return {
    async schedule(job, atMs) {
      clock.at(atMs, async () => {
        // Each run is one job-worker run in AWS: the line lets a count (the cost benchmark) see it.
        const started = performance.now();
        try {
          await run(job);
          logger.debug('scheduled job ran', { kind: job.kind, ms: performance.now() - started });
        } catch (err) {
          logger.error('scheduled job failed', { job, error: String(err) });
        }
      });
    },
  };
}

/** SQS holds a message back at most 15 minutes; a later job is re-sent by the worker until it is due. */
export const MAX_QUEUE_DELAY_SECONDS = 900;

/** Seconds to hold a job due at `atMs`, within what the queue allows. */
export function queueDelaySeconds(atMs: number, nowMs: number): number {
  return Math.max(0, Math.min(MAX_QUEUE_DELAY_SECONDS, Math.ceil((atMs - nowMs) / 1000)));
}

/** AWS: a `scheduled` job on the work queue, delayed until it is due (the worker runs it). */
export function createQueueScheduler(jobs: JobQueue, clock: Clock): Scheduler {
  return {
    async schedule(job, atMs) {
      const delaySeconds = queueDelaySeconds(atMs, clock.now());
      await jobs.send(
        { kind: 'scheduled', runAt: new Date(atMs).toISOString(), job },
        delaySeconds > 0 ? { delaySeconds } : undefined,
      );
    },
  };
}
