// TelephonyPort contract, calls: place one running our TwiML, fetch it, redirect it, end it, and the
// provider's refusals as ProviderError.
import { describe, expect, it } from 'vitest';
import { refusal } from './refusal.js';
import { joinConference, type TelephonyFixture, UNKNOWN_CALL, WAIT } from './telephony-fixture.js';

export function callCases(f: () => TelephonyFixture): void {
  describe('calls', () => {
    it('places a call that runs the given TwiML, and fetches it; an unknown call is undefined', async () => {
      const { port, callerId, phones } = f();
      const call = await port.createCall({ from: callerId, to: phones[0], twiml: WAIT });
      expect(call).toMatchObject({ from: callerId, to: phones[0], status: expect.any(String) });
      expect(call.sid).toMatch(/^CA[0-9a-f]{32}$/);
      await f().settle();
      expect(await port.call(call.sid)).toEqual({
        sid: call.sid,
        from: callerId,
        to: phones[0],
        status: 'in-progress',
        startedAt: expect.any(String),
      });
      // A document that hangs up at once ends its call: the TwiML given is the one that runs.
      const brief = await port.createCall({
        from: callerId,
        to: phones[1],
        twiml: '<Response><Hangup/></Response>',
      });
      await f().settle();
      expect((await port.call(brief.sid))?.status).toBe('completed');
      expect(await port.call(UNKNOWN_CALL)).toBeUndefined();
    });

    it('lists the calls still ringing an address, not the answered or ended ones', async () => {
      const { port, callerId, phones, silentPhone } = f();
      const answered = await port.createCall({ from: callerId, to: phones[0], twiml: WAIT });
      const ringing = await port.createCall({ from: callerId, to: silentPhone, twiml: WAIT });
      await f().settle();
      expect((await port.ringing(silentPhone)).map((c) => c.sid)).toEqual([ringing.sid]);
      expect(await port.ringing(phones[0])).toEqual([]);
      await port.updateCall(ringing.sid, { status: 'completed' });
      await f().settle();
      expect(await port.ringing(silentPhone)).toEqual([]);
      await port.updateCall(answered.sid, { status: 'completed' });
    });

    it('tells when a call was answered and when it ended, with its duration', async () => {
      const { port, callerId, phones } = f();
      const call = await port.createCall({ from: callerId, to: phones[0], twiml: WAIT });
      await f().settle();
      const live = await port.call(call.sid);
      expect(live?.endedAt).toBeUndefined();
      expect(live?.durationSeconds).toBeUndefined();
      await f().advance(7);
      await port.updateCall(call.sid, { status: 'completed' });
      await f().settle();
      const ended = await port.call(call.sid);
      expect(ended).toMatchObject({ status: 'completed', startedAt: live?.startedAt });
      const answered = Date.parse(String(ended?.startedAt));
      const over = Date.parse(String(ended?.endedAt));
      expect(over - answered).toBeGreaterThanOrEqual(7000);
      expect(ended?.durationSeconds).toBe(Math.round((over - answered) / 1000));
    });

    it("lists a call's recordings with their state; none for a call it does not know", async () => {
      const { port, callerId, phones } = f();
      const call = await port.createCall({
        from: callerId,
        to: phones[0],
        twiml: `<Response><Dial record="record-from-answer"><Number>${phones[1]}</Number></Dial></Response>`,
      });
      await f().settle();
      await f().advance(4);
      await port.updateCall(call.sid, { status: 'completed' });
      await f().settle();
      const recordings = await port.recordings(call.sid);
      expect(recordings).toEqual([
        expect.objectContaining({
          sid: expect.stringMatching(/^RE[0-9a-f]{32}$/),
          callSid: call.sid,
          status: 'completed',
          channels: 1,
          source: 'DialVerb',
          startedAt: expect.any(String),
        }),
      ]);
      expect(recordings[0]?.durationSeconds).toBeGreaterThanOrEqual(4);
      expect(await port.recordings(UNKNOWN_CALL)).toEqual([]);
    });

    it('redirects a live call to new TwiML, and ends it', async () => {
      const { port, callerId, phones } = f();
      const call = await port.createCall({ from: callerId, to: phones[0], twiml: WAIT });
      await f().settle();
      await port.updateCall(call.sid, { twiml: joinConference('redirected') });
      await f().settle();
      expect(await port.conferences({ name: 'redirected' })).toEqual([
        { sid: expect.stringMatching(/^CF/), name: 'redirected', status: expect.any(String) },
      ]);
      await port.updateCall(call.sid, { status: 'completed' });
      await f().settle();
      expect((await port.call(call.sid))?.status).toBe('completed');
    });

    it('refuses calls it does not know or cannot place with a ProviderError carrying status and code', async () => {
      const { port, callerId } = f();
      const unknown = await refusal(port.updateCall(UNKNOWN_CALL, { status: 'completed' }));
      expect(unknown).toMatchObject({ status: 404, code: 20404 });
      expect(unknown.message).not.toBe('');
      const nowhere = await refusal(port.createCall({ from: callerId, to: '', twiml: WAIT }));
      expect(nowhere.status).toBe(400);
      expect(nowhere.code).toEqual(expect.any(Number));
    });
  });
}
