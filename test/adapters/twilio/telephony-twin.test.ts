// The telephony REST adapter against the Twilio twin's voice side, on a manual clock: the voice test
// harness serves the twin's REST API and a small webhook server that hands out the hold music.
import { createRestTransport } from '../../../functions/adapters/twilio/rest-transport.js';
import { createTelephonyRest } from '../../../functions/adapters/twilio/telephony-rest.js';
import { ACCOUNT, startHarness, xml } from '../../twin/support/harness.js';
import { describeTelephonyContract } from './telephony.case.js';

const SILENT = '+15550100009';
const CALLER_ID = '+15550100000';

describeTelephonyContract('REST adapter on the twin', async () => {
  const h = await startHarness();
  h.route('/hold', xml('<Play loop="0">https://media.example/hold.mp3</Play>'));
  h.twin.parties.register(SILENT, { policy: 'no-answer' });
  h.twin.numbers.addNumber(CALLER_ID); // Twilio refuses any other caller id (21210)
  const port = createTelephonyRest(createRestTransport({ ...ACCOUNT, apiBaseUrl: h.twinBase() }));
  return {
    port,
    callerId: CALLER_ID,
    phones: ['+15550100001', '+15550100002', '+15550100003'],
    silentPhone: SILENT,
    holdUrl: h.url('/hold'),
    holdUrlFetches: () => h.at('/hold').length,
    async advance(seconds) {
      await h.clock.advance(seconds * 1000);
      await h.twin.idle();
    },
    settle: () => h.twin.idle(),
    teardown: () => h.close(),
  };
});
