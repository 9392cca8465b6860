// Call statuses, status callbacks, fallback and invalid TwiML (docs/twilio-behaviour.md §1.3-1.5, §3 general rules, §3.9,
// Appendix A items 2-3).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sayMs } from '../../../infra/local/twin/voice/audio-length.js';
import { DEFAULT_TIMING } from '../../../infra/local/twin/voice/engine.js';
import { type Harness, startHarness, xml } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const APP_ERROR = 'We are sorry, an application error has occurred. Goodbye.';

describe('status callbacks (§1.3)', () => {
  it('an inbound call reports completed to the number StatusCallback with CallDuration seconds and Duration minutes', async () => {
    h.route('/voice', xml('<Pause length="61"/>'));
    h.route('/status', '');
    await h.call('/voice', { statusCallback: h.url('/status') });
    await h.advance(61_000);
    const cbs = h.at('/status');
    expect(cbs).toHaveLength(1);
    expect(cbs[0]?.params).toMatchObject({
      CallStatus: 'completed',
      CallbackSource: 'call-progress-events',
      SequenceNumber: '0',
      CallDuration: '61',
      Duration: '2',
    });
    expect(cbs[0]?.params.Timestamp).toMatch(/^\w{3}, \d{2} \w{3} 2026 \d{2}:\d{2}:\d{2} \+0000$/);
    expect(cbs[0]?.signatureValid).toBe(true);
  });

  it('a REST call sends initiated, ringing, answered, completed with rising SequenceNumber; durations only on completed', async () => {
    h.route('/out', xml('<Say>Hello</Say><Pause length="5"/>'));
    h.route('/status', '');
    h.twin.numbers.addNumber('+18005550100'); // the caller id must be the account's own (21210)
    const call = await h.client.calls.create({
      to: '+14155550100',
      from: '+18005550100',
      url: h.url('/out'),
      statusCallback: h.url('/status'),
      statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
    });
    expect(call.status).toBe('queued');
    expect(call.direction).toBe('outbound-api');
    await h.twin.idle();
    await h.advance(sayMs('Hello', DEFAULT_TIMING) + 5000);
    const cbs = h.at('/status').map((r) => r.params);
    expect(cbs.map((p) => p.CallStatus)).toEqual(['initiated', 'ringing', 'in-progress', 'completed']);
    expect(cbs.map((p) => p.SequenceNumber)).toEqual(['0', '1', '2', '3']);
    expect(cbs.slice(0, 3).every((p) => p.CallDuration === undefined && p.Duration === undefined)).toBe(true);
    expect(cbs[3]).toMatchObject({ CallDuration: '5', Duration: '1', Direction: 'outbound-api' });
    expect(h.at('/out')[0]?.params.CallStatus).toBe('in-progress');
  });

  it('with no event listed only completed is sent', async () => {
    h.route('/out', xml('<Hangup/>'));
    h.route('/status', '');
    h.twin.numbers.addNumber('+18005550100');
    await h.client.calls.create({
      to: '+14155550100',
      from: '+18005550100',
      url: h.url('/out'),
      statusCallback: h.url('/status'),
    });
    await h.twin.idle();
    expect(h.at('/status').map((r) => r.params.CallStatus)).toEqual(['completed']);
  });
});

