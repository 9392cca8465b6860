// Every secured /api operation, the channel routes included, called by nobody and by each role with a valid
// request: 401 without a session, 403 for a role the operation does not admit, its success status
// otherwise. The table is written out here (not read from access.ts) so a changed rule has to change a test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_ROWS } from './agent-role-rows.js';
import { BULK_SMS_ROWS, seedBulkSmsData } from './bulk-sms-role-rows.js';
import { campaignRows } from './campaign-role-rows.js';
import { CHANNEL_ROWS, seedChannelData } from './channel-role-rows.js';
import { createHarness, type Harness, type Reply, USERS, type Who } from './harness.js';
import { kbRows, seedKbData } from './kb-role-rows.js';
import { qualityRows, seedQualityData } from './quality-role-rows.js';

type Role = Exclude<Who, 'anonymous'>;
const ALL: readonly Role[] = ['agent', 'supervisor', 'admin'];
const LEADS: readonly Role[] = ['supervisor', 'admin'];
const ADMIN: readonly Role[] = ['admin'];
const MATRIX_KEY = '00000000000000aa';
/** Operations an API key calls, not a session (test/http/leads.test.ts covers their refusals). */
const KEY_OPERATIONS = ['integrations.createLead'];

interface Row {
  readonly op: string;
  readonly method: string;
  readonly path: () => string;
  readonly body?: () => Promise<unknown> | unknown;
  readonly roles: readonly Role[];
  readonly ok: number;
  /** Uses a session of its own (the operation ends or replaces it). */
  readonly fresh?: boolean;
}

