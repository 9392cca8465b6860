// A customer's text that needs a person reaches an agent as an offer on the desk, not as a call: nothing
// rings, taking it leaves the agent free for calls (the task is done, the conversation theirs), they reply
// and end it, which hands the number back to the bot. Ending a conversation nobody took withdraws its task,
// so no agent is offered it afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProvisionedRouting, ROUTING_SETTING } from '../../../functions/domain/routing/provisioned.js';
import { type AgentHarness, type Session, startAgents } from './support.js';

interface Me {
  state: string;
  activity: string;
  reservations: { reservationSid: string; taskSid: string; status: string; from?: string }[];
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
  it('is offered without a ring, taken without going On call, answered and ended', async () => {
    await agent.post('/agent/state', { state: 'Available' });
    const phone = '+8613800138101';
    await text(phone, 'I need to talk to a person please');
    const [offer] = (await me()).reservations;
    expect(offer).toMatchObject({ status: 'pending', from: phone });
    expect(rings()).toEqual([]);

    const taken = await agent.post<{ work?: { channel: string; phone?: string } }>(
      `/agent/reservations/${offer?.reservationSid}/accept`,
    );
    expect(taken.work).toEqual({ channel: 'sms', phone });
    expect(await me()).toMatchObject({ state: 'Available', activity: 'Available', reservations: [] });
    expect((await taskOf(offer?.taskSid ?? ''))?.status).toBe('completed');
    expect((await h.stack.store.messaging.getSession(phone))?.agentId).toBe('1003');

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
    // A call is offered to the agent as ever.
    expect((await me()).state).toBe('Available');
  });

  it('ended before anyone took it, its task is withdrawn and offered to nobody', async () => {
    await agent.post('/agent/state', { state: 'Busy' });
    const phone = '+8613800138102';
    await text(phone, 'Can someone call me about my car');
    const taskSid = (await h.stack.store.messaging.getSession(phone))?.taskSid ?? '';
    expect((await taskOf(taskSid))?.status).toBe('pending');
    await agent.post(`/sms/threads/${encodeURIComponent(phone)}/close`);
    expect((await taskOf(taskSid))?.status).toBe('canceled');
    await agent.post('/agent/state', { state: 'Available' });
    expect((await me()).reservations).toEqual([]);
  });
});
