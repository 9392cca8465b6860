// The filters of the tickets list as the page holds them, and the query GET /api/tickets takes for them.
import {
  type Priority,
  TICKET_STATUSES,
  type TicketStatus,
  type TicketType,
} from '../../../functions/domain/model.js';

export interface TicketFilters {
  /** None chosen means every status. */
  readonly statuses: readonly TicketStatus[];
  readonly type: TicketType | '';
  readonly priority: Priority | '';
  /** '' any, or a department id. */
  readonly department: string;
  /** '' any (agents: theirs and unassigned), 'me', 'none', or a user id. */
  readonly assignee: string;
  readonly due: '' | 'today' | 'week' | 'overdue';
  readonly q: string;
}

/** Work still to do: what the page shows first. */
export const ACTIVE_STATUSES: readonly TicketStatus[] = ['new', 'open', 'pending', 'escalated'];

export const DEFAULT_FILTERS: TicketFilters = {
  statuses: ACTIVE_STATUSES,
  type: '',
  priority: '',
  department: '',
  assignee: '',
  due: '',
  q: '',
};

/**
 * The API wants a status, an assignee or a customer to choose the index it reads; "any status" is said
 * as the full list of statuses, which the server reads one partition after another.
 */
export function listQuery(filters: TicketFilters, limit: number, cursor?: string): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.assignee) query.set('assignee', filters.assignee);
  if (filters.statuses.length > 0) query.set('status', filters.statuses.join(','));
  else if (!filters.assignee) query.set('status', TICKET_STATUSES.join(','));
  if (filters.type) query.set('type', filters.type);
  if (filters.priority) query.set('priority', filters.priority);
  if (filters.department) query.set('department', filters.department);
  if (filters.due === 'overdue') query.set('overdue', 'true');
  else if (filters.due) query.set('due', filters.due);
  if (filters.q.trim()) query.set('q', filters.q.trim());
  query.set('limit', String(limit));
  if (cursor) query.set('cursor', cursor);
  return query;
}

/** Statuses in which a ticket is no longer worked on, so it is never late. */
const FINISHED: readonly TicketStatus[] = ['resolved', 'closed', 'cancelled'];

/** Past due and still being worked on, as the server's `overdue` filter judges it. */
export function isOverdue(ticket: { status: TicketStatus; dueAt?: string }, nowMs: number): boolean {
  return !!ticket.dueAt && Date.parse(ticket.dueAt) < nowMs && !FINISHED.includes(ticket.status);
}
