// Tickets: human-readable numbers from an atomic counter, lists, history, optimistic locking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../../support/dynamo.js';
import { newTicket } from './fixtures.js';

let ts: TestStore;
beforeAll(async () => {
  ts = await createTestStore({ startMs: Date.parse('2026-12-31T17:00:00Z'), timeZone: 'Asia/Shanghai' });
});
afterAll(() => ts.stop());

describe('ticket repository', () => {
  it('numbers tickets per type and per year in the center’s time zone, without gaps under concurrency', async () => {
    // 17:00 UTC on 31 Dec is already 2027 in Shanghai.
    const created = await Promise.all(
      Array.from({ length: 20 }, () => ts.store.tickets.create(newTicket(), 'ivr')),
    );
    const numbers = created.map((r) => (r.ok ? r.value.number : 'failed')).sort();
    expect(numbers).toEqual(
      Array.from({ length: 20 }, (_, i) => `CLM-2027-${String(i + 1).padStart(6, '0')}`),
    );
    const complaint = await ts.store.tickets.create(newTicket({ type: 'complaint' }), '1001');
    expect(complaint.ok && complaint.value.number).toBe('CMP-2027-000001');
  });

  it('records history for status, assignment, edits and notes', async () => {
    const created = await ts.store.tickets.create(newTicket({ type: 'rescue', priority: 'urgent' }), 'ivr');
    if (!created.ok) throw new Error('setup');
    const n = created.value.number;
    const u1 = await ts.store.tickets.update(
      n,
      1,
      { status: 'open', assigneeId: '1001', note: '已派车' },
      '1001',
    );
    expect(u1.ok).toBe(true);
    const u2 = await ts.store.tickets.update(n, 2, { fields: { eta: '30 min' }, addCallSid: 'CA1' }, '1001');
    if (!u2.ok) throw new Error('update');
    expect(u2.value.fields).toEqual({ eta: '30 min' });
    expect(u2.value.callSids).toEqual(['CA1']);
    expect(u2.value.history.map((e) => e.kind)).toEqual(['created', 'status', 'assigned', 'note', 'updated']);
    const u3 = await ts.store.tickets.update(n, 3, { assigneeId: null }, '2001');
    expect(u3.ok && u3.value.assigneeId).toBeUndefined();
  });

  it('lets exactly one of many concurrent updates with the same version win', async () => {
    const created = await ts.store.tickets.create(newTicket(), 'ivr');
    if (!created.ok) throw new Error('setup');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        ts.store.tickets.update(created.value.number, 1, { note: `note ${i}` }, `agent${i}`),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'conflict')).toHaveLength(9);
    const final = await ts.store.tickets.get(created.value.number);
    expect(final?.version).toBe(2);
    expect(final?.history.filter((e) => e.kind === 'note')).toHaveLength(1);
  });

  it('lands every one of 40 concurrent notes, each bumping the version once', async () => {
    const created = await ts.store.tickets.create(newTicket(), 'ivr');
    if (!created.ok) throw new Error('setup');
    const n = created.value.number;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => ts.store.tickets.addNote(n, `note ${i}`, `agent${i % 4}`)),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const final = await ts.store.tickets.get(n);
    expect(final?.version).toBe(41);
    const texts = final?.history.filter((e) => e.kind === 'note').map((e) => e.text);
    expect(new Set(texts)).toEqual(new Set(Array.from({ length: 40 }, (_, i) => `note ${i}`)));
    // A change based on the ticket as it was before the notes loses, rather than dropping them.
    const stale = await ts.store.tickets.update(n, 1, { priority: 'high' }, '1001');
    expect(stale.ok || stale.reason).toBe('conflict');
    expect((await ts.store.tickets.addNote('CLM-1999-000001', 'x', '1001')).ok).toBe(false);
  });

  it('lists by status, assignee and customer, newest first, following status changes', async () => {
    const a = await ts.store.tickets.create(newTicket({ customerId: 'cust-list', subject: 'A' }), 'ivr');
    await ts.clock.advance(1000);
    const b = await ts.store.tickets.create(
      newTicket({ customerId: 'cust-list', subject: 'B', assigneeId: 'agent-x' }),
      'ivr',
    );
    if (!a.ok || !b.ok) throw new Error('setup');
    expect((await ts.store.tickets.byCustomer('cust-list')).items.map((t) => t.subject)).toEqual(['B', 'A']);
    expect((await ts.store.tickets.byAssignee('agent-x')).items.map((t) => t.subject)).toEqual(['B']);
    await ts.store.tickets.update(b.value.number, 1, { status: 'resolved' }, 'agent-x');
    const resolved = (await ts.store.tickets.byStatus('resolved')).items.map((t) => t.number);
    expect(resolved).toContain(b.value.number);
    expect((await ts.store.tickets.byStatus('new')).items.map((t) => t.number)).not.toContain(b.value.number);
  });
});
