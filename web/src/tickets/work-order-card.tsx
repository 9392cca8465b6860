// A ticket as a work order: the department it was handed to (and handing it to one), its service-level
// timer (due times, paused while waiting for the customer, escalations so far) and, once resolved, the
// customer's answer from the confirmation callback, which closes or reopens it.
import { useState } from 'react';
import type { Ticket } from '../api.js';
import { CenterTime } from '../center-zone.js';
import { ticketsApi } from './tickets-api.js';
import { useDepartments } from './use-departments.js';
import { useTicketsText } from './use-tickets-text.js';

interface Props {
  readonly ticket: Ticket;
  readonly busy: boolean;
  readonly run: (action: () => Promise<Ticket>) => void;
}

export function WorkOrderCard({ ticket, busy, run }: Props) {
  const { text, lang } = useTicketsText();
  const departments = useDepartments();
  const [chosen, setChosen] = useState(ticket.department ?? '');
  const sla = ticket.sla;
  const final = ticket.status === 'closed' || ticket.status === 'cancelled';
  return (
    <section className="card" data-testid="work-order">
      <h2>{text('workOrder')}</h2>
      <dl>
        <dt>{text('department')}</dt>
        <dd data-testid="work-order-department">
          {departments.find((d) => d.id === ticket.department)?.names[lang] ??
            ticket.department ??
            text('none')}
        </dd>
        {sla ? (
          <>
            <dt>{text('respondBy')}</dt>
            <dd>
              <CenterTime at={sla.respondBy} />
            </dd>
            <dt>{text('resolveBy')}</dt>
            <dd data-testid="sla-resolve-by">
              <CenterTime at={sla.resolveBy} />
              {sla.pausedAt && <span className="tag"> {text('slaPaused')}</span>}
              {sla.escalated > 0 && (
                <span className="tag overdue-tag">
                  {' '}
                  {sla.escalated === 1
                    ? text('slaEscalatedOnce')
                    : text('slaEscalated', { n: sla.escalated })}
                </span>
              )}
            </dd>
          </>
        ) : (
          <dd className="muted">{text('noSla')}</dd>
        )}
      </dl>
      {!final && (
        <div className="row">
          <select
            name="department"
            value={chosen}
            aria-label={text('department')}
            onChange={(e) => setChosen(e.target.value)}
          >
            <option value="">—</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.names[lang]}
              </option>
            ))}
          </select>
          <button
            type="button"
            data-testid="hand-over"
            disabled={busy || !chosen || chosen === ticket.department}
            onClick={() => run(() => ticketsApi.handOver(ticket.number, ticket.version, chosen))}
          >
            {text('handOver')}
          </button>
        </div>
      )}
      {ticket.status === 'resolved' && (
        <div className="row" data-testid="confirmation">
          <span>{text('confirmAsk')}</span>
          <button
            type="button"
            data-testid="confirm-fixed"
            disabled={busy}
            onClick={() => run(() => ticketsApi.confirm(ticket.number, ticket.version, true))}
          >
            {text('confirmFixed')}
          </button>
          <button
            type="button"
            data-testid="confirm-not-fixed"
            disabled={busy}
            onClick={() => run(() => ticketsApi.confirm(ticket.number, ticket.version, false))}
          >
            {text('confirmNotFixed')}
          </button>
        </div>
      )}
    </section>
  );
}
