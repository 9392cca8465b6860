// Customers and every key a caller can be found by, on dynalite or DYNAMODB_ENDPOINT.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../../support/dynamo.js';
import { newCustomer } from './fixtures.js';

let ts: TestStore;
beforeAll(async () => {
  ts = await createTestStore();
});
afterAll(() => ts.stop());

describe('customer repository', () => {
  it('creates a customer with version 1 and reads it back', async () => {
    const created = await ts.store.customers.create(
      newCustomer({ name: 'Alice Chen', phones: ['+8613900000001'] }),
    );
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value.version).toBe(1);
    expect(created.value.createdAt).toBe('2026-03-01T09:00:00.000Z');
    expect(await ts.store.customers.get(created.value.id)).toEqual(created.value);
  });

  it('finds every customer sharing a phone, and only while they still have it', async () => {
    const a = await ts.store.customers.create(
      newCustomer({ name: 'Parent', phones: ['+8613900000010', '+8613900000011'] }),
    );
    const b = await ts.store.customers.create(newCustomer({ name: 'Child', phones: ['+8613900000010'] }));
    if (!a.ok || !b.ok) throw new Error('setup');
    const shared = await ts.store.customers.find({ by: 'phone', value: '+8613900000010' });
    expect(shared.map((c) => c.name).sort()).toEqual(['Child', 'Parent']);

    const moved = await ts.store.customers.update(a.value.id, 1, { phones: ['+8613900000012'] });
    expect(moved.ok).toBe(true);
    expect(
      (await ts.store.customers.find({ by: 'phone', value: '+8613900000010' })).map((c) => c.name),
    ).toEqual(['Child']);
    expect(await ts.store.customers.find({ by: 'phone', value: '+8613900000011' })).toEqual([]);
    expect((await ts.store.customers.find({ by: 'phone', value: '+8613900000012' }))[0]?.id).toBe(a.value.id);
  });

  it('keeps id codes unique, normalised, and releasable', async () => {
    const first = await ts.store.customers.create(newCustomer({ name: 'Owner', idCode: 'cid 0001' }));
    expect(first.ok && first.value.idCode).toBe('CID0001');
    const dup = await ts.store.customers.create(newCustomer({ name: 'Other', idCode: 'CID0001' }));
    expect(dup).toEqual({ ok: false, reason: 'duplicate', field: 'idCode', value: 'CID0001' });
    if (!first.ok) return;
    expect((await ts.store.customers.find({ by: 'idCode', value: 'cid0001' }))[0]?.id).toBe(first.value.id);

    await ts.store.customers.update(first.value.id, 1, { idCode: 'CID0002' });
    const again = await ts.store.customers.create(newCustomer({ name: 'Other', idCode: 'CID0001' }));
    expect(again.ok).toBe(true);
  });

  it('rejects an update from a stale version with the current record', async () => {
    const c = await ts.store.customers.create(newCustomer({ name: 'Versioned' }));
    if (!c.ok) throw new Error('setup');
    expect((await ts.store.customers.update(c.value.id, 1, { notes: 'first' })).ok).toBe(true);
    const stale = await ts.store.customers.update(c.value.id, 1, { notes: 'second' });
    expect(stale.ok).toBe(false);
    if (stale.ok || stale.reason !== 'conflict') throw new Error('expected conflict');
    expect(stale.current.notes).toBe('first');
    expect(stale.current.version).toBe(2);
    expect(await ts.store.customers.update('missing', 1, { notes: 'x' })).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });

  it('searches by name prefix (Chinese and Latin), phone in national format, and keys', async () => {
    await ts.store.customers.create(
      newCustomer({ name: '李娜', phones: ['+8613700000001'], idCode: 'SRCH-1' }),
    );
    await ts.store.customers.create(newCustomer({ name: 'Li Ming', phones: ['+8613700000002'] }));
    expect((await ts.store.customers.search('李')).items.map((c) => c.name)).toEqual(['李娜']);
    expect((await ts.store.customers.search('li m')).items.map((c) => c.name)).toEqual(['Li Ming']);
    expect((await ts.store.customers.search('137 0000 0002')).items.map((c) => c.name)).toEqual(['Li Ming']);
    expect((await ts.store.customers.search('srch-1')).items.map((c) => c.name)).toEqual(['李娜']);
    expect((await ts.store.customers.search('nobody-here')).items).toEqual([]);
  });

  it('finds a customer by any word of the name, part of a Chinese name, full-width or accented', async () => {
    const smith = await ts.store.customers.create(newCustomer({ name: 'Johnny Smithers' }));
    const wang = await ts.store.customers.create(newCustomer({ name: '王建业', company: 'Zoë Motors' }));
    if (!smith.ok || !wang.ok) throw new Error('setup');
    const names = async (q: string) => (await ts.store.customers.search(q)).items.map((c) => c.name);
    expect(await names('Smithers')).toEqual(['Johnny Smithers']);
    expect(await names('smi')).toEqual(['Johnny Smithers']);
    expect(await names('Ｓｍｉｔｈ')).toEqual(['Johnny Smithers']);
    expect(await names('johnny s')).toEqual(['Johnny Smithers']);
    expect(await names('建业')).toEqual(['王建业']);
    expect(await names('业')).toEqual(['王建业']);
    expect(await names('zoe')).toEqual(['王建业']);
    // A renamed customer is found by the new name only.
    const renamed = await ts.store.customers.update(smith.value.id, 1, { name: 'Johnny Walker' });
    expect(renamed.ok).toBe(true);
    expect(await names('smithers')).toEqual([]);
    expect(await names('walker')).toEqual(['Johnny Walker']);
  });

  it('pages through the customer list with cursors and rejects a forged cursor', async () => {
    const first = await ts.store.customers.list({ limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.cursor).toEqual(expect.any(String));
    const second = await ts.store.customers.list({ limit: 2, cursor: first.cursor as string });
    expect(second.items.length).toBeGreaterThan(0);
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    // Walking every page meets each customer exactly once: the same ones a single large page holds. (When
    // the count is a multiple of the page size, DynamoDB's last page may come back empty.)
    const walked = [...first.items, ...second.items].map((c) => c.id);
    for (let cursor = second.cursor; cursor !== undefined; ) {
      const page = await ts.store.customers.list({ limit: 2, cursor });
      walked.push(...page.items.map((c) => c.id));
      cursor = page.cursor;
    }
    const all = await ts.store.customers.list({ limit: 100 });
    expect(all.cursor).toBeUndefined();
    expect(walked).toHaveLength(all.items.length);
    expect(new Set(walked)).toEqual(new Set(all.items.map((c) => c.id)));
    await expect(ts.store.customers.list({ cursor: 'not-a-cursor' })).rejects.toThrow(/cursor/);
  });
});
