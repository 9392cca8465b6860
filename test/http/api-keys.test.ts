// API keys through the admin API: created with a token shown once (only a keyed hash stored), listed without
// secrets, revoked (at once in this container, within the cache lifetime in another), audited; admins only.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KEY_CACHE_TTL_MS } from '../../functions/app/integrations/key-auth.js';
import { createApp } from '../../functions/http/app.js';
import { createHarness, type Harness } from './harness.js';

const lead = { phone: '13800138000' };

describe('API keys API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.stop());

  const callWithKey = (token: string, app = h.app) =>
    app.request('/api/integrations/leads', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(lead),
    });

  it('creates a key shown once, lists it without secrets, and audits it', async () => {
    const created = await h.as('admin', 'POST', '/api/admin/api-keys', {
      name: 'Website order form',
      scopes: ['leads:write'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Website order form',
      scopes: ['leads:write'],
      ratePerMinute: 60,
      createdBy: 'admin',
    });
    expect(created.body.token).toMatch(new RegExp(`^cc_${created.body.keyId}_[A-Za-z0-9_-]{43}$`));
    const secret = created.body.token.split('_').slice(2).join('_');

    const listed = await h.as('admin', 'GET', '/api/admin/api-keys');
    expect(listed.status).toBe(200);
    expect(listed.body.items[0]).toMatchObject({ keyId: created.body.keyId });
    const text = JSON.stringify(listed.body);
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/token|secretHash|hashScheme/);

    const stored = await h.store.apiKeys.get(created.body.keyId);
    expect(JSON.stringify(stored)).not.toContain(secret);
    const audit = (await h.store.audit.byActor('admin')).items;
    expect(audit.find((e) => e.action === 'apikey.create')).toMatchObject({ target: created.body.keyId });
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('refuses a bad body naming the field, and supervisors and agents', async () => {
    const bad = await h.as('admin', 'POST', '/api/admin/api-keys', { name: '', scopes: ['calls:make'] });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['body.name', 'body.scopes.0']),
    );
    for (const who of ['supervisor', 'agent'] as const) {
      expect((await h.as(who, 'GET', '/api/admin/api-keys')).status).toBe(403);
      expect(
        (await h.as(who, 'POST', '/api/admin/api-keys', { name: 'x', scopes: ['leads:write'] })).status,
      ).toBe(403);
    }
    expect((await h.as('anonymous', 'GET', '/api/admin/api-keys')).status).toBe(401);
  });

  it('works until revoked, then stops at once here, within the cache lifetime elsewhere', async () => {
    const created = await h.as('admin', 'POST', '/api/admin/api-keys', {
      name: 'CRM',
      scopes: ['leads:write'],
    });
    const { token, keyId } = created.body;
    // Another container: its own cache of keys.
    const other = createApp(h.deps);
    expect((await callWithKey(token)).status).toBe(201);
    expect((await callWithKey(token, other)).status).toBe(201); // read there, and kept a few seconds
    expect((await h.store.apiKeys.get(keyId))?.lastUsedAt).toBe(new Date(h.clock.now()).toISOString());

    const revoked = await h.as('admin', 'DELETE', `/api/admin/api-keys/${keyId}`);
    expect(revoked).toMatchObject({ status: 200, body: { keyId, revokedBy: 'admin' } });
    const refused = await callWithKey(token);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({
      error: 'unauthorized',
      message: 'Unknown or revoked API key.',
    });

    // The other container trusts what it read for at most KEY_CACHE_TTL_MS of wall time.
    expect((await callWithKey(token, other)).status).toBe(201);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + KEY_CACHE_TTL_MS + 1);
    try {
      expect((await callWithKey(token, other)).status).toBe(401);
    } finally {
      vi.useRealTimers();
    }
    const audit = (await h.store.audit.byActor('admin')).items;
    expect(audit.filter((e) => e.action === 'apikey.revoke' && e.target === keyId)).toHaveLength(1);
    // Revoking again changes nothing; an unknown key is 404.
    expect((await h.as('admin', 'DELETE', `/api/admin/api-keys/${keyId}`)).body.revokedAt).toBe(
      revoked.body.revokedAt,
    );
    expect((await h.as('admin', 'DELETE', '/api/admin/api-keys/0000000000000000')).status).toBe(404);
  });
});
