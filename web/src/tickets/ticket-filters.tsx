// The filter bar of the tickets list: statuses (several), type, priority, assignee, due, and a search by
// number or subject words. Choices apply at once; the search applies on Enter or the button.
import { type FormEvent, useEffect, useState } from 'react';
import { PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from '../../../functions/domain/model.js';
import type { TicketFilters } from './list-query.js';
import type { Assignee } from './tickets-api.js';
import { useDepartments } from './use-departments.js';
import { useTicketsText } from './use-tickets-text.js';

export function TicketFilterBar({
  filters,
  onChange,
  people,
  lead,
}: {
  filters: TicketFilters;
  onChange: (next: TicketFilters) => void;
  /** Everyone a ticket can be assigned to; leads filter by any of them. */
  people: readonly Assignee[];
  lead: boolean;
}) {
  const { text, named, lang } = useTicketsText();
  const [q, setQ] = useState(filters.q);
  const departments = useDepartments();
  useEffect(() => setQ(filters.q), [filters.q]);
  const set = (patch: Partial<TicketFilters>) => onChange({ ...filters, ...patch });
  const toggle = (status: (typeof TICKET_STATUSES)[number], on: boolean) =>
    set({
      statuses: TICKET_STATUSES.filter((s) => (s === status ? on : filters.statuses.includes(s))),
    });
  const search = (e: FormEvent) => {
    e.preventDefault();
    set({ q });
  };

  return (
    <form className="card ticket-filters" onSubmit={search} data-testid="ticket-filters">
      <fieldset className="ticket-statuses">
        <legend>{text('status')}</legend>
        {TICKET_STATUSES.map((s) => (
          <label key={s} className="inline">
            <input
              type="checkbox"
              name={`status-${s}`}
              checked={filters.statuses.includes(s)}
              onChange={(e) => toggle(s, e.target.checked)}
            />{' '}
            {named('status', s)}
          </label>
        ))}
      </fieldset>
      <label>
        {text('type')}
        <select
          name="type"
          value={filters.type}
          onChange={(e) => set({ type: e.target.value as TicketFilters['type'] })}
        >
          <option value="">{text('any')}</option>
          {TICKET_TYPES.map((type) => (
            <option key={type} value={type}>
              {named('type', type)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {text('department')}
        <select
          name="department"
          value={filters.department}
          onChange={(e) => set({ department: e.target.value })}
        >
          <option value="">{text('any')}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.names[lang]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {text('priority')}
        <select
          name="priority"
          value={filters.priority}
          onChange={(e) => set({ priority: e.target.value as TicketFilters['priority'] })}
        >
          <option value="">{text('any')}</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {named('priority', p)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {text('assignee')}
        <select name="assignee" value={filters.assignee} onChange={(e) => set({ assignee: e.target.value })}>
          <option value="">{lead ? text('any') : text('mineAndFree')}</option>
          <option value="me">{text('mine')}</option>
          <option value="none">{text('unassigned')}</option>
          {lead &&
            people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.id})
              </option>
            ))}
        </select>
      </label>
      <label>
        {text('due')}
        <select
          name="due"
          value={filters.due}
          onChange={(e) => set({ due: e.target.value as TicketFilters['due'] })}
        >
          <option value="">{text('any')}</option>
          <option value="overdue">{text('overdue')}</option>
          <option value="today">{text('dueToday')}</option>
          <option value="week">{text('dueWeek')}</option>
        </select>
      </label>
      <label>
        {text('search')}
        <input name="q" value={q} maxLength={100} onChange={(e) => setQ(e.target.value)} />
      </label>
      <button type="submit">{text('apply')}</button>
    </form>
  );
}
