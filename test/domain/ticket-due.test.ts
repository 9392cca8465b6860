// When a ticket is due: the earlier of the due time a person set and the SLA's resolve-by, none while the
// SLA waits for the customer; the list's Overdue filter and its order go by it.
import { describe, expect, it } from 'vitest';
import { compareTickets, ticketMatcher } from '../../functions/app/ticket-list.js';
import type { Ticket, TicketSla } from '../../functions/domain/model.js';
import { dueIsSla, ticketDue } from '../../functions/domain/ticket-due.js';

const sla = (resolveBy: string, extra: Partial<TicketSla> = {}): TicketSla => ({
  policy: 'fault',
  respondBy: '2026-03-01T10:00:00Z',
  resolveBy,
  reminded: [],
  escalated: 0,
  ...extra,
});

function ticket(number: string, fields: Partial<Ticket>): Ticket {
  return {
    number,
    type: 'fault',
    subject: number,
    priority: 'normal',
    status: 'new',
    callSids: [],
    createdAt: '2026-03-01T08:00:00Z',
    updatedAt: '2026-03-01T08:00:00Z',
    version: 1,
    ...fields,
  } as Ticket;
}

describe('a ticket’s due time', () => {
  it('is the earlier of the one set by hand and the SLA’s, and none from a paused SLA', () => {
    expect(ticketDue({ dueAt: '2026-03-02T00:00:00Z' })).toBe('2026-03-02T00:00:00Z');
    expect(ticketDue({ sla: sla('2026-03-01T17:00:00Z') })).toBe('2026-03-01T17:00:00Z');
    expect(ticketDue({ dueAt: '2026-03-02T00:00:00Z', sla: sla('2026-03-01T17:00:00Z') })).toBe(
      '2026-03-01T17:00:00Z',
    );
    expect(dueIsSla({ dueAt: '2026-03-02T00:00:00Z', sla: sla('2026-03-01T17:00:00Z') })).toBe(true);
    expect(ticketDue({ dueAt: '2026-03-01T12:00:00Z', sla: sla('2026-03-01T17:00:00Z') })).toBe(
      '2026-03-01T12:00:00Z',
    );
    expect(ticketDue({ sla: sla('2026-03-01T17:00:00Z', { pausedAt: '2026-03-01T09:00:00Z' }) })).toBe(
      undefined,
    );
  });

  it('puts a ticket whose SLA ran out among the overdue, and orders the list by it', () => {
    const bySla = ticket('FLT-2026-000001', { sla: sla('2026-03-01T10:00:00Z') });
    const byHand = ticket('FLT-2026-000002', { dueAt: '2026-03-01T11:00:00Z' });
    const undated = ticket('FLT-2026-000003', {});
    const overdue = ticketMatcher(
      { overdue: true },
      {
        userId: 'sup1',
        nowMs: Date.parse('2026-03-01T10:30:00Z'),
        timeZone: 'Asia/Shanghai',
        ownOrFree: false,
      },
    );
    expect([bySla, byHand, undated].filter(overdue).map((t) => t.number)).toEqual(['FLT-2026-000001']);
    expect([undated, byHand, bySla].sort(compareTickets).map((t) => t.number)).toEqual([
      'FLT-2026-000001',
      'FLT-2026-000002',
      'FLT-2026-000003',
    ]);
    // One instant written two ways is one due time: the newer ticket comes first, as for any tie.
    const utc = ticket('FLT-2026-000004', {
      dueAt: '2026-03-01T10:00:00Z',
      createdAt: '2026-03-01T07:00:00Z',
    });
    const local = ticket('FLT-2026-000005', {
      dueAt: '2026-03-01T18:00:00+08:00',
      createdAt: '2026-03-01T08:00:00Z',
    });
    expect([utc, local].sort(compareTickets).map((t) => t.number)).toEqual([
      'FLT-2026-000005',
      'FLT-2026-000004',
    ]);
    expect([local, utc].sort(compareTickets).map((t) => t.number)).toEqual([
      'FLT-2026-000005',
      'FLT-2026-000004',
    ]);
  });
});
