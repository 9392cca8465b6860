// The TaskRouter event callback: every event is acknowledged with Twilio's 204, and an event the center
// does not consume (one its workspace's EventsFilter should have kept back) is logged, not dropped silently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSUMED_TASKROUTER_EVENTS } from '../../functions/domain/taskrouter-events.js';
import { createHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.stop());

const base = {
  AccountSid: `AC${'0'.repeat(32)}`,
  WorkspaceSid: `WS${'0'.repeat(32)}`,
  ResourceType: 'Task',
  ResourceSid: `WT${'0'.repeat(32)}`,
  TaskSid: `WT${'0'.repeat(32)}`,
};

describe('POST /twilio/taskrouter/events', () => {
  it('acknowledges an event the center does not consume and says so in the log', async () => {
    h.logger.lines.length = 0;
    const res = await h.twilio('/twilio/taskrouter/events', { ...base, EventType: 'task.updated' });
    expect(res.status).toBe(204);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(h.logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        msg: expect.stringContaining('not consumed'),
        eventType: 'task.updated',
        consumed: [...CONSUMED_TASKROUTER_EVENTS],
      }),
    );
  });

  it('writes a queued and an answered call into the history once, however often TaskRouter posts them', async () => {
    const callSid = `CA${'7'.repeat(32)}`;
    const attributes = JSON.stringify({
      type: 'inbound',
      call_sid: callSid,
      queue: 'claims',
      flow: 'warranty',
      language: 'zh',
      vip: 'gold',
      from: '+8613800138000',
    });
    const created = {
      ...base,
      EventType: 'task.created',
      TaskAttributes: attributes,
      Timestamp: '1796601600',
    };
    const accepted = {
      ...base,
      EventType: 'reservation.accepted',
      ResourceType: 'Reservation',
      ReservationSid: `WR${'1'.repeat(32)}`,
      WorkerSid: `WK${'1'.repeat(32)}`,
      WorkerName: '1001',
      TaskAttributes: attributes,
      TaskAge: '17',
      Timestamp: '1796601617',
    };
    for (const event of [created, accepted, created, accepted])
      expect((await h.twilio('/twilio/taskrouter/events', event)).status).toBe(204);
    const events = await h.store.events.ofCall(callSid);
    expect(events.map((e) => [e.type, e.queue, e.hotline, e.tier, e.agent, e.n?.waitSeconds])).toEqual([
      ['call.queued', 'claims', 'warranty', 'gold', undefined, undefined],
      ['call.answered', 'claims', 'warranty', 'gold', '1001', 17],
    ]);
  });

  it('logs a consumed event that lacks the reservation it is about', async () => {
    h.logger.lines.length = 0;
    const res = await h.twilio('/twilio/taskrouter/events', { ...base, EventType: 'reservation.timeout' });
    expect(res.status).toBe(204);
    expect(h.logger.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', eventType: 'reservation.timeout' }),
    );
    expect(h.logger.lines.some((l) => String(l.msg).includes('not consumed'))).toBe(false);
  });
});
