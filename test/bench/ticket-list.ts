// The filtered ticket list over 2,000 tickets in dynalite: how long one page takes for a dense filter (one
// status), a sparse one (a rare type across all active statuses), one person's tickets, overdue, the
// agents' view, and a filter nothing matches (the read bound's worst case), with how many tickets each
// answer held and whether it handed back a cursor. Writes bench-results/ticket-list.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { listTickets, MAX_READS, READ_PAGE, type TicketListFilter } from '../../functions/app/ticket-list.js';
import type { Priority, TicketStatus, TicketType, User } from '../../functions/domain/model.js';
import { testConfig } from '../http/harness.js';
import { createCapturingLogger } from '../support/capturing-logger.js';
import { createTestStore } from '../support/dynamo.js';
import { summarise } from './stats.js';

const RESULTS = new URL('../../bench-results/ticket-list.json', import.meta.url);
const TICKETS = 2_000;
const RUNS = 20;
const STATUSES: readonly TicketStatus[] = ['new', 'open', 'pending', 'escalated', 'resolved', 'closed'];
// Rescues are 1 in 50: the sparse case.
const typeOf = (i: number): TicketType => (i % 50 === 0 ? 'rescue' : i % 3 === 0 ? 'complaint' : 'claim');
const PRIORITY: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];

const person = (id: string, roles: User['roles']): User => ({
  id,
  name: id,
  roles,
  skills: [],
  languages: ['zh'],
  regions: [],
  disabled: false,
  passwordHash: '',
  createdAt: '',
  updatedAt: '',
  version: 1,
});

export async function run() {
  const ts = await createTestStore();
  try {
    const now = ts.clock.now();
    for (let i = 0; i < TICKETS; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, j) => {
          const n = i + j;
          return ts.store.tickets.create(
            {
              type: typeOf(n),
              status: STATUSES[n % STATUSES.length] as TicketStatus,
              priority: PRIORITY[n % 4] as Priority,
              subject: `Ticket ${n}`,
              ...(n % 4 === 0 ? {} : { assigneeId: `a${n % 20}` }),
              dueAt: new Date(now + (n % 10) * 43_200_000 - 86_400_000).toISOString(),
            },
            'bench',
          );
        }),
      );
    }
    const deps = {
      config: testConfig(ts.tableName),
      store: ts.store,
      clock: ts.clock,
      logger: createCapturingLogger(),
    };
    const lead = person('sup', ['supervisor']);
    const agent = person('a1', ['agent']);
    const active: TicketStatus[] = ['new', 'open', 'pending', 'escalated'];
    const cases: { name: string; user: User; filter: TicketListFilter }[] = [
      { name: 'one status (dense)', user: lead, filter: { statuses: ['open'] } },
      {
        name: 'rare type, active statuses (sparse)',
        user: lead,
        filter: { statuses: active, types: ['rescue'] },
      },
      { name: 'one person', user: lead, filter: { assignee: 'a1' } },
      { name: 'overdue, every status', user: lead, filter: { assignee: 'none', overdue: true } },
      { name: "agent's view, active statuses", user: agent, filter: { statuses: active } },
      { name: 'nothing matches (bound)', user: lead, filter: { statuses: active, q: 'no such words' } },
    ];
    const figures: Record<string, unknown> = {};
    for (const c of cases) {
      const samples: number[] = [];
      let items = 0;
      let cursor = false;
      for (let r = 0; r < RUNS; r++) {
        const start = performance.now();
        const page = await listTickets(deps, c.user, c.filter, { limit: 50 });
        samples.push(performance.now() - start);
        items = page.items.length;
        cursor = page.cursor !== undefined;
      }
      const latency = summarise(samples);
      figures[c.name] = { items, cursor, ...latency };
      console.log(
        `${c.name.padEnd(40)} ${String(items).padStart(3)} tickets${cursor ? ' + cursor' : '         '}  p50 ${latency.p50_ms.toFixed(1)} ms  p95 ${latency.p95_ms.toFixed(1)} ms`,
      );
    }
    const result = {
      tickets: TICKETS,
      runs: RUNS,
      readBound: { pages: MAX_READS, pageSize: READ_PAGE },
      figures,
    };
    mkdirSync(new URL('.', RESULTS), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    await ts.stop();
  }
}
