// Renewing a marker (the agent's heartbeat): one conditional write that says whether a live marker was
// there, and never shortens one that expires later.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarkerKey } from '../../../functions/domain/ports.js';
import { createTestStore, type TestStore } from '../../support/dynamo.js';
import { countCommands } from '../../support/dynamo-command-count.js';

const BEAT: MarkerKey = { kind: 'heartbeat', agentId: '1002' };

describe('key-value repository: renew', () => {
  let ts: TestStore;
  beforeAll(async () => {
    ts = await createTestStore();
  });
  afterAll(() => ts.stop());

  const inSeconds = (s: number) => new Date(ts.clock.now() + s * 1000).toISOString();

  it('starts, renews, keeps a later one, and starts again once it has expired', async () => {
    const count = countCommands(ts.client);
    expect(await ts.store.keys.renew(BEAT, 'first', inSeconds(30))).toBe('started');
    await ts.clock.advance(10_000);
    expect(await ts.store.keys.renew(BEAT, 'second', inSeconds(30))).toBe('renewed');
    expect(count.commands).toEqual(['PutItemCommand', 'PutItemCommand']);
    // A write that would expire sooner (sent before the last one, arriving after it) changes nothing.
    expect(await ts.store.keys.renew(BEAT, 'late', inSeconds(5))).toBe('kept');
    expect(await ts.store.keys.get(BEAT)).toEqual({ value: 'second', expiresAt: inSeconds(30) });
    await ts.clock.advance(31_000);
    expect(await ts.store.keys.get(BEAT)).toBeUndefined();
    expect(await ts.store.keys.renew(BEAT, 'back', inSeconds(30))).toBe('started');
    expect((await ts.store.keys.get(BEAT))?.value).toBe('back');
  });
});

describe('key-value repository: swap', () => {
  let ts: TestStore;
  beforeAll(async () => {
    ts = await createTestStore();
  });
  afterAll(() => ts.stop());

  const inSeconds = (s: number) => new Date(ts.clock.now() + s * 1000).toISOString();
  const LAST: MarkerKey = { kind: 'last-call', phone: '+14155550123' };

  it('writes in one request and returns what it replaced, nothing for an expired marker', async () => {
    const count = countCommands(ts.client);
    expect(await ts.store.keys.swap(LAST, 'first', inSeconds(60))).toBeUndefined();
    expect(await ts.store.keys.swap(LAST, 'second', inSeconds(60))).toEqual({
      value: 'first',
      expiresAt: inSeconds(60),
    });
    expect(count.commands).toEqual(['PutItemCommand', 'PutItemCommand']);
    expect((await ts.store.keys.get(LAST))?.value).toBe('second');
    await ts.clock.advance(61_000);
    expect(await ts.store.keys.swap(LAST, 'third', inSeconds(60))).toBeUndefined();
    expect((await ts.store.keys.get(LAST))?.value).toBe('third');
  });
});

describe('key-value repository: replace', () => {
  let ts: TestStore;
  beforeAll(async () => {
    ts = await createTestStore();
  });
  afterAll(() => ts.stop());

  const inSeconds = (s: number) => new Date(ts.clock.now() + s * 1000).toISOString();
  const LIST: MarkerKey = { kind: 'agent-texts', agentId: '1002' };

  it('writes only over what was expected, deletes with undefined, and takes an expired marker as absent', async () => {
    expect(await ts.store.keys.replace(LIST, undefined, 'a', inSeconds(60))).toBe(true);
    expect(await ts.store.keys.replace(LIST, undefined, 'b', inSeconds(60))).toBe(false);
    expect(await ts.store.keys.replace(LIST, 'x', 'b', inSeconds(60))).toBe(false);
    expect(await ts.store.keys.replace(LIST, 'a', 'b', inSeconds(60))).toBe(true);
    expect((await ts.store.keys.get(LIST))?.value).toBe('b');
    expect(await ts.store.keys.replace(LIST, 'a', undefined, inSeconds(60))).toBe(false);
    expect(await ts.store.keys.replace(LIST, 'b', undefined, inSeconds(60))).toBe(true);
    expect(await ts.store.keys.get(LIST)).toBeUndefined();
    expect(await ts.store.keys.replace(LIST, undefined, undefined, inSeconds(60))).toBe(true);

    await ts.store.keys.put(LIST, 'old', inSeconds(5));
    await ts.clock.advance(6_000);
    expect(await ts.store.keys.replace(LIST, 'old', 'new', inSeconds(60))).toBe(false);
    expect(await ts.store.keys.replace(LIST, undefined, 'new', inSeconds(60))).toBe(true);
    expect(await ts.store.keys.get(LIST)).toEqual({ value: 'new', expiresAt: inSeconds(60) });
  });

  it('of changes written together over one value, exactly one lands', async () => {
    await ts.store.keys.put(LIST, 'start', inSeconds(60));
    const landed = await Promise.all(
      ['p', 'q', 'r', 's'].map((v) => ts.store.keys.replace(LIST, 'start', v, inSeconds(60))),
    );
    expect(landed.filter(Boolean)).toHaveLength(1);
  });
});
