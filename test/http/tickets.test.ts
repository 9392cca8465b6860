// Tickets through the API: numbering from the counter, optimistic locking under concurrency (one
// winner, 409s carrying the current ticket, no lost update), workflow-checked transitions, notes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';

describe('tickets API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.stop());

  const create = async (body: Record<string, unknown> = {}) => {
    const res = await h.as('agent', 'POST', '/api/tickets', {
      type: 'claim',
      subject: 'Engine noise',
      ...body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  it('numbers tickets from the counter by type and year, and records who created them', async () => {
    const first = await create();
    const second = await create();
    const rescue = await create({ type: 'rescue', priority: 'urgent' });
    expect(first.number).toBe('CLM-2026-000001');
    expect(second.number).toBe('CLM-2026-000002');
    expect(rescue.number).toBe('RSC-2026-000001');
    expect(first).toMatchObject({ status: 'new', priority: 'normal', version: 1 });
    expect(first.history[0]).toMatchObject({ kind: 'created', by: '1001' });
  });

  it('lets exactly one of 10 concurrent updates with the same version win; the rest get 409 and the current ticket', async () => {
    const ticket = await create();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        h.as('agent', 'PATCH', `/api/tickets/${ticket.number}`, {
          version: ticket.version,
          subject: `Writer ${i}`,
        }),
      ),
    );
    const winners = results.filter((r) => r.status === 200);
    const losers = results.filter((r) => r.status === 409);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(9);
    const stored = await h.store.tickets.get(ticket.number);
    expect(stored?.version).toBe(ticket.version + 1);
    expect(stored?.subject).toBe(winners[0]?.body.subject);
    for (const loser of losers) {
      expect(loser.body.error).toBe('conflict');
      expect(loser.body.current.version).toBe(ticket.version + 1);
      expect(loser.body.current.subject).toBe(stored?.subject);
    }
  });

  it('refuses a transition the workflow forbids with 422 naming the allowed ones', async () => {
    const ticket = await create();
    const closed = await h.as('agent', 'PATCH', `/api/tickets/${ticket.number}`, {
      version: 1,
      status: 'closed',
    });
    expect(closed.status).toBe(422);
    expect(closed.body).toMatchObject({ error: 'invalid-transition', from: 'new', to: 'closed' });
    expect(closed.body.allowed).toEqual(['open', 'pending', 'escalated', 'resolved', 'cancelled']);
    expect(closed.body.message).toContain('open, pending, escalated, resolved, cancelled');
    const resolved = await h.as('agent', 'PATCH', `/api/tickets/${ticket.number}`, {
      version: 1,
      status: 'resolved',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.history.at(-1)).toMatchObject({
      kind: 'status',
      from: 'new',
      to: 'resolved',
      by: '1001',
    });
    expect((await h.store.tickets.get(ticket.number))?.status).toBe('resolved');
  });

  it('answers a stale version with 409 before judging the transition', async () => {
    const ticket = await create();
    await h.as('agent', 'PATCH', `/api/tickets/${ticket.number}`, { version: 1, priority: 'high' });
    const stale = await h.as('supervisor', 'PATCH', `/api/tickets/${ticket.number}`, {
      version: 1,
      status: 'open',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ priority: 'high', version: 2 });
  });

  it('adds notes without a version: 40 at once all land, none refused', async () => {
    const ticket = await create();
    const texts = Array.from({ length: 40 }, (_, i) => `note ${String(i).padStart(2, '0')}`);
    const notes = await Promise.all(
      texts.map((text) => h.as('agent', 'POST', `/api/tickets/${ticket.number}/notes`, { text })),
    );
    expect(notes.map((n) => n.status)).toEqual(texts.map(() => 201));
    const stored = await h.store.tickets.get(ticket.number);
    expect(
      stored?.history
        .filter((e) => e.kind === 'note')
        .map((e) => e.text)
        .sort(),
    ).toEqual(texts);
    const missing = await h.as('agent', 'POST', '/api/tickets/CLM-1999-000001/notes', { text: 'x' });
    expect(missing.status).toBe(404);
  });

  it('lists by status, by assignee ("me") and by customer', async () => {
    const customer = await h.store.customers.create({
      name: 'Sun Li',
      phones: ['+8613500001111'],
      language: 'zh',
      vipTier: 'none',
    });
    if (!customer.ok) throw new Error('seed');
    const mine = await create({ assigneeId: '1001', customerId: customer.value.id, type: 'fault' });
    const byMe = await h.as('agent', 'GET', '/api/tickets?assignee=me');
    expect(byMe.body.items.map((t: { number: string }) => t.number)).toEqual([mine.number]);
    const byCustomer = await h.as('agent', 'GET', `/api/tickets?customerId=${customer.value.id}`);
    expect(byCustomer.body.items.map((t: { number: string }) => t.number)).toEqual([mine.number]);
    const faults = await h.as('agent', 'GET', '/api/tickets?status=new&limit=100');
    expect(faults.body.items.map((t: { number: string }) => t.number)).toContain(mine.number);
  });

  it('answers 404 for an unknown ticket and 400 for an unknown assignee', async () => {
    expect((await h.as('agent', 'GET', '/api/tickets/CLM-2026-999999')).status).toBe(404);
    const ticket = await create();
    const res = await h.as('agent', 'PATCH', `/api/tickets/${ticket.number}`, {
      version: 1,
      assigneeId: 'ghost',
    });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('body.assigneeId');
  });
  it('answers a retried POST (same Idempotency-Key) and a repeated open claim with the ticket already filed', async () => {
    const post = (body: Record<string, unknown>, key?: string) =>
      h.api('POST', '/api/tickets', {
        token: h.tokens.agent,
        body: { type: 'claim', subject: 'Cracked windscreen', ...body },
        ...(key ? { headers: { 'idempotency-key': key } } : {}),
      });
    const first = await post({}, 'retry-key-0001');
    const retried = await post({}, 'retry-key-0001');
    expect(first.status).toBe(201);
    expect(retried.status).toBe(200);
    expect(retried.body.number).toBe(first.body.number);
    expect((await post({}, 'bad key!')).status).toBe(400);

    const customer = await h.store.customers.create({
      name: 'Repeat Caller',
      phones: [],
      language: 'en',
      vipTier: 'none',
    });
    if (!customer.ok) throw new Error('customer');
    const claim = await post({ customerId: customer.value.id, subject: 'Hail damage' });
    const again = await post({ customerId: customer.value.id, subject: 'hail  damage' });
    expect(claim.status).toBe(201);
    expect(again).toMatchObject({ status: 200, body: { number: claim.body.number } });
  });
});
