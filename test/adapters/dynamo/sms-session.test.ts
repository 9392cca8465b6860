// A conversation waiting for a person is routed by two writers that do not wait for each other: the job
// that creates its task and the assignment that gives it to an agent. Each writes only its own fields, so
// neither erases the other whichever lands first, and neither routes a conversation that has ended or
// moved on to another task.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../../support/dynamo.js';

describe('messaging repository: routing a conversation', () => {
  let ts: TestStore;
  beforeAll(async () => {
    ts = await createTestStore();
  });
  afterAll(() => ts.stop());

  const waiting = (phone: string) =>
    ts.store.messaging.putSession({
      phone,
      language: 'en',
      state: 'agent',
      customerId: 'C1',
      updatedAt: '2026-03-02T02:00:00.000Z',
    });

  it('keeps the agent and the task whichever is written first', async () => {
    await waiting('+8613800000001');
    await ts.store.messaging.routeSession('+8613800000001', { taskSid: 'WT1', agentId: '1003' }, 'a');
    await ts.store.messaging.routeSession('+8613800000001', { taskSid: 'WT1' }, 'b');
    expect(await ts.store.messaging.getSession('+8613800000001')).toMatchObject({
      state: 'agent',
      taskSid: 'WT1',
      agentId: '1003',
      customerId: 'C1',
    });

    await waiting('+8613800000002');
    await ts.store.messaging.routeSession('+8613800000002', { taskSid: 'WT2' }, 'a');
    const routed = await ts.store.messaging.routeSession(
      '+8613800000002',
      { taskSid: 'WT2', agentId: '1004' },
      'b',
    );
    expect(routed).toMatchObject({ taskSid: 'WT2', agentId: '1004', language: 'en', updatedAt: 'b' });
  });

  it('loses neither field when both land together', async () => {
    for (let i = 0; i < 10; i++) {
      const phone = `+86138000001${String(i).padStart(2, '0')}`;
      await waiting(phone);
      await Promise.all([
        ts.store.messaging.routeSession(phone, { taskSid: `WT${i}` }, 'job'),
        ts.store.messaging.routeSession(phone, { taskSid: `WT${i}`, agentId: '1003' }, 'assignment'),
      ]);
      expect(await ts.store.messaging.getSession(phone)).toMatchObject({
        taskSid: `WT${i}`,
        agentId: '1003',
      });
    }
  });

  it('starts one wait for a person of several asked for together, and none over one already there', async () => {
    const phone = '+8613800000020';
    const session = { phone, language: 'zh' as const, state: 'agent' as const, updatedAt: 'a' };
    const started = await Promise.all([1, 2, 3].map(() => ts.store.messaging.startWaiting(session)));
    expect(started.filter(Boolean)).toHaveLength(1);
    await ts.store.messaging.routeSession(phone, { taskSid: 'WT20', agentId: '1003' }, 'b');
    expect(await ts.store.messaging.startWaiting(session)).toBe(false);
    expect(await ts.store.messaging.getSession(phone)).toMatchObject({ taskSid: 'WT20', agentId: '1003' });
    // Back with the bot, the next request for a person starts a new wait.
    await ts.store.messaging.putSession({ ...session, state: 'bot' });
    expect(await ts.store.messaging.startWaiting(session)).toBe(true);
  });

  it('refuses a conversation that is on another task, with the bot, or unknown', async () => {
    await waiting('+8613800000003');
    await ts.store.messaging.routeSession('+8613800000003', { taskSid: 'WT3' }, 'a');
    expect(
      await ts.store.messaging.routeSession('+8613800000003', { taskSid: 'WTold', agentId: '1003' }, 'b'),
    ).toBeUndefined();
    expect((await ts.store.messaging.getSession('+8613800000003'))?.agentId).toBeUndefined();

    await ts.store.messaging.putSession({
      phone: '+8613800000004',
      language: 'zh',
      state: 'bot',
      updatedAt: 'a',
    });
    expect(await ts.store.messaging.routeSession('+8613800000004', { taskSid: 'WT4' }, 'b')).toBeUndefined();
    expect(await ts.store.messaging.getSession('+8613800000004')).toEqual({
      phone: '+8613800000004',
      language: 'zh',
      state: 'bot',
      updatedAt: 'a',
    });
    expect(await ts.store.messaging.routeSession('+8613800009999', { taskSid: 'WT5' }, 'b')).toBeUndefined();
    expect(await ts.store.messaging.getSession('+8613800009999')).toBeUndefined();
  });

  it('a colleague taking the conversation over keeps its task, and a later assignment does not take it back', async () => {
    const phone = '+8613800000030';
    await waiting(phone);
    await ts.store.messaging.routeSession(phone, { taskSid: 'WT30' }, 'job');
    const before = await ts.store.messaging.takeSession(phone, '1004', 'reply');
    expect(before).toMatchObject({ taskSid: 'WT30', state: 'agent' });
    expect(before?.agentId).toBeUndefined();
    // The task's assignment to another agent lands after the reply: the conversation stays with 1004.
    expect(
      await ts.store.messaging.routeSession(phone, { taskSid: 'WT30', agentId: '1003' }, 'late'),
    ).toBeUndefined();
    expect(await ts.store.messaging.getSession(phone)).toMatchObject({
      taskSid: 'WT30',
      agentId: '1004',
      customerId: 'C1',
      updatedAt: 'reply',
    });
    expect(await ts.store.messaging.takeSession('+8613800009998', '1004', 'x')).toBeUndefined();
    expect(await ts.store.messaging.getSession('+8613800009998')).toBeUndefined();
  });

  it('ending the conversation returns its task and agent and leaves neither, even written together', async () => {
    const phone = '+8613800000040';
    await waiting(phone);
    await ts.store.messaging.routeSession(phone, { taskSid: 'WT40', agentId: '1003' }, 'a');
    const ended = await ts.store.messaging.endSession(phone, 'closed');
    expect(ended).toMatchObject({ state: 'agent', taskSid: 'WT40', agentId: '1003' });
    expect(await ts.store.messaging.getSession(phone)).toEqual({
      phone,
      language: 'en',
      state: 'bot',
      customerId: 'C1',
      updatedAt: 'closed',
    });
    for (let i = 0; i < 10; i++) {
      const p = `+86138000005${String(i).padStart(2, '0')}`;
      await waiting(p);
      const [routed, was] = await Promise.all([
        ts.store.messaging.routeSession(p, { taskSid: `WT5${i}`, agentId: '1003' }, 'assignment'),
        ts.store.messaging.endSession(p, 'closed'),
      ]);
      const now = await ts.store.messaging.getSession(p);
      expect(now).toMatchObject({ state: 'bot' });
      expect(now?.taskSid).toBeUndefined();
      expect(now?.agentId).toBeUndefined();
      // Whichever landed first, the close saw the task when the routing was written before it.
      if (routed) expect(was?.taskSid).toBe(`WT5${i}`);
    }
    expect(await ts.store.messaging.endSession('+8613800009997', 'x')).toBeUndefined();
  });
});
