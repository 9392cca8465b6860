// <Dial> with <Client> and <Number> (docs/twilio-behaviour.md §3.7, §1.3 dial-leg callbacks, Appendix A item 5): parties answer by
// policy, ring timeout, first to answer wins, action parameters, next verb without action, record, hangupOnStar.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sayMs } from '../../../infra/local/twin/voice/audio-length.js';
import { DEFAULT_TIMING } from '../../../infra/local/twin/voice/engine.js';
import { type Harness, startHarness, xml } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

describe('Dial Client/Number (§3.7)', () => {
  it('rings the registered client, bridges on answer, reports DialCallStatus/Sid/Duration/Bridged', async () => {
    const rings: { callSid: string; customParameters: Record<string, string> }[] = [];
    h.twin.parties.register('client:alice', { policy: 'ring', onRing: (r) => rings.push(r) });
    h.route(
      '/voice',
      xml(
        '<Dial action="/dialed" timeout="20"><Client statusCallback="/leg" statusCallbackEvent="initiated ringing answered completed">' +
          '<Identity>alice</Identity><Parameter name="ticket" value="CLM-1"/></Client></Dial>',
      ),
    );
    h.route('/dialed', xml('<Say>Bye</Say>'));
    h.route('/leg', '');
    const sid = await h.call('/voice');
    expect((await h.view(sid)).waitingFor).toBe('agent');
    expect(rings[0]?.customParameters).toEqual({ ticket: 'CLM-1' });
    const leg = rings[0]?.callSid as string;
    await h.advance(4000);
    await h.sim(`/calls/${leg}/answer`, {});
    expect((await h.view(sid)).bridgedTo).toBe(leg);
    await h.advance(42_000);
    await h.sim(`/calls/${leg}/hangup`, {});
    expect(h.at('/dialed')[0]?.params).toMatchObject({
      DialCallStatus: 'completed',
      DialCallSid: leg,
      DialCallDuration: '42',
      DialBridged: 'true',
    });
    const legCbs = h.at('/leg').map((r) => r.params);
    expect(legCbs.map((p) => p.CallStatus)).toEqual(['initiated', 'ringing', 'in-progress', 'completed']);
    expect(legCbs.every((p) => p.ParentCallSid === sid && p.Direction === 'outbound-dial')).toBe(true);
    expect(legCbs[3]).toMatchObject({ CallDuration: '42', To: 'client:alice' });
    const legCall = await h.client.calls(leg).fetch();
    expect(legCall).toMatchObject({
      parentCallSid: sid,
      direction: 'outbound-dial',
      status: 'completed',
      duration: '42',
    });
  });

  it('a client calling a client: the REST call from client: to client:, callerId shown to the callee, busy on reject', async () => {
    const rings: { callSid: string; from: string; customParameters: Record<string, string> }[] = [];
    h.twin.parties.register('client:bob', { policy: 'answer' });
    h.twin.parties.register('client:carol', { policy: 'ring', onRing: (r) => rings.push(r) });
    h.route('/dialed', xml('<Hangup/>'));
    h.route('/done', '');
    // Between two identities no phone number is involved: Twilio lets a client call a client.
    const call = await h.client.calls.create({
      from: 'client:carol',
      to: 'client:bob',
      statusCallback: h.url('/done'),
      twiml: xml(
        `<Dial callerId="client:bob" action="${h.url('/dialed')}"><Client><Identity>carol</Identity>` +
          '<Parameter name="callerName" value="Bob"/></Client></Dial>',
      ),
    });
    await h.twin.idle();
    expect(rings[0]).toMatchObject({ from: 'client:bob', customParameters: { callerName: 'Bob' } });
    h.twin.parties.ringing.get(rings[0]?.callSid ?? '')?.reject();
    await h.twin.idle();
    expect(h.at('/dialed')[0]?.params).toMatchObject({ DialCallStatus: 'busy', DialBridged: 'false' });
    // Only `completed` when no events are listed (§1.3), after the action's <Hangup/>.
    expect(h.at('/done').map((r) => [r.params.CallSid, r.params.CallStatus])).toEqual([
      [call.sid, 'completed'],
    ]);
  });

  it('no answer within timeout: DialCallStatus=no-answer; without action the next verb runs', async () => {
    h.route('/voice', xml('<Dial timeout="10"><Client>nobody</Client></Dial><Say>No one is free</Say>'));
    const sid = await h.call('/voice');
    await h.advance(9999);
    expect((await h.view(sid)).waitingFor).toBe('agent');
    await h.advance(1);
    expect((await h.view(sid)).heard.at(-1).text).toBe('No one is free');
  });

  it('busy (reject) and first-to-answer wins among several nouns (others canceled)', async () => {
    h.twin.parties.register('client:busy', { policy: 'reject' });
    h.twin.parties.register('+15550001', { policy: 'answer', answerAfterMs: 3000 });
    h.twin.parties.register('+15550002', { policy: 'answer', answerAfterMs: 1000 });
    h.route('/voice', (p) =>
      xml(
        p.From === '+1'
          ? '<Dial action="/r"><Client>busy</Client></Dial>'
          : '<Dial action="/r"><Number>+15550001</Number><Number>+15550002</Number></Dial>',
      ),
    );
    h.route('/r', xml('<Hangup/>'));
    h.twin.numbers.addNumber('+18005550100', { voiceUrl: h.url('/voice') });
    await h.sim('/calls', { from: '+1', to: '+18005550100' });
    expect(h.at('/r')[0]?.params).toMatchObject({ DialCallStatus: 'busy', DialBridged: 'false' });
    const sid = (await h.sim('/calls', { from: '+2', to: '+18005550100' })).body.callSid as string;
    await h.advance(1000);
    const v = await h.view(sid);
    const legs = await Promise.all((v.legs as string[]).map((l) => h.client.calls(l).fetch()));
    expect(legs.find((l) => l.to === '+15550002')?.status).toBe('in-progress');
    expect(legs.find((l) => l.to === '+15550001')?.status).toBe('canceled');
  });

  it('plain text in <Dial> is a number; the whisper url runs on the callee; record-from-answer adds RecordingUrl', async () => {
    h.route(
      '/voice',
      xml(
        '<Dial action="/r" record="record-from-answer" recordingStatusCallback="/rec"><Number url="/whisper">+15551234</Number></Dial>',
      ),
    );
    h.route('/whisper', xml('<Say>Call from the hotline</Say>'));
    h.route('/r', xml('<Hangup/>'));
    h.route('/rec', '');
    const sid = await h.call('/voice');
    const leg = (await h.view(sid)).legs[0] as string;
    expect((await h.view(leg)).heard[0].text).toBe('Call from the hotline');
    // The legs are bridged, and the recording from answer starts, once the whisper has been spoken.
    await h.advance(sayMs('Call from the hotline', DEFAULT_TIMING) + 20_000);
    await h.sim(`/calls/${leg}/hangup`, {});
    const r = h.at('/r')[0]?.params;
    expect(r).toMatchObject({ DialCallStatus: 'completed', RecordingDuration: '20' });
    expect(r?.RecordingUrl).toContain('/Recordings/RE');
    expect(h.at('/rec')[0]?.params).toMatchObject({ RecordingSource: 'DialVerb', CallSid: sid });
  });

  it('the caller hanging up ends the callee leg; hangupOnStar ends the bridge and continues', async () => {
    h.route('/voice', xml('<Dial hangupOnStar="true">+15551234</Dial><Say>Back to menu</Say>'));
    const sid = await h.call('/voice');
    const leg = (await h.view(sid)).legs[0] as string;
    await h.press(sid, '*');
    expect((await h.view(leg)).status).toBe('completed');
    expect((await h.view(sid)).heard.at(-1).text).toBe('Back to menu');

    h.route('/voice', xml('<Dial>+15551234</Dial>'));
    const b = (await h.sim('/calls', { from: '+3', to: '+18005550100' })).body.callSid as string;
    const legB = (await h.view(b)).legs[0] as string;
    await h.sim(`/calls/${b}/hangup`, {});
    expect((await h.view(legB)).status).toBe('completed');
  });
});
