// Voice webhooks on the real app and store: signature enforcement with no side effect, the call record
// and greeting, idempotent replays, status callbacks, and the apology TwiML when something breaks.
import { readFileSync } from 'node:fs';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/http/app.js';
import { createHarness, type Harness, PUBLIC_BASE_URL, TWILIO_TOKEN } from './harness.js';

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/twilio/voice-incoming.json', import.meta.url), 'utf8'),
) as {
  path: string;
  params: Record<string, string>;
};
const sid = (n: number) => `CA${n.toString(16).padStart(32, '0')}`;

describe('POST /twilio/voice', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    const created = await h.store.customers.create({
      name: '王芳',
      phones: ['+8613800138000'],
      language: 'zh',
      vipTier: 'gold',
    });
    expect(created.ok).toBe(true);
    await h.store.customers.create({
      name: 'Mary Lee',
      phones: ['+14155550123'],
      language: 'en',
      vipTier: 'none',
    });
  });
  afterAll(() => h.stop());

  it('refuses an unsigned request with 403 and writes nothing', async () => {
    const params = { ...fixture.params, CallSid: sid(1) };
    const res = await h.twilio('/twilio/voice', params, { signature: null });
    expect(res.status).toBe(403);
    expect(await h.store.calls.get(sid(1))).toBeUndefined();
  });

  it('refuses a forged signature (wrong token, or signed for other parameters) and writes nothing', async () => {
    const params = { ...fixture.params, CallSid: sid(2) };
    const wrongToken = getExpectedTwilioSignature('not-the-token', `${PUBLIC_BASE_URL}/twilio/voice`, params);
    expect((await h.twilio('/twilio/voice', params, { signature: wrongToken })).status).toBe(403);
    const otherParams = getExpectedTwilioSignature(TWILIO_TOKEN, `${PUBLIC_BASE_URL}/twilio/voice`, {
      ...params,
      From: '+10000000000',
    });
    expect((await h.twilio('/twilio/voice', params, { signature: otherParams })).status).toBe(403);
    expect(await h.store.calls.get(sid(2))).toBeUndefined();
  });

  it('refuses a signature computed for the internal host rather than the public URL', async () => {
    const params = { ...fixture.params, CallSid: sid(3) };
    const forHost = getExpectedTwilioSignature(TWILIO_TOKEN, 'http://lambda.internal/twilio/voice', params);
    expect((await h.twilio('/twilio/voice', params, { signature: forHost })).status).toBe(403);
    expect(await h.store.calls.get(sid(3))).toBeUndefined();
  });

  it('answers a signed captured request with the IVR greeting by name and records the call', async () => {
    const res = await h.twilio(fixture.path, fixture.params);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/xml');
    const twiml = await res.text();
    expect(twiml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response>/);
    expect(twiml).toContain(
      '<Say language="cmn-CN" voice="Polly.Zhiyu">王芳，您好！欢迎致电爱车保服务热线。</Say>',
    );
    // Then the warranty hotline's main menu (flows/warranty.ts), listening in Mandarin.
    expect(twiml).toContain('language="cmn-Hans-CN"');
    const call = await h.store.calls.get(fixture.params.CallSid as string);
    const [customer] = await h.store.customers.find({ by: 'phone', value: '+8613800138000' });
    expect(call).toMatchObject({
      direction: 'inbound',
      from: '+8613800138000',
      to: '+18005550100',
      status: 'ringing',
    });
    expect(call?.customerId).toBe(customer?.id);
  });

  it('greets an English-speaking customer in English', async () => {
    const res = await h.twilio('/twilio/voice', { ...fixture.params, CallSid: sid(4), From: '+14155550123' });
    const twiml = await res.text();
    expect(twiml).toContain('Hello Mary Lee, welcome to the Car Care warranty hotline.');
    expect(twiml).not.toContain('cmn-CN');
  });

  it('greets an unknown caller without a name and records the call without a customer', async () => {
    const res = await h.twilio('/twilio/voice', {
      ...fixture.params,
      CallSid: sid(5),
      From: '+8613900000000',
    });
    expect(await res.text()).toContain('您好，欢迎致电');
    const call = await h.store.calls.get(sid(5));
    expect(call?.from).toBe('+8613900000000');
    expect(call?.customerId).toBeUndefined();
  });

  it('is idempotent on CallSid: a replay leaves one unchanged record', async () => {
    const params = { ...fixture.params, CallSid: sid(6) };
    await h.twilio('/twilio/voice', params);
    const first = await h.store.calls.get(sid(6));
    await h.clock.advance(5_000);
    const again = await h.twilio('/twilio/voice', params);
    expect(again.status).toBe(200);
    expect(await h.store.calls.get(sid(6))).toEqual(first);
  });

  it('answers the apology in TwiML when a signed request lacks CallSid, and logs the refusal naming it', async () => {
    const { CallSid: _sid, ...params } = fixture.params;
    const res = await h.twilio('/twilio/voice', params);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await res.text()).toContain('<Say');
    const warned = h.logger.lines.find((l) => l.msg === 'voice webhook refused its input');
    expect(warned?.error).toContain('body.CallSid');
  });

  it('answers valid apology TwiML, not an error, when the store fails', async () => {
    const broken = createApp({
      ...h.deps,
      config: h.config,
      secrets: { twilioAuthToken: TWILIO_TOKEN, sessionKey: 'x' },
      store: {
        ...h.store,
        customers: {
          ...h.store.customers,
          find: () => Promise.reject(new Error('DynamoDB is down')),
        },
      },
      clock: h.clock,
    });
    const params = { ...fixture.params, CallSid: sid(7) };
    const res = await broken.request('http://lambda.internal/twilio/voice', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': getExpectedTwilioSignature(
          TWILIO_TOKEN,
          `${PUBLIC_BASE_URL}/twilio/voice`,
          params,
        ),
      },
      body: new URLSearchParams(params).toString(),
    });
    expect(res.status).toBe(200);
    const twiml = await res.text();
    expect(twiml).toContain('<Say language="cmn-CN" voice="Polly.Zhiyu">非常抱歉');
    // ... and a path to voicemail, never silence.
    expect(twiml).toMatch(/<Record action="[^"]*\/twilio\/ivr\/voicemail\?s=/);
  });
});

