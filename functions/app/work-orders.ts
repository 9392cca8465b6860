// Work orders: a ticket handed to a department is offered to the member with the fewest open tickets
// (a task on their desk, pushed to their page); the SLA sweep reminds the assignee before the resolution is
// due and escalates, step by step, once it is late (to the department lead, then the supervisor, on the
// desk and by text as the policy says); the customer's word after the confirmation callback closes the
// ticket or reopens it. Everything runs on the center's clock.
import { localTime } from '../domain/ivr/hours.js';
import type { Ticket, TicketStatus, User } from '../domain/model.js';
import { invalidField } from '../domain/problems.js';
import type { Department, EscalationTarget } from '../domain/sla/policy.js';
import { afterActions, dueActions, type SlaAction } from '../domain/sla/timer.js';
import { checkTransition } from '../domain/ticket-workflow.js';
import type { Publish } from './push.js';
import { policyById, workOrderConfig } from './sla.js';
import { changeTicket, existingTicket, notifyTicketChange, type TicketDeps } from './tickets.js';

export interface WorkOrderDeps extends TicketDeps {
  /** Tells the person's open pages their task list changed; absent, they see it on their next read. */
  readonly publish?: Publish;
}

const OPEN: readonly TicketStatus[] = ['new', 'open', 'escalated'];
/** Tickets read per status in one sweep: beyond it, the next sweep carries on (newest first). */
export const SWEEP_LIMIT = 500;

export function departments(deps: WorkOrderDeps): readonly Department[] {
  return workOrderConfig(deps).departments;
}

function department(deps: WorkOrderDeps, id: string): Department {
  const found = departments(deps).find((d) => d.id === id);
  if (!found)
    throw invalidField(
      'body.department',
      'unknown-department',
      `no department "${id}"; one of ${departments(deps)
        .map((d) => d.id)
        .join(', ')}`,
    );
  return found;
}

/** A desk alert: a task due now on the person's list, and a notice to their open pages. */
async function alertDesk(deps: WorkOrderDeps, userId: string, ticket: Ticket, note: string): Promise<void> {
  const made = await deps.store.tasks.create({
    kind: 'follow-up',
    dueAt: new Date(deps.clock.now()).toISOString(),
    assigneeId: userId,
    ticketNumber: ticket.number,
    ...(ticket.customerId ? { customerId: ticket.customerId } : {}),
    maxAttempts: 1,
    note,
  });
  if (!made.ok) deps.logger.warn('desk alert not created', { ticket: ticket.number, reason: made.reason });
  await deps.publish?.({ agentId: userId }, ['tasks']);
}

async function openLoad(deps: WorkOrderDeps, userId: string): Promise<number> {
  const page = await deps.store.tickets.byAssignee(userId, { limit: 100 });
  return page.items.filter((t) => OPEN.includes(t.status) || t.status === 'pending').length;
}

/**
 * Hands the ticket to a department: its member with the fewest open tickets (ties by the order listed)
 * gets it, with a desk alert. Members not among the center's users, or disabled, are passed over.
 */
export async function handToDepartment(
  deps: WorkOrderDeps,
  user: User,
  number: string,
  version: number,
  departmentId: string,
): Promise<Ticket> {
  const dept = department(deps, departmentId);
  let best: { id: string; load: number } | undefined;
  for (const id of dept.members) {
    const member = await deps.store.users.get(id);
    if (!member || member.disabled) continue;
    const load = await openLoad(deps, id);
    if (!best || load < best.load) best = { id, load };
  }
  const current = await existingTicket(deps, number);
  const assigneeId = best?.id ?? dept.lead;
  const ticket = await changeTicket(deps, user, number, version, {
    department: dept.id,
    assigneeId,
    ...(current.status === 'new' ? { status: 'open' as const } : {}),
  });
  const due = ticket.sla ? `, due ${ticket.sla.resolveBy}` : '';
  await alertDesk(
    deps,
    assigneeId,
    ticket,
    `${dept.names.en} / ${dept.names.zh}: ${ticket.number} ${ticket.subject}${due}`,
  );
  return ticket;
}

/**
 * The customer's answer to "is it fixed?": yes closes the ticket, no reopens it (its SLA starts again and
 * its assignee is alerted). Only a resolved ticket can be confirmed.
 */
