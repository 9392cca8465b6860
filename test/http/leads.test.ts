// Leads from outside systems through POST /api/integrations/leads: an API key in either header (never a
// session or a cookie), the scope and the rate per key; a lead becomes a campaign contact (the number
// refused when on the do-not-call list or already in the campaign; ids distinct when leads arrive together)
// or a due callback; an externalId is done once; bad bodies are refused naming the fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../functions/app/integrations/api-keys.js';
import {
  type CampaignSettings,
  contactId,
  DEFAULT_DISPOSITIONS,
} from '../../functions/domain/campaigns/campaign.js';
import type { ApiKeyScope } from '../../functions/domain/integrations/api-key.js';
import { createHarness, type Harness, USERS } from './harness.js';

const settings: CampaignSettings = {
  name: 'Web orders',
  mode: 'progressive',
  callerId: '+18005550100',
  queue: 'general',
  priority: 0,
  language: 'zh',
  dispositions: DEFAULT_DISPOSITIONS,
  window: { start: '09:00', end: '20:00' },
  retry: { maxAttempts: 3, busy: 10, 'no-answer': 60, machine: 120, failed: 30 },
  machine: 'retry',
  abandonCap: 0.03,
  maxHoldSeconds: 5,
};

describe('leads API', () => {
  let h: Harness;
  let token = '';
  let keyId = '';
  beforeAll(async () => {
    h = await createHarness();
    const made = await newKey(['leads:write'], 600);
    token = made.token;
    keyId = made.keyId;
    await h.store.campaigns.create('web', settings, 'admin');
    await h.store.campaigns.update('web', 1, { status: 'running' });
  });
  afterAll(() => h.stop());

  async function newKey(scopes: ApiKeyScope[], ratePerMinute?: number) {
    const admin = await h.store.users.get(USERS.admin.id);
    if (!admin) throw new Error('no admin');
    return createApiKey({ ...h.deps, sessionKey: h.deps.secrets.sessionKey }, admin, {
      name: 'Website',
      scopes: scopes as never,
      ratePerMinute,
    });
  }
  const post = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
    h.api('POST', '/api/integrations/leads', { body, headers });

  it('refuses a missing, malformed, unknown or wrong key with 401, and a session or cookie', async () => {
    const lead = { phone: '13800138000' };
    const tries: Record<string, string>[] = [
      {},
      { authorization: 'Basic abc' },
      { authorization: 'Bearer cc_nope' },
      { 'x-api-key': `${token.slice(0, -2)}AA` },
      { authorization: `Bearer cc_0123456789abcdef_${token.slice(-43)}` },
      { authorization: `Bearer ${h.tokens.admin}` },
      { cookie: `cc_session=${h.tokens.admin}` },
    ];
    for (const headers of tries) {
      const res = await post(lead, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.body.error).toBe('unauthorized');
      expect([
        'Unknown or revoked API key.',
        expect.stringContaining('An API key is required'),
      ]).toContainEqual(res.body.message);
    }
    // A key without the scope is known but not allowed.
    const scopeless = await newKey([]);
    const forbidden = await post(lead, { 'x-api-key': scopeless.token });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.message).toContain('leads:write');
    // A browser on another site is refused before the key is looked at.
    const crossSite = await post(lead, { authorization: `Bearer ${token}`, origin: 'https://evil.example' });
    expect(crossSite).toMatchObject({ status: 403, body: { error: 'cross-origin' } });
  });

  it('refuses a malformed body naming each field and what is allowed', async () => {
    const bad = await post({
      phone: 'call me',
      language: 'fr',
      note: 'x'.repeat(1001),
      callbackAt: 'tomorrow',
      vars: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])),
      colour: 'red',
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.language', 'body.note', 'body.callbackAt', 'body.vars']),
    );
    expect(JSON.stringify(bad.body.issues)).toContain('colour');
    const phone = await post({ phone: 'call me' });
    expect(phone.body.issues).toEqual([
      { path: 'body.phone', code: 'invalid-phone', message: '"call me" is not a valid phone number' },
    ]);
    const both = await post({ phone: '13800138000', campaignId: 'web', queue: 'claims' });
    expect(both.body.issues[0]).toMatchObject({
      path: 'body.queue',
      message: expect.stringContaining('campaignId'),
    });
    const unknownCampaign = await post({ phone: '13800138000', campaignId: 'nope' });
    expect(unknownCampaign.body.issues[0]).toMatchObject({
      path: 'body.campaignId',
      code: 'unknown-campaign',
    });
    const unknownQueue = await post({ phone: '13800138000', queue: 'nope' });
    expect(unknownQueue.body.issues[0]).toMatchObject({ path: 'body.queue', code: 'unknown-queue' });
  });

  it('adds a campaign contact, pending and due now, counted and audited as the key', async () => {
    const before = (await h.store.campaigns.get('web'))?.counts;
    const res = await post({
      phone: '+86 138 0013 8001',
      name: 'Li Na',
      campaignId: 'web',
      language: 'en',
      note: 'Wants the gold plan',
      vars: { plan: 'gold' },
    });
    expect(res).toMatchObject({ status: 201, body: { kind: 'contact', campaignId: 'web' } });
    const contact = await h.store.campaigns.getContact('web', res.body.contactId);
    expect(contact).toMatchObject({
      phone: '+8613800138001',
      name: 'Li Na',
      language: 'en',
      status: 'pending',
      nextAt: new Date(h.clock.now()).toISOString(),
      vars: { plan: 'gold', note: 'Wants the gold plan' },
    });
    expect((await h.store.campaigns.get('web'))?.counts).toMatchObject({
      contacts: (before?.contacts ?? 0) + 1,
      pending: (before?.pending ?? 0) + 1,
    });
    const audit = (await h.store.audit.byActor(`apikey:${keyId}`)).items;
    expect(audit.find((e) => e.action === 'lead.contact')).toMatchObject({
      target: `web/${res.body.contactId}`,
    });
  });

  it('refuses a number on the do-not-call list, one already in the campaign, and a stopped campaign', async () => {
    await h.store.campaigns.addDoNotCall({
      phone: '+8613800138002',
      source: 'admin',
      addedAt: '2026-03-01T08:00:00Z',
    });
    expect(await post({ phone: '13800138002', campaignId: 'web' })).toMatchObject({
      status: 409,
      body: { error: 'do-not-call' },
    });
    const dup = await post({ phone: '13800138001', campaignId: 'web' });
    expect(dup).toMatchObject({
      status: 409,
      body: { error: 'duplicate', field: 'phone', campaignId: 'web' },
    });
    expect(dup.body.contactId).toMatch(/^\d{6}$/);
    await h.store.campaigns.create('old', settings, 'admin');
    await h.store.campaigns.update('old', 1, { status: 'stopped' });
    expect(await post({ phone: '13800138003', campaignId: 'old' })).toMatchObject({
      status: 409,
      body: { error: 'campaign-closed', status: 'stopped' },
    });
  });

  it('gives leads arriving together distinct contact ids', async () => {
    const before = (await h.store.campaigns.get('web'))?.counts.contacts ?? 0;
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) => post({ phone: `1390013${String(8100 + i)}`, campaignId: 'web' })),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(201));
    const ids = replies.map((r) => r.body.contactId as string).sort();
    expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => contactId(before + i + 1)));
    expect((await h.store.campaigns.get('web'))?.counts.contacts).toBe(before + 10);
  });

  it('does an externalId once per key: the retry gets the first result with 200', async () => {
    const lead = { phone: '13900139000', externalId: 'order-1001' };
    const first = await post(lead);
    expect(first).toMatchObject({ status: 201, body: { kind: 'callback' } });
    const again = await post({ ...lead, note: 'sent twice' });
    expect(again).toMatchObject({ status: 200, body: first.body });
    const together = await Promise.all(
      [1, 2, 3].map(() => post({ phone: '13900139001', externalId: 'order-1002' })),
    );
    const created = together.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    for (const r of together.filter((x) => x.status !== 201)) expect([200, 409]).toContain(r.status);
    // A refused lead is judged afresh when sent again.
    await h.store.campaigns.addDoNotCall({
      phone: '+8613900139002',
      source: 'admin',
      addedAt: '2026-03-01T08:00:00Z',
    });
    const refused = { phone: '13900139002', campaignId: 'web', externalId: 'order-1003' };
    expect((await post(refused)).status).toBe(409);
    expect((await post(refused)).body.error).toBe('do-not-call');
  });

  it('creates a due callback with autoDial in the queue asked for, at the time asked for', async () => {
    const now = await post(
      { phone: '13900139010', name: 'Wang Fang', note: 'Call about renewal' },
      {
        'x-api-key': token,
      },
    );
    expect(now).toMatchObject({ status: 201, body: { kind: 'callback' } });
    const task = await h.store.tasks.get(now.body.taskId);
    expect(task).toMatchObject({
      kind: 'callback',
      status: 'open',
      phone: '+8613900139010',
      queue: 'general',
      autoDial: true,
      dueAt: new Date(h.clock.now()).toISOString(),
    });
    expect(task?.note).toContain('Wang Fang');
    const due = await h.store.tasks.dueBefore(new Date(h.clock.now()).toISOString());
    expect(due.items.map((t) => t.id)).toContain(now.body.taskId);

    const later = await post({
      phone: '13900139011',
      queue: 'claims',
      callbackAt: '2026-03-02T10:00:00+08:00',
    });
    expect(await h.store.tasks.get(later.body.taskId)).toMatchObject({
      queue: 'claims',
      dueAt: '2026-03-02T02:00:00.000Z',
    });
    const audit = (await h.store.audit.byActor(`apikey:${keyId}`)).items;
    expect(audit.find((e) => e.action === 'lead.callback' && e.target === later.body.taskId)).toBeDefined();
  });

  it('refuses a callback the dialling policy forbids', async () => {
    const res = await post({ phone: '+44 20 7946 0000' });
    expect(res).toMatchObject({ status: 403, body: { error: 'dial-refused' } });
  });

  it('limits calls per key and minute with 429 and Retry-After', async () => {
    const slow = await newKey(['leads:write'], 3);
    const headers = { authorization: `Bearer ${slow.token}` };
    for (let i = 0; i < 3; i++) expect((await post({}, headers)).status).toBe(400);
    const over = await post({ phone: '13900139020' }, headers);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    // Other keys keep their own allowance.
    expect((await post({ phone: '13900139021' })).status).toBe(201);
    await h.clock.advance(60_000);
    expect((await post({ phone: '13900139022' }, headers)).status).toBe(201);
  });
});
