// The hook ticket routes call after a successful create or update: enqueues the customer texts the change
// calls for (functions/domain/ticket-notifications.ts). A failure to enqueue is logged, never fails the
// ticket change the agent already made.
import type { Ticket } from '../../domain/model.js';
import { ticketNotifications } from '../../domain/ticket-notifications.js';
import type { ChannelDeps } from '../channel-deps.js';
import type { AppDeps } from '../deps.js';

export async function notifyTicketChange(
  deps: AppDeps & Pick<ChannelDeps, 'jobs'>,
  before: Ticket | undefined,
  after: Ticket,
): Promise<void> {
  try {
    const customer = after.customerId ? await deps.store.customers.get(after.customerId) : undefined;
    for (const job of ticketNotifications(before, after, customer)) await deps.jobs.send(job);
  } catch (err) {
    deps.logger.error('ticket notification not queued', { ticket: after.number, error: String(err) });
  }
}
