// One ticket (/tickets/<number>): its fields (editable by type), the status moves the workflow allows,
// reassignment, notes, the full history, and links to the customer and the calls' recordings. An edit
// based on an older version is refused by the server; the page says who changed it and when, and offers
// to reload.

import { useCallback, useEffect, useState } from 'react';
import { ticketDue } from '../../../functions/domain/ticket-due.js';
import { allowedTransitions } from '../../../functions/domain/ticket-workflow.js';
import { ApiError, api, type Me, type Ticket } from '../api.js';
import { formatCenterTime } from '../center-time.js';
import { CenterTime, centerNow, useCenterZone } from '../center-zone.js';
import { PlayButton } from '../desk/play-button.js';
import { useErrorText } from '../errors.js';
import { Link } from '../link.js';
import { AttachmentsCard } from '../tickets/attachments-card.js';
import { DispatchCard } from '../tickets/dispatch-card.js';
import { isOverdue } from '../tickets/list-query.js';
import { TicketEditor } from '../tickets/ticket-editor.js';
import { TicketHistory } from '../tickets/ticket-history.js';
import { ticketsApi } from '../tickets/tickets-api.js';
import { usePeople } from '../tickets/use-people.js';
import { useTicketsText } from '../tickets/use-tickets-text.js';
import { WorkOrderCard } from '../tickets/work-order-card.js';
import '../tickets/tickets.css';

interface Conflict {
  readonly who: string;
  readonly at: string;
}

export function TicketPage({ number }: { me: Me; number: string }) {
  const { text, named, lang } = useTicketsText();
  const { errorText } = useErrorText();
  const zone = useCenterZone();
  const { people, nameOf } = usePeople();
  const [ticket, setTicket] = useState<Ticket>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [conflict, setConflict] = useState<Conflict>();
  const [busy, setBusy] = useState(false);
  const [assignee, setAssignee] = useState('');
  const [note, setNote] = useState('');

  const reload = useCallback(async () => {
    setError(undefined);
    setNotice(undefined);
    try {
      const fresh = await ticketsApi.get(number);
      setTicket(fresh);
      setAssignee(fresh.assigneeId ?? '');
      // The conflict stays on screen until the fresh version replaces the stale form, so the
      // form never shows old values without the warning beside them.
      setConflict(undefined);
    } catch (err) {
      setError(errorText(err));
    }
  }, [number, errorText]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const run = async (action: () => Promise<Ticket>, done?: () => void) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const updated = await action();
      setTicket(updated);
      setAssignee(updated.assigneeId ?? '');
      setNotice(text('saved'));
      done?.();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        const { changedBy, changedAt } = err.detail as { changedBy?: string | null; changedAt?: string };
        setConflict({ who: changedBy ? nameOf(changedBy) : '?', at: changedAt ?? '' });
      } else setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  if (!ticket || !zone)
    return error ? <p className="error">{error}</p> : <p className="muted">{text('details')}…</p>;
  const moves = allowedTransitions(ticket.status);
  const change = (patch: Omit<Parameters<typeof ticketsApi.change>[1], 'version'>) =>
    run(() => ticketsApi.change(ticket.number, { version: ticket.version, ...patch }));

  return (
    <div className="ticket-page" data-testid="ticket-page">
      <p>
        <Link to="/tickets">← {text('backToList')}</Link>
      </p>
      <h1>
        {ticket.number} <span className="tag">{named('type', ticket.type)}</span>{' '}
        <span className="tag" data-testid="ticket-status">
          {named('status', ticket.status)}
        </span>
        {isOverdue(
          { status: ticket.status, ...(ticketDue(ticket) ? { dueAt: ticketDue(ticket) } : {}) },
          centerNow(),
        ) && <span className="tag overdue-tag">{text('overdue')}</span>}
      </h1>
      {conflict && (
        <div className="error conflict" role="alert" data-testid="ticket-conflict">
          {text('conflict', {
            who: conflict.who,
            at: conflict.at ? formatCenterTime(Date.parse(conflict.at), zone, lang, centerNow()) : '?',
          })}{' '}
          <button type="button" onClick={() => void reload()} data-testid="ticket-reload">
            {text('reload')}
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="notice" role="status" data-testid="ticket-notice">
          {notice}
        </p>
      )}
      <section className="card" data-testid="status-actions">
        <h2>{text('statusActions')}</h2>
        {moves.length === 0 && <p className="muted">{text('noMoves')}</p>}
        <div className="row">
          {moves.map((s) => (
            <button
              key={s}
              type="button"
              disabled={busy}
              data-testid={`to-${s}`}
              onClick={() => void change({ status: s })}
            >
              {named('status', s)}
            </button>
          ))}
        </div>
      </section>
      <WorkOrderCard ticket={ticket} busy={busy} run={(action) => void run(action)} />
      {(ticket.type === 'rescue' || ticket.type === 'claim') && (
        <DispatchCard ticket={ticket} busy={busy} run={(action) => void run(action)} />
      )}
      <TicketEditor
        key={`${ticket.number}:${ticket.version}`}
        ticket={ticket}
        zone={zone}
        busy={busy}
        onSave={(patch) => void run(() => ticketsApi.change(ticket.number, patch))}
        onNothing={() => setNotice(text('noChanges'))}
      />
      <section className="card">
        <h2>{text('reassign')}</h2>
        <div className="row">
          <select
            name="assignee"
            value={assignee}
            onChange={(e) => setAssignee(e.target.value)}
            aria-label={text('assignee')}
          >
            <option value="">{text('unassigned')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.id})
              </option>
            ))}
            {ticket.assigneeId && !people.some((p) => p.id === ticket.assigneeId) && (
              <option value={ticket.assigneeId}>{ticket.assigneeId}</option>
            )}
          </select>
          <button
            type="button"
            disabled={busy || assignee === (ticket.assigneeId ?? '')}
            onClick={() => void change({ assigneeId: assignee || null })}
          >
            {text('assign')}
          </button>
        </div>
      </section>
      <section className="card">
        <h2>{text('notes')}</h2>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (note.trim())
              void run(
                () => ticketsApi.addNote(ticket.number, note.trim()),
                () => setNote(''),
              );
          }}
        >
          <textarea
            name="note"
            rows={2}
            maxLength={8000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <button type="submit" disabled={busy || !note.trim()}>
            {text('addNote')}
          </button>
        </form>
      </section>
      <section className="card" data-testid="ticket-links">
        <h2>{text('links')}</h2>
        <dl>
          <dt>{text('customer')}</dt>
          <dd>
            {ticket.customerId ? (
              <Link to={`/agent/customers/${encodeURIComponent(ticket.customerId)}`}>
                {text('openCustomer')} ({ticket.customerId})
              </Link>
            ) : (
              text('none')
            )}
          </dd>
          <dt>{text('calls')}</dt>
          <dd>{ticket.callSids.length ? ticket.callSids.join(', ') : text('none')}</dd>
          <dt>{text('recordings')}</dt>
          <dd>
            {ticket.recordingSids.length === 0 && text('none')}
            {ticket.recordingSids.map((sid) => (
              <div key={sid}>
                {sid} <PlayButton load={() => api.playback(sid)} />
              </div>
            ))}
          </dd>
          <dt>{text('dueAt')}</dt>
          <dd>{ticket.dueAt ? <CenterTime at={ticket.dueAt} /> : text('none')}</dd>
        </dl>
      </section>
      <AttachmentsCard ticket={ticket} busy={busy} run={(action) => void run(action)} nameOf={nameOf} />
      <TicketHistory ticket={ticket} nameOf={nameOf} />
    </div>
  );
}
