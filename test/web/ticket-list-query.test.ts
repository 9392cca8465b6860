// The tickets pages' request helpers held to the server: every filter combination the page can build
// parses against the list query schema, a complete ticket change against the patch schema; late tickets
// are judged as the server's overdue filter judges them; the routes open the two pages.
import { describe, expect, it } from 'vitest';
import { PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from '../../functions/domain/model.js';
import { TicketListQuery, TicketPatchBody } from '../../functions/http/api/ticket-schemas.js';
import { matchRoute } from '../../web/src/router.js';
import {
  DEFAULT_FILTERS,
  isOverdue,
  listQuery,
  type TicketFilters,
} from '../../web/src/tickets/list-query.js';
import type { TicketChange } from '../../web/src/tickets/tickets-api.js';

const parse = (q: URLSearchParams) => {
  const raw: Record<string, string> = {};
  for (const [k, v] of q) raw[k] = v;
  return TicketListQuery.safeParse(raw);
};

describe('the tickets list query', () => {
  it('names every status when none is chosen and no assignee picks the index', () => {
    const q = listQuery({ ...DEFAULT_FILTERS, statuses: [] }, 50);
    expect(q.get('status')).toBe(TICKET_STATUSES.join(','));
    const mine = listQuery({ ...DEFAULT_FILTERS, statuses: [], assignee: 'me' }, 50);
    expect(mine.get('status')).toBeNull();
    expect(mine.get('assignee')).toBe('me');
  });

  it('says overdue as overdue=true and the other due choices as due', () => {
    expect(listQuery({ ...DEFAULT_FILTERS, due: 'overdue' }, 10).get('overdue')).toBe('true');
    expect(listQuery({ ...DEFAULT_FILTERS, due: 'overdue' }, 10).get('due')).toBeNull();
    expect(listQuery({ ...DEFAULT_FILTERS, due: 'week' }, 10).get('due')).toBe('week');
  });

  it('builds only queries the server accepts', () => {
    const variants: TicketFilters[] = [];
    for (const statuses of [[], ['open'], TICKET_STATUSES] as const)
      for (const assignee of ['', 'me', 'none', '1001'])
        for (const due of ['', 'today', 'week', 'overdue'] as const)
          variants.push({
            statuses,
            assignee,
            due,
            type: TICKET_TYPES[1],
            priority: PRIORITIES[3],
            department: 'complaints-desk',
            q: ' gear box ',
          });
    for (const f of variants) {
      const result = parse(listQuery(f, 50, 'abc'));
      expect(result.success, JSON.stringify(f)).toBe(true);
    }
    expect(parse(listQuery({ ...DEFAULT_FILTERS, q: '  ' }, 50)).data?.q).toBeUndefined();
  });
});

describe('a ticket change', () => {
  it('passes the server schema when filled in completely', () => {
    const change: Required<TicketChange> = {
      version: 3,
      status: 'resolved',
      priority: 'high',
      subject: 'Gearbox noise',
      description: 'Noise when shifting',
      assigneeId: null,
      dueAt: '2026-03-02T09:00:00.000Z',
      fields: { mileage: '58000' },
    };
    expect(TicketPatchBody.safeParse(change).success).toBe(true);
  });
});

describe('late tickets', () => {
  const now = Date.parse('2026-03-01T09:00:00Z');
  it('are due before now and still being worked on', () => {
    expect(isOverdue({ status: 'open', dueAt: '2026-03-01T08:59:00Z' }, now)).toBe(true);
    expect(isOverdue({ status: 'open', dueAt: '2026-03-01T09:00:00Z' }, now)).toBe(false);
    expect(isOverdue({ status: 'resolved', dueAt: '2026-03-01T08:00:00Z' }, now)).toBe(false);
    expect(isOverdue({ status: 'new' }, now)).toBe(false);
  });
});

describe('the tickets routes', () => {
  it('open the list and one ticket', () => {
    expect(matchRoute('/tickets')).toEqual({ page: 'tickets' });
    expect(matchRoute('/tickets/')).toEqual({ page: 'tickets' });
    expect(matchRoute('/tickets/CLM-2026-000123')).toEqual({ page: 'ticket', number: 'CLM-2026-000123' });
  });
});
