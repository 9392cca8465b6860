// Malformed requests to every /api route with a body or parameters: 400 with `issues` naming the bad
// field (body.x, query.x, path.x) and a message saying what is allowed; nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Who } from './harness.js';

interface Case {
  readonly name: string;
  readonly who?: Who;
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  /** The issue path expected, and a fragment of its message. */
  readonly field: string;
  readonly says?: RegExp;
  /** The stable code a handler's own check gives its issue (zod's issues carry zod's codes). */
  readonly code?: string;
}

describe('malformed requests get 400 naming the field', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.stop());

  const cases: Case[] = [
    {
      name: 'login without password',
      method: 'POST',
      path: '/api/auth/login',
      body: { id: '1001' },
      field: 'body.password',
      who: 'anonymous',
    },
    {
      name: 'password change too short',
      method: 'POST',
      path: '/api/auth/password',
      body: { currentPassword: 'x', newPassword: '1234567' },
      field: 'body.newPassword',
      says: /8/,
    },
    {
      name: 'customer without phones',
      method: 'POST',
      path: '/api/customers',
      body: { name: 'A' },
      field: 'body.phones',
    },
    {
      name: 'customer with a bad phone',
      method: 'POST',
      path: '/api/customers',
      body: { name: 'A', phones: ['+8613800138000', 'call me'] },
      field: 'body.phones.1',
      says: /not a valid phone/,
    },
    {
      name: 'customer with unknown language',
      method: 'POST',
      path: '/api/customers',
      body: { name: 'A', phones: ['13800138000'], language: 'fr' },
      field: 'body.language',
      says: /zh.*en/,
    },
    {
      name: 'customer with an unknown field',
      method: 'POST',
      path: '/api/customers',
      body: { name: 'A', phones: ['13800138000'], vip: true },
      field: 'body',
      says: /vip/,
    },
    {
      name: 'customer update without version',
      method: 'PATCH',
      path: '/api/customers/c1',
      body: { notes: 'x' },
      field: 'body.version',
    },
    {
      name: 'vehicle with a bad VIN',
      method: 'POST',
      path: '/api/customers/c1/assets',
      body: { kind: 'vehicle', vin: 'IOQ', make: 'BYD', model: 'Han', year: 2022 },
      field: 'body.vin',
      says: /17 characters/,
    },
    {
      name: 'asset of unknown kind',
      method: 'POST',
      path: '/api/customers/c1/assets',
      body: { kind: 'boat' },
      field: 'body.kind',
    },
    {
      name: 'policy ending before it starts',
      method: 'POST',
      path: '/api/customers/c1/policies',
      body: {
        number: 'EW-0001',
        product: 'P',
        startsOn: '2026-05-01',
        endsOn: '2026-01-01',
        dealer: { name: 'D' },
      },
      field: 'body.endsOn',
      says: /startsOn/,
    },
    {
      name: 'search query too long',
      method: 'GET',
      path: `/api/customers?q=${'x'.repeat(101)}`,
      field: 'query.q',
    },
    {
      name: 'ticket of unknown type',
      method: 'POST',
      path: '/api/tickets',
      body: { type: 'refund', subject: 'x' },
      field: 'body.type',
      says: /claim/,
    },
    {
      name: 'ticket without subject',
      method: 'POST',
      path: '/api/tickets',
      body: { type: 'claim' },
      field: 'body.subject',
    },
    {
      name: 'ticket with a bad due time',
      method: 'POST',
      path: '/api/tickets',
      body: { type: 'claim', subject: 's', dueAt: 'tomorrow' },
      field: 'body.dueAt',
    },
    {
      name: 'ticket for an unknown customer',
      method: 'POST',
      path: '/api/tickets',
      body: { type: 'claim', subject: 's', customerId: 'missing' },
      field: 'body.customerId',
      says: /no customer/,
      code: 'unknown-customer',
    },
    {
      name: 'ticket list without a filter',
      method: 'GET',
      path: '/api/tickets',
      field: 'query.status',
      says: /exactly one/,
    },
    {
      name: 'ticket list with a bad limit',
      method: 'GET',
      path: '/api/tickets?status=new&limit=1000',
      field: 'query.limit',
    },
    {
      name: 'ticket number malformed',
      method: 'GET',
      path: '/api/tickets/12345',
      field: 'path.number',
      says: /CLM-2026-000123/,
    },
    {
      name: 'ticket update with a bad status',
      method: 'PATCH',
      path: '/api/tickets/CLM-2026-000001',
      body: { version: 1, status: 'done' },
      field: 'body.status',
      says: /resolved/,
    },
    {
      name: 'ticket update with a string version',
      method: 'PATCH',
      path: '/api/tickets/CLM-2026-000001',
      body: { version: '1' },
      field: 'body.version',
    },
    {
      name: 'empty note',
      method: 'POST',
      path: '/api/tickets/CLM-2026-000001/notes',
      body: { text: '  ' },
      field: 'body.text',
    },
    {
      name: 'task of unknown kind',
      method: 'POST',
      path: '/api/tasks',
      body: { kind: 'visit', dueAt: '2026-03-02T09:00:00Z' },
      field: 'body.kind',
    },
    {
      name: 'task without due time',
      method: 'POST',
      path: '/api/tasks',
      body: { kind: 'callback' },
      field: 'body.dueAt',
    },
    {
      name: 'task with a bad phone',
      method: 'POST',
      path: '/api/tasks',
      body: { kind: 'callback', dueAt: '2026-03-02T09:00:00Z', phone: 'abc' },
      field: 'body.phone',
    },
    {
      name: 'auto-dialled task without a number',
      method: 'POST',
      path: '/api/tasks',
      body: { kind: 'callback', dueAt: '2026-03-02T09:00:00Z', autoDial: true },
      field: 'body.phone',
      says: /required when autoDial/,
      code: 'autodial-needs-phone',
    },
    {
      name: 'auto-dialled follow-up',
      method: 'POST',
      path: '/api/tasks',
      body: { kind: 'follow-up', dueAt: '2026-03-02T09:00:00Z', phone: '13800138000', autoDial: true },
      field: 'body.autoDial',
      says: /callback, outbound-call/,
      code: 'autodial-not-a-call',
    },
    {
      name: 'auto-dialled task to an unknown queue',
      method: 'POST',
      path: '/api/tasks',
      body: {
        kind: 'callback',
        dueAt: '2026-03-02T09:00:00Z',
        phone: '13800138000',
        autoDial: true,
        queue: 'vip',
      },
      field: 'body.queue',
      says: /claims.*general/,
      code: 'autodial-unknown-queue',
    },
    {
      name: 'task with a caller id that is not a hotline',
      method: 'POST',
      path: '/api/tasks',
      body: { kind: 'callback', dueAt: '2026-03-02T09:00:00Z', callerId: '+15550000000' },
      field: 'body.callerId',
      says: /\+18005550100/,
    },
    {
      name: 'due tasks without before',
      method: 'GET',
      path: '/api/tasks/due',
      field: 'query.before',
      who: 'supervisor',
    },
    {
      name: 'task update with bad attempts',
      method: 'PATCH',
      path: '/api/tasks/t1',
      body: { version: 1, attempts: -1 },
      field: 'body.attempts',
    },
    {
      name: 'user with a bad role',
      method: 'POST',
      path: '/api/users',
      body: { id: 'u1', name: 'U', password: 'long enough', roles: ['root'] },
      field: 'body.roles.0',
      says: /agent/,
      who: 'admin',
    },
    {
      name: 'user with a short password',
      method: 'POST',
      path: '/api/users',
      body: { id: 'u1', name: 'U', password: 'short', roles: ['agent'] },
      field: 'body.password',
      who: 'admin',
    },
    {
      name: 'user update with non-boolean disabled',
      method: 'PATCH',
      path: '/api/users/1001',
      body: { version: 1, disabled: 'yes' },
      field: 'body.disabled',
      who: 'admin',
    },
    {
      name: 'password reset too short',
      method: 'POST',
      path: '/api/users/1001/password',
      body: { password: 'x' },
      field: 'body.password',
      who: 'admin',
    },
    {
      name: 'audit with a bad day',
      method: 'GET',
      path: '/api/audit?day=yesterday',
      field: 'query.day',
      who: 'supervisor',
    },
  ];

  it.each(cases)('$name -> 400 naming $field', async (c) => {
    const res = await h.as(c.who ?? 'agent', c.method, c.path, c.body);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error).toBe('validation');
    const issues = res.body.issues as { path: string; code?: string; message: string }[];
    const issue = issues.find((i) => i.path === c.field);
    expect(issue, JSON.stringify(res.body.issues)).toBeDefined();
    if (c.says) expect(issue?.message).toMatch(c.says);
    if (c.code) expect(issue?.code).toBe(c.code);
    expect(res.body.message).toContain(c.field);
  });

  it('a rejected create writes nothing', async () => {
    await h.as('agent', 'POST', '/api/tickets', { type: 'refund', subject: 'x' });
    expect((await h.store.tickets.byStatus('new')).items).toHaveLength(0);
    expect((await h.store.customers.list()).items).toHaveLength(0);
  });

  it('says a missing field is required and a word where a number goes is not a number', async () => {
    const none = await h.as('supervisor', 'GET', '/api/wfm/erlang-c');
    expect(none.status).toBe(400);
    expect(none.body.issues).toEqual([
      expect.objectContaining({ path: 'query.calls', message: 'is required (a number)' }),
      expect.objectContaining({ path: 'query.ahtSeconds', message: 'is required (a number)' }),
    ]);
    const word = await h.as('supervisor', 'GET', '/api/wfm/erlang-c?calls=abc&ahtSeconds=180');
    expect(word.body.issues).toEqual([
      expect.objectContaining({ path: 'query.calls', message: 'must be a number' }),
    ]);
    const body = await h.as('agent', 'POST', '/api/auth/login', {});
    expect(body.body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'body.id', message: 'is required (a string)' }),
      ]),
    );
  });
});
