// The in-process job queue of the local stack, on the shared clock: a job runs as a timer "now", a failure
// is retried after 1, 2, 4 ... seconds of clock time, and after `maxAttempts` it becomes a dead letter an
// admin can list and replay. The same worker function runs here and behind SQS in AWS.

import {
  type DeadLetter,
  type DeadLetterQueue,
  type Job,
  type JobQueue,
  PermanentJobError,
} from '../../domain/jobs.js';
import type { TimerClock } from '../../domain/manual-clock.js';

export interface LocalQueueOptions {
  readonly clock: TimerClock;
  /** SQS's maxReceiveCount in AWS. @default 5 */
  readonly maxAttempts?: number;
  /** Delay before retry n (1-based). @default 1000 * 2^(n-1) ms */
  readonly retryDelayMs?: (attempt: number) => number;
  readonly log?: (line: string) => void;
}

export interface LocalQueue extends JobQueue, DeadLetterQueue {
  /** The worker; set once the worker (which may itself send jobs) is built. */
  setHandler(handler: (job: Job) => Promise<unknown>): void;
  /** Resolves when no job is running. Jobs waiting for a later retry are not waited for. */
  idle(): Promise<void>;
  readonly stats: { sent: number; succeeded: number; failedAttempts: number; deadLettered: number };
}

export function createLocalQueue(options: LocalQueueOptions): LocalQueue {
  const { clock } = options;
  const maxAttempts = options.maxAttempts ?? 5;
  const delay = options.retryDelayMs ?? ((n: number) => 1000 * 2 ** (n - 1));
  const running = new Set<Promise<void>>();
  const dead = new Map<string, DeadLetter>();
  const stats = { sent: 0, succeeded: 0, failedAttempts: 0, deadLettered: 0 };
  let handler: ((job: Job) => Promise<unknown>) | undefined;
  let seq = 0;

  function schedule(id: string, job: Job, attempt: number, atMs: number): void {
    clock.at(atMs, () => {
      const run = attemptJob(id, job, attempt);
      running.add(run);
      return run.finally(() => running.delete(run));
    });
  }

  async function attemptJob(id: string, job: Job, attempt: number): Promise<void> {
    try {
      if (!handler) throw new Error('no worker attached to the local queue');
      await handler(job);
      stats.succeeded++;
    } catch (err) {
      stats.failedAttempts++;
      const message = (err as Error).message;
      options.log?.(`job ${id} (${job.kind}) attempt ${attempt} failed: ${message}`);
      if (attempt >= maxAttempts || err instanceof PermanentJobError) {
        stats.deadLettered++;
        dead.set(id, {
          id,
          job,
          attempts: attempt,
          lastError: message,
          failedAt: new Date(clock.now()).toISOString(),
        });
        return;
      }
      schedule(id, job, attempt + 1, clock.now() + delay(attempt));
    }
  }

  return {
    stats,
    setHandler(h) {
      handler = h;
    },
    async send(job, opts) {
      stats.sent++;
      const id = `job-${++seq}`;
      schedule(id, structuredClone(job), 1, clock.now() + (opts?.delaySeconds ?? 0) * 1000);
    },
    async idle() {
      while (running.size) await Promise.allSettled([...running]);
    },
    async list(limit = 100) {
      return [...dead.values()].slice(0, limit);
    },
    async replay(id) {
      const letter = dead.get(id);
      if (!letter) return false;
      dead.delete(id);
      schedule(id, letter.job, 1, clock.now());
      return true;
    },
  };
}
