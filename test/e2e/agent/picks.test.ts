// Picking a caller from the live queue through the agent API on the local stack (manual clock): the pick
// goes through TaskRouter, so the caller is offered to the picking agent at once and the call takes the
// ordinary path (conference, On call, wrap-up) and counts as answered, not abandoned; another agent's
// ring for that caller ends without counting as their miss; an agent who is not free is told so.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { missedOfferCounts } from '../../../functions/app/desk/missed-offers.js';
import { type AgentHarness, type Session, startAgents } from './support.js';

interface Me {
  state: string;
  activity: string;
  reservations: { reservationSid: string; status: string }[];
  call?: { callSid: string };
}
interface Waiting {
  taskSid: string;
  callSid?: string;
  status: string;
  ringingAgentId?: string;
}
interface Board {
  queues: { queue: string; answeredToday: number; abandonedToday: number }[];
}

let h: AgentHarness;
let a1002: Session;
let a1003: Session;
let sup: Session;
const live: string[] = [];

beforeAll(async () => {
  h = await startAgents('2026-03-02T02:00:00Z');
  [a1002, a1003, sup] = [await h.as('1002'), await h.as('1003'), await h.as('2001')];
}, 60_000);
afterAll(() => h.stop());
afterEach(async () => {
  for (const sid of live.splice(0)) if ((await h.view(sid)).status !== 'completed') await h.hangup(sid);
  await h.advance(31); // wrap-up ends
  for (const s of [a1002, a1003]) await s.post('/agent/state', { state: 'Offline' }).catch(() => {});
});

const me = (s: Session) => s.get<Me>('/agent/me');
const queue = async (s: Session) => (await s.get<{ items: Waiting[] }>('/queue')).items;
async function board() {
  await h.advance(3); // the wallboard's cache
  const b = await sup.get<Board>('/supervisor/wallboard');
  return b.queues.find((q) => q.queue === 'general');
}

describe('picking a caller from the live queue', () => {
  it('a waiting caller is offered to me at once; On call, wrap-up, counted as answered', async () => {
    // John Smith's own agent (1002) is Busy: the owner-first step keeps him waiting, not offered to 1003.
    await h.party('1003', 'answer');
    await a1002.post('/agent/state', { state: 'Busy' });
    await a1003.post('/agent/state', { state: 'Available' });
    const before = await board();
    const sid = await h.callGeneral();
    live.push(sid);
    const [waiting] = await queue(a1003);
    expect(waiting).toMatchObject({ callSid: sid, status: 'pending' });
    expect((await me(a1003)).call).toBeUndefined();
    const picked = await a1003.post<{ callSid: string }>(`/queue/${waiting?.taskSid}/pick`);
    expect(picked.callSid).toBe(sid);
    const now = await me(a1003);
    expect(now.state).toBe('On call');
    expect(now.call?.callSid).toBe(sid);
    expect((await h.stack.store.calls.get(sid))?.agentId).toBe('1003');
    await h.hangup(sid);
    expect((await me(a1003)).state).toBe('Wrap-up');
    const after = await board();
    expect(after?.answeredToday).toBe((before?.answeredToday ?? 0) + 1);
    expect(after?.abandonedToday).toBe(before?.abandonedToday ?? 0);
  });

  it("another agent's ringing offer ends without counting as their miss", async () => {
    await h.party('1002', 'ring');
    await h.party('1003', 'answer');
    await a1002.post('/agent/state', { state: 'Available' });
    await a1003.post('/agent/state', { state: 'Available' });
    const sid = await h.callGeneral();
    live.push(sid);
    const [ringing] = await queue(a1003);
    expect(ringing).toMatchObject({ callSid: sid, status: 'reserved', ringingAgentId: '1002' });
    await a1003.post(`/queue/${ringing?.taskSid}/pick`);
    expect((await me(a1003)).call?.callSid).toBe(sid);
    const other = await me(a1002);
    expect(other.reservations).toEqual([]);
    expect(other.activity).toBe('Available');
    expect((await missedOfferCounts(h.stack)).byAgent['1002']).toBeUndefined();
    expect((await a1002.get<{ items: unknown[] }>('/agent/missed-calls')).items).toEqual([]);
  });

  it('an agent who is not Available is told to become Available first', async () => {
    await a1002.post('/agent/state', { state: 'Busy' });
    await a1003.post('/agent/state', { state: 'Busy' });
    const sid = await h.callGeneral();
    live.push(sid);
    const [waiting] = await queue(a1003);
    const refused = await a1003.fail(`/queue/${waiting?.taskSid}/pick`);
    expect(refused).toEqual({ status: 409, error: 'not-available' });
    expect((await queue(a1003))[0]).toMatchObject({ callSid: sid, status: 'pending' });
  });
});
