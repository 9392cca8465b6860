// The reconcile door: runs reconciliation for the schedule's input only, and throws (for the Errors alarm)
// on anything else without running it.
import { describe, expect, it } from 'vitest';
import type { ReconcileReport } from '../../functions/app/reconcile.js';
import { createReconcileJob, RECONCILE_INPUT } from '../../functions/workers/reconcile-job.js';
import { createCapturingLogger } from '../support/capturing-logger.js';

const REPORT: ReconcileReport = {
  checked: 3,
  closed: 1,
  lost: 1,
  live: 1,
  waiting: 0,
  unreachable: 0,
  recordingsQueued: 0,
  tasksCanceled: 0,
  tasksWrapped: 0,
  agentsReleased: 0,
};

describe('reconcile job', () => {
  it('runs reconciliation for the schedule input and answers its report', async () => {
    let runs = 0;
    const job = createReconcileJob({
      run: async () => {
        runs++;
        return REPORT;
      },
      logger: createCapturingLogger(),
    });
    expect(await job(RECONCILE_INPUT)).toEqual(REPORT);
    expect(runs).toBe(1);
  });

  it('refuses any other input without running, and logs it', async () => {
    let runs = 0;
    const logger = createCapturingLogger();
    const job = createReconcileJob({
      run: async () => {
        runs++;
        return REPORT;
      },
      logger,
    });
    await expect(job({ kind: 'every-minute' })).rejects.toThrow(/only input allowed/);
    await expect(job(undefined)).rejects.toThrow(/only input allowed/);
    expect(runs).toBe(0);
    expect(logger.lines.map((l) => l.msg)).toEqual(['reconcile: bad input', 'reconcile: bad input']);
  });
});
