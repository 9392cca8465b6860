// Tickets: filing one (its number from the store's atomic counter), changing one with optimistic locking
// and the workflow's allowed status moves, and adding notes. A change the customer should hear about
// queues their texts; a failure to queue is logged and never undoes the change an agent already made.
import type { JobQueue } from '../domain/jobs.js';
import type { Ticket, User } from '../domain/model.js';
import type { NewTicket, TicketPatch } from '../domain/ports.js';
import { ConflictError, invalidField, NotFoundError, UnprocessableError } from '../domain/problems.js';
import { ticketNotifications } from '../domain/ticket-notifications.js';
import { checkTransition } from '../domain/ticket-workflow.js';
import type { CenterBasics } from './center.js';
import { linkTickets } from './copy-recording.js';
import { askForConfirmation, type SlaConfigDeps, slaAfterChange, slaForNew, workOrderConfig } from './sla.js';
import { unwrap } from './write-result.js';

export interface TicketDeps extends CenterBasics, SlaConfigDeps {
  /** Where customer texts are queued; without it tickets change silently. */
  readonly jobs?: JobQueue;
}

export async function notifyTicketChange(
  deps: TicketDeps,
  before: Ticket | undefined,
  after: Ticket,
): Promise<void> {
  if (!deps.jobs) return;
  try {
    const customer = after.customerId ? await deps.store.customers.get(after.customerId) : undefined;
    for (const job of ticketNotifications(before, after, customer)) await deps.jobs.send(job);
  } catch (err) {
    deps.logger.error('ticket notification not queued', { ticket: after.number, error: String(err) });
  }
}

export async function existingTicket(deps: TicketDeps, number: string): Promise<Ticket> {
  const ticket = await deps.store.tickets.get(number);
  if (!ticket) throw new NotFoundError('ticket', number);
  return ticket;
}

/**
 * 409 for an edit based on an older version: the current ticket, and who changed it last and when, so the
 * person editing can be told whose change they would overwrite. People's edits, moves and notes all append
 * to the history (only the system's linking of calls and recordings does not), so its last entry names them.
 */
function staleTicket(current: Ticket): ConflictError {
  const last = current.history.at(-1);
  return new ConflictError(
    `The ticket "${current.number}" was changed by ${last?.by ?? 'someone else'} at ${current.updatedAt}; here is the current version.`,
    { current, changedBy: last?.by ?? null, changedAt: current.updatedAt },
  );
}

/**
 * Files a ticket, or answers with the open one already filed for the same incident (the same call, or the
 * same customer and subject) or for the same `requestKey` (a retried request): `existing` says which.
 */
export async function fileTicket(
  deps: TicketDeps,
  user: User,
  body: Omit<NewTicket, 'status'>,
  requestKey?: string,
): Promise<{ ticket: Ticket; existing: boolean }> {
  const { store } = deps;
  const customer = body.customerId ? await store.customers.get(body.customerId) : undefined;
  if (body.customerId && !customer)
    throw invalidField('body.customerId', 'unknown-customer', `no customer "${body.customerId}"`);
  if (body.assigneeId && !(await store.users.get(body.assigneeId)))
    throw invalidField('body.assigneeId', 'unknown-user', `no user "${body.assigneeId}"`);
  const sla = slaForNew(deps, body.type, customer?.vipTier, deps.clock.now());
  const result = await store.tickets.create(
    { ...body, status: 'new', ...(sla ? { sla } : {}) },
    user.id,
    requestKey ? { requestKey } : {},
  );
  const ticket = unwrap(result, 'ticket', body.subject);
  if (result.ok && result.existing) return { ticket, existing: true };
  await notifyTicketChange(deps, undefined, ticket);
  if (!ticket.callSids.length) return { ticket, existing: false };
  // The ticket is filed whatever becomes of the links; a failure is logged for staff, not the agent's.
  try {
    await fileUnderCalls(deps, ticket);
  } catch (err) {
    deps.logger.error('ticket not filed under its calls', { ticket: ticket.number, error: String(err) });
  }
  // As it stands after the links (its version moved if recordings were added), for the next edit.
  return { ticket: (await deps.store.tickets.get(ticket.number)) ?? ticket, existing: false };
}

/**
 * The calls a ticket was filed on list it (the call log's Tickets column, the customer's timeline), and
 * the ticket lists the recordings those calls already have: a ticket filed in wrap-up comes after its
 * call's recording was stored, which links only the tickets the call named then.
 */
