// What the center does on its own, whether or not anyone calls: the presence sweep (agents whose page went
// quiet leave Available), due callbacks (open callback tasks whose time has come go to an agent), the
// campaigns' dialler round, the bulk SMS round and the work orders' SLA reminders and escalations. Locally
// a timer on the stack's clock runs it every few seconds; in AWS an EventBridge Scheduler schedule
// invokes the scheduled-jobs function every minute, which runs it and queues presence sweeps for the seconds
// in between (functions/handlers/scheduled-jobs.ts).

import { type BulkRoundResult, runBulkSmsRound } from '../app/bulk-sms-round.js';
import { dispatchDueCallbacks } from '../app/callbacks.js';
import { type RoundResult, runCampaignRound } from '../app/campaigns/dialer.js';
import type { Center } from '../app/center.js';
import { type SweepResult, sweepPresence } from '../app/desk/presence.js';
import { sweepSla } from '../app/work-orders.js';
import type { Logger } from '../domain/logger.js';

export interface PeriodicResult {
  readonly presence: SweepResult;
  readonly callbacks: { readonly dispatched: readonly string[]; readonly failed: readonly string[] };
  /** Running campaigns looked at and contacts dialled this round. */
  readonly campaigns: RoundResult;
  /** Sending bulk SMS sends looked at and texts queued this round. */
  readonly bulkSms: BulkRoundResult;
  /** SLA reminders and escalations taken; absent when this round was not a sweep's turn. */
  readonly sla?: number;
}

/**
 * Work orders' SLA timers are swept every 5 minutes of the clock, not every round: reminders and
 * escalations are due to the minute at best, and each sweep reads every open ticket. The last turn is
 * kept per process and store (two stacks in one process each sweep their own); a second process (a cold
 * Lambda) sweeping the same turn takes nothing twice.
 */
export const SLA_SWEEP_MS = 5 * 60_000;
const lastSlaTurns = new WeakMap<object, number>();

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
  const campaigns = await runCampaignRound(center).catch((err: unknown) => {
    logFailure(deps.logger, 'campaign round', err);
    return { dialled: 0, campaigns: 0 };
  });
  const bulkSms = await runBulkSmsRound(center).catch((err: unknown) => {
    logFailure(deps.logger, 'bulk SMS round', err);
    return { sends: 0, queued: 0 };
  });
  const turn = Math.floor(center.clock.now() / SLA_SWEEP_MS);
  if (turn === lastSlaTurns.get(center.store)) return { presence, callbacks, campaigns, bulkSms };
  lastSlaTurns.set(center.store, turn);
  const sla = await sweepSla(center).catch((err: unknown) => {
    logFailure(deps.logger, 'SLA sweep', err);
    return 0;
  });
  return { presence, callbacks, campaigns, bulkSms, sla };
}

function logFailure(logger: Logger, what: string, err: unknown): void {
  logger.error(`${what} failed`, { error: String(err) });
}
