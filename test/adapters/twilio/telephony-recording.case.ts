// TelephonyPort contract, recording a conference participant (docs/twilio-behaviour.md §5.1.4, §5.1.5): a
// participant added with `record` owns a live dual recording, which is paused and resumed by its SID on that
// leg; the call it was added to owns none, so pausing there is refused with 404.
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../functions/domain/telephony-port.js';
import { joinConference, type TelephonyFixture } from './telephony-fixture.js';

export function recordingCases(f: () => TelephonyFixture): void {
  describe('participant recordings', () => {
    it('records an added participant dual; pause and resume address its leg, not the other call', async () => {
      const { port, callerId, phones } = f();
      const host = await port.createCall({ from: callerId, to: phones[0], twiml: joinConference('rec') });
      await f().settle();
      const { callSid: added } = await port.addParticipant('rec', {
        from: callerId,
        to: phones[1],
        record: {
          channels: 'dual',
          statusCallback: 'https://example.com/rec',
          statusCallbackEvent: ['completed'],
        },
      });
      await f().settle();
      const [live] = await port.recordings(added);
      expect(live).toMatchObject({ callSid: added, channels: 2, status: 'in-progress' });
      await port.setRecording(added, 'pause', live?.sid);
      await port.setRecording(added, 'resume', live?.sid);
      const refused = await port.setRecording(host.sid, 'pause').catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ProviderError);
      expect(refused).toMatchObject({ status: 404 });
      await f().advance(3);
      await port.updateCall(host.sid, { status: 'completed' });
      await port.updateCall(added, { status: 'completed' });
      await f().settle();
      const [done] = await port.recordings(added);
      expect(done).toMatchObject({ sid: live?.sid, status: 'completed', channels: 2 });
      expect(done?.durationSeconds).toBeGreaterThanOrEqual(3);
    });
  });
}
