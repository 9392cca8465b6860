// REST 2010-04-01 through the official client (docs/twilio-behaviour.md §1.5, §8.4, Appendix A): Basic auth and Twilio's error
// JSON, IncomingPhoneNumbers and Applications for provisioning, Calls create/list/update (redirect, Twiml, hang up).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTwilioClient } from '../../../functions/adapters/twilio/client.js';
import { ACCOUNT, type Harness, startHarness, xml } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

describe('REST basics', () => {
  it('rejects bad credentials with 401/20003 and unknown paths with 404/20404', async () => {
    const bad = createTwilioClient({
      accountSid: ACCOUNT.accountSid,
      authToken: 'wrong',
      apiBaseUrl: h.twinBase(),
    });
    await expect(bad.calls.list()).rejects.toMatchObject({ status: 401, code: 20003 });
    await expect(h.client.calls(`CA${'0'.repeat(32)}`).fetch()).rejects.toMatchObject({
      status: 404,
      code: 20404,
    });
    const res = await fetch(`${h.twinBase()}/api/2010-04-01/Accounts/${ACCOUNT.accountSid}/Calls.json`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${ACCOUNT.accountSid}:${ACCOUNT.authToken}`).toString('base64')}`,
      },
      body: new URLSearchParams({ From: '+1' }),
    });
    expect(await res.json()).toEqual({
      code: 21201,
      message: 'No called number is specified',
      more_info: 'https://www.twilio.com/docs/errors/21201',
      status: 400,
    });
  });
});

describe('provisioning', () => {
  it('creates, lists, fetches and updates numbers and applications; a number with an Application uses its URLs', async () => {
    h.route('/app-voice', xml('<Say>From the app</Say>'));
    const app = await h.client.applications.create({
      friendlyName: 'cc',
      voiceUrl: h.url('/app-voice'),
      voiceMethod: 'POST',
    });
    expect(app.sid).toMatch(/^AP/);
    const pn = await h.client.incomingPhoneNumbers.create({
      phoneNumber: '+18005550100',
      voiceUrl: h.url('/nowhere'),
    });
    expect(pn).toMatchObject({
      phoneNumber: '+18005550100',
      voiceMethod: 'POST',
      capabilities: { voice: true, sms: true },
    });
    const found = await h.client.incomingPhoneNumbers.list({ phoneNumber: '+18005550100' });
    expect(found.map((n) => n.sid)).toEqual([pn.sid]);
    const updated = await h.client.incomingPhoneNumbers(pn.sid).update({
      voiceApplicationSid: app.sid,
      smsUrl: h.url('/sms'),
      statusCallback: h.url('/status'),
      voiceFallbackUrl: h.url('/fb'),
    });
    expect(updated).toMatchObject({
      voiceApplicationSid: app.sid,
      smsUrl: h.url('/sms'),
      statusCallback: h.url('/status'),
    });
    const sid = (await h.sim('/calls', { from: '+1', to: '+18005550100' })).body.callSid as string;
    expect((await h.view(sid)).heard[0].text).toBe('From the app');
    expect(h.at('/app-voice')[0]?.params.ApplicationSid).toBe(app.sid);
    await h.client.applications(app.sid).update({ friendlyName: 'renamed' });
    expect((await h.client.applications.list()).map((a) => a.friendlyName)).toEqual(['renamed']);
    await expect(h.client.incomingPhoneNumbers.create({ phoneNumber: '+18005550100' })).rejects.toMatchObject(
      { code: 21422 },
    );
  });
});