describe('POST /twilio/voice/status', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.stop());

  const status = (callSid: string, callStatus: string, extra: Record<string, string> = {}) =>
    h.twilio('/twilio/voice/status', {
      AccountSid: `AC${'0'.repeat(32)}`,
      CallSid: callSid,
      CallStatus: callStatus,
      From: '+8613800138000',
      To: '+18005550100',
      Direction: 'inbound',
      CallbackSource: 'call-progress-events',
      ...extra,
    });

  it('refuses an unsigned callback and changes nothing', async () => {
    await h.twilio('/twilio/voice', {
      CallSid: sid(10),
      From: '+8613800138000',
      To: '+18005550100',
      CallStatus: 'ringing',
    });
    const res = await h.twilio(
      '/twilio/voice/status',
      { CallSid: sid(10), CallStatus: 'completed' },
      { signature: 'bm90IGEgc2lnbmF0dXJl' },
    );
    expect(res.status).toBe(403);
    expect((await h.store.calls.get(sid(10)))?.status).toBe('ringing');
  });

  it('records answer and end, and ignores a late or replayed callback after the end', async () => {
    await h.twilio('/twilio/voice', {
      CallSid: sid(11),
      From: '+8613800138000',
      To: '+18005550100',
      CallStatus: 'ringing',
    });
    expect(
      (await status(sid(11), 'in-progress', { Timestamp: 'Sun, 01 Mar 2026 09:00:05 +0000' })).status,
    ).toBe(200);
    expect(await h.store.calls.get(sid(11))).toMatchObject({
      status: 'in-progress',
      answeredAt: '2026-03-01T09:00:05.000Z',
    });
    await status(sid(11), 'completed', { Timestamp: 'Sun, 01 Mar 2026 09:03:00 +0000', CallDuration: '175' });
    const ended = await h.store.calls.get(sid(11));
    expect(ended).toMatchObject({ status: 'completed', endedAt: '2026-03-01T09:03:00.000Z' });
    await status(sid(11), 'ringing');
    await status(sid(11), 'completed', { Timestamp: 'Sun, 01 Mar 2026 10:00:00 +0000' });
    expect(await h.store.calls.get(sid(11))).toEqual(ended);
  });

  it('records a call first seen through its status callback', async () => {
    await status(sid(12), 'no-answer', { Direction: 'outbound-api' });
    expect(await h.store.calls.get(sid(12))).toMatchObject({ direction: 'outbound', status: 'no-answer' });
  });
});
