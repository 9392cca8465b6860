// A ticket's history, oldest first: creation, status moves, assignments, edits and notes, each with who
// and when on the center's clock.
import type { Ticket } from '../api.js';
import { CenterTime } from '../center-zone.js';
import { useDepartments } from './use-departments.js';
import { useTicketsText } from './use-tickets-text.js';

const EDITED = ['subject', 'description', 'priority', 'dueAt'] as const;
type Edited = (typeof EDITED)[number];

export function TicketHistory({ ticket, nameOf }: { ticket: Ticket; nameOf: (id: string) => string }) {
  const { text, named, lang } = useTicketsText();
  const departments = useDepartments();
  const department = (id?: string) => (id ? (departments.find((d) => d.id === id)?.names[lang] ?? id) : '—');
  const status = (s?: string) => (s ? named('status', s) : '—');
  const person = (id?: string) => (id ? nameOf(id) : text('nobody'));
  const edited = (list?: string) =>
    (list ?? '')
      .split(',')
      .filter(Boolean)
      .map((f) =>
        f === 'fields' ? text('typeFields') : EDITED.includes(f as Edited) ? text(f as Edited) : f,
      )
      .join(', ');
  return (
    <section className="card">
      <h2>{text('history')}</h2>
      <ol className="timeline" data-testid="ticket-history">
        {ticket.history.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows at its end, so a position names one event for good
          <li key={`${e.at}:${i}`} data-kind={e.kind}>
            <span className="muted">
              <CenterTime at={e.at} />
            </span>{' '}
            <strong>
              {e.kind === 'created' && text('ev_created', { to: status(e.to) })}
              {e.kind === 'status' && text('ev_status', { from: status(e.from), to: status(e.to) })}
              {e.kind === 'assigned' && text('ev_assigned', { from: person(e.from), to: person(e.to) })}
              {e.kind === 'note' && text('ev_note')}
              {e.kind === 'updated' && text('ev_updated', { text: edited(e.text) })}
              {e.kind === 'department' && text('ev_department', { to: department(e.to) })}
              {e.kind === 'sla' && text('ev_sla')}
              {e.kind === 'confirmation' &&
                text(e.to === 'fixed' ? 'ev_confirmed_fixed' : 'ev_confirmed_not_fixed')}
            </strong>{' '}
            · {nameOf(e.by)}
            {(e.kind === 'note' || e.kind === 'sla' || e.kind === 'confirmation') && e.text && (
              <div className="timeline-notes">{e.text}</div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
