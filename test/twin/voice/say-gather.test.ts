// <Say>, <Play>, <Pause> and <Gather> through the sim API (docs/twilio-behaviour.md §3.1-3.4, Appendix A item 2).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sayMs } from '../../../infra/local/twin/voice/audio-length.js';
import { DEFAULT_TIMING } from '../../../infra/local/twin/voice/engine.js';
import { type Harness, startHarness, xml } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

describe('Say, Play, Pause (§3.1-3.3)', () => {
  it('records what the caller heard in order with language, voice and loop, then hangs up at the end', async () => {
    h.route(
      '/voice',
      xml(
        '<Say voice="Polly.Zhiyu-Neural" language="cmn-CN">您好</Say><Play loop="2">https://x.example/a.mp3</Play>' +
          '<Say>Goodbye &amp; thanks</Say>',
      ),
    );
    const sid = await h.call('/voice');
    const v = await h.view(sid);
    expect(v.heard).toEqual([
      { verb: 'say', text: '您好', language: 'cmn-CN', voice: 'Polly.Zhiyu-Neural' },
      { verb: 'play', text: 'https://x.example/a.mp3', loop: 2 },
      { verb: 'say', text: 'Goodbye & thanks', language: 'en-US' },
    ]);
    expect(v.status).toBe('completed');
    expect(h.at('/voice')[0]?.signatureValid).toBe(true);
  });

  it('a Pause takes its length on the clock before the next verb runs', async () => {
    h.route('/voice', xml('<Say>one</Say><Pause length="3"/><Say>two</Say>'));
    const sid = await h.call('/voice', {}, { listen: false });
    expect((await h.view(sid)).heard.map((x: { text: string }) => x.text)).toEqual(['one']);
    await h.advance(sayMs('one', DEFAULT_TIMING));
    await h.advance(2999);
    expect((await h.view(sid)).status).toBe('in-progress');
    await h.advance(1);
    expect((await h.view(sid)).heard.map((x: { text: string }) => x.text)).toEqual(['one', 'two']);
    await h.advance(sayMs('two', DEFAULT_TIMING));
    expect((await h.view(sid)).status).toBe('completed');
  });
});

describe('Gather (§3.4)', () => {
  it('sends Digits without the finishOnKey key to the action with the standard parameters', async () => {
    h.route(
      '/voice',
      xml('<Gather action="/menu" numDigits="5"><Say>Enter your id</Say></Gather><Say>none</Say>'),
    );
    h.route('/menu', xml('<Say>Thanks</Say>'));
    const sid = await h.call('/voice');
    expect((await h.view(sid)).waitingFor).toBe('input');
    await h.press(sid, '1234#');
    const req = h.at('/menu')[0];
    expect(req?.params).toMatchObject({
      Digits: '1234',
      CallSid: sid,
      AccountSid: h.twin.context.account.accountSid,
    });
    expect(req?.params).toMatchObject({
      From: '+8613800138000',
      To: '+18005550100',
      ApiVersion: '2010-04-01',
    });
    expect(req?.params.Direction).toBe('inbound');
    expect(req?.params.CallStatus).toBe('in-progress');
    expect(req?.signatureValid).toBe(true);
    expect((await h.view(sid)).heard.at(-1).text).toBe('Thanks');
  });

  it('stops at numDigits', async () => {
    h.route('/voice', xml('<Gather action="/menu" numDigits="1"/>'));
    h.route('/menu', xml('<Hangup/>'));
    const sid = await h.call('/voice');
    await h.press(sid, '27');
    expect(h.at('/menu')[0]?.params.Digits).toBe('2');
  });

  it('falls through to the next verb when the timeout passes with no input', async () => {
    h.route(
      '/voice',
      xml('<Gather action="/menu" timeout="3"><Say>Press</Say></Gather><Say>We did not hear you</Say>'),
    );
    const sid = await h.call('/voice');
    await h.advance(2999);
    expect((await h.view(sid)).waitingFor).toBe('input');
    await h.advance(1);
    const v = await h.view(sid);
    expect(v.heard.at(-1).text).toBe('We did not hear you');
    expect(h.at('/menu')).toHaveLength(0);
  });

  it('requests the action on no input when actionOnEmptyResult is true', async () => {
    h.route('/voice', xml('<Gather action="/menu" actionOnEmptyResult="true"/>'));
    h.route('/menu', xml('<Hangup/>'));
    await h.call('/voice');
    await h.advance(5000);
    expect(h.at('/menu')[0]?.params.Digits).toBe('');
  });

  it('posts to the current document when there is no action (and may loop)', async () => {
    let n = 0;
    h.route('/voice', () => (n++ === 0 ? xml('<Gather numDigits="1"/>') : xml('<Say>again</Say>')));
    const sid = await h.call('/voice');
    await h.press(sid, '9');
    expect(h.at('/voice')).toHaveLength(2);
    expect(h.at('/voice')[1]?.params.Digits).toBe('9');
    expect((await h.view(sid)).heard.at(-1).text).toBe('again');
  });

  it('takes speech as SpeechResult (with Confidence) and honours method GET', async () => {
    h.route(
      '/voice',
      xml('<Gather input="speech dtmf" action="/speech" method="GET" language="cmn-Hans-CN"/>'),
    );
    h.route('/speech', xml('<Hangup/>'));
    const sid = await h.call('/voice');
    await h.say(sid, 'billing please');
    const req = h.at('/speech')[0];
    expect(req?.method).toBe('GET');
    expect(req?.params.SpeechResult).toBe('billing please');
    // Twilio's Confidence is a decimal between 0 and 1.
    expect(req?.params.Confidence).toMatch(/^(0(\.\d+)?|1(\.0+)?)$/);
    expect(req?.signatureValid).toBe(true);
  });

  it('restarts the timeout after each key (input arriving in pieces)', async () => {
    h.route('/voice', xml('<Gather action="/menu" timeout="5"/>'));
    h.route('/menu', xml('<Hangup/>'));
    const sid = await h.call('/voice');
    await h.press(sid, '1');
    await h.advance(4000);
    await h.press(sid, '2');
    await h.advance(4000);
    expect(h.at('/menu')).toHaveLength(0);
    await h.advance(1000);
    expect(h.at('/menu')[0]?.params.Digits).toBe('12');
    expect((await h.view(sid)).status).toBe('completed');
  });

  it('a key press during the nested prompt stops it (barge-in)', async () => {
    h.route(
      '/voice',
      xml('<Gather action="/menu" numDigits="1"><Pause length="10"/><Say>never</Say></Gather>'),
    );
    h.route('/menu', xml('<Hangup/>'));
    const start = h.clock.now();
    const sid = await h.call('/voice', {}, { listen: false });
    await h.sim(`/calls/${sid}/input`, { digits: '3', listen: false });
    expect(h.at('/menu')[0]?.params.Digits).toBe('3');
    expect((await h.view(sid)).heard).toEqual([]);
    expect(h.clock.now()).toBe(start); // the key cut the ten-second pause short
  });
});
