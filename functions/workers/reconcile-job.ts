// The reconcile door for AWS: an EventBridge Scheduler schedule invokes the Reconcile function every few
// minutes with {"kind":"reconcile"}; it runs reconciliation (functions/app/reconcile.ts) and logs its counts.
import type { ReconcileReport } from '../app/reconcile.js';
import type { Logger } from '../domain/logger.js';

/** The schedule's input (infra/aws/service-stack.ts sends exactly this). */
export const RECONCILE_INPUT = { kind: 'reconcile' } as const;

/** How often the schedule runs it, in minutes: a lost call is closed within this long of its end. */
export const RECONCILE_EVERY_MINUTES = 5;

export class ReconcileInputError extends Error {
  override readonly name = 'ReconcileInputError';
}

export function createReconcileJob(deps: {
  readonly run: () => Promise<ReconcileReport>;
  readonly logger: Logger;
}): (event: unknown) => Promise<ReconcileReport> {
  return async (event) => {
    if ((event as { kind?: unknown } | null)?.kind !== RECONCILE_INPUT.kind) {
      // Thrown, so the Errors alarm sees a schedule that stopped doing its work.
      const error = new ReconcileInputError(
        `reconcile received ${JSON.stringify(event)?.slice(0, 200)}; the only input allowed is ${JSON.stringify(RECONCILE_INPUT)}`,
      );
      deps.logger.error('reconcile: bad input', { error: error.message });
      throw error;
    }
    // The use case logs its own counts; the report is the invocation's result too.
    return deps.run();
  };
}
