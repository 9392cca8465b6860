// The push channel's connections in the table: stored whole, listed for one user or all, renewed by a
// put, gone once removed or expired (dynalite never runs TTL, so reads skip expired items).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushConnection } from '../../../functions/domain/push.js';
import { createTestStore, type TestStore } from '../../support/dynamo.js';

describe('push connection repository', () => {
  let ts: TestStore;
  beforeAll(async () => {
    ts = await createTestStore();
  });
  afterAll(() => ts.stop());

  const conn = (connectionId: string, userId: string, seconds: number): PushConnection => ({
    connectionId,
    userId,
    roles: userId === 'sup' ? ['supervisor'] : ['agent'],
    phone: userId !== 'sup',
    connectedAt: new Date(ts.clock.now()).toISOString(),
    expiresAt: new Date(ts.clock.now() + seconds * 1000).toISOString(),
  });

  it('stores, lists by user and in all, renews, removes and forgets the expired', async () => {
    const a = conn('c-a', '1002', 600);
    const b = conn('c-b', '1002', 30);
    const s = conn('c-s', 'sup', 600);
    for (const c of [a, b, s]) await ts.store.push.put(c);
    expect(await ts.store.push.get('c-a')).toEqual(a);
    expect((await ts.store.push.list('1002')).map((c) => c.connectionId).sort()).toEqual(['c-a', 'c-b']);
    expect(await ts.store.push.list()).toHaveLength(3);

    await ts.clock.advance(31_000);
    expect(await ts.store.push.get('c-b')).toBeUndefined();
    expect((await ts.store.push.list()).map((c) => c.connectionId).sort()).toEqual(['c-a', 'c-s']);

    const renewed = { ...s, expiresAt: new Date(ts.clock.now() + 660_000).toISOString() };
    await ts.store.push.put(renewed);
    expect(await ts.store.push.get('c-s')).toEqual(renewed);

    expect(await ts.store.push.remove('c-a')).toEqual(a);
    expect(await ts.store.push.remove('c-a')).toBeUndefined();
    expect(await ts.store.push.list('1002')).toEqual([]);
  });
});
