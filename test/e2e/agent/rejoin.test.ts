// The agent's leg dropping mid-call (a reload, a lost network: the browser's softphone leg ends without
// the desk hanging up) against the twin: the customer stays in the conference on hold with a message; the
// desk rejoins within the grace; without a rejoin the customer goes back to the queue for the next agent,
// or to voicemail when the center has closed meanwhile. A hang-up through the desk still ends the call.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REJOIN_GRACE_SECONDS } from '../../../functions/app/desk/rejoin.js';
import { type AgentHarness, type Session, startAgents } from './support.js';

interface Status {
  state: string;
  reservations: { reservationSid: string; status: string }[];
  call?: {
    callSid: string;
    conferenceSid: string;
    agentCallSid?: string;
    onHold: boolean;
    participants: { callSid: string; hold: boolean; muted: boolean }[];
  };
}
interface CallView {
  status: string;
  conferenceSid: string | null;
  heard: { verb: string; text?: string }[];
}

/** Advances second by second; the listed agents' pages stay alive (a heartbeat every 10 s). */
async function advanceAlive(h: AgentHarness, seconds: number, alive: readonly Session[]): Promise<void> {
  for (let t = 1; t <= seconds; t++) {
    await h.advance(1);
    if (t % 10 === 0) for (const s of alive) await s.post('/agent/heartbeat');
  }
}

/** The agent's browser leg ends by itself, as when the page reloads. */
async function dropLeg(h: AgentHarness, agent: Session): Promise<string> {
  const leg = (await agent.get<Status>('/agent/me')).call?.agentCallSid;
  if (!leg) throw new Error('the agent has no leg to drop');
  await h.hangup(leg);
  return leg;
}

describe('open hours', () => {
  let h: AgentHarness;
  let a1002: Session;
  let a1003: Session;
  const live: string[] = [];

  beforeAll(async () => {
    h = await startAgents(); // Monday 10:00 in Shanghai
    [a1002, a1003] = [await h.as('1002'), await h.as('1003')];
    for (const id of ['1002', '1003']) await h.party(id, 'answer');
  }, 60_000);
  afterAll(() => h.stop());
  afterEach(async () => {
    for (const sid of live.splice(0)) if ((await h.view(sid)).status !== 'completed') await h.hangup(sid);
    for (const s of [a1002, a1003]) await s.post('/agent/state', { state: 'Offline' }).catch(() => {});
  });

  async function callTo1002(): Promise<string> {
    await a1002.post('/agent/state', { state: 'Available' });
    const sid = await h.callGeneral();
    live.push(sid);
    expect((await a1002.get<Status>('/agent/me')).call?.callSid).toBe(sid);
    return sid;
  }

  it('the leg drops: the customer stays on hold with a message, and the desk rejoins within the grace', async () => {
    const sid = await callTo1002();
    const old = await dropLeg(h, a1002);
    const view = await h.view(sid);
    expect(view.status).toBe('in-progress');
    const me = await a1002.get<Status>('/agent/me');
    expect(me.call?.callSid).toBe(sid);
    expect(me.call?.agentCallSid).toBeUndefined();
    expect(me.call?.participants.find((p) => p.callSid === sid)?.hold).toBe(true);
    expect(((await h.view(sid)) as CallView).heard.map((x) => x.text ?? '').join(' ')).toMatch(
      /重新接通|reconnect/,
    );

    await advanceAlive(h, 20, [a1002]);
    const back = await a1002.post<{ participantCallSid: string }>('/agent/call/rejoin');
    expect(back.participantCallSid).not.toBe(old);
    const after = await a1002.get<Status>('/agent/me');
    expect(after.state).toBe('On call');
    expect(after.call?.agentCallSid).toBe(back.participantCallSid);
    expect(after.call?.participants.find((p) => p.callSid === sid)?.hold).toBe(false);
    // Rejoining twice is refused: the agent is in the call.
    expect(await a1002.fail('/agent/call/rejoin')).toMatchObject({ status: 409, error: 'already-connected' });

    await advanceAlive(h, REJOIN_GRACE_SECONDS + 5, [a1002]); // the grace ends: nothing to do
    expect((await h.view(sid)).status).toBe('in-progress');
    expect((await a1002.get<Status>('/agent/me')).call?.agentCallSid).toBe(back.participantCallSid);
    await a1002.post('/agent/call/hangup'); // the desk's hang-up still ends it for everyone
    expect((await h.view(sid)).status).toBe('completed');
    expect((await a1002.get<Status>('/agent/me')).state).toBe('Wrap-up');
  }, 60_000);

  it('nobody rejoins within the grace: the customer goes back to the queue and the next agent takes them', async () => {
    const sid = await callTo1002();
    await a1003.post('/agent/state', { state: 'Available' });
    await dropLeg(h, a1002);
    await advanceAlive(h, REJOIN_GRACE_SECONDS - 5, [a1003]);
    expect((await a1003.get<Status>('/agent/me')).reservations).toEqual([]); // still the grace
    await advanceAlive(h, 6, [a1003]);

    expect((await h.view(sid)).status).toBe('in-progress');
    expect((await a1002.get<Status>('/agent/me')).state).not.toBe('On call');
    const offer = (await a1003.get<Status>('/agent/me')).reservations.find((r) => r.status === 'pending');
    expect(offer).toBeDefined();
    await a1003.post(`/agent/reservations/${offer?.reservationSid}/accept`);
    const taken = await a1003.get<Status>('/agent/me');
    expect(taken.state).toBe('On call');
    expect(taken.call?.callSid).toBe(sid);
    expect(taken.call?.participants.find((p) => p.callSid === sid)?.hold).toBe(false);
  }, 60_000);

  it('a hang-up through the desk ends the call at once, with no grace', async () => {
    const sid = await callTo1002();
    await a1002.post('/agent/call/hangup');
    expect((await h.view(sid)).status).toBe('completed');
    expect((await a1002.get<Status>('/agent/me')).state).toBe('Wrap-up');
  }, 30_000);
});

describe('the center closes during the grace', () => {
  let h: AgentHarness;
  let a1002: Session;

  beforeAll(async () => {
    h = await startAgents('2026-03-02T13:59:30Z'); // Monday 21:59:30 in Shanghai; closes at 22:00
    a1002 = await h.as('1002');
    await h.party('1002', 'answer');
  }, 60_000);
  afterAll(() => h.stop());

  it('nobody rejoins: the customer is offered voicemail', async () => {
    await a1002.post('/agent/state', { state: 'Available' });
    const sid = await h.callGeneral();
    expect((await a1002.get<Status>('/agent/me')).call?.callSid).toBe(sid);
    await dropLeg(h, a1002);
    await advanceAlive(h, REJOIN_GRACE_SECONDS + 1, []);
    const view = (await h.view(sid)) as CallView;
    expect(view.status).toBe('in-progress');
    expect(view.conferenceSid).toBeNull();
    expect(view.heard.map((x) => x.text ?? '').join(' ')).toMatch(/留言|leave a message/);
    expect((await a1002.get<Status>('/agent/me')).call).toBeUndefined();
    await h.hangup(sid);
  }, 60_000);
});
