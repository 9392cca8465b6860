// <Record> and recordings (docs/twilio-behaviour.md §3.5, §5.2-5.3, Appendix A item 8): beep, finishOnKey, maxLength, silence
// timeout, action always (default: current document), RecordingSource=RecordVerb callbacks, playable WAV/MP3 media
// through the official client's REST paths, soft delete.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wavSeconds } from '../../../infra/local/twin/voice/audio-files.js';
import { ACCOUNT, type Harness, startHarness, xml } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const auth = {
  Authorization: `Basic ${Buffer.from(`${ACCOUNT.accountSid}:${ACCOUNT.authToken}`).toString('base64')}`,
};

describe('Record (§3.5)', () => {
  it('beeps, ends on a finishOnKey key, posts RecordingUrl/Duration/Sid/Digits to the action, then the callback', async () => {
    h.route(
      '/voice',
      xml(
        '<Say>Leave a message</Say><Record action="/done" finishOnKey="#" recordingStatusCallback="/rec"/><Say>never</Say>',
      ),
    );
    h.route('/done', xml('<Say>Bye</Say>'));
    h.route('/rec', '');
    const sid = await h.call('/voice');
    let v = await h.view(sid);
    expect(v.heard.map((x: { verb: string }) => x.verb)).toEqual(['say', 'beep']);
    expect(v.waitingFor).toBe('recording');
    await h.advance(7000);
    await h.press(sid, '5'); // not a finish key here
    await h.advance(1000);
    await h.press(sid, '#');
    const action = h.at('/done')[0]?.params;
    expect(action).toMatchObject({ RecordingDuration: '8', Digits: '#', CallSid: sid });
    expect(action?.RecordingSid).toMatch(/^RE[0-9a-f]{32}$/);
    expect(action?.RecordingUrl).toBe(
      `${h.twinBase()}/api/2010-04-01/Accounts/${ACCOUNT.accountSid}/Recordings/${action?.RecordingSid}`,
    );
    const cb = h.at('/rec')[0]?.params;
    expect(cb).toMatchObject({
      RecordingSource: 'RecordVerb',
      RecordingChannels: '1',
      RecordingStatus: 'completed',
      RecordingDuration: '8',
      RecordingSid: action?.RecordingSid,
      CallSid: sid,
    });
    expect(h.at('/rec')[0]?.signatureValid).toBe(true);
    v = await h.view(sid);
    expect(v.heard.at(-1).text).toBe('Bye');

    const wav = await fetch(`${action?.RecordingUrl}.wav`, { headers: auth });
    expect(wav.headers.get('content-type')).toBe('audio/x-wav');
    const buf = Buffer.from(await wav.arrayBuffer());
    expect(buf.toString('ascii', 0, 4)).toBe('RIFF');
    expect(buf.toString('ascii', 8, 12)).toBe('WAVE');
    expect(buf.readUInt16LE(20)).toBe(1);
    expect(buf.readUInt32LE(4)).toBe(buf.length - 8);
    expect(wavSeconds(buf)).toBe(8);
    // No extension is WAV too (docs/twilio-behaviour.md §5.3).
    expect((await fetch(action?.RecordingUrl as string, { headers: auth })).headers.get('content-type')).toBe(
      'audio/x-wav',
    );
    const mp3 = Buffer.from(
      await (await fetch(`${action?.RecordingUrl}.mp3`, { headers: auth })).arrayBuffer(),
    );
    expect([mp3[0], mp3[1]]).toEqual([0xff, 0xfb]);
    expect(Math.round(((mp3.length / 104) * 1152) / 44_100)).toBe(8);
  });

  it('stops at maxLength and goes to the current document when there is no action', async () => {
    let n = 0;
    h.route('/voice', () => (n++ === 0 ? xml('<Record maxLength="4" playBeep="false"/>') : xml('<Hangup/>')));
    const sid = await h.call('/voice');
    expect((await h.view(sid)).heard).toEqual([]);
    await h.advance(4000);
    expect(h.at('/voice')[1]?.params).toMatchObject({ RecordingDuration: '4', Digits: '' });
  });

  it('ends after `timeout` seconds of silence once the caller stopped talking, trimming the silence', async () => {
    h.route('/voice', xml('<Record action="/done" timeout="3"/>'));
    h.route('/done', xml('<Hangup/>'));
    const sid = await h.call('/voice');
    await h.advance(6000);
    await h.say(sid, 'my car broke down');
    await h.advance(2999);
    expect(h.at('/done')).toHaveLength(0);
    await h.advance(1);
    expect(h.at('/done')[0]?.params.RecordingDuration).toBe('6');
  });

  it('a hang-up during recording still requests the action with Digits=hangup', async () => {
    h.route('/voice', xml('<Record action="/done"/>'));
    h.route('/done', xml('<Say>ignored</Say>'));
    const sid = await h.call('/voice');
    await h.advance(3000);
    await h.sim(`/calls/${sid}/hangup`, {});
    await h.twin.idle();
    expect(h.at('/done')[0]?.params).toMatchObject({ Digits: 'hangup', RecordingDuration: '3' });
  });
});