async function fileUnderCalls(deps: TicketDeps, ticket: Ticket): Promise<void> {
  for (const callSid of ticket.callSids) {
    const linked = await deps.store.calls.update(callSid, { addTicketNumber: ticket.number });
    if (!linked.ok) continue; // a call the center has no record of
    for (const sid of linked.value.recordingSids) await linkTickets(deps.store, [ticket.number], sid);
  }
}

export async function changeTicket(
  deps: TicketDeps,
  user: User,
  number: string,
  version: number,
  patch: TicketPatch,
): Promise<Ticket> {
  const current = await existingTicket(deps, number);
  // Judge the transition against the version the client saw; a stale one is a conflict first.
  if (current.version !== version) throw staleTicket(current);
  if (patch.status) {
    const check = checkTransition(current.status, patch.status);
    if (!check.ok) {
      const allowed = check.allowed.length ? check.allowed.join(', ') : 'none (it is final)';
      throw new UnprocessableError(
        'invalid-transition',
        `A ticket in status "${current.status}" cannot move to "${patch.status}"; allowed: ${allowed}.`,
        { from: current.status, to: patch.status, allowed: check.allowed },
      );
    }
  }
  if (patch.assigneeId && !(await deps.store.users.get(patch.assigneeId)))
    throw invalidField('body.assigneeId', 'unknown-user', `no user "${patch.assigneeId}"`);
  const sla = slaAfterChange(deps, current, patch, deps.clock.now(), true);
  const withSla = sla ? { ...patch, sla } : patch;
  const result = await deps.store.tickets.update(number, version, withSla, user.id);
  if (!result.ok && result.reason === 'conflict') throw staleTicket(result.current);
  const updated = unwrap(result, 'ticket', number);
  await notifyTicketChange(deps, current, updated);
  if ((updated.status === 'closed' || updated.status === 'cancelled') && current.status !== updated.status) {
    try {
      await endTicketTasks(deps, updated);
    } catch (err) {
      // The ticket is closed either way; a follow-up left open is closed by hand from the desk.
      deps.logger.error('ticket tasks not ended', { ticket: number, error: String(err) });
    }
  }
  if (updated.status === 'resolved' && current.status !== 'resolved') {
    try {
      await askForConfirmation(deps, updated);
    } catch (err) {
      deps.logger.error('confirmation callback not created', { ticket: number, error: String(err) });
    }
  }
  return updated;
}

export async function addTicketNote(
  deps: TicketDeps,
  user: User,
  number: string,
  text: string,
): Promise<Ticket> {
  // Notes commute with every other change: an atomic append, never refused for a version race.
  return unwrap(await deps.store.tickets.addNote(number, text, user.id), 'ticket', number);
}

/** Open tasks listed per person and read when a ticket ends: past it, the rest stay for the desk. */
const TASKS_READ = 200;

/**
 * A closed (or cancelled) ticket's open follow-ups, reminders and confirmation callbacks leave every desk
 * they were on: done with a closed ticket, cancelled with a cancelled one. They were given to whoever held
 * the ticket, its department's members and lead, and the supervisor escalations reach; those on nobody's
 * desk are found on the customer's list.
 */
async function endTicketTasks(deps: TicketDeps, ticket: Ticket): Promise<void> {
  const config = workOrderConfig(deps);
  const department = config.departments.find((d) => d.id === ticket.department);
  const people = new Set<string>(
    [
      ticket.assigneeId,
      ...ticket.history.filter((e) => e.kind === 'assigned').flatMap((e) => [e.from, e.to]),
      ...(department ? [...department.members, department.lead] : []),
      config.supervisor,
    ].filter((id): id is string => Boolean(id)),
  );
  const status = ticket.status === 'closed' ? 'done' : 'cancelled';
  const lists = await Promise.all([
    ...[...people].map(
      async (person) => (await deps.store.tasks.byAssignee(person, { limit: TASKS_READ })).items,
    ),
    // The customer's own list holds the ticket's tasks that nobody was assigned (a confirmation callback
    // to the queue) and those given to anyone else.
    ticket.customerId ? deps.store.tasks.byCustomer(ticket.customerId) : Promise.resolve([]),
  ]);
  const seen = new Set<string>();
  for (const task of lists.flat()) {
    // One in progress is someone's work under way: theirs to finish, not to be pulled from under them.
    if (seen.has(task.id) || task.ticketNumber !== ticket.number || task.status !== 'open') continue;
    seen.add(task.id);
    const ended = await deps.store.tasks.update(task.id, task.version, { status });
    if (!ended.ok) deps.logger.warn('ticket task not ended', { task: task.id, reason: ended.reason });
  }
}
