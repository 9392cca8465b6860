// What an SMS template's variables become for the customer on the desk: their latest open claim (not a
// closed one, not another type) and the line of their latest call (its hotline whichever way it went);
// nothing for what the desk does not know.
import { describe, expect, it } from 'vitest';
import type { CallRecord, CustomerView, Ticket } from '../../../functions/domain/model.js';
import { templateValues } from '../../../web/src/desk/template-values.js';

const stamped = (createdAt: string) => ({ createdAt, updatedAt: createdAt, version: 1 });
const ticket = (number: string, type: Ticket['type'], status: Ticket['status'], at: string) =>
  ({ number, type, status, ...stamped(at) }) as unknown as Ticket;
const call = (direction: CallRecord['direction'], from: string, to: string, startedAt: string) =>
  ({ direction, from, to, startedAt, ...stamped(startedAt) }) as unknown as CallRecord;

const view = (tickets: Ticket[], calls: CallRecord[]) =>
  ({
    customer: { id: 'cus-1', name: '王建国', phones: ['+8613800138000'] },
    assets: [],
    policies: [],
    tickets,
    calls,
    tasks: [],
  }) as unknown as CustomerView;

describe('templateValues', () => {
  it('takes the latest open claim and the hotline of the latest call', () => {
    const values = templateValues(
      view(
        [
          ticket('CLM-2026-000001', 'claim', 'open', '2026-01-01T00:00:00Z'),
          ticket('CLM-2026-000009', 'claim', 'closed', '2026-03-01T00:00:00Z'),
          ticket('CMP-2026-000004', 'complaint', 'open', '2026-03-02T00:00:00Z'),
          ticket('CLM-2026-000005', 'claim', 'pending', '2026-02-01T00:00:00Z'),
        ],
        [
          call('inbound', '+8613800138000', '+18005550111', '2026-02-01T00:00:00Z'),
          call('outbound', '+18005550122', '+8613800138000', '2026-02-03T00:00:00Z'),
        ],
      ),
      '王芳',
    );
    expect(values).toEqual({
      name: '王建国',
      agentName: '王芳',
      claimNumber: 'CLM-2026-000005',
      hotline: '+18005550122',
    });
  });

  it('leaves out a claim and a hotline the customer has none of', () => {
    const values = templateValues(view([], []), 'Emily');
    expect(values).toEqual({ name: '王建国', agentName: 'Emily' });
  });
});
