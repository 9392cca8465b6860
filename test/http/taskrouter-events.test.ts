// The TaskRouter event callback: every event is acknowledged with Twilio's 204, and an event the center
// does not consume (one its workspace's EventsFilter should have kept back) is logged, not dropped silently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    const res = await h.twilio('/twilio/taskrouter/events', { ...base, EventType: 'task.created' });
    expect(res.status).toBe(204);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(h.logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        msg: expect.stringContaining('not consumed'),
        eventType: 'task.created',
        consumed: ['reservation.rejected', 'reservation.timeout'],
      }),
    );
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
