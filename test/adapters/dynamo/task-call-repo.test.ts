// Tasks due by time, call records idempotent on CallSid, their listings, and the set of open calls.
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as keys from '../../../functions/adapters/dynamo/keys.js';
import { createTestStore, type TestStore } from '../../support/dynamo.js';
import { countCommands } from '../../support/dynamo-command-count.js';

let ts: TestStore;
beforeAll(async () => {
  ts = await createTestStore();
});
afterAll(() => ts.stop());

describe('task repository', () => {
  it('returns open tasks due at or before a time, earliest first, and drops finished ones', async () => {
    const mk = (dueAt: string) =>
      ts.store.tasks.create({
        kind: 'callback',
        dueAt,
        phone: '+8613800138000',
        maxAttempts: 3,
        assigneeId: '1001',
      });
    const late = await mk('2026-03-01T12:00:00.000Z');
    const early = await mk('2026-03-01T10:00:00.000Z');
    await mk('2026-03-02T10:00:00.000Z');
    if (!late.ok || !early.ok) throw new Error('setup');
    const due = await ts.store.tasks.dueBefore('2026-03-01T12:00:00.000Z');
    expect(due.items.map((t) => t.id)).toEqual([early.value.id, late.value.id]);
    await ts.store.tasks.update(early.value.id, 1, { status: 'done', attempts: 1 });
    expect((await ts.store.tasks.dueBefore('2026-03-01T12:00:00.000Z')).items.map((t) => t.id)).toEqual([
      late.value.id,
    ]);
    expect((await ts.store.tasks.byAssignee('1001')).items).toHaveLength(2);
    expect(await ts.store.tasks.update(late.value.id, 5, { status: 'done' })).toMatchObject({
      reason: 'conflict',
    });
  });
});

describe('call repository', () => {
  const call = {
    callSid: 'CA00000000000000000000000000000001',
    direction: 'inbound' as const,
    from: '+8613800138000',
    to: '+18005550100',
    startedAt: '2026-03-01T09:00:00.000Z',
    status: 'ringing',
    customerId: 'cust-1',
  };

  it('records a call once; a replayed webhook gets the stored record', async () => {
    const first = await ts.store.calls.record(call);
    const replay = await ts.store.calls.record({ ...call, status: 'in-progress' });
    expect(first.created).toBe(true);
    expect(replay.created).toBe(false);
    expect(replay.call.status).toBe('ringing');
  });

  it('merges concurrent updates from different webhooks instead of losing one', async () => {
    await Promise.all([
      ts.store.calls.update(call.callSid, { addTicketNumber: 'CLM-2026-000001' }),
      ts.store.calls.update(call.callSid, { addRecordingSid: 'RE1' }),
      ts.store.calls.update(call.callSid, { agentId: '1001', answeredAt: '2026-03-01T09:01:00.000Z' }),
    ]);
    const stored = await ts.store.calls.get(call.callSid);
    expect(stored?.ticketNumbers).toEqual(['CLM-2026-000001']);
    expect(stored?.recordingSids).toEqual(['RE1']);
    expect(stored?.agentId).toBe('1001');
    expect(stored?.version).toBe(4);
  });

  it('lists calls by day, agent and customer', async () => {
    await ts.store.calls.record({
      ...call,
      callSid: 'CA2',
      startedAt: '2026-03-02T01:00:00.000Z',
      agentId: '1001',
    });
    expect((await ts.store.calls.byDay('2026-03-01')).items.map((c) => c.callSid)).toEqual([call.callSid]);
    expect((await ts.store.calls.byAgent('1001')).items.map((c) => c.callSid)).toEqual(['CA2', call.callSid]);
    expect((await ts.store.calls.byCustomer('cust-1')).items).toHaveLength(2);
    expect(await ts.store.calls.update('CA-missing', { status: 'completed' })).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });
});

