// An agent connected to a customer the center called back is On call on their own desk, as on the
// wallboard: the callback rings the agent with a `call` instruction rather than a conference, so only the
// accepted reservation tells that they are on a call. Once the customer hangs up, the desk says Wrap-up.
// The agent can end such a call from the desk too; hold and transfer, which need a conference, say so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgentHarness, listen, type Session, startAgents } from './support.js';

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

/** A callback task for 1002, due now, that the dialler hands to the workflow once the clock moves. */
async function dueCallback(): Promise<string> {
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
  return made.value.id;
}

interface SimCall {
  callSid: string;
  to: string;
  status: string;
}
const simCalls = async () =>
  ((await (await fetch(`${h.stack.url}/sim/calls`)).json()) as { calls: SimCall[] }).calls;

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
    await dueCallback();
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
    const customer = (await simCalls()).find((c) => c.to === CUSTOMER && c.status !== 'completed');
    if (!customer) throw new Error('the customer was never dialled');
    await h.hangup(customer.callSid);
    await h.advance(1);
    expect((await agent.get<{ state: string }>('/agent/me')).state).toBe('Wrap-up');
  });
});

describe("the agent's controls on a callback dialled straight to the customer", () => {
  it('hold and transfer say they do not apply; hang up ends both legs, wraps the agent up and answers the task', async () => {
    await agent.post('/agent/wrap-up/end').catch(() => undefined);
    await agent.post('/agent/state', { state: 'Available' });
    const taskId = await dueCallback();
    await h.advance(8);
    await agent.post('/agent/heartbeat');
    const customer = (await simCalls()).find((c) => c.to === CUSTOMER && c.status === 'in-progress');
    if (!customer) throw new Error('the customer was never connected');

    // No conference to act on: a clear refusal, not "no call in progress", and the call goes on.
    for (const [path, body] of [
      ['/agent/call/hold', { hold: true }],
      ['/agent/call/transfer', { mode: 'cold', target: { type: 'queue', queue: 'general' } }],
    ] as const)
      expect(await agent.fail(path, body)).toEqual({ status: 409, error: 'direct-call' });
    expect((await h.view(customer.callSid)).status).toBe('in-progress');
    // Nor can the agent sign off (or take the next caller) while the customer is on the line.
    for (const state of ['Offline', 'Available'])
      expect(await agent.fail('/agent/state', { state })).toEqual({ status: 409, error: 'on-a-call' });

    const page = await listen(agent);
    const ended = await agent.post<{ callSid: string; taskSid?: string }>('/agent/call/hangup');
    expect(ended.taskSid).toMatch(/^WT/);
    await h.advance(1);
    const legs = await simCalls();
    expect(legs.find((c) => c.callSid === customer.callSid)?.status).toBe('completed');
    expect(legs.find((c) => c.callSid === ended.callSid)?.status).toBe('completed');
    expect((await agent.get<{ state: string }>('/agent/me')).state).toBe('Wrap-up');
    expect((await h.stack.store.tasks.get(taskId))?.status).toBe('done');
    // The desk's task list hears of it at once, not at its next poll minutes later.
    await expect.poll(() => page.topics.flat()).toContain('tasks');
    page.close();
    // Nothing left to end.
    expect(await agent.fail('/agent/call/hangup')).toEqual({ status: 409, error: 'no-current-call' });
  });
});