describe('role matrix', () => {
  let h: Harness;
  let customerId = '';
  let ticket = '';
  let taskId = '';
  let seq = 0;
  beforeAll(async () => {
    h = await createHarness({ channels: true, pushUrl: 'wss://push.example.test/live' });
    await seedChannelData(h.store, USERS.agent.id);
    await seedKbData(h.store);
    await seedQualityData(h.store, USERS.agent.id);
    await seedBulkSmsData(h.store);
    const customer = await h.store.customers.create({
      name: 'Zhao Lei',
      phones: ['+8613800001111'],
      language: 'zh',
      vipTier: 'none',
    });
    if (!customer.ok) throw new Error('seed customer');
    customerId = customer.value.id;
    const t = await h.store.tickets.create(
      { type: 'claim', status: 'new', priority: 'normal', subject: 'Gearbox' },
      'seed',
    );
    if (!t.ok) throw new Error('seed ticket');
    ticket = t.value.number;
    const task = await h.store.tasks.create({
      kind: 'callback',
      dueAt: '2026-03-01T10:00:00.000Z',
      assigneeId: USERS.agent.id,
      maxAttempts: 3,
    });
    if (!task.ok) throw new Error('seed task');
    taskId = task.value.id;
    await h.store.apiKeys.create({
      keyId: MATRIX_KEY,
      name: 'Matrix',
      scopes: ['leads:write'],
      ratePerMinute: 60,
      createdBy: 'seed',
      createdAt: '2026-03-01T08:00:00.000Z',
      secretHash: 'unused',
      hashScheme: 'hmac-sha256',
    });
  });
  afterAll(() => h.stop());

  const version = {
    customer: async () => (await h.store.customers.get(customerId))?.version,
    ticket: async () => (await h.store.tickets.get(ticket))?.version,
    task: async () => (await h.store.tasks.get(taskId))?.version,
    user: async () => (await h.store.users.get(USERS.disabled.id))?.version,
  };
  const unique = () => `${Date.now().toString(36)}${++seq}`;

  const rows: Row[] = [
    { op: 'auth.me', method: 'GET', path: () => '/api/auth/me', roles: ALL, ok: 200 },
    { op: 'push.open', method: 'POST', path: () => '/api/push', roles: ALL, ok: 200 },
    { op: 'auth.logout', method: 'POST', path: () => '/api/auth/logout', roles: ALL, ok: 204, fresh: true },
    {
      op: 'auth.changePassword',
      method: 'POST',
      path: () => '/api/auth/password',
      body: () => ({ currentPassword: 'nope-wrong', newPassword: 'another password' }),
      roles: ALL,
      ok: 400, // reaches the handler, which refuses the wrong current password; success is in auth.test.ts
      fresh: true,
    },
    { op: 'customers.search', method: 'GET', path: () => '/api/customers?q=zhao', roles: ALL, ok: 200 },
    {
      op: 'customers.create',
      method: 'POST',
      path: () => '/api/customers',
      // Each role's customer has a number of their own: a number another customer has is refused.
      body: () => ({
        name: `Customer ${unique()}`,
        phones: [`1380013${String(8000 + seq).padStart(4, '0')}`],
      }),
      roles: ALL,
      ok: 201,
    },
    { op: 'customers.get', method: 'GET', path: () => `/api/customers/${customerId}`, roles: ALL, ok: 200 },
    {
      op: 'customers.timeline',
      method: 'GET',
      path: () => `/api/customers/${customerId}/timeline`,
      roles: ALL,
      ok: 200,
    },
    {
      op: 'customers.update',
      method: 'PATCH',
      path: () => `/api/customers/${customerId}`,
      body: async () => ({ version: await version.customer(), notes: unique() }),
      roles: ALL,
      ok: 200,
    },
    {
      op: 'customers.addAsset',
      method: 'POST',
      path: () => `/api/customers/${customerId}/assets`,
      body: () => ({ kind: 'device', product: 'Router', serial: unique() }),
      roles: ALL,
      ok: 201,
    },
    {
      op: 'customers.addPolicy',
      method: 'POST',
      path: () => `/api/customers/${customerId}/policies`,
      body: () => ({
        number: `EW-${unique()}`,
        product: 'Powertrain 2y',
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
        dealer: { name: 'Beijing Used Car Market' },
      }),
      roles: ALL,
      ok: 201,
    },
    {
      op: 'tickets.create',
      method: 'POST',
      path: () => '/api/tickets',
      body: () => ({ type: 'inquiry', subject: 'Where is my refund?' }),
      roles: ALL,
      ok: 201,
    },
    { op: 'tickets.list', method: 'GET', path: () => '/api/tickets?status=new', roles: ALL, ok: 200 },
    { op: 'tickets.get', method: 'GET', path: () => `/api/tickets/${ticket}`, roles: ALL, ok: 200 },
    { op: 'tickets.assignees', method: 'GET', path: () => '/api/tickets/assignees', roles: ALL, ok: 200 },
    {
      op: 'tickets.update',
      method: 'PATCH',
      path: () => `/api/tickets/${ticket}`,
      body: async () => ({ version: await version.ticket(), description: unique() }),
      roles: ALL,
      ok: 200,
    },
    {
      op: 'tickets.addNote',
      method: 'POST',
      path: () => `/api/tickets/${ticket}/notes`,
      body: () => ({ text: 'Called back, no answer' }),
      roles: ALL,
      ok: 201,
    },
    { op: 'departments.list', method: 'GET', path: () => '/api/departments', roles: ALL, ok: 200 },
    { op: 'providers.list', method: 'GET', path: () => '/api/providers', roles: ALL, ok: 200 },
    {
      op: 'providers.nearest',
      method: 'GET',
      path: () => '/api/providers/nearest?service=tow&near=Pudong',
      roles: ALL,
      ok: 200,
    },
    {
      // An empty directory: valid, and the harness's store has none.
      op: 'providers.replace',
      method: 'PUT',
      path: () => '/api/admin/providers',
      body: () => ({ providers: [] }),
      roles: ADMIN,
      ok: 200,
    },
    {
      // No provider in the directory: past the role check, the rule refuses it, naming why.
      op: 'tickets.dispatch',
      method: 'POST',
      path: () => `/api/tickets/${ticket}/dispatch`,
      body: async () => ({ version: await version.ticket(), service: 'tow', location: 'Pudong' }),
      roles: ALL,
      ok: 422,
    },
    {
      op: 'tickets.arrival',
      method: 'POST',
      path: () => `/api/tickets/${ticket}/arrival`,
      body: async () => ({ version: await version.ticket() }),
      roles: ALL,
      ok: 422,
    },
    {
      op: 'tickets.repair',
      method: 'POST',
      path: () => `/api/tickets/${ticket}/repair`,
      body: async () => ({ version: await version.ticket(), progress: 'towed', done: false }),
      roles: ALL,
      ok: 422,
    },
    {
      op: 'tickets.handOver',
      method: 'POST',
      path: () => `/api/tickets/${ticket}/department`,
      body: async () => ({ version: await version.ticket(), department: 'back-office' }),
      roles: ALL,
      ok: 200,
    },
    {
      // The ticket is not resolved: past the role check, the rule refuses it, naming why.
      op: 'tickets.confirm',
      method: 'POST',
      path: () => `/api/tickets/${ticket}/confirmation`,
      body: async () => ({ version: await version.ticket(), fixed: true }),
      roles: ALL,
      ok: 400,
    },
    { op: 'scripts.list', method: 'GET', path: () => '/api/scripts', roles: ALL, ok: 200 },
    { op: 'scripts.get', method: 'GET', path: () => '/api/scripts/warranty-a-claim', roles: ALL, ok: 200 },
    {
      op: 'tasks.create',
      method: 'POST',
      path: () => '/api/tasks',
      body: () => ({ kind: 'callback', dueAt: '2026-03-02T09:00:00Z', queue: 'claims' }),
      roles: ALL,
      ok: 201,
    },
    { op: 'tasks.mine', method: 'GET', path: () => '/api/tasks/mine', roles: ALL, ok: 200 },
    {
      op: 'tasks.due',
      method: 'GET',
      path: () => '/api/tasks/due?before=2026-03-02T00:00:00Z',
      roles: LEADS,
      ok: 200,
    },
    { op: 'tasks.get', method: 'GET', path: () => `/api/tasks/${taskId}`, roles: ALL, ok: 200 },
    {
      op: 'tasks.update',
      method: 'PATCH',
      path: () => `/api/tasks/${taskId}`,
      body: async () => ({ version: await version.task(), note: unique() }),
      roles: ALL,
      ok: 200,
    },
    { op: 'audit.list', method: 'GET', path: () => '/api/audit', roles: LEADS, ok: 200 },
    {
      op: 'dialRefusals.list',
      method: 'GET',
      path: () => '/api/supervisor/dial-refusals',
      roles: LEADS,
      ok: 200,
    },
    { op: 'dialPolicy.get', method: 'GET', path: () => '/api/admin/dial-policy', roles: ADMIN, ok: 200 },
    {
      op: 'dialPolicy.replace',
      method: 'PUT',
      path: () => '/api/admin/dial-policy',
      body: async () => (await h.api('GET', '/api/admin/dial-policy', { token: h.tokens.admin })).body.policy,
      roles: ADMIN,
      ok: 200,
    },
    { op: 'forwarding.get', method: 'GET', path: () => '/api/admin/forwarding', roles: ADMIN, ok: 200 },
    {
      op: 'forwarding.replace',
      method: 'PUT',
      path: () => '/api/admin/forwarding',
      body: async () => ({ hotlines: {} }),
      roles: ADMIN,
      ok: 200,
    },
    { op: 'queues.get', method: 'GET', path: () => '/api/admin/queues', roles: LEADS, ok: 200 },
    {
      op: 'queues.replace',
      method: 'PUT',
      path: () => '/api/admin/queues',
      body: () => ({ queues: { rescue: { serviceLevelSeconds: 10, maxWaiting: 5 } } }),
      roles: ADMIN,
      ok: 200,
    },
    { op: 'wrapUpSettings.get', method: 'GET', path: () => '/api/admin/wrap-up', roles: ADMIN, ok: 200 },
    {
      op: 'wrapUpSettings.replace',
      method: 'PUT',
      path: () => '/api/admin/wrap-up',
      body: () => ({ hotlines: { rescue: { seconds: 45 } } }),
      roles: ADMIN,
      ok: 200,
    },
    { op: 'apiKeys.list', method: 'GET', path: () => '/api/admin/api-keys', roles: ADMIN, ok: 200 },
    {
      op: 'apiKeys.create',
      method: 'POST',
      path: () => '/api/admin/api-keys',
      body: () => ({ name: `Form ${unique()}`, scopes: ['leads:write'] }),
      roles: ADMIN,
      ok: 201,
    },
    {
      // Revoking a revoked key again is still 200.
      op: 'apiKeys.revoke',
      method: 'DELETE',
      path: () => `/api/admin/api-keys/${MATRIX_KEY}`,
      roles: ADMIN,
      ok: 200,
    },
    {
      op: 'settings.history',
      method: 'GET',
      path: () => '/api/admin/settings/forwarding/history',
      roles: ADMIN,
      ok: 200,
    },
    {
      // The admin's forwarding.replace above wrote version 1.
      op: 'settings.restore',
      method: 'POST',
      path: () => '/api/admin/settings/forwarding/restore',
      body: () => ({ version: 1 }),
      roles: ADMIN,
      ok: 200,
    },
    { op: 'smsTemplates.get', method: 'GET', path: () => '/api/sms/templates', roles: ALL, ok: 200 },
    {
      op: 'smsTemplates.replace',
      method: 'PUT',
      path: () => '/api/admin/sms-templates',
      body: () => ({ templates: [] }),
      roles: ADMIN,
      ok: 200,
    },
    { op: 'surveys.get', method: 'GET', path: () => '/api/admin/surveys', roles: ADMIN, ok: 200 },
    {
      op: 'surveys.replace',
      method: 'PUT',
      path: () => '/api/admin/surveys',
      body: async () => (await h.api('GET', '/api/admin/surveys', { token: h.tokens.admin })).body,
      roles: ADMIN,
      ok: 200,
    },
    {
      op: 'surveys.results',
      method: 'GET',
      path: () => '/api/surveys/results?from=2026-03-01&to=2026-03-07',
      roles: LEADS,
      ok: 200,
    },
    { op: 'calendar.get', method: 'GET', path: () => '/api/admin/calendars/cn', roles: ADMIN, ok: 200 },
    {
      op: 'calendar.replace',
      method: 'PUT',
      path: () => '/api/admin/calendars/cn',
      body: () => ({ holidays: { '2027-01-01': '元旦' }, makeUpDays: {} }),
      roles: ADMIN,
      ok: 200,
    },
    {
      // Past the guard: a JSON body is not the multipart form the import takes (415).
      op: 'calendar.import',
      method: 'POST',
      path: () => '/api/admin/calendars/cn/import',
      body: () => ({}),
      roles: ADMIN,
      ok: 415,
    },
    { op: 'prompts.list', method: 'GET', path: () => '/api/admin/prompts', roles: ADMIN, ok: 200 },
    // Past the guard: a JSON body is not the multipart form the upload takes (415).
    {
      op: 'prompts.upload',
      method: 'POST',
      path: () => '/api/admin/prompts',
      body: () => ({}),
      roles: ADMIN,
      ok: 415,
    },
    {
      op: 'prompts.audio',
      method: 'GET',
      path: () => `/api/admin/prompts/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/audio`,
      roles: ADMIN,
      ok: 404,
    },
    {
      op: 'prompts.delete',
      method: 'DELETE',
      path: () => `/api/admin/prompts/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
      roles: ADMIN,
      ok: 404,
    },
    { op: 'prompts.slots', method: 'GET', path: () => '/api/admin/prompt-slots', roles: ADMIN, ok: 200 },
    {
      op: 'promptAssignments.get',
      method: 'GET',
      path: () => '/api/admin/prompt-assignments',
      roles: ADMIN,
      ok: 200,
    },
    {
      op: 'promptAssignments.replace',
      method: 'PUT',
      path: () => '/api/admin/prompt-assignments',
      body: () => ({ flows: {}, hold: {} }),
      roles: ADMIN,
      ok: 200,
    },
    {
      op: 'wfm.erlangC',
      method: 'GET',
      path: () => '/api/wfm/erlang-c?calls=10&ahtSeconds=180',
      roles: LEADS,
      ok: 200,
    },
    {
      op: 'wfm.erlangB',
      method: 'GET',
      path: () => '/api/wfm/erlang-b?erlangs=2&blocking=0.01',
      roles: LEADS,
      ok: 200,
    },
    { op: 'wfm.forecast', method: 'GET', path: () => '/api/wfm/forecast', roles: LEADS, ok: 200 },
    {
      op: 'reports.kpis',
      method: 'GET',
      path: () => '/api/reports/kpis?from=2026-03-01&to=2026-03-07&groupBy=day',
      roles: LEADS,
      ok: 200,
    },
    {
      op: 'reports.calls',
      method: 'GET',
      path: () => '/api/reports/calls?from=2026-03-01&to=2026-03-01',
      roles: LEADS,
      ok: 200,
    },
    {
      op: 'reports.agentStates',
      method: 'GET',
      path: () => '/api/reports/agent-states?from=2026-03-01&to=2026-03-07',
      roles: LEADS,
      ok: 200,
    },
    {
      op: 'wfm.plan',
      method: 'POST',
      path: () => '/api/wfm/plan',
      body: () => ({ volumes: Array.from({ length: 96 }, () => 5) }),
      roles: LEADS,
      ok: 200,
    },
    { op: 'users.list', method: 'GET', path: () => '/api/users', roles: ADMIN, ok: 200 },
    { op: 'users.get', method: 'GET', path: () => `/api/users/${USERS.agent.id}`, roles: ADMIN, ok: 200 },
    {
      op: 'users.create',
      method: 'POST',
      path: () => '/api/users',
      body: () => ({ id: `u${unique()}`, name: 'New Agent', password: 'initial password', roles: ['agent'] }),
      roles: ADMIN,
      ok: 201,
    },
    {
      op: 'users.update',
      method: 'PATCH',
      path: () => `/api/users/${USERS.disabled.id}`,
      body: async () => ({ version: await version.user(), name: `Agent ${unique()}` }),
      roles: ADMIN,
      ok: 200,
    },
    {
      op: 'users.resetPassword',
      method: 'POST',
      path: () => `/api/users/${USERS.disabled.id}/password`,
      body: () => ({ password: 'reset password' }),
      roles: ADMIN,
      ok: 204,
    },
    ...AGENT_ROWS,
    ...CHANNEL_ROWS,
    ...kbRows(() => h.store, unique),
    ...qualityRows(() => h.store, unique, USERS.agent.id),
    ...campaignRows(() => h.store, unique),
    ...BULK_SMS_ROWS,
  ];

  async function call(row: Row, who: Who): Promise<Reply> {
    const body = row.body ? await row.body() : undefined;
    if (who === 'anonymous') return h.api(row.method, row.path(), { body });
    const token = row.fresh ? (await h.login(USERS[who].id)).body.token : h.tokens[who];
    return h.api(row.method, row.path(), { token, body });
  }

  const cases = rows.flatMap((row) =>
    (['anonymous', ...ALL] as const).map((who) => ({ row, who, name: `${row.op} as ${who}` })),
  );

  it.each(cases)('$name', async ({ row, who }) => {
    const res = await call(row, who);
    const expected = who === 'anonymous' ? 401 : row.roles.includes(who) ? row.ok : 403;
    expect(res.status, JSON.stringify(res.body)).toBe(expected);
    if (expected === 403) expect(res.body.message).toContain(row.op);
  });

  it('covers every secured operation in the OpenAPI document', async () => {
    const doc = (await h.api('GET', '/api/openapi.json')).body;
    const ops = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>)
      .flatMap((methods) => Object.values(methods).map((m) => m.operationId))
      .filter((op) => op !== 'auth.login' && !KEY_OPERATIONS.includes(op));
    expect(new Set(ops)).toEqual(new Set(rows.map((r) => r.op)));
  });
});
