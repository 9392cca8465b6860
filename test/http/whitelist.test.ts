// The whitelist through the API: supervisors add a number (normalised; a block on it lifted), list and
// remove it, each change audited with the entry before and after; a bad number or note is refused with
// the field named, a blacklisted number is not the whitelist's to remove, and agents are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';

describe('whitelist API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.stop());

  it('adds a number in any written form, lifting a block, lists it, and removes it; all audited', async () => {
    await h.store.blacklist.put({ phone: '+8613800138000', reason: 'abusive', createdBy: '9001' });
    const added = await h.as('supervisor', 'POST', '/api/supervisor/whitelist', {
      phone: '138 0013 8000',
      note: 'Fleet account: ACME drivers',
    });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({
      phone: '+8613800138000',
      action: 'allow',
      reason: 'Fleet account: ACME drivers',
    });
    const listed = await h.as('supervisor', 'GET', '/api/supervisor/whitelist');
    expect(listed.body.items.map((e: { phone: string }) => e.phone)).toEqual(['+8613800138000']);
    expect((await h.store.blacklist.list()).items).toEqual([]);

    const removed = await h.as('supervisor', 'DELETE', '/api/supervisor/whitelist/%2B8613800138000');
    expect(removed).toMatchObject({ status: 200, body: { removed: '+8613800138000' } });
    expect(await h.store.blacklist.get('+8613800138000')).toBeUndefined();

    const audit = (await h.store.audit.byActor(added.body.createdBy)).items;
    expect(audit.find((e) => e.action === 'whitelist.add')).toMatchObject({
      target: '+8613800138000',
      detail: { before: { reason: 'abusive' }, after: { action: 'allow' } },
    });
    expect(audit.find((e) => e.action === 'whitelist.remove')).toMatchObject({
      target: '+8613800138000',
      detail: { before: { action: 'allow', reason: 'Fleet account: ACME drivers' } },
    });
  });

  it('refuses a bad number or an empty note, naming the field', async () => {
    const bad = await h.as('supervisor', 'POST', '/api/supervisor/whitelist', {
      phone: 'call me',
      note: 'x',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('body.phone');
    const empty = await h.as('supervisor', 'POST', '/api/supervisor/whitelist', {
      phone: '13800138001',
      note: ' ',
    });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('note');
  });

  it('leaves a blacklisted number to the blacklist, and refuses agents', async () => {
    await h.store.blacklist.put({ phone: '+8613800138002', reason: 'spam', createdBy: '9001' });
    const res = await h.as('supervisor', 'DELETE', '/api/supervisor/whitelist/%2B8613800138002');
    expect(res.status).toBe(404);
    expect(await h.store.blacklist.get('+8613800138002')).toMatchObject({ reason: 'spam' });
    expect((await h.as('agent', 'GET', '/api/supervisor/whitelist')).status).toBe(403);
  });
});
