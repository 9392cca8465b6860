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

describe('Calls (§1.5, §8.4)', () => {
  it('creates an outbound call with Twiml, lists with filters and paging', async () => {
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
    const call = await h.client.calls.create({ to: '+14155550199', from: '+18005550100', url: h.url('/x') });
    await h.twin.idle();
    expect((await h.client.calls(call.sid).fetch()).status).toBe('ringing');
    expect((await h.client.calls(call.sid).update({ status: 'canceled' })).status).toBe('canceled');
  });
});
