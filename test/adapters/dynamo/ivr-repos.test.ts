// IVR storage: blacklist by number, voicemails idempotent on RecordingSid and listed by status and
// customer, settings documents, and callback tasks carrying the original enqueue time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../../support/dynamo.js';

let ts: TestStore;
beforeAll(async () => {
  ts = await createTestStore();
});
afterAll(() => ts.stop());

describe('blacklist repository', () => {
  it('adds, reads, lists and removes numbers', async () => {
    await ts.store.blacklist.put({
      phone: '+8613000000001',
      action: 'reject',
      reason: 'abuse',
      createdBy: 'admin',
    });
    await ts.store.blacklist.put({ phone: '+8613000000002', reason: 'spam', createdBy: 'admin' });
    expect(await ts.store.blacklist.get('+8613000000001')).toMatchObject({
      action: 'reject',
      reason: 'abuse',
    });
    expect((await ts.store.blacklist.list()).items.map((e) => e.phone)).toEqual([
      '+8613000000001',
      '+8613000000002',
    ]);
    await ts.store.blacklist.remove('+8613000000001');
    expect(await ts.store.blacklist.get('+8613000000001')).toBeUndefined();
  });

  it('keeps whitelisted numbers on their own list; whitelisting a blocked number lifts the block', async () => {
    await ts.store.blacklist.put({ phone: '+8613000000003', reason: 'spam', createdBy: 'admin' });
    await ts.store.blacklist.put({
      phone: '+8613000000003',
      action: 'allow',
      reason: 'fleet',
      createdBy: 'sup',
    });
    await ts.store.blacklist.put({
      phone: '+8613000000004',
      action: 'allow',
      reason: 'VIP',
      createdBy: 'sup',
    });
    expect(await ts.store.blacklist.get('+8613000000003')).toMatchObject({
      action: 'allow',
      reason: 'fleet',
    });
    expect((await ts.store.blacklist.listAllowed()).items.map((e) => e.phone)).toEqual([
      '+8613000000003',
      '+8613000000004',
    ]);
    expect((await ts.store.blacklist.list()).items.map((e) => e.phone)).not.toContain('+8613000000003');
  });
});

describe('voicemail repository', () => {
  const vm = (sid: string, customerId?: string) => ({
    recordingSid: sid,
    callSid: `CA${'1'.repeat(32)}`,
    caller: '+8613800138000',
    called: '+18005550100',
    queue: 'claims',
    language: 'zh' as const,
    durationSeconds: 12,
    reason: 'after-hours',
    ...(customerId ? { customerId } : {}),
  });

  it('writes once per RecordingSid and lists new ones newest first and by customer', async () => {
    const first = await ts.store.voicemails.create(vm(`RE${'a'.repeat(32)}`, 'cus-1'));
    expect(first).toMatchObject({ created: true, voicemail: { status: 'new', version: 1 } });
    const replay = await ts.store.voicemails.create({
      ...vm(`RE${'a'.repeat(32)}`, 'cus-1'),
      durationSeconds: 99,
    });
    expect(replay).toMatchObject({ created: false, voicemail: { durationSeconds: 12 } });
    await ts.clock.advance(1000);
    await ts.store.voicemails.create(vm(`RE${'b'.repeat(32)}`));
    const listed = await ts.store.voicemails.byStatus('new');
    expect(listed.items.map((v) => v.recordingSid)).toEqual([`RE${'b'.repeat(32)}`, `RE${'a'.repeat(32)}`]);
    expect((await ts.store.voicemails.byCustomer('cus-1')).map((v) => v.recordingSid)).toEqual([
      `RE${'a'.repeat(32)}`,
    ]);
    const handled = await ts.store.voicemails.update(`RE${'a'.repeat(32)}`, 1, {
      status: 'handled',
      taskId: 't1',
    });
    expect(handled).toMatchObject({ ok: true, value: { status: 'handled', taskId: 't1', version: 2 } });
    expect((await ts.store.voicemails.byStatus('new')).items).toHaveLength(1);
    expect(await ts.store.voicemails.update(`RE${'a'.repeat(32)}`, 1, { status: 'new' })).toMatchObject({
      ok: false,
      reason: 'conflict',
    });
  });
});

describe('settings and callback tasks', () => {
  it('stores named documents', async () => {
    expect(await ts.store.settings.get('taskrouter')).toBeUndefined();
    await ts.store.settings.put('taskrouter', { workflowSid: 'WW1' });
    await ts.store.settings.put('taskrouter', { workflowSid: 'WW2' });
    expect(await ts.store.settings.get('taskrouter')).toEqual({ workflowSid: 'WW2' });
  });

  it('reads several documents in one request, leaving out the missing ones', async () => {
    await ts.store.settings.put('many-a', { a: 1 });
    await ts.store.settings.put('many-b', null);
    const found = await ts.store.settings.getMany(['many-a', 'many-b', 'many-missing']);
    expect([...found.entries()]).toEqual(
      expect.arrayContaining([
        ['many-a', { a: 1 }],
        ['many-b', null],
      ]),
    );
    expect(found.has('many-missing')).toBe(false);
    expect(found.size).toBe(2);
  });

  it('changes a document without losing a concurrent change', async () => {
    type Workers = { workers: Record<string, string> };
    const ids = Array.from({ length: 8 }, (_, i) => `10${i}`);
    await Promise.all(
      ids.map((id) =>
        ts.store.settings.change<Workers>('workers-test', (current) => ({
          workers: { ...(current?.workers ?? {}), [id]: `WK${id}` },
        })),
      ),
    );
    const stored = await ts.store.settings.get<Workers>('workers-test');
    expect(Object.keys(stored?.workers ?? {}).sort()).toEqual(ids);
    // Declining to change leaves it as it was, and says what is stored.
    expect(await ts.store.settings.change<Workers>('workers-test', () => undefined)).toEqual(stored);
  });

  it('keeps the original enqueue time on a callback task', async () => {
    const made = await ts.store.tasks.create({
      kind: 'callback',
      dueAt: '2026-03-01T10:00:00.000Z',
      phone: '+8613800138000',
      queue: 'claims',
      maxAttempts: 3,
      enqueuedAt: '2026-03-01T09:58:00.000Z',
      language: 'zh',
    });
    if (!made.ok) throw new Error('setup');
    expect(await ts.store.tasks.get(made.value.id)).toMatchObject({ enqueuedAt: '2026-03-01T09:58:00.000Z' });
  });
});
