// The tickets as a table: number (opens the ticket), type, subject, customer, status, priority, assignee
// and due time, late ones marked.
import { dueIsSla, ticketDue } from '../../../functions/domain/ticket-due.js';
import type { Ticket } from '../api.js';
import { CenterTime } from '../center-zone.js';
import { Link } from '../link.js';
import { isOverdue } from './list-query.js';
import { useTicketsText } from './use-tickets-text.js';

export function TicketTable({
  tickets,
  nameOf,
  nowMs,
}: {
  tickets: readonly Ticket[];
  nameOf: (userId: string) => string;
  nowMs: number;
}) {
  const { text, named } = useTicketsText();
  return (
    <table className="ticket-table" data-testid="ticket-table">
      <thead>
        <tr>
          <th>{text('number')}</th>
          <th>{text('type')}</th>
          <th>{text('subject')}</th>
          <th>{text('customer')}</th>
          <th>{text('status')}</th>
          <th>{text('priority')}</th>
          <th>{text('assignee')}</th>
          <th>{text('dueAt')}</th>
        </tr>
      </thead>
      <tbody>
        {tickets.map((tk) => {
          const due = ticketDue(tk);
          const late = isOverdue({ status: tk.status, ...(due ? { dueAt: due } : {}) }, nowMs);
          return (
            <tr key={tk.number} data-testid={`ticket-${tk.number}`} className={late ? 'overdue' : undefined}>
              <td>
                <Link to={`/tickets/${tk.number}`}>{tk.number}</Link>
              </td>
              <td>{named('type', tk.type)}</td>
              <td>{tk.subject}</td>
              <td>
                {tk.customerId ? (
                  <Link to={`/agent/customers/${encodeURIComponent(tk.customerId)}`}>{tk.customerId}</Link>
                ) : (
                  '—'
                )}
              </td>
              <td data-testid="status">{named('status', tk.status)}</td>
              <td className={`priority-${tk.priority}`}>{named('priority', tk.priority)}</td>
              <td>{tk.assigneeId ? nameOf(tk.assigneeId) : text('unassigned')}</td>
              <td>
                {due ? <CenterTime at={due} /> : '—'}
                {dueIsSla(tk) && (
                  <span className="muted small" data-testid="due-sla" title={text('slaDueHint')}>
                    {' '}
                    SLA
                  </span>
                )}
                {late && (
                  <>
                    {' '}
                    <span className="tag overdue-tag">{text('overdue')}</span>
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
