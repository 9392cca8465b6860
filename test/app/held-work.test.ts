// An agent's held work (texts, faxes) is one list per agent; changes that land together must not lose one
// another (two conversations assigned at once, a fax finished while a text arrives).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetText, holdText, textsOf } from '../../functions/app/agent-texts.js';
import { createTestStore, type TestStore } from '../support/dynamo.js';

describe('held work', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore();
  }, 30_000);
  afterAll(() => t?.stop());

  it('keeps every text of several assigned to one agent at once', async () => {
    const phones = Array.from({ length: 6 }, (_, i) => `+861380000010${i}`);
    await Promise.all(phones.map((p) => holdText(t, '1002', p)));
    expect((await textsOf(t.store, '1002')).map((x) => x.phone).sort()).toEqual(phones);
  });

  it('removes and adds together without either being lost', async () => {
    await holdText(t, '1003', '+8613800000200');
    await holdText(t, '1003', '+8613800000201');
    await Promise.all([
      forgetText(t, '1003', '+8613800000200'),
      holdText(t, '1003', '+8613800000202'),
      holdText(t, '1003', '+8613800000203'),
      forgetText(t, '1003', '+8613800000201'),
    ]);
    expect((await textsOf(t.store, '1003')).map((x) => x.phone).sort()).toEqual([
      '+8613800000202',
      '+8613800000203',
    ]);
    await forgetText(t, '1003', '+8613800000202');
    await forgetText(t, '1003', '+8613800000203');
    expect(await textsOf(t.store, '1003')).toEqual([]);
    expect(await t.store.keys.get({ kind: 'agent-texts', agentId: '1003' })).toBeUndefined();
  });

  it('lists a text listed again last', async () => {
    await holdText(t, '1004', '+8613800000300');
    await holdText(t, '1004', '+8613800000301');
    await t.clock.advance(1000);
    await holdText(t, '1004', '+8613800000300');
    const held = await textsOf(t.store, '1004');
    expect(held.map((x) => x.phone)).toEqual(['+8613800000301', '+8613800000300']);
  });
});
