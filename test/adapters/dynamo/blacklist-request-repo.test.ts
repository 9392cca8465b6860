// Blacklist requests: one item each, pending listed oldest first and paged, a decision taken once only,
// and no request or decision lost to concurrency (concurrent creates all kept, one of two deciders wins).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewBlacklistRequest } from '../../../functions/domain/ports.js';
import { createTestStore, type TestStore } from '../../support/dynamo.js';

let ts: TestStore;
beforeEach(async () => {
  ts = await createTestStore();
});
afterEach(() => ts.stop());

const ask = (n: number, overrides: Partial<NewBlacklistRequest> = {}): NewBlacklistRequest => ({
  phone: `+86130000000${String(n).padStart(2, '0')}`,
  reason: 'abusive caller',
  requestedBy: '1001',
  ...overrides,
});

describe('blacklist request repository', () => {
  it('creates pending requests with generated ids and reads them back', async () => {
    const made = await ts.store.blacklistRequests.create(ask(1, { callSid: `CA${'1'.repeat(32)}` }));
    expect(made).toMatchObject({
      phone: '+8613000000001',
      status: 'pending',
      requestedBy: '1001',
      requestedAt: '2026-03-01T09:00:00.000Z',
      callSid: `CA${'1'.repeat(32)}`,
    });
    expect(made.id).toMatch(/^[0-9a-v]{20}$/);
    expect(await ts.store.blacklistRequests.get(made.id)).toEqual(made);
    expect(await ts.store.blacklistRequests.get('nope')).toBeUndefined();
  });

  it('lists pending requests oldest first, a page at a time', async () => {
    const ids: string[] = [];
    for (let n = 1; n <= 3; n++) {
      ids.push((await ts.store.blacklistRequests.create(ask(n))).id);
      await ts.clock.advance(1000);
    }
    const first = await ts.store.blacklistRequests.pending({ limit: 2 });
    expect(first.items.map((r) => r.id)).toEqual(ids.slice(0, 2));
    expect(first.cursor).toEqual(expect.any(String));
    const rest = await ts.store.blacklistRequests.pending({ limit: 2, cursor: first.cursor as string });
    expect(rest.items.map((r) => r.id)).toEqual(ids.slice(2));
    expect(rest.cursor).toBeUndefined();
  });

  it('decides once; a second decision gets the first one back and changes nothing', async () => {
    const { id } = await ts.store.blacklistRequests.create(ask(1));
    const other = await ts.store.blacklistRequests.create(ask(2));
    await ts.clock.advance(60_000);
    const decided = await ts.store.blacklistRequests.decide(id, {
      status: 'approved',
      decidedBy: 'sup1',
      note: 'confirmed',
    });
    expect(decided).toEqual({
      ok: true,
      value: expect.objectContaining({
        id,
        status: 'approved',
        decidedBy: 'sup1',
        decidedAt: '2026-03-01T09:01:00.000Z',
        note: 'confirmed',
      }),
    });
    const again = await ts.store.blacklistRequests.decide(id, { status: 'rejected', decidedBy: 'admin' });
    expect(again).toMatchObject({
      ok: false,
      reason: 'already-decided',
      current: { status: 'approved', decidedBy: 'sup1' },
    });
    expect(await ts.store.blacklistRequests.get(id)).toMatchObject({ status: 'approved', decidedBy: 'sup1' });
    expect((await ts.store.blacklistRequests.pending()).items.map((r) => r.id)).toEqual([other.id]);
    expect((await ts.store.blacklistRequests.decided()).items.map((r) => r.id)).toEqual([id]);
    expect(
      await ts.store.blacklistRequests.decide('nope', { status: 'approved', decidedBy: 'sup1' }),
    ).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });

  it('lists decided requests most recently decided first', async () => {
    const a = await ts.store.blacklistRequests.create(ask(1));
    const b = await ts.store.blacklistRequests.create(ask(2));
    await ts.store.blacklistRequests.decide(b.id, { status: 'rejected', decidedBy: 'sup1' });
    await ts.clock.advance(1000);
    await ts.store.blacklistRequests.decide(a.id, { status: 'approved', decidedBy: 'sup1' });
    expect((await ts.store.blacklistRequests.decided()).items.map((r) => r.id)).toEqual([a.id, b.id]);
  });

  it('keeps all of 20 requests made at the same moment', async () => {
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, n) => ts.store.blacklistRequests.create(ask(n))),
    );
    expect(new Set(made.map((r) => r.id)).size).toBe(20);
    const listed = await ts.store.blacklistRequests.pending({ limit: 50 });
    expect(listed.items.map((r) => r.id).sort()).toEqual(made.map((r) => r.id).sort());
  });

  it('lets exactly one of two concurrent decisions win', async () => {
    const { id } = await ts.store.blacklistRequests.create(ask(1));
    const results = await Promise.all([
      ts.store.blacklistRequests.decide(id, { status: 'approved', decidedBy: 'sup1' }),
      ts.store.blacklistRequests.decide(id, { status: 'rejected', decidedBy: 'sup2' }),
    ]);
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    const stored = await ts.store.blacklistRequests.get(id);
    expect(loser).toEqual({ ok: false, reason: 'already-decided', current: stored });
    expect(winners[0]).toEqual({ ok: true, value: stored });
  });

  it('restores a request under its existing id once, never over a stored one', async () => {
    const legacy = {
      id: '4f0c1a52-0000-4000-8000-000000000001',
      phone: '+8613000000009',
      reason: 'spam',
      requestedBy: '1002',
      requestedAt: '2026-02-27T08:00:00.000Z',
      status: 'pending' as const,
    };
    expect(await ts.store.blacklistRequests.restore(legacy)).toBe(true);
    await ts.store.blacklistRequests.decide(legacy.id, { status: 'rejected', decidedBy: 'sup1' });
    expect(await ts.store.blacklistRequests.restore(legacy)).toBe(false);
    expect(await ts.store.blacklistRequests.get(legacy.id)).toMatchObject({ status: 'rejected' });
    expect((await ts.store.blacklistRequests.pending()).items).toEqual([]);
  });
});
