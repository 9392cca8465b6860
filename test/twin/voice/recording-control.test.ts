// Pause, resume and stop of a live call recording through the official client (docs/twilio-behaviour.md §5.1 item 4):
// Twilio.CURRENT and the RecordingSid, PauseBehavior, a finished recording refused, an unknown call 404.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALLER, type Harness, OUR_NUMBER, startHarness, xml } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

async function recordedCall() {
  h.route('/talk', xml('<Pause length="600"/>'));
  h.route('/rec', '');
  h.twin.numbers.addNumber(OUR_NUMBER); // the caller id must be the account's own (21210)
  const call = await h.client.calls.create({
    to: CALLER,
    from: OUR_NUMBER,
    url: h.url('/talk'),
    record: true,
    recordingStatusCallback: h.url('/rec'),
  });
  await h.advance(1000);
  return call.sid;
}

describe('recording pause/resume/stop (§5.1)', () => {
  it('pauses and resumes Twilio.CURRENT, then stops it with its completed callback', async () => {
    const sid = await recordedCall();
    const paused = await h.client.calls(sid).recordings('Twilio.CURRENT').update({
      status: 'paused',
      pauseBehavior: 'skip',
    });
    expect(paused.status).toBe('paused');
    expect(paused.callSid).toBe(sid);
    expect(paused.sid).toMatch(/^RE[0-9a-f]{32}$/);
    const resumed = await h.client.calls(sid).recordings(paused.sid).update({ status: 'in-progress' });
    expect(resumed.status).toBe('in-progress');
    await h.advance(5000);
    const stopped = await h.client.calls(sid).recordings('Twilio.CURRENT').update({ status: 'stopped' });
    expect(stopped.status).toBe('completed');
    expect(h.at('/rec')[0]?.params).toMatchObject({ RecordingSid: paused.sid, RecordingStatus: 'completed' });
    const again = h.client.calls(sid).recordings(paused.sid).update({ status: 'paused' });
    await expect(again).rejects.toMatchObject({ status: 400, code: 21220 });
  });

  it('answers 404 for a call without a live recording or an unknown call, 400 for a bad Status', async () => {
    h.route('/talk', xml('<Pause length="600"/>'));
    h.twin.numbers.addNumber(OUR_NUMBER);
    const plain = await h.client.calls.create({ to: CALLER, from: OUR_NUMBER, url: h.url('/talk') });
    await h.advance(1000);
    const none = h.client.calls(plain.sid).recordings('Twilio.CURRENT').update({ status: 'paused' });
    await expect(none).rejects.toMatchObject({ status: 404, code: 20404 });
    const unknown = h.client
      .calls(`CA${'9'.repeat(32)}`)
      .recordings('Twilio.CURRENT')
      .update({
        status: 'paused',
      });
    await expect(unknown).rejects.toMatchObject({ status: 404 });
    const sid = await recordedCall();
    const bad = h.client
      .calls(sid)
      .recordings('Twilio.CURRENT')
      .update({ status: 'absent' as 'paused' });
    await expect(bad).rejects.toMatchObject({ status: 400 });
  });
});
