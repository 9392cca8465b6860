// The tickets list (/tickets): agents see their own and unassigned tickets, supervisors and admins all of
// them; filters combine, and the same tickets show as a table or as a board by status where moving a card
// changes its status through the workflow.
import { useCallback, useEffect, useState } from 'react';
import type { TicketStatus } from '../../../functions/domain/model.js';
import type { Me, Ticket } from '../api.js';
import { useErrorText } from '../errors.js';
import { DEFAULT_FILTERS, listQuery, type TicketFilters } from '../tickets/list-query.js';
import { TicketBoard } from '../tickets/ticket-board.js';
import { TicketFilterBar } from '../tickets/ticket-filters.js';
import { TicketTable } from '../tickets/ticket-table.js';
import { ticketsApi } from '../tickets/tickets-api.js';
import { usePeople } from '../tickets/use-people.js';
import { useTicketsText } from '../tickets/use-tickets-text.js';
import '../tickets/tickets.css';
import { centerNow } from '../center-zone.js';

const PAGE = 50;

export function TicketsPage({ me }: { me: Me }) {
  const { text, named } = useTicketsText();
  const { errorText } = useErrorText();
  const lead = me.roles.includes('supervisor') || me.roles.includes('admin');
  const { people, nameOf } = usePeople();
  const [filters, setFilters] = useState<TicketFilters>(DEFAULT_FILTERS);
  const [view, setView] = useState<'list' | 'board'>('list');
  const [tickets, setTickets] = useState<Ticket[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const load = useCallback(
    async (from?: string) => {
      setLoading(true);
      setError(undefined);
      try {
        const page = await ticketsApi.list(listQuery(filters, PAGE, from));
        setTickets((old) => (from ? [...old, ...page.items] : [...page.items]));
        setCursor(page.cursor);
      } catch (err) {
        setError(errorText(err));
      } finally {
        setLoading(false);
      }
    },
    [filters, errorText],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const move = async (ticket: Ticket, to: TicketStatus) => {
    setNotice(undefined);
    setError(undefined);
    try {
      const updated = await ticketsApi.change(ticket.number, { version: ticket.version, status: to });
      setTickets((old) => old.map((t) => (t.number === updated.number ? updated : t)));
      setNotice(text('moved', { number: updated.number, to: named('status', to) }));
    } catch (err) {
      setError(errorText(err));
      void load();
    }
  };

  const nowMs = centerNow();
  return (
    <div className="tickets-page">
      <h1>{text('ticketsTitle')}</h1>
      <TicketFilterBar filters={filters} onChange={setFilters} people={people} lead={lead} />
      <div className="row view-switch" role="tablist">
        {(['list', 'board'] as const).map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={view === v}
            className={view === v ? 'active' : undefined}
            data-testid={`view-${v}`}
            onClick={() => setView(v)}
          >
            {text(v === 'list' ? 'viewList' : 'viewBoard')}
          </button>
        ))}
      </div>
      {error && (
        <p className="error" role="alert" data-testid="tickets-error">
          {error}
        </p>
      )}
      {notice && (
        <p className="notice" role="status" data-testid="tickets-notice">
          {notice}
        </p>
      )}
      {view === 'list' ? (
        <TicketTable tickets={tickets} nameOf={nameOf} nowMs={nowMs} />
      ) : (
        <TicketBoard
          tickets={tickets}
          nameOf={nameOf}
          nowMs={nowMs}
          onMove={(t, to) => void move(t, to)}
          onRefused={(message) => {
            setNotice(undefined);
            setError(message);
          }}
        />
      )}
      {!loading && tickets.length === 0 && !cursor && <p className="muted">{text('empty')}</p>}
      {cursor && (
        <button type="button" disabled={loading} onClick={() => void load(cursor)} data-testid="load-more">
          {text('loadMore')}
        </button>
      )}
    </div>
  );
}
