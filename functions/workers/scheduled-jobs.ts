// The scheduled-jobs function's logic (AWS): EventBridge Scheduler invokes it every minute with
// {"kind":"every-minute"}; it runs one round of the periodic jobs (periodic-jobs.ts), then queues presence
// sweeps on the work queue 15, 30 and 45 s later, so an agent's quiet page is swept every 15 s, not 60.
import type { JobQueue } from '../domain/jobs.js';
import type { Logger } from '../domain/logger.js';
import type { PeriodicResult } from './periodic-jobs.js';

/** The schedule's input (infra/aws/service-stack.ts sends exactly this). */
export const SCHEDULE_INPUT = { kind: 'every-minute' } as const;

/** When, after each round, a queued presence sweep runs: SQS DelaySeconds, within the minute. */
export const SWEEP_DELAYS_SECONDS = [15, 30, 45] as const;

/** The function was invoked with something other than SCHEDULE_INPUT. */
export class ScheduleInputError extends Error {
  override readonly name = 'ScheduleInputError';
}

export interface ScheduledJobsDeps {
  /** One round of the periodic jobs; it logs and absorbs the failure of any part. */
  readonly run: () => Promise<PeriodicResult>;
  readonly jobs: JobQueue;
  /** One line per invocation. */
  readonly logger: Logger;
}

export interface ScheduledJobsResult {
  readonly kind: typeof SCHEDULE_INPUT.kind;
  readonly round: PeriodicResult;
  readonly sweepsQueuedAfterSeconds: readonly number[];
}

/** What the event was, for the error: its JSON, cut short so a large event cannot flood the log. */
function summarize(event: unknown): string {
  const text = event === undefined ? 'undefined' : JSON.stringify(event);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export function createScheduledJobs(
  deps: ScheduledJobsDeps,
): (event: unknown) => Promise<ScheduledJobsResult> {
  return async (event) => {
    if ((event as { kind?: unknown } | null)?.kind !== SCHEDULE_INPUT.kind) {
      // Thrown, not swallowed. The Scheduler invokes Lambda asynchronously, so its retry policy covers only
      // failed deliveries, never a function error, and the function's own async retries are off (service
      // stack): a bad input costs one failed invocation a minute. The failure is the point: presence sweeps
      // have stopped, and the Errors alarm should page someone rather than leave agents stuck Available
      // behind a log line nobody reads.
      const error = new ScheduleInputError(
        `scheduled-jobs received ${summarize(event)}; the only input allowed is ${JSON.stringify(SCHEDULE_INPUT)}`,
      );
      deps.logger.error('scheduled jobs: bad input', { error: error.message });
      throw error;
    }
    const startedAt = Date.now();
    const round = await deps.run();
    // A duplicate invocation (both the Scheduler and Lambda's async queue are at-least-once) only adds
    // sweeps, which are idempotent. A failed send throws: the Errors alarm, and the next minute sends again.
    await Promise.all(
      SWEEP_DELAYS_SECONDS.map((delaySeconds) =>
        deps.jobs.send({ kind: 'presence-sweep' }, { delaySeconds }),
      ),
    );
    const result = { kind: SCHEDULE_INPUT.kind, round, sweepsQueuedAfterSeconds: SWEEP_DELAYS_SECONDS };
    deps.logger.info('scheduled jobs ran', { ms: Date.now() - startedAt, ...result });
    return result;
  };
}
