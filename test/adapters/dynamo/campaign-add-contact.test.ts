// Adding one contact at a time to a campaign, the storage contract: the next row number from the contacts
// count, distinct under concurrency, counts raised, a number once per campaign (imported ones included),
// closed and missing campaigns refused with nothing left behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CampaignSettings,
  contactId,
  DEFAULT_DISPOSITIONS,
} from '../../../functions/domain/campaigns/campaign.js';
import { createTestStore, type TestStore } from '../../support/dynamo.js';

let ts: TestStore;
beforeAll(async () => {
  ts = await createTestStore();
});
afterAll(() => ts.stop());

const settings: CampaignSettings = {
  name: 'Leads',
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
const DUE = '2026-03-01T09:00:00.000Z';
const phone = (n: number) => `+86138001${String(n).padStart(5, '0')}`;

describe('campaign repository: one contact at a time', () => {
  it('numbers contacts after the imported ones, distinct when added together, counts raised', async () => {
    const repo = ts.store.campaigns;
    await repo.create('a1', settings, 'admin');
    await repo.addContacts(
      'a1',
      [1, 2].map((n) => ({ campaignId: 'a1', id: contactId(n), phone: phone(n), vars: {} })),
      DUE,
    );
    await repo.count('a1', { contacts: 2, pending: 2 });
    const added = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        repo.addContact('a1', { phone: phone(100 + i), vars: { i: String(i) } }, DUE),
      ),
    );
    const ids = added.map((r) => (r.ok ? r.value.id : r.reason));
    expect(new Set(ids).size).toBe(12);
    expect([...ids].sort()).toEqual(Array.from({ length: 12 }, (_, i) => contactId(i + 3)));
    expect((await repo.get('a1'))?.counts).toMatchObject({ contacts: 14, pending: 14 });
    const due = await repo.dueContacts('a1', DUE, 50);
    expect(due).toHaveLength(14);
    expect((await repo.listContacts('a1')).items).toHaveLength(14);
  });

  it('takes a number once per campaign, however it came and however many arrive together', async () => {
    const repo = ts.store.campaigns;
    expect(await repo.addContact('a1', { phone: phone(1), vars: {} }, DUE)).toEqual({
      ok: false,
      reason: 'duplicate',
      contactId: contactId(1),
    });
    const same = await Promise.all(
      Array.from({ length: 6 }, () => repo.addContact('a1', { phone: phone(999), vars: {} }, DUE)),
    );
    expect(same.filter((r) => r.ok)).toHaveLength(1);
    expect(same.filter((r) => !r.ok && r.reason === 'duplicate')).toHaveLength(5);
    expect((await repo.get('a1'))?.counts).toMatchObject({ contacts: 15, pending: 15 });
    // Another campaign may have the same number.
    await repo.create('a2', settings, 'admin');
    expect(await repo.addContact('a2', { phone: phone(1), vars: {} }, DUE)).toMatchObject({
      ok: true,
      value: { id: contactId(1), status: 'pending', nextAt: DUE },
    });
  });

  it('refuses closed and missing campaigns, leaving no claim on the number', async () => {
    const repo = ts.store.campaigns;
    await repo.create('a3', settings, 'admin');
    await repo.update('a3', 1, { status: 'stopped' });
    expect(await repo.addContact('a3', { phone: phone(5), vars: {} }, DUE)).toEqual({
      ok: false,
      reason: 'closed',
      status: 'stopped',
    });
    expect((await repo.get('a3'))?.counts).toMatchObject({ contacts: 0, pending: 0 });
    await repo.update('a3', 2, { status: 'paused' });
    expect(await repo.addContact('a3', { phone: phone(5), vars: {} }, DUE)).toMatchObject({
      ok: true,
      value: { id: contactId(1) },
    });
    expect(await repo.addContact('nope', { phone: phone(5), vars: {} }, DUE)).toEqual({
      ok: false,
      reason: 'not-found',
    });
    expect(await repo.addContact('nope', { phone: phone(5), vars: {} }, DUE)).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });
});
