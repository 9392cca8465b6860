// Drafts through the real API: saved as the agent types, read back only by their author, refused with a
// clear reason when malformed or too large, and gone after their time to live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_TTL_SECONDS } from '../../functions/app/desk/drafts.js';
import { hashPassword } from '../../functions/domain/password.js';
import { createHarness, type Harness, PASSWORD, USERS } from './harness.js';

const sid = (n: number) => `CA${String(n).padStart(32, '0')}`;
const MINE = sid(1);
const THEIRS = sid(2);

describe('/api/agent/drafts/{callSid}', () => {
  let h: Harness;
  let colleague = '';
  beforeAll(async () => {
    h = await createHarness();
    const created = await h.store.users.create({
      id: '1002',
      name: 'Colleague',
      roles: ['agent'],
      skills: ['claims'],
      languages: ['zh'],
      regions: [],
      disabled: false,
      passwordHash: await hashPassword(PASSWORD),
    });
    if (!created.ok) throw new Error('seed colleague');
    colleague = (await h.login('1002')).body.token;
    for (const [callSid, agentId] of [
      [MINE, USERS.agent.id],
      [THEIRS, '1002'],
    ] as const) {
      await h.store.calls.record({
        callSid,
        direction: 'inbound',
        from: '+8613800001111',
        to: '+18005550100',
        startedAt: new Date(h.clock.now()).toISOString(),
        status: 'in-progress',
      });
      await h.store.calls.update(callSid, { agentId });
    }
  });
  afterAll(() => h.stop());

  it('keeps what the agent typed and gives it back', async () => {
    const body = {
      disposition: 'callback-needed',
      notes: 'Gearbox noise since Monday',
      ticket: { kind: 'claim', subject: 'Gearbox', mileage: '42000' },
      pop: { from: '+8613800001111', queue: 'claims', callback: false },
    };
    const saved = await h.as('agent', 'PUT', `/api/agent/drafts/${MINE}`, body);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ callSid: MINE, ...body });
    const read = await h.as('agent', 'GET', `/api/agent/drafts/${MINE}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject(body);
    expect(Date.parse(read.body.expiresAt) - h.clock.now()).toBe(DRAFT_TTL_SECONDS * 1000);

    const replaced = await h.as('agent', 'PUT', `/api/agent/drafts/${MINE}`, { notes: 'only notes now' });
    expect(replaced.status).toBe(200);
    const again = await h.as('agent', 'GET', `/api/agent/drafts/${MINE}`);
    expect(again.body.notes).toBe('only notes now');
    expect(again.body.disposition).toBeUndefined();
  });

  it('is its author’s only: a colleague can neither read it nor park one on my call', async () => {
    await h.as('agent', 'PUT', `/api/agent/drafts/${MINE}`, { notes: 'private' });
    const peek = await h.api('GET', `/api/agent/drafts/${MINE}`, { token: colleague });
    expect(peek.status).toBe(404);
    const park = await h.api('PUT', `/api/agent/drafts/${MINE}`, { token: colleague, body: { notes: 'x' } });
    expect(park.status).toBe(403);
    const onTheirs = await h.as('agent', 'PUT', `/api/agent/drafts/${THEIRS}`, { notes: 'x' });
    expect(onTheirs.status).toBe(403);
    // A supervisor may draft on any call, into a draft of their own.
    expect((await h.as('supervisor', 'PUT', `/api/agent/drafts/${MINE}`, { notes: 'lead' })).status).toBe(
      200,
    );
    expect((await h.as('agent', 'GET', `/api/agent/drafts/${MINE}`)).body.notes).toBe('private');
  });

  it('names each bad field and refuses unknown ones', async () => {
    const res = await h.as('agent', 'PUT', `/api/agent/drafts/${MINE}`, {
      disposition: '',
      notes: 42,
      ticket: { 'bad name!': 'x' },
      extra: true,
    });
    expect(res.status).toBe(400);
    const paths = (res.body.issues as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.disposition', 'body.notes', 'body.ticket.bad name!', 'body']),
    );
    const badSid = await h.as('agent', 'GET', '/api/agent/drafts/CA123');
    expect(badSid.status).toBe(400);
    expect(badSid.body.issues[0].path).toBe('path.callSid');
  });

  it('limits the size of each part and of the whole', async () => {
    const long = await h.as('agent', 'PUT', `/api/agent/drafts/${MINE}`, { notes: 'x'.repeat(4001) });
    expect(long.status).toBe(400);
    const many = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`f${i}`, 'x']));
    const wide = await h.as('agent', 'PUT', `/api/agent/drafts/${MINE}`, { ticket: many });
    expect(wide.status).toBe(400);
    const ticket = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}`, 'y'.repeat(2000)]));
    const whole = await h.as('agent', 'PUT', `/api/agent/drafts/${MINE}`, { ticket });
    expect(whole.status).toBe(422);
    expect(whole.body.error).toBe('draft-too-large');
    expect(whole.body.limit).toBe(16_000);
  });

  it('answers 404 for a call that does not exist', async () => {
    const res = await h.as('agent', 'PUT', `/api/agent/drafts/${sid(99)}`, { notes: 'x' });
    expect(res.status).toBe(404);
  });

  // Last: moving the clock past the draft's life also ends the test sessions.
  it('is forgotten when discarded, and expires on the clock', async () => {
    await h.as('agent', 'PUT', `/api/agent/drafts/${MINE}`, { notes: 'soon gone' });
    expect((await h.as('agent', 'DELETE', `/api/agent/drafts/${MINE}`)).status).toBe(204);
    expect((await h.as('agent', 'GET', `/api/agent/drafts/${MINE}`)).status).toBe(404);

    await h.as('agent', 'PUT', `/api/agent/drafts/${MINE}`, { notes: 'left overnight' });
    h.clock.advance(DRAFT_TTL_SECONDS * 1000 + 1000);
    const later = await h.as('agent', 'GET', `/api/agent/drafts/${MINE}`);
    expect(later.status).toBe(404);
  });
});
