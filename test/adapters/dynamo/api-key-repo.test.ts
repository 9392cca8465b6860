// The API keys storage contract, run on dynalite (or the DynamoDB at DYNAMODB_ENDPOINT): keys stored once,
// listed newest first, revoked once (the first revocation kept), their use recorded at most once a minute;
// a request key claimed by exactly one of many callers, its result returned to the rest, given back on
// release and free again once expired.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKey } from '../../../functions/domain/integrations/api-key.js';
import { createTestStore, type TestStore } from '../../support/dynamo.js';

let ts: TestStore;
beforeAll(async () => {
  ts = await createTestStore();
});
afterAll(() => ts.stop());

const key = (keyId: string, createdAt: string): ApiKey => ({
  keyId,
  name: `Key ${keyId}`,
  scopes: ['leads:write'],
  ratePerMinute: 60,
  createdBy: 'admin',
  createdAt,
  secretHash: 'hash',
  hashScheme: 'hmac-sha256',
});

describe('API key repository', () => {
  it('stores a key once and lists the keys newest first', async () => {
    const repo = ts.store.apiKeys;
    await repo.create(key('00000000000000a1', '2026-03-01T09:00:00.000Z'));
    await repo.create(key('00000000000000a2', '2026-03-01T10:00:00.000Z'));
    await expect(repo.create(key('00000000000000a1', '2026-03-01T11:00:00.000Z'))).rejects.toThrow(/exists/);
    expect(await repo.get('00000000000000a1')).toEqual(key('00000000000000a1', '2026-03-01T09:00:00.000Z'));
    expect(await repo.get('nope')).toBeUndefined();
    expect((await repo.list()).map((k) => k.keyId)).toEqual(['00000000000000a2', '00000000000000a1']);
  });

  it('revokes once, keeping the first revocation', async () => {
    const repo = ts.store.apiKeys;
    const first = await repo.revoke('00000000000000a1', 'admin', '2026-03-01T12:00:00.000Z');
    expect(first).toMatchObject({
      ok: true,
      changed: true,
      value: { revokedAt: '2026-03-01T12:00:00.000Z' },
    });
    const again = await repo.revoke('00000000000000a1', 'other', '2026-03-01T13:00:00.000Z');
    expect(again).toMatchObject({
      ok: true,
      changed: false,
      value: { revokedAt: '2026-03-01T12:00:00.000Z', revokedBy: 'admin' },
    });
    expect(await repo.revoke('nope', 'admin', '2026-03-01T12:00:00.000Z')).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });

  it('records a use at most once a minute', async () => {
    const repo = ts.store.apiKeys;
    await repo.markUsed('00000000000000a2', '2026-03-01T12:00:00.000Z');
    await repo.markUsed('00000000000000a2', '2026-03-01T12:00:30.000Z');
    expect((await repo.get('00000000000000a2'))?.lastUsedAt).toBe('2026-03-01T12:00:00.000Z');
    await repo.markUsed('00000000000000a2', '2026-03-01T12:01:01.000Z');
    expect((await repo.get('00000000000000a2'))?.lastUsedAt).toBe('2026-03-01T12:01:01.000Z');
    await repo.markUsed('nope', '2026-03-01T12:01:01.000Z');
    expect(await repo.get('nope')).toBeUndefined();
  });

  it('lets one of many callers claim a request key, and gives the others its result', async () => {
    const repo = ts.store.apiKeys;
    const later = '2026-03-02T09:00:00.000Z';
    const claims = await Promise.all(
      Array.from({ length: 8 }, () => repo.claimRequest('00000000000000a2', 'order-1', later)),
    );
    expect(claims.filter((c) => c.claimed)).toHaveLength(1);
    expect(claims.filter((c) => !c.claimed)).toEqual(Array(7).fill({ claimed: false }));
    await repo.completeRequest('00000000000000a2', 'order-1', { kind: 'callback', taskId: 't1' });
    expect(await repo.claimRequest('00000000000000a2', 'order-1', later)).toEqual({
      claimed: false,
      result: { kind: 'callback', taskId: 't1' },
    });
    // Another key's request of the same name is its own.
    expect(await repo.claimRequest('00000000000000a1', 'order-1', later)).toEqual({ claimed: true });
  });

  it('frees a released or expired claim', async () => {
    const repo = ts.store.apiKeys;
    const soon = new Date(ts.clock.now() + 60_000).toISOString();
    expect(await repo.claimRequest('00000000000000a2', 'order-2', soon)).toEqual({ claimed: true });
    await repo.releaseRequest('00000000000000a2', 'order-2');
    expect(await repo.claimRequest('00000000000000a2', 'order-2', soon)).toEqual({ claimed: true });
    expect(await repo.claimRequest('00000000000000a2', 'order-2', soon)).toEqual({ claimed: false });
    await ts.clock.advance(61_000);
    expect(await repo.claimRequest('00000000000000a2', 'order-2', soon)).toEqual({ claimed: true });
  });
});
