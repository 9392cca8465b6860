// The SLA side of ticket changes: a timer started when a ticket is filed (from the policy for its type and
// the customer's tier), paused while the ticket waits for the customer, answered by the first change an
// agent makes, and started afresh when a resolved ticket is reopened.
import { workOrders } from '../../flows/work-orders.js';
import type { Ticket, TicketSla, VipTier } from '../domain/model.js';
import type { TicketPatch } from '../domain/ports.js';
import { policyFor, type SlaPolicy, type WorkOrderConfig } from '../domain/sla/policy.js';
import { pauseSla, respondSla, resumeSla, startSla } from '../domain/sla/timer.js';
import type { CenterBasics } from './center.js';

export interface SlaConfigDeps {
  /** Departments and SLA policies; flows/work-orders.ts unless a test gives its own. */
  readonly workOrders?: WorkOrderConfig;
}

export const workOrderConfig = (deps: SlaConfigDeps): WorkOrderConfig => deps.workOrders ?? workOrders;

export function policyById(deps: SlaConfigDeps, id: string): SlaPolicy | undefined {
  return workOrderConfig(deps).policies.find((p) => p.id === id);
}

export function slaForNew(
  deps: SlaConfigDeps,
  type: Ticket['type'],
  tier: VipTier | undefined,
  nowMs: number,
): TicketSla | undefined {
  const policy = policyFor(workOrderConfig(deps).policies, type, tier);
  return policy ? startSla(policy, nowMs) : undefined;
}

const STOPPED: readonly Ticket['status'][] = ['resolved', 'closed', 'cancelled'];

/**
 * The timer as `patch` leaves it, or undefined when it does not change. `byPerson`: a person made the
 * change (the first one answers the ticket); the sweep's own changes do not.
 */
export function slaAfterChange(
  deps: SlaConfigDeps,
  current: Ticket,
  patch: TicketPatch,
  nowMs: number,
  byPerson: boolean,
): TicketSla | undefined {
  const sla = current.sla;
  if (!sla) return undefined;
  const to = patch.status ?? current.status;
  // Reopened: the work starts again, so does its clock.
  if (STOPPED.includes(current.status) && !STOPPED.includes(to)) {
    const policy = policyById(deps, sla.policy);
    return policy ? startSla(policy, nowMs) : undefined;
  }
  let next = sla;
  if (byPerson) next = respondSla(next, nowMs);
  if (to === 'pending') next = pauseSla(next, nowMs);
  else if (current.status === 'pending') next = resumeSla(next, nowMs);
  return next === sla ? undefined : next;
}

/** The skill queue whose agents take a ticket type's callbacks when its assignee is away. */
const CALLBACK_QUEUE: Readonly<Record<Ticket['type'], string>> = {
  claim: 'claims',
  complaint: 'complaints',
  'policy-change': 'policy',
  inquiry: 'general',
  rescue: 'rescue',
  fault: 'support',
};

/**
 * Closing the loop: a resolved ticket whose policy asks for it gets a callback task, to the person who
 * resolved it, asking the customer whether it is fixed; their answer closes or reopens it
 * (work-orders.ts, confirmFix). Nothing for a ticket without a customer phone to call.
 */
export async function askForConfirmation(
  deps: SlaConfigDeps & Pick<CenterBasics, 'store' | 'clock' | 'logger'>,
  ticket: Ticket,
): Promise<void> {
  const policy = ticket.sla ? policyById(deps, ticket.sla.policy) : undefined;
  if (policy?.confirmBy !== 'callback' || !ticket.customerId) return;
  const customer = await deps.store.customers.get(ticket.customerId);
  const phone = customer?.phones[0];
  if (!customer || !phone) return;
  const made = await deps.store.tasks.create({
    kind: 'callback',
    dueAt: new Date(deps.clock.now()).toISOString(),
    customerId: customer.id,
    ticketNumber: ticket.number,
    phone,
    ...(ticket.assigneeId ? { assigneeId: ticket.assigneeId } : {}),
    queue: CALLBACK_QUEUE[ticket.type],
    maxAttempts: 3,
    language: customer.language,
    note:
      customer.language === 'zh'
        ? `回访确认：工单 ${ticket.number} 的问题是否已解决`
        : `Confirm with the customer that ${ticket.number} is fixed`,
  });
  if (!made.ok)
    deps.logger.warn('confirmation callback not created', { ticket: ticket.number, reason: made.reason });
}
