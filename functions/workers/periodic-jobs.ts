// What the center does on its own, whether or not anyone calls: the presence sweep (agents whose page went
// quiet leave Available) and due callbacks (open callback tasks whose time has come go to an agent). Locally
// a timer on the stack's clock runs it every few seconds; in AWS an EventBridge Scheduler schedule
// invokes the scheduled-jobs function every minute, which runs it and queues presence sweeps for the seconds
// in between (functions/handlers/scheduled-jobs.ts).

import { dispatchDueCallbacks } from '../app/callbacks.js';
import type { Center } from '../app/center.js';
import { type SweepResult, sweepPresence } from '../app/desk/presence.js';
import type { Logger } from '../domain/logger.js';

export interface PeriodicResult {
  readonly presence: SweepResult;
  readonly callbacks: { readonly dispatched: readonly string[]; readonly failed: readonly string[] };
}

/** One round. A failing part is logged and does not stop the other. */
export async function runPeriodicJobs(center: Center): Promise<PeriodicResult> {
  const deps = center;
  const presence = await sweepPresence(deps).catch((err: unknown) => {
    logFailure(deps.logger, 'presence sweep', err);
    return { checked: 0, movedOffline: [] };
  });
  // After the sweep, so a callback is not offered to an agent the sweep is about to take offline.
  const callbacks = await dispatchDueCallbacks(center, center).catch((err: unknown) => {
    logFailure(deps.logger, 'callback dispatch', err);
    return { dispatched: [], failed: [] };
  });
  return { presence, callbacks };
}

function logFailure(logger: Logger, what: string, err: unknown): void {
  logger.error(`${what} failed`, { error: String(err) });
}
