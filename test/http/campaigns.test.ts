// Outbound campaigns through the API: settings refused field by field with a code and what is allowed;
// the status machine (start needs contacts; 409s name the status); a contact list previewed with every
// refused row named and nothing stored, then imported with do-not-call numbers left out and the counts
// added; contacts paged and exported; settings changed only while paused, version-checked; every change
// audited; agents refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Reply, USERS } from './harness.js';

const CALLER_ID = '+18005550100';

const settings = {
  name: 'Renewal reminders',
  mode: 'progressive',
  callerId: CALLER_ID,
  queue: 'policy',
  window: { start: '09:00', end: '20:00', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'] },
};

const LIST = [
  'phone,name,language,plate',
  '13800138001,Zhao Lei,zh,沪A12345',
  '13800138002,Qian Fang,en,',
  ',No Phone,zh,',
  '12345,Bad Number,zh,',
  '138 0013 8001,Zhao Again,zh,',
  '13800138003,Listed,zh,',
  '13800138004,Sun Li,zh,',
].join('\n');

describe('campaigns API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.store.campaigns.addDoNotCall({
      phone: '+8613800138003',
      source: 'admin',
      addedAt: '2026-03-01T00:00:00.000Z',
    });
  });
  afterAll(() => h.stop());

  const csv = async (path: string, text: string | Uint8Array, type = 'text/csv'): Promise<Reply> => {
    const res = await h.app.request(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.tokens.supervisor}`, 'content-type': type },
      body: typeof text === 'string' ? text : new Blob([text as Uint8Array<ArrayBuffer>]),
    });
    const body = await res.text();
    return { status: res.status, headers: res.headers, body: body ? JSON.parse(body) : undefined };
  };
  const create = async (extra: Record<string, unknown> = {}) => {
    const res = await h.as('supervisor', 'POST', '/api/campaigns', { ...settings, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; version: number };
  };

  it('creates a draft with the defaults, audited, and lists it with the choices', async () => {
    const made = await create();
    expect(made).toMatchObject({
      status: 'draft',
      priority: 0,
      language: 'zh',
      abandonCap: 0.03,
      maxHoldSeconds: 5,
      machine: 'retry',
      retry: { maxAttempts: 3 },
      counts: { contacts: 0, pending: 0 },
      createdBy: USERS.supervisor.id,
      version: 1,
    });
    expect(made).toHaveProperty('dispositions.0.code', 'interested');
    const list = await h.as('supervisor', 'GET', '/api/campaigns');
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(made.id);
    expect(list.body.choices.callerIds).toContain(CALLER_ID);
    expect(list.body.choices.queues).toContain('policy');
    const audit = await h.as('admin', 'GET', '/api/audit');
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: 'campaign.create', target: made.id, actor: USERS.supervisor.id }),
    );
  });

  it('names every bad setting with its code', async () => {
    const res = await h.as('supervisor', 'POST', '/api/campaigns', {
      ...settings,
      name: 'x'.repeat(81),
      mode: 'broadcast',
      callerId: '+8613900000000',
      queue: 'sales',
      priority: 101,
      dispositions: [
        { code: 'Yes', label: { zh: '是', en: 'Yes' } },
        { code: 'no', label: { zh: '否', en: '' } },
        { code: 'no', label: { zh: '否', en: 'No' } },
      ],
      window: { start: '07:30', end: '21:30', weekdays: [] },
      retry: { maxAttempts: 21, busy: 0, 'no-answer': 60, machine: 20_000, failed: 30 },
      abandonCap: 0.2,
      maxHoldSeconds: 31,
      startAt: '2026-03-02T09:00:00Z',
      endAt: '2026-03-01T09:00:00Z',
    });
    expect(res.status).toBe(400);
    const codes = Object.fromEntries(
      (res.body.issues as { path: string; code: string }[]).map((i) => [i.path, i.code]),
    );
    expect(codes).toEqual({
      'body.name': 'campaign-name-length',
      'body.callerId': 'caller-id-not-ours',
      'body.queue': 'unknown-queue',
      'body.priority': 'priority-range',
      'body.dispositions.0.code': 'disposition-code',
      'body.dispositions.1.label.en': 'label-length',
      'body.dispositions.2.code': 'duplicate',
      'body.window.start': 'window-outside-legal-hours',
      'body.window.weekdays': 'weekdays',
      'body.retry.maxAttempts': 'max-attempts-range',
      'body.retry.busy': 'retry-delay-range',
      'body.retry.machine': 'retry-delay-range',
      'body.message.zh': 'required',
      'body.message.en': 'required',
      'body.abandonCap': 'abandon-cap-range',
      'body.maxHoldSeconds': 'hold-seconds-range',
      'body.endAt': 'end-before-start',
    });
    const callerId = res.body.issues.find((i: { path: string }) => i.path === 'body.callerId');
    expect(callerId.message).toContain(CALLER_ID);
    // A window backwards, a malformed time, an unknown mode.
    const more = await h.as('supervisor', 'POST', '/api/campaigns', {
      ...settings,
      window: { start: '18:00', end: '9:00' },
      dispositions: [],
    });
    expect(more.body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'body.window.end', code: 'time-format' }),
        expect.objectContaining({ path: 'body.dispositions', code: 'dispositions-count' }),
      ]),
    );
    const order = await h.as('supervisor', 'POST', '/api/campaigns', {
      ...settings,
      window: { start: '18:00', end: '10:00' },
    });
    expect(order.body.issues).toEqual([
      expect.objectContaining({ path: 'body.window.end', code: 'window-order' }),
    ]);
    const mode = await h.as('supervisor', 'POST', '/api/campaigns', { ...settings, mode: 'robocall' });
    expect(mode.status).toBe(400);
    expect(mode.body.issues[0].path).toBe('body.mode');
  });

  it('refuses to start without contacts, and an impossible step with 409 naming the status', async () => {
    const c = await create();
    const start = await h.as('supervisor', 'POST', `/api/campaigns/${c.id}/start`);
    expect(start.status).toBe(409);
    expect(start.body.error).toBe('no-pending-contacts');
    const pause = await h.as('supervisor', 'POST', `/api/campaigns/${c.id}/pause`);
    expect(pause.status).toBe(409);
    expect(pause.body).toMatchObject({ error: 'invalid-transition', status: 'draft', action: 'pause' });
    expect((await h.as('supervisor', 'POST', '/api/campaigns/nope/start')).status).toBe(404);
  });

  it('previews a list naming every refused row and stores nothing', async () => {
    const c = await create();
    const res = await csv(`/api/campaigns/${c.id}/contacts/preview`, LIST);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.counts).toEqual({
      rows: 7,
      accepted: 3,
      rejected: 4,
      missing: 1,
      invalid: 1,
      duplicate: 1,
      optedOut: 0,
      doNotCall: 1,
      badTimezone: 0,
      tooLong: 0,
      malformed: 0,
    });
    expect(
      res.body.rejected.map((r: { row: number; raw: string; reason: string }) => [r.row, r.raw, r.reason]),
    ).toEqual([
      [3, '', 'missing-phone'],
      [4, '12345', 'invalid-phone'],
      [5, '138 0013 8001', 'duplicate'],
      [6, '13800138003', 'do-not-call'],
    ]);
    expect(res.body.rejected[2]).toMatchObject({ line: 6, duplicateOf: 1 });
    expect(res.body.variables).toEqual(['language', 'plate']);
    // JSON `{csv}` is the same list.
    const json = await h.as('supervisor', 'POST', `/api/campaigns/${c.id}/contacts/preview`, { csv: LIST });
    expect(json.body).toEqual(res.body);
    const after = await h.as('supervisor', 'GET', `/api/campaigns/${c.id}`);
    expect(after.body.counts.contacts).toBe(0);
    expect((await h.as('supervisor', 'GET', `/api/campaigns/${c.id}/contacts`)).body.items).toEqual([]);
  });

  it('refuses an empty list, one without a phone column, one over 5 MB (413) and another type (415)', async () => {
    const c = await create();
    const empty = await csv(`/api/campaigns/${c.id}/contacts/preview`, '  ');
    expect(empty.status).toBe(400);
    expect(empty.body.issues[0]).toMatchObject({ path: 'body.csv', code: 'empty-file' });
    const noPhone = await csv(`/api/campaigns/${c.id}/contacts/preview`, 'name,plate\nZhao,沪A1');
    expect(noPhone.status).toBe(400);
    expect(noPhone.body.issues[0]).toMatchObject({ path: 'body.csv', code: 'no-phone-column' });
    // 电话 in GBK, as Excel in China saves "CSV" unless told otherwise.
    const gbk = await csv(
      `/api/campaigns/${c.id}/contacts/preview`,
      new Uint8Array([0xb5, 0xe7, 0xbb, 0xb0, 0x0a]),
    );
    expect(gbk.body.issues[0]).toMatchObject({ path: 'body.csv', code: 'not-utf8' });
    const big = `phone\n${'13800138001\n'.repeat(480_000)}`;
    const tooBig = await csv(`/api/campaigns/${c.id}/contacts`, big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error).toBe('too-large');
    const tooBigJson = await h.as('supervisor', 'POST', `/api/campaigns/${c.id}/contacts`, { csv: big });
    expect(tooBigJson.status).toBe(413);
    expect((await csv(`/api/campaigns/${c.id}/contacts`, 'phone', 'application/xml')).status).toBe(415);
  });

  it('imports the good rows of a list with a cell too long to store, naming the refused row', async () => {
    const c = await create();
    const list = `phone,name,note\n+8613700009030,big,${'Y'.repeat(450_000)}\n+8613700009031,ok,small\n`;
    const res = await csv(`/api/campaigns/${c.id}/contacts`, list);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    expect(res.body).toMatchObject({ added: 1, counts: { rows: 2, accepted: 1, tooLong: 1 } });
    expect(res.body.rejected).toEqual([
      expect.objectContaining({ row: 1, raw: '+8613700009030', reason: 'too-long' }),
    ]);
    const stored = await h.as('supervisor', 'GET', `/api/campaigns/${c.id}/contacts`);
    expect(stored.body.items.map((x: { phone: string }) => x.phone)).toEqual(['+8613700009031']);
  });

  it('imports without the do-not-call numbers, counts them, pages and exports them, and then starts', async () => {
    const c = await create();
    const res = await csv(`/api/campaigns/${c.id}/contacts`, LIST);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ counts: { rows: 7, accepted: 3 }, added: 3 });
    // A second list adds to the first.
    const second = await h.as('supervisor', 'POST', `/api/campaigns/${c.id}/contacts`, {
      csv: 'phone,name\n13800138005,Zhou Min\n13800138006,Wu Gang',
    });
    expect(second.body.added).toBe(2);
    const read = await h.as('supervisor', 'GET', `/api/campaigns/${c.id}`);
    expect(read.body.counts).toMatchObject({ contacts: 5, pending: 5 });

    const first = await h.as('supervisor', 'GET', `/api/campaigns/${c.id}/contacts?limit=2`);
    expect(first.body.items.map((x: { phone: string }) => x.phone)).toEqual([
      '+8613800138001',
      '+8613800138002',
    ]);
    expect(first.body.items[0]).toMatchObject({
      name: 'Zhao Lei',
      status: 'pending',
      vars: { plate: '沪A12345' },
    });
    const next = await h.as(
      'supervisor',
      'GET',
      `/api/campaigns/${c.id}/contacts?limit=2&cursor=${encodeURIComponent(first.body.cursor)}`,
    );
    expect(next.body.items.map((x: { phone: string }) => x.phone)).toEqual([
      '+8613800138004',
      '+8613800138005',
    ]);
    const listed = await h.as('supervisor', 'GET', `/api/campaigns/${c.id}/contacts?limit=100`);
    expect(listed.body.items.map((x: { phone: string }) => x.phone)).not.toContain('+8613800138003');

    const exported = await h.app.request(`/api/campaigns/${c.id}/contacts.csv`, {
      headers: { authorization: `Bearer ${h.tokens.supervisor}` },
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('text/csv');
    const lines = (await exported.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'id,phone,name,customerId,status,attempts,lastOutcome,disposition,agentId,lastAttemptAt',
    );
    expect(lines).toHaveLength(6);
    expect(lines[1]).toBe("000001,'+8613800138001,Zhao Lei,,pending,0,,,,");

    const started = await h.as('supervisor', 'POST', `/api/campaigns/${c.id}/start`);
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.status).toBe('running');
    const audit = await h.as('admin', 'GET', '/api/audit');
    const actions = audit.body.items
      .filter((e: { target?: string }) => e.target === c.id)
      .map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['campaign.import', 'campaign.start']));
  });

  it('walks start, pause, resume and stop; settings change only while paused, from the version read', async () => {
    const c = await create();
    await csv(`/api/campaigns/${c.id}/contacts`, 'phone\n13800138009');
    const step = (action: string) => h.as('supervisor', 'POST', `/api/campaigns/${c.id}/${action}`);
    const running = await step('start');
    expect(running.body.status).toBe('running');
    expect((await step('resume')).status).toBe(409);
    const locked = await h.as('supervisor', 'PATCH', `/api/campaigns/${c.id}`, {
      version: running.body.version,
      priority: 10,
    });
    expect(locked.status).toBe(409);
    expect(locked.body.error).toBe('campaign-not-editable');
    const paused = await step('pause');
    expect(paused.body.status).toBe('paused');
    const stale = await h.as('supervisor', 'PATCH', `/api/campaigns/${c.id}`, { version: 1, priority: 10 });
    expect(stale.status).toBe(409);
    expect(stale.body.current.version).toBe(paused.body.version);
    const bad = await h.as('supervisor', 'PATCH', `/api/campaigns/${c.id}`, {
      version: paused.body.version,
      priority: -1,
    });
    expect(bad.body.issues).toEqual([
      expect.objectContaining({ path: 'body.priority', code: 'priority-range' }),
    ]);
    const changed = await h.as('supervisor', 'PATCH', `/api/campaigns/${c.id}`, {
      version: paused.body.version,
      priority: 10,
      name: 'Renewal reminders, second round',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({
      priority: 10,
      name: 'Renewal reminders, second round',
      status: 'paused',
    });
    expect((await step('resume')).body.status).toBe('running');
    expect((await step('stop')).body.status).toBe('stopped');
    const again = await step('start');
    expect(again.status).toBe(409);
    expect(again.body.status).toBe('stopped');
    const closed = await csv(`/api/campaigns/${c.id}/contacts`, 'phone\n13800138010');
    expect(closed.status).toBe(409);
    expect(closed.body.error).toBe('campaign-closed');
  });

  it('is for supervisors and admins only', async () => {
    const c = await create();
    expect((await h.as('agent', 'GET', '/api/campaigns')).status).toBe(403);
    expect((await h.as('agent', 'GET', `/api/campaigns/${c.id}`)).status).toBe(403);
    expect((await h.as('agent', 'POST', '/api/campaigns', settings)).status).toBe(403);
    expect(
      (await h.as('agent', 'POST', `/api/campaigns/${c.id}/contacts/preview`, { csv: LIST })).status,
    ).toBe(403);
    expect((await h.as('admin', 'GET', `/api/campaigns/${c.id}`)).status).toBe(200);
  });
});
