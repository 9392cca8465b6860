// Missed offers through the agent API on the local stack (manual clock): a ring left to time out moves
// the agent to Missed (TaskRouter's timeout activity) and the caller on to the next agent at once; a
// declined ring does the same; each miss is listed once with the caller, the time in the center's zone
// and the reason, and counted; clearing Missed on the desk makes the agent Available again.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { routing } from '../../../flows/routing.js';
import { missedOfferCounts } from '../../../functions/app/desk/missed-offers.js';
import { type AgentHarness, JOHN_SMITH, type Session, startAgents } from './support.js';

interface Me {
  state: string;
  activity: string;
  reservations: { reservationSid: string; status: string; from?: string; queue?: string }[];
  call?: { callSid: string };
}
interface Missed {
  from: string;
  time: string;
  reason: string;
  queue?: string;
}

let h: AgentHarness;
let a1002: Session;
let a1003: Session;
const live: string[] = [];

beforeAll(async () => {
  // 02:00 UTC is 10:00 in the center's zone (Asia/Shanghai).
  h = await startAgents('2026-03-02T02:00:00Z');
  [a1002, a1003] = [await h.as('1002'), await h.as('1003')];
}, 60_000);
afterAll(() => h.stop());
afterEach(async () => {
  for (const sid of live.splice(0)) if ((await h.view(sid)).status !== 'completed') await h.hangup(sid);
  for (const s of [a1002, a1003]) await s.post('/agent/state', { state: 'Offline' }).catch(() => {});
});

const me = (s: Session) => s.get<Me>('/agent/me');
const rings = (agentId: string) =>
  [...h.stack.twin.voice.parties.ringing.values()].filter((r) => r.to === `client:${agentId}`);
const missed = async (s: Session) => (await s.get<{ items: Missed[] }>('/agent/missed-calls')).items;

describe('missed offers', () => {
  it('a ring left to time out: Missed, listed and counted, the caller goes on to the next agent', async () => {
    await h.party('1002', 'ring');
    await h.party('1003', 'answer');
    await a1003.post('/agent/state', { state: 'Busy' });
    await a1002.post('/agent/state', { state: 'Available' });
    const sid = await h.callGeneral();
    live.push(sid);
    const rungAt = h.clock.now(); // the caller reached the queue after the IVR's prompts
    expect((await me(a1002)).reservations).toHaveLength(1);
    await h.advance(routing.ringSeconds - 1);
    expect((await me(a1002)).activity).toBe('Available');
    await h.advance(2);
    const after = await me(a1002);
    expect(after.activity).toBe('Missed');
    expect(after.reservations).toEqual([]);
    expect(after.call).toBeUndefined();
    const list = await missed(a1002);
    expect(list).toEqual([
      expect.objectContaining({ from: JOHN_SMITH, reason: 'timeout', queue: 'general' }),
    ]);
    // Shown in Shanghai time, to the second: missed when the ring timed out.
    const [hh = 0, mm = 0, ss = 0] = (list[0]?.time ?? '').split(':').map(Number);
    const missedAt = Date.UTC(2026, 2, 2, hh - 8, mm, ss);
    expect(Math.abs(missedAt - (rungAt + routing.ringSeconds * 1000))).toBeLessThanOrEqual(1000);
    const counts = await missedOfferCounts(h.stack);
    expect(counts.byAgent['1002']).toBe(1);
    expect(counts.byQueue.general).toBe(1);
    // The caller goes on through the workflow (owner first, then region, then language) to 1003.
    await a1003.post('/agent/state', { state: 'Available' });
    let waited = 0;
    while (!(await me(a1003)).call && waited < routing.overflowAfterSeconds) {
      await h.advance(1);
      waited++;
    }
    expect((await me(a1003)).call?.callSid).toBe(sid);
    expect((await me(a1002)).activity).toBe('Missed');
  });

  it('alone on shift: the caller waits while I am Missed and rings me again when I clear it', async () => {
    await h.party('1002', 'ring');
    await a1002.post('/agent/state', { state: 'Available' });
    const sid = await h.callGeneral();
    live.push(sid);
    await h.advance(routing.ringSeconds + 1);
    expect((await me(a1002)).activity).toBe('Missed');
    await h.advance(routing.ringSeconds * 2);
    expect((await me(a1002)).reservations).toEqual([]);
    await h.party('1002', 'answer');
    await a1002.post('/agent/state', { state: 'Available' });
    const back = await me(a1002);
    expect(back.call?.callSid).toBe(sid);
    expect(back.state).toBe('On call');
  });

  it('declining a ring is a missed offer too, listed once as declined', async () => {
    await h.party('1002', 'ring');
    await a1002.post('/agent/state', { state: 'Available' });
    const before = (await missed(a1002)).length;
    live.push(await h.callGeneral());
    const [offer] = (await me(a1002)).reservations;
    await a1002.post(`/agent/reservations/${offer?.reservationSid}/reject`);
    expect((await me(a1002)).activity).toBe('Missed');
    const list = await missed(a1002);
    expect(list).toHaveLength(before + 1);
    expect(list[0]).toMatchObject({ from: JOHN_SMITH, reason: 'declined' });
  });

  it('accepting an offer whose ring has gone (the page reloaded) rings me again; a live ring is not doubled', async () => {
    await h.party('1002', 'ring');
    await a1002.post('/agent/state', { state: 'Available' });
    const missedBefore = (await missed(a1002)).length;
    const sid = await h.callGeneral();
    live.push(sid);
    const [offer] = (await me(a1002)).reservations;
    // Who calls is on the offer itself, for a page that did not see it arrive.
    expect(offer).toMatchObject({ status: 'pending', from: JOHN_SMITH, queue: 'general' });
    // As a reloaded desk asks: its page lost the ring.
    const accept = () =>
      a1002.post(`/agent/reservations/${offer?.reservationSid}/accept`, { ringAgain: true });
    // Still ringing: the one ring is the one to answer.
    await accept();
    await h.settle();
    expect(rings('1002')).toHaveLength(1);
    // The page goes away mid-ring: the ring ends, the offer stays pending, the caller waits.
    for (const r of rings('1002')) r.reject();
    await h.settle();
    expect(rings('1002')).toHaveLength(0);
    expect((await me(a1002)).reservations).toEqual([
      expect.objectContaining({ reservationSid: offer?.reservationSid, status: 'pending' }),
    ]);
    await h.party('1002', 'answer');
    await accept();
    await h.settle();
    const on = await me(a1002);
    expect(on.state).toBe('On call');
    expect(on.call?.callSid).toBe(sid);
    expect((await h.view(sid)).conferenceSid).toMatch(/^CF/);
    expect(await missed(a1002)).toHaveLength(missedBefore); // not a missed offer
  });
});
