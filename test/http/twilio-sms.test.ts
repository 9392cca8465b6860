// Incoming SMS: signature enforced, acknowledgement in the customer's language, silence for opt-outs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';

const sms = (from: string, body: string) => ({
  MessageSid: `SM${'1'.repeat(32)}`,
  AccountSid: `AC${'0'.repeat(32)}`,
  From: from,
  To: '+18005550100',
  Body: body,
  NumMedia: '0',
});

describe('POST /twilio/sms', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.store.customers.create({
      name: '李雷',
      phones: ['+8613700137000'],
      language: 'zh',
      vipTier: 'none',
    });
    await h.store.customers.create({
      name: 'Mary Lee',
      phones: ['+14155550123'],
      language: 'en',
      vipTier: 'none',
    });
  });
  afterAll(() => h.stop());

  it('refuses an unsigned message', async () => {
    expect((await h.twilio('/twilio/sms', sms('+8613700137000', 'hi'), { signature: null })).status).toBe(
      403,
    );
  });

  it("acknowledges in the customer's language even when they write in another", async () => {
    const zh = await (await h.twilio('/twilio/sms', sms('+8613700137000', 'hello'))).text();
    expect(zh).toContain('<Message>李雷，您好！我们已收到您的短信');
    const en = await (await h.twilio('/twilio/sms', sms('+14155550123', '你好'))).text();
    expect(en).toContain('<Message>Hello Mary Lee, we have received your message');
  });

  it('guesses the language of an unknown sender from the text', async () => {
    expect(
      await (await h.twilio('/twilio/sms', sms('+8613100000000', 'my car broke down'))).text(),
    ).toContain('Hello, we have received');
    expect(await (await h.twilio('/twilio/sms', sms('+8613100000000', '车坏了'))).text()).toContain('您好！');
  });

  it('sends no reply of its own to an opt-out keyword', async () => {
    const res = await h.twilio('/twilio/sms', sms('+8613700137000', ' stop '));
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('<Message');
  });
});