describe('Recording resource (§5.3)', () => {
  it('fetch, list by call and delete through the official client; deleted media is gone, metadata stays soft-deleted', async () => {
    h.route('/voice', xml('<Record action="/done" maxLength="2"/>'));
    h.route('/done', xml('<Hangup/>'));
    const sid = await h.call('/voice');
    await h.advance(2000);
    const reSid = h.at('/done')[0]?.params.RecordingSid as string;
    const rec = await h.client.recordings(reSid).fetch();
    expect(rec).toMatchObject({
      sid: reSid,
      callSid: sid,
      duration: '2',
      status: 'completed',
      source: 'RecordVerb',
      channels: 1,
    });
    expect(rec.dateCreated).toBeInstanceOf(Date);
    expect((await h.client.calls(sid).recordings.list()).map((r) => r.sid)).toEqual([reSid]);
    expect((await h.client.recordings.list({ callSid: sid })).map((r) => r.sid)).toEqual([reSid]);
    expect(await h.client.recordings(reSid).remove()).toBe(true);
    await expect(h.client.recordings(reSid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
    const soft = await fetch(
      `${h.twinBase()}/api/2010-04-01/Accounts/${ACCOUNT.accountSid}/Recordings/${reSid}.json?IncludeSoftDeleted=true`,
      { headers: auth },
    );
    expect(((await soft.json()) as { status: string }).status).toBe('deleted');
    const media = await fetch(
      `${h.twinBase()}/api/2010-04-01/Accounts/${ACCOUNT.accountSid}/Recordings/${reSid}.wav`,
      { headers: auth },
    );
    expect(media.status).toBe(404);
  });

  it('Calls.create Record=true records the answered call (RecordingSource OutboundAPI) and reports it on completed', async () => {
    h.route('/out', xml('<Pause length="9"/>'));
    h.route('/status', '');
    h.route('/rec', '');
    h.twin.numbers.addNumber('+18005550100'); // the caller id must be the account's own (21210)
    await h.client.calls.create({
      to: '+14155550100',
      from: '+18005550100',
      url: h.url('/out'),
      record: true,
      recordingStatusCallback: h.url('/rec'),
      statusCallback: h.url('/status'),
    });
    await h.twin.idle();
    await h.advance(9000);
    expect(h.at('/rec')[0]?.params).toMatchObject({ RecordingSource: 'OutboundAPI', RecordingDuration: '9' });
    expect(h.at('/status')[0]?.params).toMatchObject({ CallStatus: 'completed', RecordingDuration: '9' });
    expect(h.at('/status')[0]?.params.RecordingUrl).toContain('/Recordings/RE');
  });
});
