// The KPIs from calls placed through the simulator on the manual clock, checked against figures worked out
// by hand: an answered call with a hold, a caller who gives up, a ring an agent lets run out, a transfer,
// a voicemail and a callback request. TaskRouter's events are then posted again, in reverse order:
// nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routing } from '../../../flows/routing.js';
import { type AgentHarness, type Session, startAgents, WARRANTY } from './support.js';

// Monday 2026-03-02, 10:00 in Shanghai.
const START = '2026-03-02T02:00:00Z';
const TODAY = '2026-03-02';

interface KpiReport {
  rows: { key: string; values: Record<string, number | null> }[];
  total: { values: Record<string, number | null> };
}

let h: AgentHarness;
let a1002: Session;
let a1004: Session;
let lead: Session;

beforeAll(async () => {
  h = await startAgents(START);
  a1002 = await h.as('1002');
  a1004 = await h.as('1004');
  lead = await h.as('2001');
  for (const id of ['1002', '1004']) await h.party(id, 'answer');
}, 60_000);
afterAll(() => h.stop());

const sim = async (path: string, body: unknown = {}) => {
  const res = await fetch(`${h.stack.url}/sim${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  await h.settle();
  return res.json() as Promise<Record<string, unknown>>;
};
const offline = async (...sessions: Session[]) => {
  for (const s of sessions) await s.post('/agent/state', { state: 'Offline' });
};
const wrapUp = () => h.advance(routing.wrapUpSeconds + 1);

/** An unknown caller who picks Chinese and general (7) and waits until asked for a key in the queue. */
async function waitingStranger(from: string): Promise<string> {
  const { callSid } = (await sim('/calls', { from, to: WARRANTY })) as { callSid: string };
  await sim(`/calls/${callSid}/input`, { digits: '1' });
  await sim(`/calls/${callSid}/input`, { digits: '7' });
  await sim(`/calls/${callSid}/listen`, { until: 'input' });
  return callSid;
}

describe('KPIs from simulated calls', () => {
  it('match the figures worked out by hand, and replayed events change nothing', async () => {
    // 1. 1002 answers at once, talks 30 s, holds 10 s, talks 20 s more; the caller hangs up; wrap-up.
    await a1002.post('/agent/state', { state: 'Available' });
    const answered = await h.callGeneral();
    expect((await a1002.get<{ call?: { callSid: string } }>('/agent/me')).call?.callSid).toBe(answered);
    await h.advance(30);
    await a1002.post('/agent/call/hold', { hold: true });
    await h.advance(10);
    await a1002.post('/agent/call/hold', { hold: false });
    await h.advance(20);
    await h.hangup(answered);
    await wrapUp();

    // 2. Nobody free: the caller gives up after 25 s in the queue.
    await offline(a1002);
    const abandoned = await h.callGeneral();
    await h.advance(25);
    await h.hangup(abandoned);

    // 3. 1002 lets the ring run out (a missed offer), clears Missed and then takes the caller.
    await h.party('1002', 'ring');
    await a1002.post('/agent/state', { state: 'Available' });
    const missed = await h.callGeneral();
    await h.advance(routing.ringSeconds + 1);
    expect((await a1002.get<{ activity: string }>('/agent/me')).activity).toBe('Missed');
    await h.party('1002', 'answer');
    await a1002.post('/agent/state', { state: 'Available' });
    for (let i = 0; i < 40 && !(await a1002.get<{ call?: unknown }>('/agent/me')).call; i++)
      await h.advance(1);
    await h.advance(10);
    await h.hangup(missed);
    await wrapUp();

    // 4. 1002 answers and hands the caller cold to 1004, who accepts.
    await a1002.post('/agent/state', { state: 'Available' });
    const transferred = await h.callGeneral();
    await h.advance(5);
    await a1004.post('/agent/state', { state: 'Available' });
    await a1002.post('/agent/call/transfer', { mode: 'cold', target: { type: 'agent', agentId: '1004' } });
    const offer = (
      await a1004.get<{ reservations: { reservationSid: string; status: string }[] }>('/agent/me')
    ).reservations.find((r) => r.status === 'pending');
    await a1004.post(`/agent/reservations/${offer?.reservationSid}/accept`);
    await h.advance(5);
    await h.hangup(transferred);
    await wrapUp();
    await offline(a1002, a1004);

    // 5. and 6. Strangers wait with nobody free: one leaves a voicemail, one asks for a callback.
    const voicemail = await waitingStranger('+8613911110001');
    await sim(`/calls/${voicemail}/input`, { digits: '2' });
    await sim(`/calls/${voicemail}/input`, { speech: '请回电' });
    await h.advance(5);
    const callback = await waitingStranger('+8613911110002');
    await sim(`/calls/${callback}/input`, { digits: '1' });
    await h.advance(2);

    await h.stack.rollUpHistory();
    const kpis = await lead.get<KpiReport>(`/reports/kpis?from=${TODAY}&to=${TODAY}&groupBy=day`);
    const t = kpis.total.values;
    // Six calls reached the hotline (John Smith four times, within a day: three repeats).
    expect(t.received).toBe(6);
    expect(t.repeat24h).toBeCloseTo(3 / 6);
    // Queued: all six. Answered by an agent from the queue: calls 1, 3 and 4.
    expect(t.offered).toBe(6);
    expect(t.answered).toBe(3);
    expect(t.answerRate).toBeCloseTo(3 / 6);
    expect(t.repeat7d).toBeCloseTo(3 / 6);
    expect(t.fcr).toBeCloseTo(1 - 3 / 6);
    // The caller who hung up is the only abandon; voicemail and callback left by choice.
    expect(t.abandoned).toBe(1);
    expect(t.shortAbandoned).toBe(0);
    expect(t.abandonRate).toBeCloseTo(1 / 6);
    expect(t.missedOffers).toBe(1);
    expect(t.voicemails).toBe(1);
    expect(t.callbacksRequested).toBe(1);
    expect(t.transferRate).toBeCloseTo(1 / 3);
    // Waits: 0 s (call 1), 16 s (call 3: the ring that ran out, then the workflow's next step), 0 s (call
    // 4); the abandon waited 25 s. Within 20 s: 3 of the 4 that were answered or abandoned.
    expect(t.asa).toBeCloseTo(16 / 3);
    expect(t.longestWait).toBe(25);
    expect(t.serviceLevel).toBeCloseTo(3 / 4);
    // Handled: talk 50 + 10 + 5 s, hold 10 s (call 1), wrap-up the 30 s timer each.
    expect(t.handled).toBe(3);
    expect(t.avgTalk).toBeCloseTo(65 / 3);
    expect(t.avgHold).toBeCloseTo(10 / 3);
    expect(t.avgWrap).toBeCloseTo(routing.wrapUpSeconds);
    expect(t.aht).toBeCloseTo((65 + 10 + 3 * routing.wrapUpSeconds) / 3);
    expect(t.occupancy).toBeGreaterThan(0);
    expect(t.occupancy).toBeLessThanOrEqual(1);

    const byAgent = await lead.get<KpiReport>(`/reports/kpis?from=${TODAY}&to=${TODAY}&groupBy=agent`);
    const a = Object.fromEntries(byAgent.rows.map((r) => [r.key, r.values]));
    expect(a['1002']?.answered).toBe(3);
    expect(a['1002']?.missedOffers).toBe(1);
    const calls = await lead.get<{
      items: { callSid: string; outcome: string; holdSeconds?: number; talkSeconds?: number }[];
    }>(`/reports/calls?from=${TODAY}&to=${TODAY}`);
    const outcome = Object.fromEntries(calls.items.map((c) => [c.callSid, c.outcome]));
    expect(outcome).toMatchObject({
      [answered]: 'answered',
      [abandoned]: 'abandoned',
      [missed]: 'answered',
      [transferred]: 'answered',
      [voicemail]: 'voicemail',
      [callback]: 'callback',
    });
    const first = calls.items.find((c) => c.callSid === answered);
    expect(first).toMatchObject({ holdSeconds: 10, talkSeconds: 50 });

    // Every event written again, newest first, then a rebuild: the same figures.
    const events = [];
    for (const sid of [answered, abandoned, missed, transferred, voicemail, callback])
      events.push(...(await h.stack.store.events.ofCall(sid)));
    await h.stack.store.events.append(events.reverse());
    await h.stack.rollUpHistory();
    const again = await lead.get<KpiReport>(`/reports/kpis?from=${TODAY}&to=${TODAY}&groupBy=day`);
    expect(again.total.values).toEqual(t);
  }, 120_000);
});
