// The TaskRouter events a whole call posts to the app on the local stack (warranty line, Monday 10:00
// Shanghai, manual clock): a ring left to time out, the next agent answering, the call ending and wrap-up.
// The workspace's EventsFilter (docs/twilio-behaviour.md §4.1, §4.9) keeps every other event off the wire,
// so the app is never posted an event it only acknowledges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routing as routingData } from '../../../flows/routing.js';
import { CONSUMED_TASKROUTER_EVENTS } from '../../../functions/domain/taskrouter-events.js';
import { type IvrHarness, startIvr } from './support.js';

const JOHN_SMITH = '+14155550123'; // platinum, English: key 7 queues to general

let h: IvrHarness;
beforeAll(async () => {
  h = await startIvr('2026-03-02T02:00:00Z');
});
afterAll(() => h.stop());

/** The EventType of every event callback the twin posted to the app, in order. */
function postedEvents(): string[] {
  return h.stack.twin.voice.log
    .all()
    .map((e) => e.detail as { direction?: string; url?: string; params?: Record<string, string> } | undefined)
    .filter((d) => d?.direction === 'request' && d.url?.endsWith('/twilio/taskrouter/events'))
    .map((d) => d?.params?.EventType ?? '');
}

describe('TaskRouter events posted during a call', () => {
  it('are only the ones the app consumes, and those still arrive', async () => {
    await fetch(`${h.stack.url}/sim/parties`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ address: 'client:1002', policy: 'ring' }),
    });
    await h.answering('1003');
    await h.setActivity('1002', 'Available');
    const sid = await h.call(JOHN_SMITH);
    await h.press(sid, '7');
    expect((await h.view(sid)).queueSid).not.toBeNull();
    await h.advance(routingData.ringSeconds + 2);
    expect((await h.worker('1002')).activityName).toBe('Missed');
    await h.setActivity('1003', 'Available');
    for (let waited = 0; !(await h.agentOn(sid)) && waited < routingData.overflowAfterSeconds; waited++)
      await h.advance(1);
    expect(await h.agentOn(sid)).toBe('1003');
    await h.advance(30);
    await h.hangup(sid);
    await h.advance(routingData.wrapUpSeconds + 5);

    const posted = postedEvents();
    expect(posted).toContain('reservation.timeout');
    const unconsumed = posted.filter((t) => !(CONSUMED_TASKROUTER_EVENTS as readonly string[]).includes(t));
    expect(unconsumed).toEqual([]);
  });
});
