// A text's status reports: each one written once without a read, kept in the history in arrival order,
// and a late report never moves a final status back (Twilio's callbacks can arrive out of order).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../../support/dynamo.js';
import { countCommands } from '../../support/dynamo-command-count.js';

describe('messaging repository: status reports', () => {
  let ts: TestStore;
  beforeAll(async () => {
    ts = await createTestStore();
  });
  afterAll(() => ts.stop());

  const message = (sid: string) => ({
    sid,
    direction: 'outbound' as const,
    phone: '+8613712345678',
    body: '您好',
    at: '2026-03-02T02:00:00.000Z',
    status: 'queued',
  });

  it('advances in one write each, and a late report joins the history without moving a final status', async () => {
    await ts.store.messaging.saveMessage(message('SM1'));
    const count = countCommands(ts.client);
    const sent = await ts.store.messaging.recordStatus('SM1', 'sent', '2026-03-02T02:00:01.000Z');
    expect(sent?.status).toBe('sent');
    const delivered = await ts.store.messaging.recordStatus('SM1', 'delivered', '2026-03-02T02:00:02.000Z');
    expect(delivered?.status).toBe('delivered');
    expect(count.commands).toEqual(['UpdateItemCommand', 'UpdateItemCommand']);
    // 'sent' arriving after 'delivered', then 'read', which outranks it.
    expect((await ts.store.messaging.recordStatus('SM1', 'sent', '2026-03-02T02:00:03.000Z'))?.status).toBe(
      'delivered',
    );
    const read = await ts.store.messaging.recordStatus('SM1', 'read', '2026-03-02T02:00:04.000Z', undefined);
    expect(read?.status).toBe('read');
    const stored = await ts.store.messaging.getMessage('SM1');
    expect(stored?.status).toBe('read');
    expect(stored?.statusHistory?.map((h) => h.status)).toEqual(['sent', 'delivered', 'sent', 'read']);
  });

  it('keeps the error code of a failed text, and answers nothing for an unknown sid', async () => {
    await ts.store.messaging.saveMessage(message('SM2'));
    const failed = await ts.store.messaging.recordStatus(
      'SM2',
      'failed',
      '2026-03-02T02:00:01.000Z',
      '30003',
    );
    expect(failed).toMatchObject({ status: 'failed', errorCode: '30003' });
    expect(
      await ts.store.messaging.recordStatus('SMnone', 'sent', '2026-03-02T02:00:01.000Z'),
    ).toBeUndefined();
    expect(await ts.store.messaging.getMessage('SMnone')).toBeUndefined();
  });

  it('loses no report when several arrive together', async () => {
    await ts.store.messaging.saveMessage(message('SM3'));
    await Promise.all(
      ['sending', 'sent', 'delivered'].map((status, i) =>
        ts.store.messaging.recordStatus('SM3', status, `2026-03-02T02:00:0${i + 1}.000Z`),
      ),
    );
    const stored = await ts.store.messaging.getMessage('SM3');
    expect(stored?.statusHistory).toHaveLength(3);
    expect(stored?.status).toBe('delivered');
  });
});
