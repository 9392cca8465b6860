// An agent connected to a customer the center called back is On call on their own desk, as on the
// wallboard: the callback rings the agent with a `call` instruction rather than a conference, so only the
// accepted reservation tells that they are on a call. Once the customer hangs up, the desk says Wrap-up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgentHarness, type Session, startAgents } from './support.js';

const CUSTOMER = '+8613922223333';
const RESCUE = '+18005550111';

let h: AgentHarness;
let agent: Session;
let supervisor: Session;

beforeAll(async () => {
  h = await startAgents('2026-03-02T02:00:00Z'); // Monday 10:00 in Shanghai
  [agent, supervisor] = [await h.as('1002'), await h.as('2001')];
}, 60_000);
afterAll(() => h.stop());

describe('a called-back customer', () => {
  it('shows the agent On call on the desk and on the wallboard alike', async () => {
    await h.party('1002', 'answer');
    const res = await fetch(`${h.stack.url}/sim/parties`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ address: CUSTOMER, policy: 'answer' }),
    });
    expect(res.status).toBe(201);
    await agent.post('/agent/state', { state: 'Available' });
    const made = await h.stack.store.tasks.create({
      kind: 'callback',
      dueAt: new Date(h.clock.now() - 1000).toISOString(),
      phone: CUSTOMER,
      queue: 'general',
      assigneeId: '1002',
      maxAttempts: 2,
      autoDial: true,
      callerId: RESCUE,
      language: 'zh',
    });
    if (!made.ok) throw new Error(made.reason);
    await h.advance(8);
    await agent.post('/agent/heartbeat');

    const board = await supervisor.get<{ agents: { agentId: string; state: string }[] }>(
      '/supervisor/wallboard',
    );
    expect(board.agents.find((a) => a.agentId === '1002')?.state).toBe('On call');
    const me = await agent.get<{ state: string; reservations: { status: string }[] }>('/agent/me');
    expect(me.reservations.map((r) => r.status)).toContain('accepted');
    expect(me.state).toBe('On call');
  });

  it('moves the agent to Wrap-up on the desk when the customer hangs up', async () => {
    const calls = (await (await fetch(`${h.stack.url}/sim/calls`)).json()) as {
      calls: { callSid: string; to: string; status: string }[];
    };
    const customer = calls.calls.find((c) => c.to === CUSTOMER && c.status !== 'completed');
    if (!customer) throw new Error('the customer was never dialled');
    await h.hangup(customer.callSid);
    await h.advance(1);
    expect((await agent.get<{ state: string }>('/agent/me')).state).toBe('Wrap-up');
  });
});
