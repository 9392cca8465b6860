// The tickets as a board, one column per status. Dragging a card to another column (or choosing from the
// card's "Move to") asks for that status; a move the workflow forbids is explained and never sent.

import { type DragEvent, useState } from 'react';
import { TICKET_STATUSES, type TicketStatus } from '../../../functions/domain/model.js';
import { ticketDue } from '../../../functions/domain/ticket-due.js';
import { allowedTransitions } from '../../../functions/domain/ticket-workflow.js';
import type { Ticket } from '../api.js';
import { Link } from '../link.js';
import { isOverdue } from './list-query.js';
import { useTicketsText } from './use-tickets-text.js';

export function TicketBoard({
  tickets,
  nameOf,
  nowMs,
  onMove,
  onRefused,
}: {
  tickets: readonly Ticket[];
  nameOf: (userId: string) => string;
  nowMs: number;
  onMove: (ticket: Ticket, to: TicketStatus) => void;
  /** A move the workflow forbids, already put into words. */
  onRefused: (message: string) => void;
}) {
  const { text, named } = useTicketsText();
  const [dragging, setDragging] = useState<string>();

  const request = (ticket: Ticket, to: TicketStatus) => {
    if (to === ticket.status) return;
    const allowed = allowedTransitions(ticket.status);
    if (allowed.includes(to)) return onMove(ticket, to);
    onRefused(
      text('refusedMove', {
        from: named('status', ticket.status),
        to: named('status', to),
        allowed: allowed.length ? allowed.map((s) => named('status', s)).join(', ') : text('finalStatus'),
      }),
    );
  };
  const drop = (e: DragEvent, to: TicketStatus) => {
    e.preventDefault();
    const number = e.dataTransfer.getData('text/plain') || dragging;
    const ticket = tickets.find((t) => t.number === number);
    setDragging(undefined);
    if (ticket) request(ticket, to);
  };

  return (
    <>
      <p className="muted small">{text('dragHint')}</p>
      <div className="ticket-board" data-testid="ticket-board">
        {TICKET_STATUSES.map((status) => (
          <section
            key={status}
            className="board-column"
            aria-label={named('status', status)}
            data-testid={`column-${status}`}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => drop(e, status)}
          >
            <h3>{named('status', status)}</h3>
            {tickets
              .filter((t) => t.status === status)
              .map((t) => (
                <article
                  key={t.number}
                  className={`board-card${isOverdue({ status: t.status, ...(ticketDue(t) ? { dueAt: ticketDue(t) } : {}) }, nowMs) ? ' overdue' : ''}`}
                  data-testid={`card-${t.number}`}
                  draggable
                  onDragStart={(e) => {
                    e.dataTransfer.setData('text/plain', t.number);
                    setDragging(t.number);
                  }}
                >
                  <Link to={`/tickets/${t.number}`}>{t.number}</Link>
                  <div>{t.subject}</div>
                  <div className="muted small">
                    {named('type', t.type)} · {named('priority', t.priority)} ·{' '}
                    {t.assigneeId ? nameOf(t.assigneeId) : text('unassigned')}
                  </div>
                  {allowedTransitions(t.status).length > 0 && (
                    <select
                      aria-label={text('moveTo')}
                      name="move"
                      value=""
                      onChange={(e) => e.target.value && request(t, e.target.value as TicketStatus)}
                    >
                      <option value="">{text('moveTo')}…</option>
                      {allowedTransitions(t.status).map((s) => (
                        <option key={s} value={s}>
                          {named('status', s)}
                        </option>
                      ))}
                    </select>
                  )}
                </article>
              ))}
          </section>
        ))}
      </div>
    </>
  );
}
