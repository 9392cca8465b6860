// A customer's text that needs a person is routed to an agent and is theirs at once: nothing rings, nothing
// waits for a click, the task is done at once so the agent stays Available for calls, and a text arriving
// mid-call neither disturbs the call nor sends the agent to Missed. The agent replies and ends it, which hands
// the number back to the bot. Ending a conversation nobody took withdraws its task.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routing } from '../../../flows/routing.js';
import { type ProvisionedRouting, ROUTING_SETTING } from '../../../functions/domain/routing/provisioned.js';
import { type AgentHarness, type Session, startAgents } from './support.js';

interface Me {
  state: string;
  activity: string;
  reservations: { reservationSid: string; taskSid: string; status: string; from?: string }[];
  call?: { callSid: string };
}

let h: AgentHarness;
let agent: Session;

beforeAll(async () => {
  h = await startAgents('2026-03-02T02:00:00Z'); // Monday 10:00 in Shanghai
  agent = await h.as('1003');
  await h.party('1003', 'ring');
}, 60_000);
afterAll(() => h.stop());

async function text(from: string, body: string): Promise<void> {
  const res = await fetch(`${h.stack.url}/sim/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from, to: '+18005550100', body }),
  });
  expect(res.ok).toBe(true);
  await h.advance(1);
  await h.stack.channels.queue.idle();
  await h.settle();
}

const me = () => agent.get<Me>('/agent/me');
const rings = () => [...h.stack.twin.voice.parties.ringing.values()].filter((r) => r.to === 'client:1003');
const taskOf = async (sid: string) => {
  const sids = await h.stack.store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
  const task = await h.stack.twilio.taskrouter.v1
    .workspaces(sids?.workspaceSid ?? '')
    .tasks(sid)
    .fetch();
  return { status: task.assignmentStatus };
};

describe('a text conversation on the desk', () => {
  const texts = async () => (await agent.get<{ items: { phone: string }[] }>('/agent/texts')).items;

  it('is the agent’s at once, without a ring or a click, answered and ended', async () => {
    await agent.post('/agent/state', { state: 'Available' });
    const phone = '+8613800138101';
    await text(phone, 'I need to talk to a person please');
    expect(rings()).toEqual([]);
    expect((await texts()).map((t) => t.phone)).toEqual([phone]);
    const session = await h.stack.store.messaging.getSession(phone);
    expect(session).toMatchObject({ agentId: '1003', state: 'agent' });
    expect((await taskOf(session?.taskSid ?? ''))?.status).toBe('completed');
    expect(await me()).toMatchObject({ state: 'Available', activity: 'Available', reservations: [] });

    await agent.post(`/sms/threads/${encodeURIComponent(phone)}/reply`, { body: 'Hello, this is Li.' });
    const thread = await agent.get<{ items: { direction: string; body: string }[] }>(
      `/sms/threads/${encodeURIComponent(phone)}`,
    );
    // The customer's text, the bot's "an agent will reply" and the agent's reply.
    expect(thread.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ direction: 'inbound', body: 'I need to talk to a person please' }),
        expect.objectContaining({ direction: 'outbound', body: 'Hello, this is Li.' }),
      ]),
    );
    await agent.post(`/sms/threads/${encodeURIComponent(phone)}/close`);
    expect((await h.stack.store.messaging.getSession(phone))?.state).toBe('bot');
    expect(await texts()).toEqual([]);
  });

  it('a colleague who replies takes the conversation over, its task kept', async () => {
    await agent.post('/agent/state', { state: 'Available' });
    const phone = '+8613800138102';
    await text(phone, 'I need to talk to a person please');
    expect((await texts()).map((t) => t.phone)).toEqual([phone]);
    const routed = await h.stack.store.messaging.getSession(phone);
    const colleague = await h.as('1004');
    await colleague.post(`/sms/threads/${encodeURIComponent(phone)}/reply`, {
      body: 'Zhang here, I can help.',
    });
    expect(await texts()).toEqual([]);
    const theirs = await colleague.get<{ items: { phone: string }[] }>('/agent/texts');
    expect(theirs.items.map((t) => t.phone)).toEqual([phone]);
    expect(await h.stack.store.messaging.getSession(phone)).toMatchObject({
      state: 'agent',
      agentId: '1004',
      taskSid: routed?.taskSid,
    });
    await colleague.post(`/sms/threads/${encodeURIComponent(phone)}/close`);
    expect((await colleague.get<{ items: unknown[] }>('/agent/texts')).items).toEqual([]);
  });

  it('arriving mid-call leaves the call alone and the agent out of Missed', async () => {
    await h.party('1003', 'answer');
    await agent.post('/agent/state', { state: 'Available' });
    const sid = await h.callGeneral();
    // John Smith's owner (1002) is away: the workflow goes on to the others after its wait.
    for (let waited = 0; !(await me()).call && waited < routing.overflowAfterSeconds + 5; waited++) {
      await agent.post('/agent/heartbeat');
      await h.advance(1);
    }
    expect((await me()).call?.callSid).toBe(sid);
    const phone = '+8613800138103';
    await text(phone, 'Can a person help me with my claim');
    for (let i = 0; i < routing.ringSeconds + 5; i++) {
      await agent.post('/agent/heartbeat');
      await h.advance(1);
    }
    const during = await me();
    expect(during).toMatchObject({ state: 'On call', activity: 'Available', call: { callSid: sid } });
    expect(during.reservations.filter((r) => r.status === 'pending')).toEqual([]);
    expect((await texts()).map((t) => t.phone)).toContain(phone);
    await h.hangup(sid);
    await agent.post('/agent/wrap-up/end');
    await agent.post(`/sms/threads/${encodeURIComponent(phone)}/close`);
    await h.party('1003', 'ring');
  });

  it('ended before anyone took it, its task is withdrawn and offered to nobody', async () => {
    await agent.post('/agent/state', { state: 'Busy' });
    const phone = '+8613800138102';
    await text(phone, 'Can someone call me about my car');
    const taskSid = (await h.stack.store.messaging.getSession(phone))?.taskSid ?? '';
    expect((await taskOf(taskSid))?.status).toBe('pending');
    // The live queue shows a text waiting, not a caller to pick.
    const queue = await agent.get<{ items: { taskSid: string; channel?: string }[] }>('/queue');
    expect(queue.items.find((w) => w.taskSid === taskSid)).toMatchObject({ channel: 'sms' });
    await agent.post(`/sms/threads/${encodeURIComponent(phone)}/close`);
    expect((await taskOf(taskSid))?.status).toBe('canceled');
    await agent.post('/agent/state', { state: 'Available' });
    expect((await me()).reservations).toEqual([]);
    expect(await texts()).toEqual([]);
  });
});