describe('call updates', () => {
  const base = {
    direction: 'inbound' as const,
    from: '+8613800138000',
    to: '+18005550100',
    startedAt: '2026-03-03T09:00:00.000Z',
    status: 'ringing',
  };

  it('updates in one write without reading the record, and lists the call under the agent it names', async () => {
    const callSid = 'CA00000000000000000000000000000031';
    await ts.store.calls.record({ ...base, callSid });
    const commands = countCommands(ts.client);
    const saved = await ts.store.calls.update(callSid, { agentId: '1009', queue: 'general' });
    expect(commands.commands).toEqual(['UpdateItemCommand']);
    expect(saved).toMatchObject({ ok: true, value: { agentId: '1009', queue: 'general', version: 2 } });
    expect(saved.ok && 'listedSk' in saved.value).toBe(false);
    expect((await ts.store.calls.byAgent('1009')).items.map((c) => c.callSid)).toEqual([callSid]);
    // Another agent takes it over: listed under them alone.
    await ts.store.calls.update(callSid, { agentId: '1010' });
    expect((await ts.store.calls.byAgent('1009')).items).toEqual([]);
    expect((await ts.store.calls.byAgent('1010')).items.map((c) => c.callSid)).toEqual([callSid]);
    commands.reset();
  });

  it('adds a ticket or a recording once, however often the webhook is replayed', async () => {
    const callSid = 'CA00000000000000000000000000000032';
    await ts.store.calls.record({ ...base, callSid });
    for (let i = 0; i < 3; i++) await ts.store.calls.update(callSid, { addRecordingSid: 'RE9' });
    await ts.store.calls.update(callSid, { addRecordingSid: 'RE10', status: 'in-progress' });
    const stored = await ts.store.calls.get(callSid);
    expect(stored?.recordingSids).toEqual(['RE9', 'RE10']);
    expect(stored?.status).toBe('in-progress');
  });

  it('takes a status callback in one write, answered once, and keeps an ended record final', async () => {
    const callSid = 'CA00000000000000000000000000000035';
    expect(
      await ts.store.calls.progress(callSid, {
        status: 'ringing',
        at: base.startedAt,
        answered: false,
        final: false,
      }),
    ).toEqual({ outcome: 'not-found' });
    await ts.store.calls.record({ ...base, callSid });
    const commands = countCommands(ts.client);
    const answered = await ts.store.calls.progress(callSid, {
      status: 'in-progress',
      at: '2026-03-03T09:00:05.000Z',
      answered: true,
      final: false,
    });
    expect(commands.commands).toEqual(['UpdateItemCommand']);
    expect(answered).toMatchObject({ outcome: 'updated', call: { answeredAt: '2026-03-03T09:00:05.000Z' } });
    await ts.store.calls.progress(callSid, {
      status: 'in-progress',
      at: '2026-03-03T09:00:09.000Z',
      answered: true,
      final: false,
    });
    const ended = await ts.store.calls.progress(callSid, {
      status: 'completed',
      at: '2026-03-03T09:03:00.000Z',
      answered: false,
      final: true,
    });
    expect(ended).toMatchObject({
      outcome: 'updated',
      call: {
        status: 'completed',
        answeredAt: '2026-03-03T09:00:05.000Z',
        endedAt: '2026-03-03T09:03:00.000Z',
      },
    });
    expect((await ts.store.calls.open()).items.map((c) => c.callSid)).not.toContain(callSid);
    const late = await ts.store.calls.progress(callSid, {
      status: 'failed',
      at: '2026-03-03T09:04:00.000Z',
      answered: false,
      final: true,
    });
    expect(late).toMatchObject({ outcome: 'ended', call: { status: 'completed' } });
    commands.reset();
  });

  it('a field given as undefined is removed, as a merge would drop it', async () => {
    const callSid = 'CA00000000000000000000000000000033';
    await ts.store.calls.record({ ...base, callSid, agentId: '1011' });
    await ts.store.calls.update(callSid, { disposition: 'claim-filed' });
    await ts.store.calls.update(callSid, { disposition: undefined, agentId: undefined });
    const stored = await ts.store.calls.get(callSid);
    expect(stored?.disposition).toBeUndefined();
    expect(stored?.agentId).toBeUndefined();
    expect((await ts.store.calls.byAgent('1011')).items).toEqual([]);
  });

  it('a record written before the listed key was kept is updated by reading it, and keeps the key after', async () => {
    const callSid = 'CA00000000000000000000000000000034';
    const doc = DynamoDBDocumentClient.from(ts.client);
    await doc.send(
      new PutCommand({
        TableName: ts.tableName,
        Item: {
          ...base,
          callSid,
          ticketNumbers: [],
          recordingSids: [],
          createdAt: base.startedAt,
          updatedAt: base.startedAt,
          version: 1,
          pk: keys.call(callSid),
          sk: keys.ITEM_SK,
          entity: 'call',
          gsi2pk: keys.callDay('2026-03-03'),
          gsi2sk: keys.byTime(base.startedAt, callSid),
        },
      }),
    );
    await ts.store.calls.update(callSid, { agentId: '1012' });
    expect((await ts.store.calls.byAgent('1012')).items.map((c) => c.callSid)).toEqual([callSid]);
    const commands = countCommands(ts.client);
    await ts.store.calls.update(callSid, { agentId: '1013' });
    expect(commands.commands).toEqual(['UpdateItemCommand']);
    expect((await ts.store.calls.byAgent('1013')).items.map((c) => c.callSid)).toEqual([callSid]);
  });
});