// [K] The reference does not cover caller-id verification; Twilio's error 21210 ("'From' phone number not
// verified") refuses a call or participant whose From is neither one of the account's numbers nor a
// verified caller id, with a 400 in the REST error shape.
describe("caller id: the account's own numbers only (21210) [K]", () => {
  const expectRefused = async (res: Response, from: string) => {
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      code: 21210,
      message: `The source phone number provided, ${from}, is not yet verified for your account. You may only make calls from phone numbers that you've verified or purchased from Twilio.`,
      more_info: 'https://www.twilio.com/docs/errors/21210',
      status: 400,
    });
  };
  const post = (path: string, params: Record<string, string>) =>
    fetch(`${h.twinBase()}/api/2010-04-01/Accounts/${ACCOUNT.accountSid}/${path}`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${ACCOUNT.accountSid}:${ACCOUNT.authToken}`).toString('base64')}`,
      },
      body: new URLSearchParams(params),
    });
  const WAIT = '<Response><Pause length="60"/></Response>';

  it('refuses a call from a number the account does not own, and places one from its own number', async () => {
    h.twin.numbers.addNumber('+18005550100');
    await expectRefused(
      await post('Calls.json', { From: '+14155550123', To: '+14155550199', Twiml: WAIT }),
      '+14155550123',
    );
    expect(await h.client.calls.list()).toHaveLength(0);
    await expect(
      h.client.calls.create({ from: '+14155550123', to: '+14155550199', twiml: WAIT }),
    ).rejects.toMatchObject({ status: 400, code: 21210 });
    const ok = await h.client.calls.create({ from: '+18005550100', to: '+14155550199', twiml: WAIT });
    expect(ok.sid).toMatch(/^CA/);
  });

  it('refuses a conference participant from a foreign number, before anyone is dialled', async () => {
    h.twin.numbers.addNumber('+18005550100');
    h.twin.parties.register('+14155550199', { policy: 'answer' });
    await expectRefused(
      await post('Conferences/desk/Participants.json', { From: '+8613800138000', To: '+14155550199' }),
      '+8613800138000',
    );
    expect(await h.client.calls.list()).toHaveLength(0);
    const p = await h.client
      .conferences('desk')
      .participants.create({ from: '+18005550100', to: '+14155550199' });
    expect(p.callSid).toMatch(/^CA/);
  });

  it('lets a client identity call another client, but not a phone number', async () => {
    h.twin.parties.register('client:bob', { policy: 'answer' });
    const ok = await h.client.calls.create({ from: 'client:alice', to: 'client:bob', twiml: WAIT });
    expect(ok.sid).toMatch(/^CA/);
    await expectRefused(
      await post('Calls.json', { From: 'client:alice', To: '+14155550199', Twiml: WAIT }),
      'client:alice',
    );
  });
});

describe('Calls (§1.5, §8.4)', () => {
  it('creates an outbound call with Twiml, lists with filters and paging', async () => {
    h.twin.numbers.addNumber('+18005550100'); // the caller id must be the account's own (21210)
    for (let i = 0; i < 3; i++) {
      await h.client.calls.create({
        to: `+1415555000${i}`,
        from: '+18005550100',
        twiml: '<Response><Pause length="60"/></Response>',
      });
    }
    await h.twin.idle();
    const all = await h.client.calls.list({ pageSize: 2 });
    expect(all).toHaveLength(3);
    expect(all.every((c) => c.status === 'in-progress')).toBe(true);
    const one = await h.client.calls.list({ to: '+14155550001' });
    expect(one).toHaveLength(1);
    const page = await h.client.calls.page({ pageSize: 2 });
    expect(page.nextPageUrl).toContain('Page=1');
  });

  it('update with Url redirects a live call; Twiml replaces the document; Status=completed hangs up', async () => {
    h.route('/voice', xml('<Gather timeout="60"/>'));
    h.route('/moved', xml('<Say>Moved</Say><Pause length="60"/>'));
    const sid = await h.call('/voice');
    await h.client.calls(sid).update({ url: h.url('/moved'), method: 'POST' });
    expect((await h.view(sid)).heard.at(-1).text).toBe('Moved');
    await h.client.calls(sid).update({ twiml: '<Response><Say>Inline</Say><Pause length="60"/></Response>' });
    expect((await h.view(sid)).heard.at(-1).text).toBe('Inline');
    const done = await h.client.calls(sid).update({ status: 'completed' });
    expect(done.status).toBe('completed');
    expect(done.endTime).toBeInstanceOf(Date);
  });

  it('Status=canceled cancels a ringing call', async () => {
    h.twin.parties.register('+14155550199', { policy: 'ring' });
    h.twin.numbers.addNumber('+18005550100');
    const call = await h.client.calls.create({ to: '+14155550199', from: '+18005550100', url: h.url('/x') });
    await h.twin.idle();
    expect((await h.client.calls(call.sid).fetch()).status).toBe('ringing');
    expect((await h.client.calls(call.sid).update({ status: 'canceled' })).status).toBe('canceled');
  });
});
