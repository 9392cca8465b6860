// Messaging (docs/twilio-behaviour.md §6.1-6.4, Appendix A item 9): inbound parameters with zero-based MediaUrl{N}, Messaging
// TwiML replies, status callbacks queued -> sent -> delivered (RawDlrDoneDate) on the clock, opt-out and 21610.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.twin.numbers.addNumber('+18005550100', { smsUrl: h.url('/sms') });
  h.route('/status', '');
});
afterEach(() => h.close());

describe('inbound SMS (§6.1, §6.2)', () => {
  it('posts the documented parameters and sends <Message> replies as outbound-reply', async () => {
    h.route(
      '/sms',
      '<Response><Message statusCallback="/status"><Body>Thanks, an agent will reply</Body></Message></Response>',
    );
    const res = await h.sim('/messages', {
      from: '+8613800138000',
      to: '+18005550100',
      body: 'My car broke down',
    });
    expect(res.status).toBe(201);
    const p = h.at('/sms')[0]?.params;
    expect(p).toMatchObject({
      From: '+8613800138000',
      To: '+18005550100',
      Body: 'My car broke down',
      NumMedia: '0',
      NumSegments: '1',
      ApiVersion: '2010-04-01',
      MessageSid: res.body.messageSid,
      SmsSid: res.body.messageSid,
    });
    expect(h.at('/sms')[0]?.signatureValid).toBe(true);
    const sent = (await h.sim('/messages?to=%2B8613800138000')).body.messages;
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      body: 'Thanks, an agent will reply',
      direction: 'outbound-reply',
      from: '+18005550100',
    });
  });

  it('media arrive as MediaUrl0.. and MediaContentType0..', async () => {
    h.route('/sms', '<Response/>');
    await h.twin.messaging.receive({
      from: '+1',
      to: '+18005550100',
      body: '',
      mediaUrls: ['https://x/a.jpg', 'https://x/b.png'],
    });
    expect(h.at('/sms')[0]?.params).toMatchObject({
      NumMedia: '2',
      MediaUrl0: 'https://x/a.jpg',
      MediaContentType0: 'image/jpeg',
      MediaUrl1: 'https://x/b.png',
      MediaContentType1: 'image/png',
    });
  });
});

describe('outbound messages (§6.3)', () => {
  it('create via the official client, then callbacks queued -> sent -> delivered with RawDlrDoneDate', async () => {
    const msg = await h.client.messages.create({
      from: '+18005550100',
      to: '+14155550100',
      body: 'Your ticket CLM-2026-000123',
      statusCallback: h.url('/status'),
    });
    expect(msg).toMatchObject({ status: 'queued', direction: 'outbound-api', numSegments: '1' });
    await h.twin.idle();
    await h.advance(2000);
    const cbs = h.at('/status').map((r) => r.params);
    expect(cbs.map((p) => p.MessageStatus)).toEqual(['queued', 'sent', 'delivered']);
    expect(cbs[2]?.RawDlrDoneDate).toMatch(/^\d{10}$/);
    expect(cbs[2]).toMatchObject({
      MessageSid: msg.sid,
      SmsSid: msg.sid,
      SmsStatus: 'delivered',
      AccountSid: h.twin.context.account.accountSid,
    });
    expect((await h.client.messages(msg.sid).fetch()).status).toBe('delivered');
    expect((await h.client.messages.list({ to: '+14155550100' })).map((m) => m.sid)).toEqual([msg.sid]);
  });
});

describe('opt-out (§6.4)', () => {
  it('STOP (any case, whole message) blocks further sends with 21610 until START; the webhook still gets it', async () => {
    h.route('/sms', '<Response/>');
    await h.sim('/messages', { from: '+14155550100', to: '+18005550100', body: '  stop ' });
    expect(h.at('/sms')[0]?.params).toMatchObject({ Body: '  stop ', OptOutType: 'STOP' });
    await expect(
      h.client.messages.create({ from: '+18005550100', to: '+14155550100', body: 'hi' }),
    ).rejects.toMatchObject({
      status: 400,
      code: 21610,
    });
    await h.sim('/messages', { from: '+14155550100', to: '+18005550100', body: 'please stop calling' });
    await expect(
      h.client.messages.create({ from: '+18005550100', to: '+14155550100', body: 'hi' }),
    ).rejects.toMatchObject({ code: 21610 });
    await h.sim('/messages', { from: '+14155550100', to: '+18005550100', body: 'START' });
    const ok = await h.client.messages.create({
      from: '+18005550100',
      to: '+14155550100',
      body: 'welcome back',
    });
    expect(ok.status).toBe('queued');
  });

  it('every default keyword opts out', async () => {
    h.route('/sms', '<Response/>');
    const words = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'];
    for (const [i, w] of words.entries()) {
      const from = `+1415555020${i}`;
      await h.sim('/messages', { from, to: '+18005550100', body: w });
      await expect(
        h.client.messages.create({ from: '+18005550100', to: from, body: 'x' }),
      ).rejects.toMatchObject({ code: 21610 });
    }
  });

  it('a TwiML reply to an opted-out number is refused and logged with 21610', async () => {
    h.route('/sms', '<Response><Message>We got your STOP</Message></Response>');
    const res = await h.sim('/messages', { from: '+14155550300', to: '+18005550100', body: 'STOP' });
    const log = (await h.sim(`/log?correlationId=${res.body.messageSid}`)).body.entries as {
      code?: number;
    }[];
    expect(log.some((e) => e.code === 21610)).toBe(true);
  });
});
