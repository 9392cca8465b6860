// Bulk SMS end to end on the local stack with a manual clock: a send made and started through the API, its
// rounds run with the periodic jobs, texts sent by the worker through the twin and followed by the twin's
// status callbacks. The sender's rate holds per minute of the clock; a recipient in their quiet hours gets
// nothing until 08:00 in their own time; a number that texted STOP after the draft was made is skipped; the
// carrier's verdicts reach the report; a replayed round or job texts nobody twice.
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bulkDedupeKey } from '../../../functions/app/bulk-sms-round.js';
import { LOCAL_TWILIO } from '../../../infra/local/local-config.js';
import { type IvrHarness, startIvr, WARRANTY } from '../ivr/support.js';

let h: IvrHarness;
let token = '';
beforeAll(async () => {
  h = await startIvr('2026-03-02T02:00:00Z'); // Monday 10:00 in Shanghai, Sunday 21:00 in New York
}, 60_000);
// The clock may have moved past the session's life: a fresh one per test.
beforeEach(async () => {
  const login = await post('/api/auth/login', { id: '2001', password: 'demo-2001' });
  token = ((await login.json()) as { token: string }).token;
});
afterAll(() => h?.stop());
afterEach(async () => {
  // A send of one test must not text in the next.
  for (const s of await h.stack.store.bulkSms.listByStatus('sending'))
    await h.stack.store.bulkSms.setStatus(s.id, s.version, 'cancelled');
});