export async function confirmFix(
  deps: WorkOrderDeps,
  user: User,
  number: string,
  version: number,
  answer: { readonly fixed: boolean; readonly note?: string },
): Promise<Ticket> {
  const current = await existingTicket(deps, number);
  if (current.status !== 'resolved')
    throw invalidField(
      'body.fixed',
      'not-resolved',
      `ticket ${number} is "${current.status}": only a resolved ticket can be confirmed or reopened`,
    );
  const ticket = await changeTicket(deps, user, number, version, {
    status: answer.fixed ? 'closed' : 'open',
    events: [
      {
        by: user.id,
        kind: 'confirmation',
        to: answer.fixed ? 'fixed' : 'not-fixed',
        ...(answer.note ? { text: answer.note } : {}),
      },
    ],
  });
  if (!answer.fixed && ticket.assigneeId)
    await alertDesk(
      deps,
      ticket.assigneeId,
      ticket,
      `Reopened: the customer says ${ticket.number} is not fixed`,
    );
  return ticket;
}

function targetOf(deps: WorkOrderDeps, ticket: Ticket, to: EscalationTarget): string | undefined {
  if (to === 'assignee') return ticket.assigneeId;
  if (to === 'supervisor') return workOrderConfig(deps).supervisor;
  const dept = ticket.department ? departments(deps).find((d) => d.id === ticket.department) : undefined;
  return dept?.lead ?? workOrderConfig(deps).supervisor;
}

function describe(deps: WorkOrderDeps, action: SlaAction, ticket: Ticket): string {
  const due = ticket.sla ? wallTime(Date.parse(ticket.sla.resolveBy), deps.config.timeZone) : '?';
  return action.kind === 'remind'
    ? `SLA reminder: ${ticket.number} is due at ${due} (${action.minutesBefore} min)`
    : `SLA escalation ${action.step + 1}: ${ticket.number} was due at ${due}`;
}

/** "2026-12-08 14:15": a moment on the center's clock, as the desk and the ticket pages show times. */
function wallTime(ms: number, timeZone: string): string {
  const t = localTime(ms, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.date} ${pad(Math.floor(t.minutes / 60))}:${pad(t.minutes % 60)}`;
}

async function notify(deps: WorkOrderDeps, userId: string, ticket: Ticket, action: SlaAction, text: string) {
  await alertDesk(deps, userId, ticket, text);
  if (action.kind !== 'escalate' || !action.by.includes('sms') || !deps.jobs) return;
  const person = await deps.store.users.get(userId);
  if (!person?.phone) return;
  await deps.jobs.send({
    kind: 'sms-send',
    to: person.phone,
    body: text,
    purpose: 'sla-escalation',
    dedupeKey: `sla:${ticket.number}:${ticket.sla?.resolveBy}:${action.step}:${userId}`,
  });
}

/** One ticket's due reminders and escalations, taken once: the timer records them in the same write. */
async function sweepTicket(deps: WorkOrderDeps, ticket: Ticket, nowMs: number): Promise<number> {
  const sla = ticket.sla;
  const policy = sla ? policyById(deps, sla.policy) : undefined;
  if (!sla || !policy) return 0;
  const actions = dueActions(sla, policy, nowMs);
  if (actions.length === 0) return 0;
  const last = actions.filter((a) => a.kind === 'escalate').at(-1);
  const lastTarget = last?.kind === 'escalate' ? targetOf(deps, ticket, last.to) : undefined;
  const escalate = last && checkTransition(ticket.status, 'escalated').ok;
  const result = await deps.store.tickets.update(
    ticket.number,
    ticket.version,
    {
      sla: afterActions(sla, actions),
      ...(escalate ? { status: 'escalated' as const } : {}),
      ...(lastTarget && last?.to !== 'assignee' ? { assigneeId: lastTarget } : {}),
      events: actions.map((a) => ({ by: 'system', kind: 'sla' as const, text: describe(deps, a, ticket) })),
    },
    'system',
  );
  // Someone changed it meanwhile: the next sweep reads it afresh.
  if (!result.ok) return 0;
  for (const action of actions) {
    const to = action.kind === 'remind' ? ticket.assigneeId : targetOf(deps, ticket, action.to);
    if (to) await notify(deps, to, ticket, action, describe(deps, action, ticket));
  }
  await notifyTicketChange(deps, ticket, result.value);
  return actions.length;
}

/** Every open ticket's due SLA actions; run by the scheduled job. Answers how many were taken. */
export async function sweepSla(deps: WorkOrderDeps): Promise<number> {
  const nowMs = deps.clock.now();
  let taken = 0;
  for (const status of OPEN) {
    let cursor: string | undefined;
    let read = 0;
    do {
      const page = await deps.store.tickets.byStatus(status, { limit: 100, ...(cursor ? { cursor } : {}) });
      for (const ticket of page.items) {
        try {
          taken += await sweepTicket(deps, ticket, nowMs);
        } catch (err) {
          deps.logger.error('sla sweep failed for a ticket', { ticket: ticket.number, error: String(err) });
        }
      }
      read += page.items.length;
      cursor = page.cursor;
    } while (cursor && read < SWEEP_LIMIT);
  }
  return taken;
}
