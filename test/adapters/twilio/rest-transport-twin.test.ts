// The REST transport against the Twilio twin: Voice API list pages followed to the end with the query
// kept on every page (the contract suites never hold a thousand conferences), and refusals as
// ProviderError. TaskRouter page-following is pinned by the TaskRouter contract's long worker list.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createRestTransport,
  type RestTransport,
} from '../../../functions/adapters/twilio/rest-transport.js';
import { ACCOUNT, type Harness, startHarness } from '../../twin/support/harness.js';
import { refusal } from './refusal.js';

let h: Harness;
let rest: RestTransport;
beforeEach(async () => {
  h = await startHarness();
  rest = createRestTransport({ ...ACCOUNT, apiBaseUrl: h.twinBase() });
  h.twin.numbers.addNumber('+15550100000'); // the caller id below: the account's own (21210)
});
afterEach(() => h.close());

const WAIT = '<Response><Pause length="600"/></Response>';

describe('REST transport on the twin', () => {
  it('follows Voice API list pages to the end, keeping the filters on every page', async () => {
    const placed: string[] = [];
    for (let i = 0; i < 5; i++) {
      const to = i % 2 ? '+15550100002' : '+15550100001';
      const call = await rest.voice('Calls.json', { From: '+15550100000', To: to, Twiml: WAIT });
      placed.push(String(call.sid));
    }
    const onePage = await rest.voiceList('Calls.json', 'calls');
    expect(onePage.map((c) => c.sid).sort()).toEqual([...placed].sort());
    const paged = await rest.voiceList('Calls.json', 'calls', { PageSize: '2' });
    expect(paged.map((c) => c.sid)).toEqual(onePage.map((c) => c.sid));
    const filtered = await rest.voiceList('Calls.json', 'calls', { PageSize: '1', To: '+15550100001' });
    expect(filtered).toHaveLength(3);
    expect(filtered.every((c) => c.to === '+15550100001')).toBe(true);
  });

  it('turns refusals into ProviderError with the HTTP status and Twilio code', async () => {
    const stranger = createRestTransport({ ...ACCOUNT, authToken: 'wrong', apiBaseUrl: h.twinBase() });
    expect(await refusal(stranger.voiceList('Calls.json', 'calls'))).toMatchObject({
      status: 401,
      code: 20003,
    });
    const missing = await refusal(rest.voice('Calls.json', { From: '+15550100000', Twiml: WAIT }));
    expect(missing).toMatchObject({ status: 400, code: 21201, message: 'No called number is specified' });
    expect(
      await refusal(rest.voiceDelete(`Conferences/CF${'0'.repeat(32)}/Participants/x.json`)),
    ).toMatchObject({ status: 404, code: 20404 });
  });
});