describe('open calls', () => {
  let os: TestStore;
  beforeAll(async () => {
    os = await createTestStore();
  });
  afterAll(() => os.stop());

  const sid = (n: number) => `CA${String(n).padStart(32, '0')}`;
  const start = (n: number, extra: Record<string, unknown> = {}) =>
    os.store.calls.record({
      callSid: sid(n),
      direction: 'inbound',
      from: '+8613800138000',
      to: '+18005550100',
      startedAt: new Date(Date.parse('2026-03-01T09:00:00Z') + n * 1000).toISOString(),
      status: 'ringing',
      ...extra,
    });
  const openSids = async () => {
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await os.store.calls.open({ limit: 2, ...(cursor ? { cursor } : {}) });
      all.push(...page.items.map((c) => c.callSid));
      cursor = page.cursor;
    } while (cursor);
    return all;
  };

  it('finds the calls without an end, oldest first, and forgets each once its end is written', async () => {
    for (const n of [3, 1, 2, 4]) await start(n);
    await start(5, { status: 'completed', endedAt: '2026-03-01T09:00:06.000Z' });
    // A replay with a different start time leaves the one open call in the set, not two.
    await start(1, { startedAt: '2026-03-01T09:30:00.000Z' });
    expect(await openSids()).toEqual([sid(1), sid(2), sid(3), sid(4)]);
    await os.store.calls.update(sid(2), { status: 'in-progress', answeredAt: '2026-03-01T09:00:03.000Z' });
    await os.store.calls.update(sid(3), { status: 'completed', endedAt: '2026-03-01T09:01:00.000Z' });
    expect(await openSids()).toEqual([sid(1), sid(2), sid(4)]);
  });

  it('skips and removes a marker whose call ended or was never written (an interrupted write)', async () => {
    const doc = DynamoDBDocumentClient.from(os.client);
    const marker = (callSid: string, startedAt: string) => ({
      pk: keys.OPEN_CALLS,
      sk: keys.byTime(startedAt, callSid),
      entity: 'open-call',
      callSid,
    });
    // The record's end was written, then the process died before the marker went.
    await doc.send(
      new PutCommand({ TableName: os.tableName, Item: marker(sid(3), '2026-03-01T09:00:03.000Z') }),
    );
    // The marker was written, then the process died before the record.
    await doc.send(
      new PutCommand({ TableName: os.tableName, Item: marker(sid(9), '2026-03-01T08:00:00.000Z') }),
    );
    expect(await openSids()).toEqual([sid(1), sid(2), sid(4)]);
    const left = await doc.send(
      new QueryCommand({
        TableName: os.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.OPEN_CALLS },
      }),
    );
    expect(left.Items?.map((i) => i.callSid)).toEqual([sid(1), sid(2), sid(4)]);
  });
});
