// Guided scripts through the API: an agent is offered the scripts of the hotlines their skills serve
// (and those for every hotline), leads all of them; one script in full; unknown names and no session refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../functions/domain/password.js';
import { createHarness, type Harness, PASSWORD } from './harness.js';

describe('scripts API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    const created = await h.store.users.create({
      id: '2001',
      name: 'Rescue desk',
      roles: ['agent'],
      skills: ['rescue'],
      languages: ['zh'],
      regions: [],
      disabled: false,
      passwordHash: await hashPassword(PASSWORD),
    });
    if (!created.ok) throw new Error('seed rescue agent');
  });
  afterAll(() => h.stop());

  const names = (body: { items: { name: string }[] }) => body.items.map((s) => s.name);

  it("lists the scripts of the agent's hotlines, then those for every hotline", async () => {
    const res = await h.as('agent', 'GET', '/api/scripts');
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual([
      'warranty-a-claim',
      'warranty-b-complaint',
      'warranty-c-details',
      'warranty-d-schedule',
      'warranty-e-transfer',
      'warranty-f-cancel',
      'warranty-g-inquiry',
      'complaint-handling',
    ]);
    expect(res.body.items[0]).toEqual({
      name: 'warranty-a-claim',
      hotline: 'warranty',
      queues: ['claims'],
      titles: { zh: '程序A：索赔通知', en: 'Procedure A: claim notification' },
      ticketType: 'claim',
    });
  });

  it('offers a rescue agent the rescue script, and leads every script', async () => {
    const login = await h.login('2001');
    const rescue = await h.api('GET', '/api/scripts', { token: login.body.token });
    expect(names(rescue.body)).toEqual(['rescue-call', 'complaint-handling']);
    const lead = await h.as('supervisor', 'GET', '/api/scripts');
    expect(names(lead.body)).toHaveLength(10);
    expect(names(lead.body)).toContain('it-support-call');
  });

  it('filters by hotline', async () => {
    const res = await h.as('agent', 'GET', '/api/scripts?hotline=it-support');
    expect(names(res.body)).toEqual(['it-support-call', 'complaint-handling']);
  });

  it('returns one script with every step in both languages', async () => {
    const res = await h.as('agent', 'GET', '/api/scripts/warranty-a-claim');
    expect(res.status).toBe(200);
    expect(res.body.start).toBe('greet');
    expect(res.body.steps.policy.ask).toEqual({ field: 'policy', kind: 'policy', required: true });
    expect(res.body.steps.policy.next[1]).toEqual({
      when: { field: 'policyStatus', equals: 'expired' },
      next: 'expired',
    });
    expect(res.body.steps.confirm.end).toBe('create-ticket');
    expect(res.body.phrases.length).toBeGreaterThan(0);
  });

  it('answers 404 naming an unknown script, and 400 for a malformed name', async () => {
    const res = await h.as('agent', 'GET', '/api/scripts/warranty-z');
    expect(res.status).toBe(404);
    expect(res.body.message).toContain('warranty-z');
    expect((await h.as('agent', 'GET', '/api/scripts/Bad_Name')).status).toBe(400);
  });

  it('refuses callers without a session', async () => {
    expect((await h.as('anonymous', 'GET', '/api/scripts')).status).toBe(401);
    expect((await h.as('anonymous', 'GET', '/api/scripts/warranty-a-claim')).status).toBe(401);
  });
});
