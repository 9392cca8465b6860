// SMS through the twin: the bilingual bot (help, claim status, new request), opt-out honoured before a
// notification (not sent) and opt-in again, a conversation routed to an agent on the sms channel and
// answered, the post-call survey stored on the call and the agent, status callbacks, and malformed or
// oversized input answered politely.

import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyTicketChange } from '../../functions/app/tickets.js';
import { ACCOUNT, type ChannelStack, HOTLINE, startChannelStack } from './stack.js';

const ZH = '+8613800138000';
const EN = '+12025550143';

describe('SMS', () => {
  let s: ChannelStack;
  let claim = '';
  beforeAll(async () => {
    s = await startChannelStack();
    const zh = await s.store.customers.create({
      name: '李明',
      phones: [ZH],
      language: 'zh',
      vipTier: 'none',
    });
    const en = await s.store.customers.create({
      name: 'Emily Carter',
      phones: [EN],
      language: 'en',
      vipTier: 'gold',
    });
    if (!zh.ok || !en.ok) throw new Error('customers');
    const t = await s.store.tickets.create(
      { type: 'claim', status: 'open', priority: 'normal', subject: 'Gearbox', customerId: zh.value.id },
      'seed',
    );
    if (!t.ok) throw new Error('ticket');
    claim = t.value.number;
  }, 30_000);
  afterAll(() => s?.stop());

  const text = async (from: string, body: string) => {
    const res = await s.sim('/messages', { from, to: HOTLINE, body });
    await s.drain();
    return res;
  };
  const replies = async (to: string) =>
    ((await s.sim(`/messages?to=${encodeURIComponent(to)}`)).body.messages as { body: string }[]).map(
      (m) => m.body,
    );
  const signed = (params: Record<string, string>) => {
    const url = `${s.appBase()}/twilio/sms`;
    return fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': getExpectedTwilioSignature(ACCOUNT.authToken, url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
  };
  const last = async (to: string) => (await replies(to)).at(-1) ?? '';

  it('answers in Chinese and English: help, claim status, new request', async () => {
    await text(ZH, '帮助');
    expect(await last(ZH)).toContain('理赔单号');
    await text(EN, 'HELP');
    expect(await last(EN)).toContain('send a claim number');
    await text(ZH, `查询 ${claim.toLowerCase()}`);
    expect(await last(ZH)).toBe(`单号 ${claim}：处理中。`);
    await text(EN, claim);
    expect(await last(EN)).toContain(`We found no claim ${claim}`); // not Emily's claim
    await text(EN, 'NEW');
    expect(await last(EN)).toContain('describe your request');
    await text(EN, 'Flat tyre on I-95, silver Camry');
    expect(await last(EN)).toMatch(/We opened ticket INQ-2026-\d{6}/);
    const threads = await s.api('GET', `/sms/threads/${encodeURIComponent(EN)}`, '1002');
    expect(threads.body.items.length).toBeGreaterThanOrEqual(6);
  });

  it('opt-out before a notification: not sent; START opts in again', async () => {
    await text(ZH, 'STOP');
    expect(await s.store.messaging.isSuppressed(ZH)).toBe(true);
    const before = (await replies(ZH)).length;
    const ticket = await s.store.tickets.get(claim);
    if (!ticket) throw new Error('ticket');
    await notifyTicketChange(s.deps, ticket, { ...ticket, status: 'resolved' });
    await s.drain();
    expect((await replies(ZH)).length).toBe(before);
    const thread = (await s.store.messaging.thread(ZH)).items;
    expect(thread.at(-1)).toMatchObject({ status: 'suppressed', purpose: 'ticket-resolved' });
    await text(ZH, 'START');
    expect(await s.store.messaging.isSuppressed(ZH)).toBe(false);
    await notifyTicketChange(s.deps, ticket, { ...ticket, status: 'resolved', version: ticket.version + 1 });
    await s.drain();
    expect(await last(ZH)).toContain(`您的服务单 ${claim} 已处理完毕`);
  });

  it('anything else becomes a conversation routed on the sms channel and answered by an agent', async () => {
    await text(EN, 'My warranty card never arrived, can someone call me?');
    expect(await last(EN)).toContain('an agent will reply');
    expect(s.tasks.at(-1)).toMatchObject({ channel: 'sms', taskChannel: 'sms', from: EN, language: 'en' });
    await text(EN, 'Any time after 3pm');
    expect(await last(EN)).toContain('an agent will reply'); // no second bot reply while with an agent
    const reply = await s.api('POST', `/sms/threads/${encodeURIComponent(EN)}/reply`, '1002', {
      body: 'Hi Emily, I will call you at 3:30.',
    });
    expect(reply.status).toBe(201);
    await s.clock.advance(2000);
    await s.drain();
    expect(await last(EN)).toBe('Hi Emily, I will call you at 3:30.');
    const sent = await s.store.messaging.getMessage(reply.body.sid);
    expect(sent).toMatchObject({ agentId: '1002', status: 'delivered' }); // status callbacks recorded
    expect((await s.api('POST', `/sms/threads/${encodeURIComponent(EN)}/close`, '1002')).status).toBe(204);
  });

  it('post-call survey: 1-5 and a comment, stored on the call and the agent', async () => {
    await s.deps.jobs.send({
      kind: 'sms-send',
      to: EN,
      body: 'Please rate 1-5',
      purpose: 'survey',
      dedupeKey: 'survey:CA1',
      survey: { callSid: `CA${'1'.repeat(32)}`, agentId: '1002' },
      language: 'en',
    });
    await s.drain();
    await text(EN, '5');
    expect(await last(EN)).toContain('Thank you');
    await text(EN, 'Very quick, thanks Emily');
    const survey = await s.store.messaging.getSurvey(`CA${'1'.repeat(32)}`);
    expect(survey).toMatchObject({ rating: 5, comment: 'Very quick, thanks Emily', agentId: '1002' });
    expect((await s.store.messaging.surveysByAgent('1002')).items).toHaveLength(1);
  });

  it('malformed and oversized messages get a polite answer, never a 5xx', async () => {
    const empty = await signed({ From: EN, To: HOTLINE, MessageSid: `SM${'e'.repeat(32)}`, Body: '   ' });
    expect(empty.status).toBe(200);
    expect(await empty.text()).toContain('empty message');
    const noSender = await signed({ Body: 'hello' });
    expect(noSender.status).toBe(200);
    expect(await noSender.text()).toContain('<Response/>');
    const long = await text(EN, 'x'.repeat(5000));
    expect(long.status).toBe(201);
    expect(await last(EN)).toContain('too long');
    const noFrom = await fetch(`${s.appBase()}/twilio/sms`, { method: 'POST', body: 'Body=hi' });
    expect(noFrom.status).toBe(403); // unsigned: refused before anything runs
  });
});