async function post(path: string, body: unknown, auth = false): Promise<Response> {
  return fetch(`${h.stack.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
async function get(path: string): Promise<any> {
  const res = await fetch(`${h.stack.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return res.json();
}

let n = 0;
const number = () => `+86139444444${String(++n).padStart(2, '0')}`;

/** Rows of an uploaded list: a number, or a number in a named time zone. */
type Row = string | readonly [string, string];
const line = (row: Row, i: number) =>
  typeof row === 'string' ? `${row},客户${i + 1},` : `${row[0]},客户${i + 1},${row[1]}`;

async function startSend(rows: readonly Row[], over: Record<string, unknown> = {}): Promise<string> {
  const res = await post(
    '/api/sms/bulk',
    {
      name: 'Care reminder',
      message: {
        kind: 'text',
        text: { zh: '{name}您好，请记得年检。', en: 'Dear {name}, your inspection is due.' },
      },
      audience: { kind: 'csv', csv: ['phone,name,timezone', ...rows.map(line)].join('\n') },
      ...over,
    },
    true,
  );
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = ((await res.json()) as { send: { id: string } }).send;
  expect((await post(`/api/sms/bulk/${id}/start`, {}, true)).status).toBe(200);
  return id;
}

/** A round now, then the worker's jobs that it queued (due at this instant). */
async function round(): Promise<number> {
  const result = await h.stack.runPeriodicJobs();
  await h.clock.flush();
  await h.stack.channels.queue.idle();
  await h.stack.twin.settle();
  return result.bulkSms.queued;
}

const textsTo = async (phones: readonly string[]) => {
  const all = ((await get('/sim/messages')) as { messages: { to: string; body: string }[] }).messages;
  return all.filter((m) => phones.includes(m.to));
};
const recipients = async (id: string) =>
  (await get(`/api/sms/bulk/${id}/recipients?limit=100`)).items as {
    id: string;
    phone: string;
    status: string;
    messageSid?: string;
    error?: string;
    body: string;
  }[];

describe('bulk SMS on the local stack', () => {
  it('sends at most the sender’s rate in a minute of the clock, then finishes', async () => {
    const phones = Array.from({ length: 12 }, number);
    const id = await startSend(phones, { ratePerMinute: 5 });
    expect(await round()).toBe(5);
    expect(await round()).toBe(0); // the same minute: nothing more
    expect(await textsTo(phones)).toHaveLength(5);
    await h.advance(50);
    expect(await round()).toBe(0); // still the same minute of the clock
    expect(await textsTo(phones)).toHaveLength(5);
    await h.advance(10); // the next minute: 5 more
    expect(await round()).toBe(5);
    expect(await textsTo(phones)).toHaveLength(10);
    await h.advance(60);
    expect(await round()).toBe(2);
    expect(await textsTo(phones)).toHaveLength(12);
    // The round that took the last of them ends the send: no minute shown "sending" with nothing left.
    expect((await get(`/api/sms/bulk/${id}`)).status).toBe('done');
    const texts = await textsTo(phones);
    expect(new Set(texts.map((t) => t.to)).size).toBe(12);
    expect(texts.find((t) => t.to === phones[0])?.body).toBe('客户1您好，请记得年检。');
    await h.advance(10);
    expect(await round()).toBe(0); // nobody left: the send is done
    const send = await get(`/api/sms/bulk/${id}`);
    expect(send).toMatchObject({ status: 'done', report: { delivered: 12, toSend: 0, deliveryRate: 1 } });
  }, 120_000);

  it('skips a number that texted STOP after the send was made', async () => {
    const [stop, keep] = [number(), number()];
    const res = await post(
      '/api/sms/bulk',
      {
        name: 'Opt-out check',
        message: { kind: 'text', text: { zh: '您好', en: 'Hello' } },
        audience: { kind: 'csv', csv: `phone\n${stop}\n${keep}\n` },
      },
      true,
    );
    const { id } = ((await res.json()) as { send: { id: string } }).send;
    await post('/sim/messages', { from: stop, to: WARRANTY, body: 'STOP' });
    await h.advance(1);
    expect(await h.stack.store.messaging.isSuppressed(stop)).toBe(true);
    await post(`/api/sms/bulk/${id}/start`, {}, true);
    await round();
    const texts = await textsTo([stop, keep]);
    expect(texts.filter((t) => t.to === keep)).toHaveLength(1);
    expect(texts.filter((t) => t.to === stop && t.body === '您好')).toHaveLength(0);
    expect((await recipients(id)).find((r) => r.phone === stop)).toMatchObject({
      status: 'skipped-opted-out',
      error: 'opted-out',
    });
    expect((await get(`/api/sms/bulk/${id}`)).report).toMatchObject({ 'skipped-opted-out': 1, skipped: 1 });
  }, 60_000);

  it('brings delivered and undelivered reports to the report; a replayed round or job texts nobody twice', async () => {
    const phones = [number(), number(), number()];
    const id = await startSend(phones);
    expect(await round()).toBe(3);
    expect(await round()).toBe(0); // replayed at the same instant: nothing new
    const sent = await recipients(id);
    expect(sent.every((r) => r.status === 'sent' && r.messageSid?.startsWith('SM'))).toBe(true);
    // The carrier gives up on one before the twin would deliver it.
    const failed = sent[1];
    if (!failed?.messageSid) throw new Error('no message');
    const url = `${h.stack.webhookBaseUrl}/twilio/sms/status`;
    const params = { MessageSid: failed.messageSid, MessageStatus: 'undelivered', ErrorCode: '30003' };
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': getExpectedTwilioSignature(LOCAL_TWILIO.authToken, url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
    expect(res.status).toBe(204);
    await h.advance(3);
    const after = await recipients(id);
    expect(after.map((r) => r.status)).toEqual(['delivered', 'undelivered', 'delivered']);
    expect(after[1]).toMatchObject({ error: '30003' });
    expect((await get(`/api/sms/bulk/${id}`)).report).toMatchObject({
      delivered: 2,
      undelivered: 1,
      sent: 0,
      deliveryRate: 0.667,
    });
    // The worker sees a job again (a queue's at-least-once delivery): the dedupe key stops a second text.
    const first = after[0];
    if (!first) throw new Error('no recipient');
    await h.stack.channels.queue.send({
      kind: 'sms-send',
      to: first.phone,
      body: first.body,
      purpose: 'bulk-sms',
      dedupeKey: bulkDedupeKey(id, first.id),
      bulk: { sendId: id, recipientId: first.id },
    });
    await h.advance(2);
    expect(await textsTo([first.phone])).toHaveLength(1);
    expect((await recipients(id))[0]?.status).toBe('delivered');
  }, 60_000);

  it('holds a text in the recipient’s quiet hours until 08:00 their time', async () => {
    const ny = '+12025550143';
    const sh = number();
    const id = await startSend([[ny, 'America/New_York'], sh], { language: 'en' });
    expect(await round()).toBe(1);
    expect(await textsTo([sh])).toHaveLength(1);
    const waiting = (await recipients(id)).find((r) => r.phone === ny);
    expect(waiting).toMatchObject({ status: 'waiting-quiet-hours', dueAt: '2026-03-02T13:00:00.000Z' });
    expect((await get(`/api/sms/bulk/${id}`)).report['waiting-quiet-hours']).toBe(1);
    // Through the New York night, the rounds on the clock send it nothing.
    // Last: the clock leaves Shanghai's day behind.
    for (const at of ['2026-03-02T05:00:00Z', '2026-03-02T12:59:00Z']) {
      await h.clock.advanceTo(Date.parse(at));
      expect(await round()).toBe(0);
    }
    expect(await textsTo([ny])).toHaveLength(0);
    await h.advance(65);
    expect(await round()).toBe(1);
    expect(await textsTo([ny])).toEqual([
      expect.objectContaining({ body: 'Dear 客户1, your inspection is due.' }),
    ]);
  }, 120_000);
});
