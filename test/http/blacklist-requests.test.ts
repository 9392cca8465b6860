// Blacklist requests over the API: agents ask, supervisors list the pending ones and decide once; requests
// made together are all kept, two supervisors deciding together get one 200 and one 409 and one entry, and
// requests left in the old settings document are taken over on first use.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness, USERS } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.stop());

const ask = (phone: string, reason = 'abusive caller') =>
  h.as('agent', 'POST', '/api/blacklist-requests', { phone, reason });
const pending = async () =>
  (await h.as('supervisor', 'GET', '/api/supervisor/blacklist-requests')).body.items as { id: string }[];

describe('blacklist requests', () => {
  it('are asked, listed oldest first, decided once, and an approval blacklists the number', async () => {
    const first = await h.as('agent', 'POST', '/api/blacklist-requests', {
      phone: '13900000001',
      reason: 'threatened staff',
      callSid: `CA${'1'.repeat(32)}`,
    });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      phone: '+8613900000001',
      reason: 'threatened staff',
      callSid: `CA${'1'.repeat(32)}`,
      requestedBy: USERS.agent.id,
      requestedAt: '2026-03-01T09:00:00.000Z',
      status: 'pending',
    });
    await h.clock.advance(1000);
    const second = await ask('+8613900000002');
    expect((await pending()).map((r) => r.id)).toEqual([first.body.id, second.body.id]);

    const path = `/api/supervisor/blacklist-requests/${first.body.id}`;
    const approved = await h.as('supervisor', 'POST', path, {
      decision: 'approve',
      note: 'recorded',
      action: 'reject',
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual({
      ...first.body,
      status: 'approved',
      decidedBy: USERS.supervisor.id,
      decidedAt: '2026-03-01T09:00:01.000Z',
      note: 'recorded',
    });
    expect(await h.store.blacklist.get('+8613900000001')).toMatchObject({
      action: 'reject',
      reason: 'threatened staff',
      createdBy: USERS.supervisor.id,
    });
    expect((await pending()).map((r) => r.id)).toEqual([second.body.id]);

    const again = await h.as('admin', 'POST', path, { decision: 'reject' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      error: 'decided',
      message: `Request ${first.body.id} is already approved.`,
    });

    const rejected = await h.as(
      'supervisor',
      'POST',
      `/api/supervisor/blacklist-requests/${second.body.id}`,
      {
        decision: 'reject',
      },
    );
    expect(rejected.body).toMatchObject({ status: 'rejected', decidedBy: USERS.supervisor.id });
    expect(await h.store.blacklist.get('+8613900000002')).toBeUndefined();
    expect(
      (await h.as('supervisor', 'POST', '/api/supervisor/blacklist-requests/nope', { decision: 'approve' }))
        .status,
    ).toBe(404);
  });

  it('approved without an action, the entry follows each line’s own rule (message or reject)', async () => {
    const made = await ask('+8613900000003');
    const approved = await h.as('supervisor', 'POST', `/api/supervisor/blacklist-requests/${made.body.id}`, {
      decision: 'approve',
    });
    expect(approved.status).toBe(200);
    const entry = await h.store.blacklist.get('+8613900000003');
    expect(entry).toMatchObject({ reason: 'abusive caller', createdBy: USERS.supervisor.id });
    expect(entry).not.toHaveProperty('action');
  });

  it('keeps every one of 20 requests made at the same moment', async () => {
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, n) => ask(`+86139000001${String(n).padStart(2, '0')}`)),
    );
    expect(made.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect((await pending()).map((r) => r.id).sort()).toEqual(made.map((r) => r.body.id).sort());
  });

  it('lets one of two supervisors deciding at once win: one 200, one 409, one blacklist entry', async () => {
    const { body } = await ask('+8613900000003');
    const path = `/api/supervisor/blacklist-requests/${body.id}`;
    const [bySupervisor, byAdmin] = await Promise.all([
      h.as('supervisor', 'POST', path, { decision: 'approve', action: 'message' }),
      h.as('admin', 'POST', path, { decision: 'approve', action: 'reject' }),
    ]);
    expect([bySupervisor.status, byAdmin.status].sort()).toEqual([200, 409]);
    const winner = bySupervisor.status === 200 ? bySupervisor : byAdmin;
    const loser = bySupervisor.status === 200 ? byAdmin : bySupervisor;
    expect(loser.body.error).toBe('decided');
    const entries = (await h.store.blacklist.list()).items;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      phone: '+8613900000003',
      createdBy: winner.body.decidedBy,
      action: winner === bySupervisor ? 'message' : 'reject',
    });
    const day = await h.store.audit.byDay('2026-03-01');
    expect(day.items.filter((e) => e.action === 'supervisor.blacklist')).toHaveLength(1);
  });

  it('takes over the requests of the old settings document once, under their ids', async () => {
    const legacy = [
      {
        id: '0b6f3d4e-1111-4e2a-9c1d-000000000001',
        phone: '+8613900000010',
        reason: 'spam calls',
        requestedBy: '1002',
        requestedAt: '2026-02-20T08:00:00.000Z',
        status: 'approved',
        decidedBy: 'sup1',
        decidedAt: '2026-02-20T09:00:00.000Z',
      },
      {
        id: '0b6f3d4e-1111-4e2a-9c1d-000000000002',
        phone: '+8613900000011',
        reason: 'abusive caller',
        requestedBy: '1002',
        requestedAt: '2026-02-21T08:00:00.000Z',
        status: 'pending',
      },
    ];
    await h.store.settings.put('blacklist-requests', legacy);
    const fresh = await ask('+8613900000012');
    expect((await pending()).map((r) => r.id)).toEqual([legacy[1]?.id, fresh.body.id]);
    expect(await h.store.settings.get('blacklist-requests')).toEqual([]);
    expect(await h.store.blacklistRequests.get(legacy[0]?.id ?? '')).toMatchObject({ status: 'approved' });
    const decided = await h.as('supervisor', 'POST', `/api/supervisor/blacklist-requests/${legacy[1]?.id}`, {
      decision: 'approve',
    });
    expect(decided.body).toMatchObject({ status: 'approved', requestedAt: '2026-02-21T08:00:00.000Z' });
    expect(await h.store.blacklist.get('+8613900000011')).toMatchObject({ createdBy: USERS.supervisor.id });
  });

  it('refuses a number that is not one', async () => {
    const bad = await ask('not a number');
    expect(bad.status).toBe(400);
    expect(await pending()).toEqual([]);
  });
});
