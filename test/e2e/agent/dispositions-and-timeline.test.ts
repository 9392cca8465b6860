// Wrap-up codes are the hotline's own (flows/*.ts): the desk asks a call for them, a code from another
// hotline is refused naming the allowed ones, and a draft's stale code is not kept. A customer's
// timeline lists every contact, newest first, with the outcome the agent chose in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOTLINE_NUMBERS } from '../../../flows/numbers.js';
import { type AgentHarness, JOHN_SMITH, type Session, startAgents, WARRANTY } from './support.js';

const RESCUE = HOTLINE_NUMBERS.find((n) => n.flow === 'rescue')?.number ?? '';
const JOHN = 'cus-0004';

let h: AgentHarness;
let agent: Session;

beforeAll(async () => {
  h = await startAgents();
  agent = await h.as('1002');
  await h.party('1002', 'answer');
}, 60_000);
afterAll(() => h.stop());

interface Offered {
  hotline: string;
  flow: string;
  dispositions: { code: string; label: { zh?: string; en?: string } }[];
}

async function answeredCall(): Promise<string> {
  await agent.post('/agent/state', { state: 'Available' });
  const sid = await h.callGeneral();
  expect((await agent.get<{ state: string }>('/agent/me')).state).toBe('On call');
  return sid;
}

/** A request expected to fail, with the problem's body. */
async function problem(path: string, body: unknown) {
  const login = await fetch(`${h.stack.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: '1002', password: 'demo-1002' }),
  });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${h.stack.url}/api${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as { error: string; issues?: { code?: string }[]; message: string },
  };
}

describe('wrap-up codes per hotline', () => {
  it("a warranty call offers the warranty hotline's codes in both languages, not the rescue line's", async () => {
    const sid = await answeredCall();
    const offered = await agent.get<Offered>(`/calls/${sid}/dispositions`);
    expect(offered).toMatchObject({ hotline: WARRANTY, flow: 'warranty' });
    const codes = offered.dispositions.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['claim-filed', 'complaint', 'callback-needed']));
    expect(codes).not.toContain('rescue-dispatched');
    expect(offered.dispositions.find((d) => d.code === 'claim-filed')?.label).toEqual({
      zh: '已登记理赔',
      en: 'Claim filed',
    });

    const refused = await problem(`/calls/${sid}/wrap-up`, { disposition: 'rescue-dispatched' });
    expect(refused.status).toBe(400);
    expect(refused.body.issues?.[0]?.code).toBe('unknown-disposition');
    expect(refused.body.message).toContain('claim-filed');
    expect((await h.stack.store.calls.get(sid))?.disposition).toBeUndefined();

    await h.hangup(sid);
    await agent.post(`/calls/${sid}/wrap-up`, { disposition: 'claim-filed', notes: 'Gearbox claim filed.' });
    expect(await h.stack.store.calls.get(sid)).toMatchObject({ disposition: 'claim-filed' });
    await agent.post('/agent/wrap-up/end');
  });

  it('a rescue call offers the rescue codes', async () => {
    const { callSid } = await (
      await fetch(`${h.stack.url}/sim/calls`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: '+14155550999', to: RESCUE }),
      })
    ).json();
    await h.settle();
    const offered = await agent.get<Offered>(`/calls/${callSid}/dispositions`);
    expect(offered.flow).toBe('rescue');
    expect(offered.dispositions.map((d) => d.code)).toContain('rescue-dispatched');
    await h.hangup(callSid);
  });

  it('a draft whose code the hotline does not offer keeps its notes but not the code when wrap-up expires', async () => {
    const sid = await answeredCall();
    await agent.put(`/agent/drafts/${sid}`, {
      disposition: 'rescue-dispatched',
      notes: 'Typed before the change',
    });
    await h.hangup(sid);
    await h.advance(30);
    const call = await h.stack.store.calls.get(sid);
    expect(call?.notes).toBe('Typed before the change');
    expect(call?.disposition).toBeUndefined();
    await agent.post('/agent/state', { state: 'Offline' });
  });
});

describe('a ticket filed on a call', () => {
  it("is listed on the call, and lists the call's recording, filed during the call or after it", async () => {
    const sid = await answeredCall();
    const during = await agent.post<{ number: string }>('/tickets', {
      type: 'claim',
      subject: 'Cracked windscreen',
      customerId: JOHN,
      priority: 'normal',
      callSids: [sid],
    });
    expect((await h.stack.store.calls.get(sid))?.ticketNumbers).toEqual([during.number]);
    await agent.post('/agent/call/hangup');
    await h.advance(1);
    await h.stack.channels.queue.idle();
    await h.settle();
    const recordings = (await h.stack.store.calls.get(sid))?.recordingSids ?? [];
    expect(recordings).toHaveLength(1);
    // Filed in wrap-up, once the recording is stored.
    const after = await agent.post<{ number: string }>('/tickets', {
      type: 'complaint',
      subject: 'Waited too long for the windscreen',
      customerId: JOHN,
      priority: 'normal',
      callSids: [sid],
    });
    expect((await h.stack.store.calls.get(sid))?.ticketNumbers).toEqual([during.number, after.number]);
    for (const number of [during.number, after.number])
      expect((await h.stack.store.tickets.get(number))?.recordingSids).toEqual(recordings);
    await agent.post('/agent/wrap-up/end');
    await agent.post('/agent/state', { state: 'Offline' });
  });
});

type Entry = { kind: string; at: string } & Record<string, unknown>;

describe('customer timeline', () => {
  it('lists calls, the outcome and notes, tickets and their notes, texts and callbacks, newest first', async () => {
    const ticket = await agent.post<{ number: string }>('/tickets', {
      type: 'claim',
      subject: 'Gearbox noise',
      customerId: JOHN,
      priority: 'normal',
    });
    await agent.post(`/tickets/${ticket.number}/notes`, { text: 'Dealer to inspect on Monday.' });
    await fetch(`${h.stack.url}/sim/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: JOHN_SMITH, to: WARRANTY, body: 'Hello, any news on my claim?' }),
    });
    await h.settle();
    await agent.post('/tasks', {
      kind: 'callback',
      customerId: JOHN,
      phone: JOHN_SMITH,
      dueAt: new Date(h.clock.now() + 3_600_000).toISOString(),
      note: 'Call back about the gearbox',
    });

    const { items } = await agent.get<{ items: Entry[] }>(`/customers/${JOHN}/timeline`);
    const kinds = new Set(items.map((e) => e.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(['call', 'ticket', 'note', 'sms', 'task']));
    const ats = items.map((e) => e.at);
    expect(ats).toEqual([...ats].sort().reverse());

    const claimCall = items.find((e) => e.kind === 'call' && e.disposition === 'claim-filed');
    expect(claimCall).toMatchObject({
      agentId: '1002',
      notes: 'Gearbox claim filed.',
      dispositionLabel: { zh: '已登记理赔', en: 'Claim filed' },
    });
    expect(items.find((e) => e.kind === 'note')).toMatchObject({
      ticketNumber: ticket.number,
      by: '1002',
      text: 'Dealer to inspect on Monday.',
    });
    expect(items.find((e) => e.kind === 'sms' && e.direction === 'inbound')).toMatchObject({
      body: 'Hello, any news on my claim?',
    });
    expect(items.find((e) => e.kind === 'task')).toMatchObject({ taskKind: 'callback', status: 'open' });
  });

  it('an unknown customer is a 404', async () => {
    await expect(agent.get('/customers/cus-nobody/timeline')).rejects.toThrow(/404/);
  });
});