describe('fallback and failures (§1.4)', () => {
  it('a 500 from the voice URL runs the fallback URL with ErrorCode and ErrorUrl', async () => {
    h.route('/voice', { status: 500, body: 'oops' });
    h.route('/fallback', xml('<Say>Sorry, try later</Say>'));
    const sid = await h.call('/voice', { voiceFallbackUrl: h.url('/fallback') });
    expect(h.at('/fallback')[0]?.params).toMatchObject({
      ErrorCode: '11200',
      ErrorUrl: h.url('/voice'),
      CallSid: sid,
    });
    expect((await h.view(sid)).heard.map((x: { text: string }) => x.text)).toEqual(['Sorry, try later']);
  });

  it('a voice URL slower than the limit goes to the fallback (11205)', async () => {
    h.route('/voice', { delayMs: 1500, body: xml('<Say>late</Say>') });
    h.route('/fallback', xml('<Say>fallback</Say>'));
    const sid = await h.call('/voice', { voiceFallbackUrl: h.url('/fallback') });
    expect(h.at('/fallback')[0]?.params.ErrorCode).toBe('11205');
    expect((await h.view(sid)).heard.map((x: { text: string }) => x.text)).toEqual(['fallback']);
  });

  it('with no fallback the caller hears the application error and the call ends; the error is logged', async () => {
    h.route('/voice', { status: 404, body: 'nope' });
    const sid = await h.call('/voice');
    const v = await h.view(sid);
    expect(v.heard.map((x: { text: string }) => x.text)).toEqual([APP_ERROR]);
    expect(v.status).toBe('completed');
    const log = (await h.sim(`/log?correlationId=${sid}`)).body.entries as { code?: number }[];
    expect(log.some((e) => e.code === 11200)).toBe(true);
  });

  it('invalid TwiML triggers the fallback with 12100; an unknown verb with 12200', async () => {
    h.route('/voice', '<Response><Say>unclosed</Response>');
    h.route('/fallback', xml('<Say>recovered</Say>'));
    await h.call('/voice', { voiceFallbackUrl: h.url('/fallback') });
    expect(h.at('/fallback')[0]?.params.ErrorCode).toBe('12100');
  });

  it('malformed XML ends the call with error 12100 logged', async () => {
    h.route('/voice', '<Response><Say>a & b</Say></Response>');
    const sid = await h.call('/voice');
    const log = (await h.sim(`/log?correlationId=${sid}`)).body.entries as { code?: number }[];
    expect(log.some((e) => e.code === 12100)).toBe(true);
    expect((await h.view(sid)).heard.at(-1).text).toBe(APP_ERROR);
  });

  it('verbs are case-sensitive: <say> is a schema error (12200) and the call ends', async () => {
    h.route('/voice', '<Response><say>hi</say></Response>');
    const sid = await h.call('/voice');
    const log = (await h.sim(`/log?correlationId=${sid}`)).body.entries as { code?: number }[];
    expect(log.some((e) => e.code === 12200)).toBe(true);
    expect((await h.view(sid)).status).toBe('completed');
  });

  it('a root other than <Response> and a non-TwiML content type are rejected (12200, 12300)', async () => {
    h.route('/voice', '<Reply><Say>x</Say></Reply>');
    const a = await h.call('/voice');
    h.twin.numbers.update(
      h.twin.numbers.byNumber('+18005550100') as never,
      { voiceUrl: h.url('/json') } as never,
    );
    h.route('/json', { body: '{"a":1}', contentType: 'application/json' });
    const b = (await h.sim('/calls', { from: '+1555', to: '+18005550100' })).body.callSid as string;
    const codes = async (sid: string) =>
      ((await h.sim(`/log?correlationId=${sid}`)).body.entries as { code?: number }[]).map((e) => e.code);
    expect(await codes(a)).toContain(12200);
    expect(await codes(b)).toContain(12300);
  });

  it('an audio response is played, then the call hangs up; text/plain that is not TwiML is read aloud (§1.1)', async () => {
    h.route('/voice', { body: 'RIFF....', contentType: 'audio/wav' });
    const a = await h.call('/voice');
    expect((await h.view(a)).heard).toEqual([{ verb: 'play', text: h.url('/voice') }]);
  });
});

describe('control verbs (§3.9)', () => {
  it('Redirect passes control (POST by default, GET when asked); verbs after it never run', async () => {
    h.route('/voice', xml('<Redirect>/next</Redirect><Say>never</Say>'));
    h.route('/next', xml('<Redirect method="GET">/last</Redirect>'));
    h.route('/last', xml('<Say>last</Say>'));
    const sid = await h.call('/voice');
    expect(h.at('/next')[0]?.method).toBe('POST');
    expect(h.at('/last')[0]?.method).toBe('GET');
    expect((await h.view(sid)).heard.map((x: { text: string }) => x.text)).toEqual(['last']);
  });

  it('Hangup ends the call; verbs after it never run', async () => {
    h.route('/voice', xml('<Hangup/><Say>never</Say>'));
    const sid = await h.call('/voice');
    const v = await h.view(sid);
    expect(v.status).toBe('completed');
    expect(v.heard).toEqual([]);
  });

  it('Reject as the first verb leaves the call unanswered: busy or no-answer by reason', async () => {
    h.route('/voice', (p) => xml(p.From === '+1000' ? '<Reject reason="busy"/>' : '<Reject/>'));
    h.route('/status', '');
    h.twin.numbers.addNumber('+18005550100', { voiceUrl: h.url('/voice'), statusCallback: h.url('/status') });
    const a = (await h.sim('/calls', { from: '+1000', to: '+18005550100' })).body.callSid as string;
    const b = (await h.sim('/calls', { from: '+2000', to: '+18005550100' })).body.callSid as string;
    expect((await h.view(a)).status).toBe('busy');
    expect((await h.view(b)).status).toBe('no-answer');
    expect(
      h
        .at('/status')
        .map((r) => r.params.CallStatus)
        .sort(),
    ).toEqual(['busy', 'no-answer']);
  });

  it('Reject after another verb just hangs up an answered call', async () => {
    h.route('/voice', xml('<Say>hi</Say><Reject/>'));
    const sid = await h.call('/voice');
    expect((await h.view(sid)).status).toBe('completed');
  });
});

describe('sim API', () => {
  it('hang-up by the caller ends the call; bad bodies get 400 naming the field', async () => {
    h.route('/voice', xml('<Gather/>'));
    const sid = await h.call('/voice');
    expect((await h.sim(`/calls/${sid}/hangup`, {})).body.status).toBe('completed');
    expect((await h.sim('/calls', { from: '+1' })).body).toMatchObject({ field: 'to' });
    expect((await h.sim('/calls', { from: '+1' })).status).toBe(400);
    expect((await h.sim(`/calls/${sid}/input`, { digits: 'x' })).body.field).toBe('digits');
    expect((await h.sim('/clock/advance', { ms: -1 })).body.field).toBe('ms');
    expect((await h.sim('/calls', { from: '+1', to: '+19999999999' })).status).toBe(404);
  });
});
