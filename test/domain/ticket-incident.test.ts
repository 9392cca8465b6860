// The keys that make two tickets the same incident, and which tickets still hold them.
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../functions/domain/model.js';
import { incidentKeys, stillHolds } from '../../functions/domain/ticket-incident.js';

const CALL = `CA${'1'.repeat(32)}`;

describe('incidentKeys', () => {
  it('keys a ticket by its call, and by customer and subject (folded), in a fixed order', () => {
    expect(
      incidentKeys({ type: 'claim', subject: 'Gearbox  Noise!', customerId: 'cus-1', callSids: [CALL] }),
    ).toEqual([
      { key: `call:claim:${CALL}`, whileOpen: true },
      { key: 'subject:claim:cus-1:gearboxnoise', whileOpen: true },
    ]);
    expect(incidentKeys({ type: 'claim', subject: 'Ｇｅａｒｂｏｘ noise', customerId: 'cus-1' })).toEqual([
      { key: 'subject:claim:cus-1:gearboxnoise', whileOpen: true },
    ]);
  });

  it('adds the request key scoped to its user, and nothing for an anonymous subject alone', () => {
    expect(incidentKeys({ type: 'inquiry', subject: 'Walk-in' })).toEqual([]);
    expect(incidentKeys({ type: 'inquiry', subject: 'Walk-in' }, { by: '1002', key: 'k-1' })).toEqual([
      { key: 'request:1002:k-1', whileOpen: false },
    ]);
  });
});

describe('stillHolds', () => {
  const ticket = (status: Ticket['status']) => ({ status }) as Ticket;
  it('holds while the ticket is open; a request key holds while the ticket exists', () => {
    const open = { key: 'x', whileOpen: true };
    expect(stillHolds(open, ticket('pending'))).toBe(true);
    for (const s of ['resolved', 'closed', 'cancelled'] as const)
      expect(stillHolds(open, ticket(s))).toBe(false);
    expect(stillHolds({ key: 'r', whileOpen: false }, ticket('closed'))).toBe(true);
    expect(stillHolds(open, undefined)).toBe(false);
  });
});
