// The dialling policy on every outbound path of the local stack: click-to-dial, transfer to a number,
// adding a party, a callback when asked for and when due, and an SMS reply each refuse a premium-rate,
// a satellite and a disallowed-country number (and a caller id not ours) with a message naming them;
// parallel texts past the rate limit let exactly the limit through; supervisors list the refusals with
// the burst flagged, and the policy is replaced through the admin API, audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOTLINE_NUMBERS } from '../../../flows/numbers.js';
import { DIAL_POLICY_SETTING, type DialPolicy } from '../../../functions/domain/dial-policy.js';
import { DEFAULT_DIAL_POLICY } from '../../../functions/domain/dial-policy-data.js';
import { type AgentHarness, JOHN_SMITH, startAgents } from './support.js';

interface Reply {
  status: number;
  body: { error?: string; message?: string; reason?: string; [key: string]: unknown };
}

const PREMIUM = '+19005551234';
const SATELLITE = '+882164123456';
const ABROAD = '+37069912345'; // Lithuania: not among the center's countries
const REFUSED = [
  [PREMIUM, 'premium-rate', '+1 900 numbers are premium-rate and blocked; allowed countries: CN, US.'],
  [SATELLITE, 'international-network', '+882 numbers are satellite or international-network numbers'],
  [ABROAD, 'country-not-allowed', '+370 (LT) is not a destination'],
] as const;

let h: AgentHarness;
const tokens: Record<string, string> = {};

