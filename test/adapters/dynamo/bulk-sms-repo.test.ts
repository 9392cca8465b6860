// The bulk SMS storage contract, run on dynalite (or the DynamoDB at DYNAMODB_ENDPOINT): a send created once,
// its status changed only from the version read and listed by status for the round; counts added by many
// writers at once without a loss, a status change among them; recipients stored in bulk, listed in order,
// the due ones (pending or waiting for their quiet hours to end) found in time order, the rest never.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BulkSmsSettings, ZERO_BULK_COUNTS } from '../../../functions/domain/bulk-sms.js';
import type { NewRecipient } from '../../../functions/domain/bulk-sms-port.js';
import { recipientId } from '../../../functions/domain/bulk-sms-recipients.js';
import { createTestStore, type TestStore } from '../../support/dynamo.js';

let ts: TestStore;
beforeAll(async () => {
  ts = await createTestStore();
});
afterAll(() => ts.stop());

const settings: BulkSmsSettings = {
  name: 'Renewal reminder',
  message: { kind: 'text', text: { zh: '您好', en: 'Hello' } },
  texts: { zh: '您好', en: 'Hello' },
  audience: { kind: 'segment', tier: 'gold' },
  language: 'zh',
  ratePerMinute: 60,
  quietHours: { from: '21:00', until: '08:00' },
  sender: '+18005550100',
};

const recipient = (n: number, over: Partial<NewRecipient> = {}): NewRecipient => ({
  id: recipientId(n),
  phone: `+86138000000${String(n).padStart(2, '0')}`,
  language: 'zh',
  body: '您好',
  status: 'pending',
  dueAt: '2026-03-02T02:00:00.000Z',
  ...over,
});

describe('bulk SMS repository', () => {
  it('creates a send once, changes its status from the version read and lists it by status', async () => {
    const repo = ts.store.bulkSms;
    const made = await repo.create('b1', settings, { ...ZERO_BULK_COUNTS, pending: 2 }, 2, 'sup1');
    expect(made).toMatchObject({
      id: 'b1',
      status: 'draft',
      version: 1,
      recipients: 2,
      counts: { pending: 2 },
    });
    await expect(repo.create('b1', settings, ZERO_BULK_COUNTS, 0, 'sup1')).rejects.toThrow(/already exists/);
    const started = await repo.setStatus('b1', 1, 'sending', { startedAt: '2026-03-02T02:00:00.000Z' });
    expect(started).toMatchObject({
      ok: true,
      value: { status: 'sending', version: 2, startedAt: expect.any(String) },
    });
    expect(await repo.setStatus('b1', 1, 'paused')).toMatchObject({
      ok: false,
      reason: 'conflict',
      current: { status: 'sending' },
    });
    expect(await repo.setStatus('nope', 1, 'paused')).toEqual({ ok: false, reason: 'not-found' });
    expect((await repo.listByStatus('sending')).map((s) => s.id)).toContain('b1');
    expect((await repo.listByStatus('draft')).map((s) => s.id)).not.toContain('b1');
    expect((await repo.list()).map((s) => s.id)).toContain('b1');
    expect(await repo.get('none')).toBeUndefined();
  });

  it('adds counts from many writers at once without losing one, a status change among them', async () => {
    const repo = ts.store.bulkSms;
    await repo.create('b2', settings, { ...ZERO_BULK_COUNTS, pending: 30 }, 30, 'sup1');
    await Promise.all([
      ...Array.from({ length: 20 }, () => repo.count('b2', { pending: -1, queued: 1 })),
      ...Array.from({ length: 10 }, () => repo.count('b2', { pending: -1, 'skipped-opted-out': 1 })),
      repo.setStatus('b2', 1, 'sending'),
    ]);
    expect(await repo.get('b2')).toMatchObject({
      status: 'sending',
      counts: { pending: 0, queued: 20, 'skipped-opted-out': 10, delivered: 0 },
    });
  });

  it('stores recipients in bulk and reads only the due ones, earliest first', async () => {
    const repo = ts.store.bulkSms;
    const many = Array.from({ length: 60 }, (_, i) => recipient(i + 1));
    many[2] = recipient(3, { status: 'waiting-quiet-hours', dueAt: '2026-03-02T00:00:00.000Z' });
    many[3] = recipient(4, { status: 'skipped-dnc', error: 'do-not-call', dueAt: undefined });
    many[4] = recipient(5, { dueAt: '2026-03-03T00:00:00.000Z' });
    expect(await repo.addRecipients('b3', many)).toBe(60);
    const page = await repo.listRecipients('b3', { limit: 50 });
    expect(page.items.map((r) => r.id).slice(0, 3)).toEqual(['000001', '000002', '000003']);
    expect(page.cursor).toBeDefined();
    const rest = await repo.listRecipients('b3', { cursor: page.cursor });
    expect(rest.items).toHaveLength(10);
    const due = await repo.dueRecipients('b3', '2026-03-02T02:00:00.000Z', 5);
    expect(due.map((r) => r.id)).toEqual(['000003', '000001', '000002', '000006', '000007']);
    const all = await repo.dueRecipients('b3', '2026-03-02T02:00:00.000Z', 200);
    expect(all.map((r) => r.id)).not.toContain('000004'); // skipped: off the list
    expect(all.map((r) => r.id)).not.toContain('000005'); // due tomorrow
    expect(all).toHaveLength(58);
  });

  it('changes a recipient from the version read; queued takes it off the due list', async () => {
    const repo = ts.store.bulkSms;
    await repo.addRecipients('b4', [recipient(1), recipient(2)]);
    const claimed = await repo.updateRecipient('b4', '000001', 1, { status: 'queued', dueAt: null });
    expect(claimed).toMatchObject({ ok: true, value: { status: 'queued', version: 2 } });
    if (claimed.ok) expect(claimed.value.dueAt).toBeUndefined();
    expect(await repo.updateRecipient('b4', '000001', 1, { status: 'queued' })).toMatchObject({
      ok: false,
      reason: 'conflict',
      current: { version: 2 },
    });
    expect(await repo.updateRecipient('b4', '000009', 1, { status: 'queued' })).toEqual({
      ok: false,
      reason: 'not-found',
    });
    const due = await repo.dueRecipients('b4', '2026-03-02T02:00:00.000Z', 10);
    expect(due.map((r) => r.id)).toEqual(['000002']);
    const sent = await repo.updateRecipient('b4', '000001', 2, {
      status: 'failed',
      messageSid: 'SM1',
      error: '30003',
    });
    expect(sent).toMatchObject({ ok: true, value: { status: 'failed', messageSid: 'SM1', error: '30003' } });
    const cleared = await repo.updateRecipient('b4', '000001', 3, { error: null });
    if (cleared.ok) expect(cleared.value.error).toBeUndefined();
    expect(await repo.getRecipient('b4', '000001')).toMatchObject({ messageSid: 'SM1', version: 4 });
  });
});
