// GET /api/tickets filters through the API over a real store and the manual clock: each filter alone,
// several together, overdue as the clock moves, the agent's view, paging, the read bound, bad values;
// and the people a ticket can be handed to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_READS, READ_PAGE } from '../../functions/app/ticket-list.js';
import { createHarness, type Harness, type Reply } from './harness.js';

const HOUR = 3_600_000;
// The harness clock starts at 2026-03-01T09:00Z, 17:00 on 1 March in the center's zone (Shanghai).

describe('ticket list filters', () => {
  let h: Harness;
  const n: Record<string, string> = {};
  const numbers = (r: Reply) => r.body.items.map((t: { number: string }) => t.number);
  const names = (...keys: string[]) => keys.map((k) => n[k]);
  const list = (who: 'agent' | 'supervisor', query: string) => h.as(who, 'GET', `/api/tickets?${query}`);

  beforeAll(async () => {
    h = await createHarness();
    const file = async (key: string, body: Record<string, unknown>) => {
      const res = await h.as('supervisor', 'POST', '/api/tickets', body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      n[key] = res.body.number;
      await h.clock.advance(60_000); // distinct creation times
      return res.body;
    };
    await file('engine', {
      type: 'claim',
      subject: 'Engine noise on the highway',
      priority: 'high',
      assigneeId: '1001',
      dueAt: '2026-03-01T09:30:00Z',
    });
    await file('tyre', {
      type: 'rescue',
      subject: 'Flat tyre',
      priority: 'urgent',
      dueAt: '2026-03-01T07:00:00Z',
    });
    await file('router', {
      type: 'fault',
      subject: 'Router down',
      assigneeId: 'sup1',
      dueAt: '2026-03-04T02:00:00Z',
    });
    const complaint = await file('complaint', {
      type: 'complaint',
      subject: 'Noise complaint',
      dueAt: '2026-03-01T06:00:00Z',
    });
    await file('question', {
      type: 'inquiry',
      subject: 'Policy question',
      assigneeId: '1001',
      dueAt: '2026-03-12T02:00:00Z',
    });
    const resolved = await h.as('supervisor', 'PATCH', `/api/tickets/${complaint.number}`, {
      version: complaint.version,
      status: 'resolved',
    });
    expect(resolved.status).toBe(200);
  });
  afterAll(() => h.stop());

  it('filters by each field alone', async () => {
    expect(numbers(await list('supervisor', 'status=new&type=rescue'))).toEqual(names('tyre'));
    expect(numbers(await list('supervisor', 'status=resolved'))).toEqual(names('complaint'));
    expect(numbers(await list('supervisor', 'status=new&priority=urgent'))).toEqual(names('tyre'));
    expect(numbers(await list('agent', 'assignee=me'))).toEqual(names('engine', 'question'));
    expect(numbers(await list('supervisor', 'assignee=sup1'))).toEqual(names('router'));
    expect(numbers(await list('supervisor', 'assignee=none'))).toEqual(names('complaint', 'tyre'));
    expect(numbers(await list('supervisor', 'status=new&q=noise'))).toEqual(names('engine'));
    expect(numbers(await list('supervisor', 'assignee=none&q=NOISE'))).toEqual(names('complaint'));
    expect(numbers(await list('supervisor', 'status=new&q=engine%20highway'))).toEqual(names('engine'));
    expect(numbers(await list('supervisor', 'status=new&q=highway%20tyre'))).toEqual([]);
    expect(numbers(await list('supervisor', `status=new&q=${n.router}`))).toEqual(names('router'));
    expect(numbers(await list('supervisor', 'status=new&q=flt-'))).toEqual(names('router'));
  });

  it('takes several statuses, types and priorities, comma-separated or repeated', async () => {
    const all = 'status=new,resolved';
    expect(numbers(await list('supervisor', all))).toHaveLength(5);
    expect(numbers(await list('supervisor', 'status=new&status=resolved&type=claim&type=complaint'))).toEqual(
      names('complaint', 'engine'),
    );
    expect(numbers(await list('supervisor', 'status=new&priority=high,urgent'))).toEqual(
      names('tyre', 'engine'),
    );
  });

  it('sorts by due date (undated last), then newest created', async () => {
    expect(numbers(await list('supervisor', 'status=new,resolved'))).toEqual(
      names('complaint', 'tyre', 'engine', 'router', 'question'),
    );
  });

  it('finds due today and this week in the center zone', async () => {
    expect(numbers(await list('supervisor', 'status=new,resolved&due=today'))).toEqual(
      names('complaint', 'tyre', 'engine'),
    );
    expect(numbers(await list('supervisor', 'status=new,resolved&due=week'))).toEqual(
      names('complaint', 'tyre', 'engine', 'router'),
    );
  });

  it('finds overdue tickets by the clock, never finished ones', async () => {
    expect(numbers(await list('supervisor', 'status=new,resolved&overdue=true'))).toEqual(names('tyre'));
    await h.clock.advance(HOUR / 2); // 09:35Z: the engine claim (due 09:30Z) is late now
    expect(numbers(await list('supervisor', 'status=new,resolved&overdue=true'))).toEqual(
      names('tyre', 'engine'),
    );
    expect(numbers(await list('agent', 'assignee=me&overdue=true'))).toEqual(names('engine'));
    expect(numbers(await list('supervisor', 'assignee=none&overdue=true&type=rescue,claim'))).toEqual(
      names('tyre'),
    );
  });

  it('combines filters', async () => {
    const res = await list(
      'supervisor',
      'status=new&type=claim,rescue,fault&priority=high,urgent,normal&due=week&q=e',
    );
    expect(numbers(res)).toEqual(names('tyre', 'engine', 'router'));
    expect(numbers(await list('supervisor', 'assignee=1001&type=inquiry&due=week'))).toEqual([]);
  });

  it("shows agents their own and unassigned tickets, and all of a customer's", async () => {
    expect(numbers(await list('agent', 'status=new,resolved'))).toEqual(
      names('complaint', 'tyre', 'engine', 'question'),
    );
    expect(numbers(await list('agent', 'assignee=sup1'))).toEqual([]);
  });

  it('pages with the cursor without losing or repeating a ticket', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await list('supervisor', `status=new,resolved&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...numbers(res));
      cursor = res.body.cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen.sort()).toEqual(Object.values(n).sort());
  });

  it('refuses bad filter values naming the field and what it takes', async () => {
    const bad = async (query: string, field: string, says?: RegExp) => {
      const res = await list('supervisor', query);
      expect(res.status, query).toBe(400);
      expect(res.body.issues.map((i: { path: string }) => i.path).join(' '), query).toContain(field);
      if (says) expect(JSON.stringify(res.body.issues), query).toMatch(says);
    };
    await bad('status=done', 'query.status', /resolved/);
    await bad('status=new&type=car', 'query.type', /rescue/);
    await bad('status=new&priority=asap', 'query.priority', /urgent/);
    await bad('status=new&overdue=yes', 'query.overdue', /true/);
    await bad('status=new&due=month', 'query.due', /week/);
    await bad('status=new&q=', 'query.q');
    await bad('type=claim', 'query.status', /status, assignee or customerId/);
    await bad('status=new&cursor=not-a-cursor', 'query.cursor');
  });

  it('answers a stale edit with who changed the ticket and when', async () => {
    const before = (await h.as('agent', 'GET', `/api/tickets/${n.question}`)).body;
    const first = await h.as('supervisor', 'PATCH', `/api/tickets/${n.question}`, {
      version: before.version,
      priority: 'low',
    });
    expect(first.status).toBe(200);
    const stale = await h.as('agent', 'PATCH', `/api/tickets/${n.question}`, {
      version: before.version,
      subject: 'Mine',
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ changedBy: 'sup1', changedAt: first.body.updatedAt });
    expect(stale.body.message).toContain('sup1');
  });

  it('lists the people a ticket can be handed to, without the disabled or private fields', async () => {
    const res = await h.as('agent', 'GET', '/api/tickets/assignees');
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: { id: string }) => u.id).sort()).toEqual(['1001', 'admin', 'sup1']);
    expect(Object.keys(res.body.items[0]).sort()).toEqual(['id', 'name', 'roles']);
  });
});

describe('ticket list read bound', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.stop());

  it(`examines at most ${MAX_READS} index pages per request, then hands back a cursor`, async () => {
    const wanted = await h.store.tickets.create(
      { type: 'claim', priority: 'normal', status: 'new', subject: 'The one' },
      'sup1',
    );
    if (!wanted.ok) throw new Error('seed');
    await h.clock.advance(1000);
    const others = MAX_READS * READ_PAGE + 5;
    for (let i = 0; i < others; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, others - i) }, (_, j) =>
          h.store.tickets.create(
            { type: 'inquiry', priority: 'normal', status: 'new', subject: `Other ${i + j}` },
            'sup1',
          ),
        ),
      );
    }
    // Newest first: the claim is the oldest, past the first request's bound.
    const first = await h.as('supervisor', 'GET', '/api/tickets?status=new&type=claim&limit=10');
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([]);
    expect(first.body.cursor).toBeTypeOf('string');
    const second = await h.as(
      'supervisor',
      'GET',
      `/api/tickets?status=new&type=claim&limit=10&cursor=${first.body.cursor}`,
    );
    expect(second.body.items.map((t: { number: string }) => t.number)).toEqual([wanted.value.number]);
    expect(second.body.cursor).toBeUndefined();
  }, 120_000);
});
