// Row-level task rules (agents see only their own or unassigned tasks) and user administration
// (no password hashes out, no self-lockout, everything audited).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, USERS } from './harness.js';

describe('tasks', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.stop());

  it("keeps agents out of other people's tasks, not supervisors", async () => {
    const theirs = await h.as('supervisor', 'POST', '/api/tasks', {
      kind: 'follow-up',
      dueAt: '2026-03-01T12:00:00+08:00',
      assigneeId: 'sup1',
    });
    expect(theirs.status).toBe(201);
    expect((await h.as('agent', 'GET', `/api/tasks/${theirs.body.id}`)).status).toBe(403);
    expect(
      (await h.as('agent', 'PATCH', `/api/tasks/${theirs.body.id}`, { version: 1, status: 'done' })).status,
    ).toBe(403);
    expect((await h.as('supervisor', 'GET', `/api/tasks/${theirs.body.id}`)).status).toBe(200);
    const forOther = await h.as('agent', 'POST', '/api/tasks', {
      kind: 'callback',
      dueAt: '2026-03-01T12:00:00Z',
      assigneeId: 'sup1',
    });
    expect(forOther.status).toBe(403);
  });

  it('lists my tasks and, for supervisors, tasks due before a time', async () => {
    const mine = await h.as('agent', 'POST', '/api/tasks', {
      kind: 'callback',
      dueAt: '2026-03-01T10:00:00Z',
      assigneeId: USERS.agent.id,
      phone: '13800138000',
    });
    expect(mine.body.phone).toBe('+8613800138000');
    const list = await h.as('agent', 'GET', '/api/tasks/mine');
    expect(list.body.items.map((t: { id: string }) => t.id)).toEqual([mine.body.id]);
    const due = await h.as('supervisor', 'GET', '/api/tasks/due?before=2026-03-01T11:00:00Z');
    expect(due.body.items.map((t: { id: string }) => t.id)).toContain(mine.body.id);
    const notYet = await h.as('supervisor', 'GET', '/api/tasks/due?before=2026-03-01T09:59:00Z');
    expect(notYet.body.items.map((t: { id: string }) => t.id)).not.toContain(mine.body.id);
  });

  it('refuses a task for a user, queue or ticket that does not exist, naming the field', async () => {
    const base = { kind: 'callback', dueAt: '2026-03-01T12:00:00Z', phone: '+14155550123' };
    const cases = [
      [{ assigneeId: 'nope' }, 'body.assigneeId', 'unknown-user'],
      [{ queue: 'nope' }, 'body.queue', 'not-a-queue'],
      [{ ticketNumber: 'INQ-2026-999999' }, 'body.ticketNumber', 'unknown-ticket'],
    ] as const;
    for (const [extra, path, code] of cases) {
      const res = await h.as('supervisor', 'POST', '/api/tasks', { ...base, ...extra });
      expect(res.status, path).toBe(400);
      expect(res.body.issues, path).toEqual([expect.objectContaining({ path, code })]);
    }
    const made = await h.as('supervisor', 'POST', '/api/tasks', base);
    const handOver = await h.as('supervisor', 'PATCH', `/api/tasks/${made.body.id}`, {
      version: made.body.version,
      assigneeId: 'nope',
    });
    expect(handOver.status).toBe(400);
    expect(handOver.body.issues).toEqual([expect.objectContaining({ path: 'body.assigneeId' })]);
  });

  it('schedules a callback the center dials itself, from a chosen hotline', async () => {
    const made = await h.as('agent', 'POST', '/api/tasks', {
      kind: 'callback',
      dueAt: '2026-03-02T15:00:00+08:00',
      assigneeId: USERS.agent.id,
      phone: '13800138001',
      autoDial: true,
      callerId: '+18005550111',
      language: 'en',
      queue: 'claims',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      autoDial: true,
      callerId: '+18005550111',
      language: 'en',
      status: 'open',
    });
    const off = await h.as('agent', 'PATCH', `/api/tasks/${made.body.id}`, { version: 1, autoDial: false });
    expect(off.body.autoDial).toBe(false);
    const note = await h.as('agent', 'POST', '/api/tasks', {
      kind: 'follow-up',
      dueAt: '2026-03-02T15:00:00Z',
    });
    const refused = await h.as('agent', 'PATCH', `/api/tasks/${note.body.id}`, {
      version: 1,
      autoDial: true,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('body.autoDial');
  });

  it('updates with the version and answers a stale one with 409', async () => {
    const task = await h.as('agent', 'POST', '/api/tasks', {
      kind: 'outbound-call',
      dueAt: '2026-03-03T10:00:00Z',
    });
    const ok = await h.as('agent', 'PATCH', `/api/tasks/${task.body.id}`, {
      version: task.body.version,
      status: 'in-progress',
    });
    expect(ok.status).toBe(200);
    const stale = await h.as('agent', 'PATCH', `/api/tasks/${task.body.id}`, {
      version: task.body.version,
      status: 'done',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current.status).toBe('in-progress');
    const audit = (await h.store.audit.byActor(USERS.agent.id)).items.find(
      (a) => a.action === 'task.update' && a.target === task.body.id,
    );
    expect(audit?.detail).toMatchObject({ changed: ['status'], status: 'in-progress' });
  });
});

describe('users', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.stop());

  it('never returns password hashes', async () => {
    const list = await h.as('admin', 'GET', '/api/users');
    expect(list.body.items.length).toBeGreaterThanOrEqual(4);
    for (const user of list.body.items) expect(user).not.toHaveProperty('passwordHash');
    const created = await h.as('admin', 'POST', '/api/users', {
      id: '1002',
      name: '刘洋',
      password: 'first password',
      roles: ['agent'],
      skills: ['rescue'],
    });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('passwordHash');
    expect((await h.login('1002', 'first password')).status).toBe(200);
    const one = await h.as('admin', 'GET', '/api/users/1002');
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: '1002', skills: ['rescue'], version: created.body.version });
    expect(one.body).not.toHaveProperty('passwordHash');
    expect((await h.as('admin', 'GET', '/api/users/nobody')).status).toBe(404);
    const withDesk = await h.as('admin', 'PATCH', '/api/users/1002', {
      version: one.body.version,
      extension: '8002',
    });
    expect(withDesk.body.extension).toBe('8002');
    const cleared = await h.as('admin', 'PATCH', '/api/users/1002', {
      version: withDesk.body.version,
      extension: null,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).not.toHaveProperty('extension');
    const stored = await h.store.users.get('1002');
    expect(stored).toMatchObject({ id: '1002', version: cleared.body.version });
    expect(stored?.extension).toBeUndefined();
  });

  it('refuses skills that are no queue, naming each and the queues there are', async () => {
    const made = await h.as('admin', 'POST', '/api/users', {
      id: '1077',
      name: 'Sun Li',
      password: 'first password',
      roles: ['agent'],
      skills: ['claims', 'nope'],
    });
    expect(made.status).toBe(400);
    expect(made.body.issues).toEqual([
      expect.objectContaining({ path: 'body.skills.1', code: 'not-a-queue' }),
    ]);
    expect(made.body.issues[0].message).toContain('claims, complaints');
    const one = await h.as('admin', 'GET', '/api/users/1002');
    const changed = await h.as('admin', 'PATCH', '/api/users/1002', {
      version: one.body.version,
      skills: ['nope'],
    });
    expect(changed.status).toBe(400);
    expect((await h.as('admin', 'GET', '/api/users/1002')).body.skills).toEqual(one.body.skills);
  });

  it('refuses a duplicate id with 409', async () => {
    const dup = await h.as('admin', 'POST', '/api/users', {
      id: USERS.agent.id,
      name: 'X',
      password: 'whatever1',
      roles: ['agent'],
    });
    expect(dup.status).toBe(409);
  });

  it('disabling a user ends their sessions at once; an admin cannot lock themselves out', async () => {
    const agent = await h.store.users.get(USERS.agent.id);
    const res = await h.as('admin', 'PATCH', `/api/users/${USERS.agent.id}`, {
      version: agent?.version,
      disabled: true,
    });
    expect(res.status).toBe(200);
    expect((await h.as('agent', 'GET', '/api/auth/me')).status).toBe(401);
    const self = await h.store.users.get(USERS.admin.id);
    const lockout = await h.as('admin', 'PATCH', `/api/users/${USERS.admin.id}`, {
      version: self?.version,
      roles: ['agent'],
    });
    expect(lockout.status).toBe(422);
    expect(lockout.body.error).toBe('self-lockout');
  });

  it('resets a password, and audits every admin action', async () => {
    expect(
      (
        await h.as('admin', 'POST', `/api/users/${USERS.supervisor.id}/password`, {
          password: 'brand new pass',
        })
      ).status,
    ).toBe(204);
    expect((await h.as('supervisor', 'GET', '/api/auth/me')).status).toBe(401);
    expect((await h.login(USERS.supervisor.id, 'brand new pass')).status).toBe(200);
    const audit = await h.as('admin', 'GET', '/api/audit?limit=100');
    const actions = audit.body.items.map(
      (e: { action: string; target?: string }) => `${e.action}:${e.target ?? ''}`,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'user.create:1002',
        `user.update:${USERS.agent.id}`,
        `user.password-reset:${USERS.supervisor.id}`,
      ]),
    );
  });
});
