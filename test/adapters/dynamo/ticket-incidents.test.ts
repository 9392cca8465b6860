// Filing the same ticket twice stores it once: the same call, the same customer and subject while the
// first is open, or the same request key; concurrent attempts meet on a conditional put, not a read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../../support/dynamo.js';
import { newTicket } from './fixtures.js';

let ts: TestStore;
beforeAll(async () => {
  ts = await createTestStore({ startMs: Date.parse('2026-03-02T02:00:00Z'), timeZone: 'Asia/Shanghai' });
});
afterAll(() => ts.stop());

const CALL = `CA${'a'.repeat(32)}`;

describe('one ticket per incident', () => {
  it('answers the same claim filed from the IVR and again from the desk on that call with the first', async () => {
    const ivr = await ts.store.tickets.create(
      newTicket({ customerId: 'cus-1', subject: 'Claim by phone', callSids: [CALL] }),
      'ivr',
    );
    const desk = await ts.store.tickets.create(
      newTicket({ customerId: 'cus-1', subject: 'Gearbox noise', callSids: [CALL] }),
      '1002',
    );
    if (!ivr.ok || !desk.ok) throw new Error('create failed');
    expect(ivr.existing).toBeUndefined();
    expect(desk).toMatchObject({ existing: true, value: { number: ivr.value.number } });
    // A complaint on the same call is another incident.
    const complaint = await ts.store.tickets.create(
      newTicket({ type: 'complaint', customerId: 'cus-1', subject: 'Rude dealer', callSids: [CALL] }),
      '1002',
    );
    expect(complaint.ok && complaint.existing).toBeFalsy();
  });

  it('stores ten concurrent copies of one claim once, and every caller gets that ticket', async () => {
    const copy = () =>
      ts.store.tickets.create(newTicket({ customerId: 'cus-2', subject: 'Flat tyre' }), '1002');
    const results = await Promise.all(Array.from({ length: 10 }, copy));
    const numbers = new Set(results.map((r) => (r.ok ? r.value.number : 'failed')));
    expect(numbers.size).toBe(1);
    expect(results.filter((r) => r.ok && !r.existing)).toHaveLength(1);
    const stored = await ts.store.tickets.byCustomer('cus-2');
    expect(stored.items.map((t) => t.number)).toEqual([...numbers]);
  });

  it('lets the same subject be filed again once the first ticket is finished', async () => {
    const first = await ts.store.tickets.create(newTicket({ customerId: 'cus-3', subject: 'Noise' }), '1002');
    if (!first.ok) throw new Error('create failed');
    const closed = await ts.store.tickets.update(first.value.number, 1, { status: 'cancelled' }, '1002');
    expect(closed.ok).toBe(true);
    const again = await ts.store.tickets.create(newTicket({ customerId: 'cus-3', subject: 'noise' }), '1002');
    expect(again.ok && !again.existing && again.value.number).not.toBe(first.value.number);
    // Same words, other customer: their own ticket.
    const other = await ts.store.tickets.create(newTicket({ customerId: 'cus-4', subject: 'Noise' }), '1002');
    expect(other.ok && other.existing).toBeFalsy();
  });

  it('answers a retried request (same key, same user) with the ticket it made, even without a customer', async () => {
    const send = (by: string) =>
      ts.store.tickets.create(newTicket({ subject: 'Walk-in' }), by, { requestKey: 'req-1' });
    const first = await send('1002');
    const retry = await send('1002');
    const otherUser = await send('1003');
    if (!first.ok || !retry.ok || !otherUser.ok) throw new Error('create failed');
    expect(retry).toMatchObject({ existing: true, value: { number: first.value.number } });
    expect(otherUser.value.number).not.toBe(first.value.number);
  });
});
