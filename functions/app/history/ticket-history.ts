// Tickets opened, solved and escalated, as history events, whichever door changed them: the desk, the
// IVR, a text or a fax. The composition roots wrap the store once, so no use case can forget.
import type { NewCenterEvent } from '../../domain/history/event.js';
import type { Ticket } from '../../domain/model.js';
import type { Store } from '../../domain/ports.js';
import type { CenterBasics } from '../center.js';
import { createHistory } from './history.js';

const SOLVED: ReadonlySet<string> = new Set(['resolved', 'closed']);

export function withTicketHistory(
  store: Store,
  basics: Pick<CenterBasics, 'clock' | 'logger'> & { readonly timeZone: string },
): Store {
  const history = createHistory({ store, ...basics });
  const now = () => new Date(basics.clock.now()).toISOString();
  const about = (t: Ticket): Partial<NewCenterEvent> => ({
    ticket: t.number,
    ...(t.customerId ? { customerId: t.customerId } : {}),
    ...(t.assigneeId ? { agent: t.assigneeId } : {}),
    ...(t.callSids[0] ? { callSid: t.callSids[0] } : {}),
  });
  const tickets: Store['tickets'] = {
    ...store.tickets,
    async create(input, by, options) {
      const made = await store.tickets.create(input, by, options);
      if (made.ok && !made.existing)
        await history.record([
          {
            id: `ticket:${made.value.number}:opened`,
            at: made.value.createdAt,
            type: 'ticket.opened',
            ...about(made.value),
            a: { ticketType: made.value.type, priority: made.value.priority },
          },
        ]);
      return made;
    },
    async update(number, expectedVersion, patch, by) {
      const changed = await store.tickets.update(number, expectedVersion, patch, by);
      if (changed.ok && patch.status) {
        const t = changed.value;
        const at = now();
        if (SOLVED.has(patch.status))
          // The first solve counts: a ticket reopened and solved again is still one ticket solved.
          await history.record([
            {
              id: `ticket:${t.number}:solved`,
              at,
              type: 'ticket.solved',
              ...about(t),
              a: { ticketType: t.type, withinSla: !t.dueAt || at <= t.dueAt ? 'yes' : 'no' },
            },
          ]);
        if (patch.status === 'escalated')
          await history.record([
            {
              id: `ticket:${t.number}:escalated:${t.version}`,
              at,
              type: 'ticket.escalated',
              ...about(t),
              a: { ticketType: t.type },
            },
          ]);
      }
      return changed;
    },
  };
  return { ...store, tickets };
}
