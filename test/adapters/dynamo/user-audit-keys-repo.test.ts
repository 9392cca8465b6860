// Users, the audit log, and the expiring counters behind login throttling and idempotency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../../support/dynamo.js';

let ts: TestStore;
beforeAll(async () => {
  ts = await createTestStore();
});
afterAll(() => ts.stop());

const user = (id: string) => ({
  id,
  name: `Agent ${id}`,
  roles: ['agent' as const],
  skills: ['claims'],
  languages: ['zh' as const],
  regions: [],
  disabled: false,
  passwordHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA',
});

describe('user repository', () => {
  it('creates unique users, lists them, updates under version', async () => {
    expect((await ts.store.users.create(user('1001'))).ok).toBe(true);
    expect(await ts.store.users.create(user('1001'))).toMatchObject({ reason: 'duplicate', field: 'id' });
    await ts.store.users.create(user('1002'));
    expect((await ts.store.users.list()).items.map((u) => u.id)).toEqual(['1001', '1002']);
    const disabled = await ts.store.users.update('1001', 1, { disabled: true });
    expect(disabled.ok && disabled.value.disabled).toBe(true);
  });
});

describe('audit repository', () => {
  it('appends entries and lists them newest first by day and by actor', async () => {
    await ts.store.audit.append({
      actor: 'sup1',
      action: 'force-state',
      target: '1001',
      detail: { to: 'Busy' },
    });
    await ts.clock.advance(1000);
    await ts.store.audit.append({ actor: 'sup1', action: 'barge', target: 'CA1' });
    await ts.clock.advance(1); // entries in the same millisecond have no defined order
    await ts.store.audit.append({ actor: 'admin', action: 'user.create', target: '1003' });
    const day = await ts.store.audit.byDay('2026-03-01');
    expect(day.items.map((e) => e.action)).toEqual(['user.create', 'barge', 'force-state']);
    expect((await ts.store.audit.byActor('sup1')).items.map((e) => e.action)).toEqual([
      'barge',
      'force-state',
    ]);
    expect(day.items[2]?.detail).toEqual({ to: 'Busy' });
  });
});

describe('key-value repository', () => {
  const LOGIN = { kind: 'login-fail', scope: 'id', subject: '1001', window: 1 } as const;
  const MARK = { kind: 'call-task', callSid: 'CA1' } as const;

  it('counts atomically within a window and restarts after expiry', async () => {
    const exp = new Date(ts.clock.now() + 60_000).toISOString();
    const counts = await Promise.all(Array.from({ length: 8 }, () => ts.store.keys.increment(LOGIN, 1, exp)));
    expect(counts.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await ts.store.keys.get(LOGIN))?.value).toBe(8);
    await ts.clock.advance(61_000);
    expect(await ts.store.keys.get(LOGIN)).toBeUndefined();
    const later = new Date(ts.clock.now() + 60_000).toISOString();
    expect(await ts.store.keys.increment(LOGIN, 1, later)).toBe(1);
    await ts.store.keys.delete(LOGIN);
    expect(await ts.store.keys.get(LOGIN)).toBeUndefined();
  });

  it('puts a marker only once until it expires', async () => {
    const exp = new Date(ts.clock.now() + 1000).toISOString();
    const results = await Promise.all([1, 2, 3].map(() => ts.store.keys.putIfAbsent(MARK, 'done', exp)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await ts.store.keys.get(MARK))?.value).toBe('done');
    await ts.clock.advance(2000);
    expect(
      await ts.store.keys.putIfAbsent(MARK, 'again', new Date(ts.clock.now() + 1000).toISOString()),
    ).toBe(true);
  });

  it('overwrites a marker in one write, live or expired, with the new expiry', async () => {
    const key = { kind: 'call-task', callSid: 'CA2' } as const;
    await ts.store.keys.put(key, 'first', new Date(ts.clock.now() + 60_000).toISOString());
    const later = new Date(ts.clock.now() + 120_000).toISOString();
    await ts.store.keys.put(key, 'second', later);
    const stored = await ts.store.keys.get(key);
    expect(stored?.value).toBe('second');
    // Stored in whole seconds, rounded up.
    expect(Date.parse(stored?.expiresAt ?? '') - Date.parse(later)).toBeGreaterThanOrEqual(0);
    expect(Date.parse(stored?.expiresAt ?? '') - Date.parse(later)).toBeLessThan(1000);
    await ts.clock.advance(121_000);
    expect(await ts.store.keys.get(key)).toBeUndefined();
    await ts.store.keys.put(key, 'third', new Date(ts.clock.now() + 1000).toISOString());
    expect((await ts.store.keys.get(key))?.value).toBe('third');
  });
});
