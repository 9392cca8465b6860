// The campaigns storage contract, run on dynalite (or the DynamoDB at DYNAMODB_ENDPOINT): a campaign created
// once, changed only from the version read, listed by status for the dialler; counts added concurrently
// without a loss; contacts stored in bulk, found due in time order (pending ones only), changed from the
// version read; the do-not-call list read one number or many at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CampaignSettings,
  contactId,
  DEFAULT_DISPOSITIONS,
} from '../../../functions/domain/campaigns/campaign.js';
import type { NewContact } from '../../../functions/domain/campaigns/ports.js';
import { createTestStore, type TestStore } from '../../support/dynamo.js';

let ts: TestStore;
beforeAll(async () => {
  ts = await createTestStore();
});
afterAll(() => ts.stop());

const settings: CampaignSettings = {
  name: 'Renewal care',
  mode: 'progressive',
  callerId: '+18005550100',
  queue: 'general',
  priority: 0,
  language: 'zh',
  dispositions: DEFAULT_DISPOSITIONS,
  window: { start: '09:00', end: '20:00' },
  retry: { maxAttempts: 3, minutes: { busy: 10, 'no-answer': 60, machine: 120, failed: 30 } },
  machine: 'retry',
  abandonCap: 0.03,
  maxHoldSeconds: 5,
};

const contact = (row: number, phone: string): NewContact => ({
  campaignId: 'ignored',
  id: contactId(row),
  phone,
  vars: { plate: `沪A${row}` },
});

describe('campaign repository', () => {
  it('creates a campaign once, changes it from the version read and lists it by status', async () => {
    const repo = ts.store.campaigns;
    const made = await repo.create('c1', settings, '2001');
    expect(made).toMatchObject({ id: 'c1', status: 'draft', version: 1, counts: { contacts: 0 } });
    await expect(repo.create('c1', settings, '2001')).rejects.toThrow(/already exists/);
    const started = await repo.update('c1', 1, { status: 'running' });
    expect(started).toMatchObject({ ok: true, value: { status: 'running', version: 2 } });
    const stale = await repo.update('c1', 1, { status: 'paused' });
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { status: 'running' } });
    expect(await repo.update('nope', 1, { status: 'paused' })).toEqual({ ok: false, reason: 'not-found' });
    expect((await repo.listByStatus('running')).map((c) => c.id)).toContain('c1');
    expect((await repo.listByStatus('draft')).map((c) => c.id)).not.toContain('c1');
    expect((await repo.list()).map((c) => c.id)).toContain('c1');
  });

  it('adds counts from many writers at once without losing one, dispositions by code', async () => {
    const repo = ts.store.campaigns;
    await repo.create('c2', settings, '2001');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        repo.count('c2', { attempts: 1, humans: i % 2 }, i % 4 === 0 ? 'interested' : undefined),
      ),
    );
    const c = await repo.get('c2');
    expect(c?.counts).toMatchObject({ attempts: 20, humans: 10, contacts: 0 });
    expect(c?.dispositionCounts).toEqual({ interested: 5 });
    // A later settings change keeps the counts.
    const changed = await repo.update('c2', 1, { settings: { ...settings, name: 'Renamed' } });
    expect(changed.ok && changed.value.counts.attempts).toBe(20);
    expect((await repo.get('c2'))?.counts.attempts).toBe(20);
    // Status changes racing with counts lose none of them.
    await Promise.all([
      ...Array.from({ length: 10 }, () => repo.count('c2', { attempts: 1 })),
      repo.update('c2', 2, { status: 'running' }),
    ]);
    expect(await repo.get('c2')).toMatchObject({ status: 'running', counts: { attempts: 30 } });
  });

  it('stores contacts in bulk, lists them in order and finds only the pending due ones', async () => {
    const repo = ts.store.campaigns;
    await repo.create('c3', settings, '2001');
    const many = Array.from({ length: 60 }, (_, i) =>
      contact(i + 1, `+86138000${String(i).padStart(5, '0')}`),
    );
    expect(await repo.addContacts('c3', many, '2026-03-02T01:00:00.000Z')).toBe(60);
    const first = await repo.listContacts('c3', { limit: 50 });
    expect(first.items).toHaveLength(50);
    expect(first.items[0]).toMatchObject({ campaignId: 'c3', id: '000001', status: 'pending', attempts: 0 });
    const rest = await repo.listContacts('c3', {
      limit: 50,
      ...(first.cursor ? { cursor: first.cursor } : {}),
    });
    expect(rest.items.map((c) => c.id).at(-1)).toBe('000060');

    expect(await repo.dueContacts('c3', '2026-03-02T00:59:59.000Z', 10)).toEqual([]);
    const due = await repo.dueContacts('c3', '2026-03-02T01:00:00.000Z', 5);
    expect(due.map((c) => c.id)).toEqual(['000001', '000002', '000003', '000004', '000005']);

    // Calling takes it off the due list; a retry puts it back at its new time.
    const calling = await repo.updateContact('c3', '000001', 1, {
      status: 'calling',
      nextAt: null,
      callSid: 'CA1',
    });
    expect(calling).toMatchObject({ ok: true, value: { status: 'calling', callSid: 'CA1', version: 2 } });
    expect((await repo.dueContacts('c3', '2026-03-02T02:00:00.000Z', 1))[0]?.id).toBe('000002');
    const retry = await repo.updateContact('c3', '000001', 2, {
      status: 'pending',
      nextAt: '2026-03-02T03:00:00.000Z',
      attempts: 1,
      lastOutcome: 'busy',
      callSid: null,
      addAttempt: { at: '2026-03-02T01:00:05.000Z', outcome: 'busy', callSid: 'CA1' },
    });
    expect(retry.ok && retry.value).toMatchObject({
      attempts: 1,
      lastOutcome: 'busy',
      history: [{ outcome: 'busy' }],
    });
    expect(retry.ok && retry.value.callSid).toBeUndefined();
    const later = await repo.dueContacts('c3', '2026-03-02T04:00:00.000Z', 100);
    expect(later.at(-1)?.id).toBe('000001');
    expect(await repo.updateContact('c3', '000001', 2, { status: 'done' })).toMatchObject({
      ok: false,
      reason: 'conflict',
    });
    await repo.updateContact('c3', '000001', 3, { status: 'done', nextAt: null });
    expect((await repo.dueContacts('c3', '2026-03-02T04:00:00.000Z', 100)).map((c) => c.id)).not.toContain(
      '000001',
    );
  });

  it('keeps the do-not-call list, the first reason kept', async () => {
    const repo = ts.store.campaigns;
    await repo.addDoNotCall({
      phone: '+8613900000001',
      source: 'keypad',
      campaignId: 'c1',
      addedAt: '2026-03-02T01:00:00.000Z',
    });
    await repo.addDoNotCall({
      phone: '+8613900000001',
      source: 'admin',
      addedAt: '2026-03-03T01:00:00.000Z',
    });
    expect(await repo.isDoNotCall('+8613900000001')).toBe(true);
    expect(await repo.isDoNotCall('+8613900000002')).toBe(false);
    const among = await repo.doNotCallAmong(['+8613900000001', '+8613900000002', '+8613900000001']);
    expect([...among]).toEqual(['+8613900000001']);
  });
});
