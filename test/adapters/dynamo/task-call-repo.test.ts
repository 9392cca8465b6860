// Tasks due by time, call records idempotent on CallSid, and their listings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../../support/dynamo.js';

let ts: TestStore;
beforeAll(async () => {
  ts = await createTestStore();
});
afterAll(() => ts.stop());

describe('task repository', () => {
  it('returns open tasks due at or before a time, earliest first, and drops finished ones', async () => {
    const mk = (dueAt: string) =>
      ts.store.tasks.create({
        kind: 'callback',
        dueAt,
        phone: '+8613800138000',
        maxAttempts: 3,
        assigneeId: '1001',
      });
    const late = await mk('2026-03-01T12:00:00.000Z');
    const early = await mk('2026-03-01T10:00:00.000Z');
    await mk('2026-03-02T10:00:00.000Z');
    if (!late.ok || !early.ok) throw new Error('setup');
    const due = await ts.store.tasks.dueBefore('2026-03-01T12:00:00.000Z');
    expect(due.items.map((t) => t.id)).toEqual([early.value.id, late.value.id]);
    await ts.store.tasks.update(early.value.id, 1, { status: 'done', attempts: 1 });
    expect((await ts.store.tasks.dueBefore('2026-03-01T12:00:00.000Z')).items.map((t) => t.id)).toEqual([
      late.value.id,
    ]);
    expect((await ts.store.tasks.byAssignee('1001')).items).toHaveLength(2);
    expect(await ts.store.tasks.update(late.value.id, 5, { status: 'done' })).toMatchObject({
      reason: 'conflict',
    });
  });
});

describe('call repository', () => {
  const call = {
    callSid: 'CA00000000000000000000000000000001',
    direction: 'inbound' as const,
    from: '+8613800138000',
    to: '+18005550100',
    startedAt: '2026-03-01T09:00:00.000Z',
    status: 'ringing',
    customerId: 'cust-1',
  };

  it('records a call once; a replayed webhook gets the stored record', async () => {
    const first = await ts.store.calls.record(call);
    const replay = await ts.store.calls.record({ ...call, status: 'in-progress' });
    expect(first.created).toBe(true);
    expect(replay.created).toBe(false);
    expect(replay.call.status).toBe('ringing');
  });

  it('merges concurrent updates from different webhooks instead of losing one', async () => {
    await Promise.all([
      ts.store.calls.update(call.callSid, { addTicketNumber: 'CLM-2026-000001' }),
      ts.store.calls.update(call.callSid, { addRecordingSid: 'RE1' }),
      ts.store.calls.update(call.callSid, { agentId: '1001', answeredAt: '2026-03-01T09:01:00.000Z' }),
    ]);
    const stored = await ts.store.calls.get(call.callSid);
    expect(stored?.ticketNumbers).toEqual(['CLM-2026-000001']);
    expect(stored?.recordingSids).toEqual(['RE1']);
    expect(stored?.agentId).toBe('1001');
    expect(stored?.version).toBe(4);
  });

  it('lists calls by day, agent and customer', async () => {
    await ts.store.calls.record({
      ...call,
      callSid: 'CA2',
      startedAt: '2026-03-02T01:00:00.000Z',
      agentId: '1001',
    });
    expect((await ts.store.calls.byDay('2026-03-01')).items.map((c) => c.callSid)).toEqual([call.callSid]);
    expect((await ts.store.calls.byAgent('1001')).items.map((c) => c.callSid)).toEqual(['CA2', call.callSid]);
    expect((await ts.store.calls.byCustomer('cust-1')).items).toHaveLength(2);
    expect(await ts.store.calls.update('CA-missing', { status: 'completed' })).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });
});
