// Input that used to reach storage or a handler unchecked: forged paging cursors, oversized ids and SIDs,
// and voice webhooks missing what they need. Each is a 4xx naming the field, or TwiML for a caller.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/twilio/voice-incoming.json', import.meta.url), 'utf8'),
) as { path: string; params: Record<string, string> };

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Cursors no list ever returned: not base64 JSON, the wrong JSON, another partition's key. */
const FORGED_CURSORS = [
  'not-a-cursor',
  b64([1, 2]),
  b64({}),
  b64({ pk: 1, sk: 2 }),
  b64({ pk: 'x', sk: 'y', gsi2pk: 'z', gsi2sk: 'w' }),
  b64({ day: 42 }),
  b64({ day: '2026-03-01', inner: { pk: 'x' } }),
];

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ channels: true });
});
afterAll(() => h.stop());

describe('paging cursors', () => {
  const lists = [
    '/api/tasks/mine',
    '/api/tasks/due?before=2026-03-01T12:00:00Z',
    '/api/customers',
    '/api/customers?q=zhang',
    '/api/recordings',
    '/api/tickets?status=new',
    '/api/users',
    '/api/audit?day=2026-03-01',
    '/api/voicemails',
  ];
  for (const list of lists) {
    it(`${list}: a forged cursor is a 400 naming query.cursor`, async () => {
      for (const cursor of FORGED_CURSORS) {
        const sep = list.includes('?') ? '&' : '?';
        const res = await h.as('admin', 'GET', `${list}${sep}cursor=${encodeURIComponent(cursor)}`);
        expect(res.status, `${list} cursor=${cursor}`).toBe(400);
        expect(res.body.issues?.[0]?.path).toBe('query.cursor');
      }
    });
  }

  it('still pages with the cursor a list returned', async () => {
    for (let i = 0; i < 3; i += 1)
      await h.as('admin', 'POST', '/api/customers', { name: `Pager ${i}`, phones: [`+861380013${i}000`] });
    const first = await h.as('admin', 'GET', '/api/customers?limit=1');
    expect(first.body.cursor).toEqual(expect.any(String));
    const next = await h.as('admin', 'GET', `/api/customers?limit=1&cursor=${first.body.cursor}`);
    expect(next.status).toBe(200);
    expect(next.body.items[0].id).not.toBe(first.body.items[0].id);
  });
});

describe('ids and SIDs', () => {
  const long = 'a'.repeat(70_000);
  it('refuses an oversized or malformed id in a path before storage', async () => {
    const paths = [
      ['POST', `/api/agent/reservations/WR${long}/accept`],
      ['POST', `/api/agent/reservations/${long}/reject`],
      ['POST', `/api/queue/WT${long}/pick`],
      ['GET', `/api/customers/${long}`],
      ['GET', `/api/tasks/${long}`],
      ['GET', `/api/users/${long}`],
      ['GET', `/api/tickets/${long}`],
      ['GET', `/api/recordings/RE${long}`],
      ['GET', `/api/voicemails/${long}`],
      ['POST', `/api/supervisor/agents/${long}/state`],
      ['POST', `/api/supervisor/blacklist-requests/${long}`],
      ['GET', `/api/sms/threads/${long}`],
    ] as const;
    for (const [method, path] of paths) {
      const res = await h.as('admin', method, path, method === 'POST' ? {} : undefined);
      expect(res.status, `${method} ${path.slice(0, 60)}`).toBe(400);
      expect(res.body.issues?.[0]?.path, path.slice(0, 60)).toMatch(/^path\./);
    }
  });

  it('refuses a malformed SID in a query', async () => {
    const res = await h.as('admin', 'GET', `/api/recordings?agentId=${long}`);
    expect(res.status).toBe(400);
  });

  it('answers 404 for a well-formed id that does not exist', async () => {
    expect((await h.as('admin', 'GET', '/api/customers/C-unknown')).status).toBe(404);
    expect((await h.as('admin', 'GET', '/api/tickets/CLM-2026-999999')).status).toBe(404);
  });
});

describe('voice webhooks whatever their input', () => {
  const sid = (n: number) => `CA${n.toString(16).padStart(32, '0')}`;
  const voicePaths = ['/twilio/voice', '/twilio/ivr/step', '/twilio/ivr/voicemail', '/twilio/ivr/wait'];

  it('an empty From gets the apology in TwiML, not a 400 JSON', async () => {
    const res = await h.twilio('/twilio/voice', { ...fixture.params, CallSid: sid(1), From: '' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml[^>]*><Response>/);
    expect(xml).toContain('<Say');
  });

  it('missing or absurd parameters on every voice webhook still answer TwiML', async () => {
    for (const path of voicePaths) {
      const cases: Record<string, string>[] = [{}, { CallSid: 'x'.repeat(70_000), From: '', To: '' }];
      for (const params of cases) {
        const res = await h.twilio(path, params);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('content-type'), path).toMatch(/^text\/xml/);
        expect(await res.text(), path).toContain('<Response>');
      }
    }
  });

  it('a From far too long to be a number is refused before storage, with the apology, and a text with a 400', async () => {
    const res = await h.twilio('/twilio/voice', {
      ...fixture.params,
      CallSid: sid(7),
      From: '9'.repeat(100_000),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<Say');
    expect(await h.store.calls.get(sid(7))).toBeUndefined();
    const sms = await h.twilio('/twilio/sms', {
      MessageSid: `SM${'0'.repeat(32)}`,
      From: '9'.repeat(5_000),
      To: '+18005550100',
      Body: 'hi',
    });
    expect(sms.status).toBe(400);
    expect(await sms.text()).toContain('body.From');
  });

  it('a 70,000-character ReservationSid on the assignment callback is refused before storage', async () => {
    const res = await h.twilio('/twilio/taskrouter/assignment', {
      TaskSid: `WT${'0'.repeat(32)}`,
      WorkerSid: `WK${'0'.repeat(32)}`,
      ReservationSid: `WR${long()}`,
      TaskAttributes: '{}',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('body.ReservationSid');
  });
});

function long(): string {
  return 'a'.repeat(70_000);
}