async function as(userId: string, method: string, path: string, body?: unknown): Promise<Reply> {
  tokens[userId] ??= (
    (await (
      await fetch(`${h.stack.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: userId, password: `demo-${userId}` }),
      })
    ).json()) as { token: string }
  ).token;
  const res = await fetch(`${h.stack.url}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens[userId]}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  await h.settle();
  return { status: res.status, body: res.status === 204 ? {} : ((await res.json()) as Reply['body']) };
}

function expectRefused(reply: Reply, reason: string, message: string): void {
  expect(reply.status, JSON.stringify(reply.body)).toBe(403);
  expect(reply.body).toMatchObject({ error: 'dial-refused', reason });
  expect(reply.body.message).toContain(message);
}

beforeAll(async () => {
  h = await startAgents();
  for (const id of ['1001', '1002', '1003', '2001']) await h.party(id, 'answer');
  await h.stack.store.settings.put('agent-desk', { externalTransfer: true });
}, 60_000);
afterAll(() => h.stop());

describe('click-to-dial', () => {
  it.each(REFUSED)('refuses %s (%s)', async (to, reason, message) => {
    expectRefused(await as('1002', 'POST', '/agent/dial', { to, callerId: '+18005550100' }), reason, message);
  });

  it('refuses a customer’s number as caller id, listing ours', async () => {
    const reply = await as('1002', 'POST', '/agent/dial', {
      to: '+8613800001111',
      callerId: '+8613800138000',
    });
    expectRefused(reply, 'caller-id-not-ours', '+8613800138000 is not one of the center');
    expect(reply.body.message).toContain(HOTLINE_NUMBERS.map((h) => h.number).join(', '));
  });

  it('refuses a SIP address', async () => {
    const reply = await as('1002', 'POST', '/agent/dial', { to: 'sip:pay@premium.example' });
    expectRefused(reply, 'not-a-phone-number', 'SIP and client addresses cannot be dialled out');
  });
});

describe('transfer to a number and adding a party', () => {
  it('refuses each bad number on a live call; the customer is not left on hold', async () => {
    await as('1002', 'POST', '/agent/state', { state: 'Available' });
    const sid = await h.callGeneral();
    for (const [number, reason, message] of REFUSED) {
      const target = { type: 'number', number };
      expectRefused(
        await as('1002', 'POST', '/agent/call/transfer', { mode: 'warm', target }),
        reason,
        message,
      );
      expectRefused(
        await as('1002', 'POST', '/agent/call/transfer', { mode: 'cold', target }),
        reason,
        message,
      );
      expectRefused(await as('1002', 'POST', '/agent/call/conference', { target }), reason, message);
    }
    const me = (await as('1002', 'GET', '/agent/me')).body as { call?: { callSid: string; onHold: boolean } };
    expect(me.call).toMatchObject({ callSid: sid, onHold: false });
    await h.hangup(sid);
    await h.advance(31);
    await as('1002', 'POST', '/agent/state', { state: 'Offline' });
  });
});

describe('callbacks', () => {
  const callback = (phone: string) => ({
    kind: 'callback',
    dueAt: '2026-03-03T02:00:00Z',
    phone,
    queue: 'general',
    maxAttempts: 3,
    autoDial: true,
  });

  it.each(REFUSED)('refuses a callback to %s when asked for (%s)', async (phone, reason, message) => {
    expectRefused(await as('1002', 'POST', '/tasks', callback(phone)), reason, message);
  });

  it('refuses switching automatic dialling on for a premium number', async () => {
    const made = await as('1002', 'POST', '/tasks', { ...callback(PREMIUM), autoDial: false });
    expect(made.status).toBe(201);
    const reply = await as('1002', 'PATCH', `/tasks/${made.body.id}`, {
      version: made.body.version,
      autoDial: true,
    });
    expectRefused(reply, 'premium-rate', '+1 900 numbers are premium-rate');
  });

  it('when due, a callback the policy refuses is cancelled with the reason, never dialled or retried', async () => {
    const stored = await h.stack.store.tasks.create({
      kind: 'callback',
      dueAt: new Date(h.clock.now() - 60_000).toISOString(),
      phone: SATELLITE,
      queue: 'general',
      maxAttempts: 3,
      autoDial: true,
    });
    if (!stored.ok) throw new Error(stored.reason);
    await h.advance(6);
    const task = await h.stack.store.tasks.get(stored.value.id);
    expect(task).toMatchObject({ status: 'cancelled', autoDial: false, attempts: 0 });
    expect(task?.note).toContain('not dialled: +882 numbers are satellite');
  });
});

describe('SMS replies', () => {
  it.each(REFUSED)('refuses a reply to %s (%s)', async (phone, reason, message) => {
    const reply = await as('1002', 'POST', `/sms/threads/${encodeURIComponent(phone)}/reply`, { body: 'Hi' });
    expectRefused(reply, reason, message);
  });

  it('refuses a number with no thread and no customer; a customer’s number is fine', async () => {
    const stranger = await as('1002', 'POST', `/sms/threads/${encodeURIComponent('+8613911112222')}/reply`, {
      body: 'Hi',
    });
    expectRefused(stranger, 'unknown-recipient', 'has no SMS conversation with the center');
    const customer = await as('1002', 'POST', `/sms/threads/${encodeURIComponent(JOHN_SMITH)}/reply`, {
      body: 'Your car is ready',
    });
    expect(customer.status, JSON.stringify(customer.body)).toBe(201);
  });
});

describe('rate limits', () => {
  it('parallel texts past the limit: exactly the limit pass, the rest get 429 naming the limit', async () => {
    const policy: DialPolicy = {
      ...DEFAULT_DIAL_POLICY,
      limits: { ...DEFAULT_DIAL_POLICY.limits, agent: { calls: 40, sms: 4 } },
    };
    await h.stack.store.settings.put(DIAL_POLICY_SETTING, policy);
    try {
      await as('1003', 'GET', '/auth/me'); // signed in once, before the burst
      const path = `/sms/threads/${encodeURIComponent(JOHN_SMITH)}/reply`;
      const replies = await Promise.all(
        Array.from({ length: 10 }, (_, i) => as('1003', 'POST', path, { body: `text ${i}` })),
      );
      const statuses = replies.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 201, 201, 201, 429, 429, 429, 429, 429, 429]);
      expect(replies.find((r) => r.status === 429)?.body.message).toContain(
        'Too many texts: 4 allowed per agent per 15 minutes',
      );
    } finally {
      await h.stack.store.settings.put(DIAL_POLICY_SETTING, DEFAULT_DIAL_POLICY);
    }
  });
});

describe('what supervisors and admins see', () => {
  it('supervisors list the refusals, newest first, with 1002’s burst flagged; agents may not', async () => {
    const list = await as('2001', 'GET', '/supervisor/dial-refusals');
    expect(list.status).toBe(200);
    const body = list.body as unknown as {
      items: { actor: string; number: string; purpose: string; reason: string }[];
      bursts: Record<string, number>;
    };
    expect(body.items).toContainEqual(
      expect.objectContaining({
        actor: '1002',
        number: PREMIUM,
        purpose: 'agent-dial',
        reason: 'premium-rate',
      }),
    );
    expect(body.items).toContainEqual(
      expect.objectContaining({ actor: 'system', number: SATELLITE, purpose: 'callback' }),
    );
    expect(body.items).toContainEqual(expect.objectContaining({ actor: '1003', reason: 'rate-limit' }));
    expect(body.bursts['1002']).toBeGreaterThanOrEqual(5);
    expect((await as('1002', 'GET', '/supervisor/dial-refusals')).status).toBe(403);
  });

  it('an admin widens the agents’ countries: the next dial abroad passes the policy, and the change is audited', async () => {
    const view = (await as('admin', 'GET', '/admin/dial-policy')).body as unknown as { policy: DialPolicy };
    expect(view.policy.allowed.agent.countries).toEqual(['CN', 'US']);
    const wider = {
      ...view.policy,
      allowed: { ...view.policy.allowed, agent: { countries: ['CN', 'LT', 'US'], prefixes: [] } },
    };
    const bad = await as('admin', 'PUT', '/admin/dial-policy', {
      ...wider,
      allowed: { ...wider.allowed, agent: { countries: ['XX'], prefixes: [] } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain(
      'body.allowed.agent.countries.0: "XX" is not an ISO 3166 country code',
    );
    expect((await as('admin', 'PUT', '/admin/dial-policy', wider)).status).toBe(200);
    // Past the policy, the dial reaches provisioning-dependent steps: not a refusal any more.
    const dial = await as('1003', 'POST', '/agent/dial', { to: ABROAD });
    expect(dial.body.error).not.toBe('dial-refused');
    const audit = (await as('2001', 'GET', '/audit?limit=100')).body as unknown as {
      items: { actor: string; action: string }[];
    };
    expect(audit.items).toContainEqual(
      expect.objectContaining({ actor: 'admin', action: 'dial-policy.replace' }),
    );
  });
});
