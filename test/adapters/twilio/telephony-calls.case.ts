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
