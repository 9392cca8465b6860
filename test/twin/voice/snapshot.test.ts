// The voice twin's records through a restart: saved as JSON and brought back into a fresh engine, a queued
// caller keeps its place and wait loop, a conference keeps its participants on hold or muted, and a caller
// inside an IVR document fetches that document again with the same request.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../functions/domain/manual-clock.js';
import { sayMs } from '../../../infra/local/twin/voice/audio-length.js';
import { createVoiceTwin } from '../../../infra/local/twin/voice/create-voice-twin.js';
import { DEFAULT_TIMING } from '../../../infra/local/twin/voice/engine.js';
import { resumeCalls } from '../../../infra/local/twin/voice/resume.js';
import { restoreVoice, snapshotVoice } from '../../../infra/local/twin/voice/snapshot.js';
import { ACCOUNT, type Harness, startHarness, xml } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.twin.numbers.addNumber('+18005550100', { voiceUrl: h.url('/voice') });
});
afterEach(() => h.close());

const call = async (from: string) =>
  (await h.sim('/calls', { from, to: '+18005550100' })).body.callSid as string;

describe('voice snapshot', () => {
  it('restores queue members, conference participants and IVR calls, and carries them on', async () => {
    h.route('/voice', (p) => {
      if (p.From === '+1') return xml('<Say>Hold on</Say><Enqueue waitUrl="/wait">support</Enqueue>');
      if (p.From === '+2' || p.From === '+3') return xml('<Dial><Conference>room</Conference></Dial>');
      return xml('<Gather action="/menu" numDigits="1" timeout="30"><Say>Press 1</Say></Gather>');
    });
    h.route('/wait', xml('<Say>Please wait</Say><Pause length="20"/>'));
    h.route('/menu', xml('<Say>Thanks</Say><Hangup/>'));
    const queued = await call('+1');
    const held = await call('+2');
    const other = await call('+3');
    const ivr = await call('+4');
    const conferenceSid = (await h.view(held)).conferenceSid as string;
    await h.client.conferences(conferenceSid).participants(held).update({ hold: true });
    await h.client.conferences(conferenceSid).participants(other).update({ muted: true });
    const enqueuedAt = h.twin.voice.queues.memberOf(h.twin.voice.calls.get(queued) as never)?.enqueuedAt;

    const saved = JSON.parse(JSON.stringify(snapshotVoice(h.twin.voice)));
    // The old engine's clock stands still from here; only the restored engine's work reaches our webhooks.
    const clock = createManualClock(h.clock.now() + 5_000);
    const again = createVoiceTwin({ account: ACCOUNT, clock, baseUrl: h.twinBase, webhookTimeoutMs: 400 });
    restoreVoice(again.voice, saved);
    const before = h.received.length;
    expect(resumeCalls(again.voice)).toEqual({ resumed: 3, refetched: 1, ended: 0 });
    await again.idle();
    const requests = h.received.slice(before);

    // The queued caller is back in its place, its wait music fetched again with its queue time so far.
    const back = again.voice.calls.get(queued);
    if (!back) throw new Error('queued call not restored');
    const member = again.voice.queues.memberOf(back);
    expect(member?.enqueuedAt).toBe(enqueuedAt);
    expect(member?.queue.friendlyName).toBe('support');
    const wait = requests.find((r) => r.path === '/wait');
    expect(wait?.params).toMatchObject({ CallSid: queued, QueuePosition: '1', QueueTime: '5' });
    expect(back.waitingFor).toBe('queue');

    // The conference kept both participants, one held and one muted: nobody hears anyone.
    const conference = again.voice.conferences.conferences.get(conferenceSid);
    expect(conference?.status).toBe('in-progress');
    expect(conference?.participants.get(held)?.hold).toBe(true);
    expect(conference?.participants.get(other)?.muted).toBe(true);
    expect(conference && again.voice.conferences.hears(conference)).toEqual({ [held]: [], [other]: [] });
    // No new join: the conference's participants did not come and go.
    expect(requests.filter((r) => r.path === '/voice').map((r) => r.params.CallSid)).toEqual([ivr]);

    // The IVR caller hears the menu again and can answer it.
    const ivrCall = again.voice.calls.get(ivr);
    if (!ivrCall) throw new Error('IVR call not restored');
    expect(ivrCall.waitingFor).toBe('input');
    expect(ivrCall.control.input({ digits: '1' })).toBe(true);
    await again.idle();
    expect(h.at('/menu').map((r) => r.params.Digits)).toEqual(['1']);
    await clock.advance(sayMs('Thanks', DEFAULT_TIMING)); // "Thanks" is spoken before the Hangup
    await again.idle();
    expect(ivrCall.status).toBe('completed');

    // Hanging up a resumed participant leaves the conference as usual.
    const heldCall = again.voice.calls.get(held);
    if (!heldCall) throw new Error('held call not restored');
    again.voice.end(heldCall, 'completed');
    await again.idle();
    expect(conference?.participants.has(held)).toBe(false);
  });

  it('ends what it cannot carry on, with its status callback', async () => {
    h.route('/voice', xml('<Dial timeout="30">+15550001111</Dial>'));
    h.route('/status', '');
    h.twin.parties.register('+15550001111', { policy: 'ring' });
    h.twin.numbers.addNumber('+18005550199', { voiceUrl: h.url('/voice'), statusCallback: h.url('/status') });
    const sid = (await h.sim('/calls', { from: '+5', to: '+18005550199' })).body.callSid as string;
    expect((await h.view(sid)).status).toBe('in-progress');

    const saved = JSON.parse(JSON.stringify(snapshotVoice(h.twin.voice)));
    const clock = createManualClock(h.clock.now());
    const again = createVoiceTwin({ account: ACCOUNT, clock, baseUrl: h.twinBase, webhookTimeoutMs: 400 });
    restoreVoice(again.voice, saved);
    // The caller (a two-party Dial) and the ringing leg cannot be picked up faithfully.
    expect(resumeCalls(again.voice)).toEqual({ resumed: 0, refetched: 0, ended: 2 });
    await again.idle();
    expect(again.voice.calls.get(sid)?.status).toBe('completed');
    expect(h.at('/status').map((r) => [r.params.CallSid, r.params.CallStatus])).toContainEqual([
      sid,
      'completed',
    ]);
  });
});
