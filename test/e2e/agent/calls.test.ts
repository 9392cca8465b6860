// Call controls through the agent API on the local stack (manual clock): the assignment's conference
// instruction rings the agent and answering is the accept; /agent/me and the wallboard show the live call;
// hold/resume, cold transfer to a queue and three-way conference on the conference's participants
// (transfers to an agent: transfers.test.ts); the supervisor's whisper (coaching the agent's leg) is audited.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AgentHarness, type Session, startAgents } from './support.js';

interface Status {
  state: string;
  activity?: string;
  reservations: { reservationSid: string; status: string }[];
  call?: {
    callSid: string;
    conferenceSid: string;
    agentCallSid?: string;
    onHold: boolean;
    participants: { callSid: string; hold: boolean; muted: boolean }[];
  };
}
interface Board {
  agents: { agentId: string; state: string; secondsInState?: number; call?: { callSid?: string } }[];
}

let h: AgentHarness;
let a1002: Session;
let a1003: Session;
let a1004: Session;
let sup: Session;
const live: string[] = [];

beforeAll(async () => {
  h = await startAgents();
  [a1002, a1003, a1004, sup] = [
    await h.as('1002'),
    await h.as('1003'),
    await h.as('1004'),
    await h.as('2001'),
  ];
  for (const id of ['1001', '1002', '1003', '1004', '2001']) await h.party(id, 'answer');
}, 60_000);
afterAll(() => h.stop());
afterEach(async () => {
  for (const sid of live.splice(0)) if ((await h.view(sid)).status !== 'completed') await h.hangup(sid);
  for (const s of [a1002, a1003, a1004]) await s.post('/agent/state', { state: 'Offline' }).catch(() => {});
});

/** 1002 Available alone takes a John Smith call on general; returns the customer's CallSid. */
/**
 * A caller we do not know (no owner agent to wait for), in English, to the general queue, past the region
 * step: 1003, Available, takes it.
 */
async function unknownCallerTo1003(from: string): Promise<string> {
  const sim = async <T>(path: string, body: unknown): Promise<T> =>
    (
      await fetch(`${h.stack.url}/sim${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json() as Promise<T>;
  const { callSid } = await sim<{ callSid: string }>('/calls', { from, to: '+18005550100' });
  live.push(callSid);
  await h.settle();
  await sim(`/calls/${callSid}/input`, { digits: '2' });
  await sim(`/calls/${callSid}/input`, { digits: '7' });
  await h.advance(16);
  return callSid;
}

async function callTo1002(): Promise<string> {
  await a1002.post('/agent/state', { state: 'Available' });
  const sid = await h.callGeneral();
  live.push(sid);
  return sid;
}

/** 1002, Available, dials `to` from the hotline's number (click-to-dial); the customer's and my legs. */
async function dialBy1002(to: string): Promise<{ callSid: string; participantCallSid: string }> {
  await a1002.post('/agent/state', { state: 'Available' });
  const r = await a1002.post<{ callSid: string; participantCallSid: string }>('/agent/dial', {
    to,
    callerId: '+18005550100',
  });
  live.push(r.callSid);
  return r;
}

describe('the conference model', () => {
  it('answering the ring is the accept: /agent/me and the wallboard show the call On call', async () => {
    await a1002.post('/agent/state', { state: 'Available' });
    await h.advance(60); // a minute Available before the call: On call counts from the call, not from then
    const sid = await callTo1002();
    const me = await a1002.get<Status>('/agent/me');
    expect(me.state).toBe('On call');
    expect(me.activity).toBe('Available');
    expect(me.call?.callSid).toBe(sid);
    expect(me.call?.participants.map((p) => p.callSid)).toEqual(
      expect.arrayContaining([sid, me.call?.agentCallSid]),
    );
    expect((await h.view(sid)).conferenceSid).toBe(me.call?.conferenceSid);
    await h.advance(3); // the wallboard's cache
    const board = await sup.get<Board>('/supervisor/wallboard');
    const onBoard = board.agents.find((a) => a.agentId === '1002');
    expect(onBoard).toMatchObject({ state: 'On call', call: { callSid: sid } });
    expect(onBoard?.secondsInState).toBeLessThan(10);
    // The caller hangs up: wrap-up from the conference's end, Available after 30 s.
    await h.hangup(sid);
    expect((await a1002.get<Status>('/agent/me')).state).toBe('Wrap-up');
    await h.advance(30);
    expect((await a1002.get<Status>('/agent/me')).state).toBe('Available');
  });

  it('holds and resumes the customer', async () => {
    await callTo1002();
    await a1002.post('/agent/call/hold', { hold: true });
    expect((await a1002.get<Status>('/agent/me')).call?.onHold).toBe(true);
    await a1002.post('/agent/call/hold', { hold: false });
    expect((await a1002.get<Status>('/agent/me')).call?.onHold).toBe(false);
  });

  it('cold-transfers to a queue: the caller waits on hold, the next agent accepts and talks', async () => {
    const sid = await callTo1002();
    await a1003.post('/agent/state', { state: 'Available' });
    await a1002.post('/agent/call/transfer', { mode: 'cold', target: { type: 'queue', queue: 'general' } });
    expect((await a1002.get<Status>('/agent/me')).state).toBe('Wrap-up');
    const offered = await a1003.get<Status>('/agent/me');
    const pending = offered.reservations.find((r) => r.status === 'pending');
    expect(pending).toBeDefined();
    await a1003.post(`/agent/reservations/${pending?.reservationSid}/accept`);
    const me = await a1003.get<Status>('/agent/me');
    expect(me).toMatchObject({ state: 'On call', call: { callSid: sid, onHold: false } });
    expect((await h.stack.store.calls.get(sid))?.agentId).toBe('1003');
    await h.hangup(sid);
    expect((await a1003.get<Status>('/agent/me')).state).toBe('Wrap-up');
  });

  it('adds only an Available colleague, and TaskRouter offers them nothing else while they are on it', async () => {
    const sid = await callTo1002();
    const offline = await a1002.fail('/agent/call/conference', {
      target: { type: 'agent', agentId: '1004' },
    });
    expect(offline).toEqual({ status: 409, error: 'agent-not-available' });
    await a1004.post('/agent/state', { state: 'Available' });
    await a1002.post('/agent/call/conference', { target: { type: 'agent', agentId: '1004' } });
    const other = await h.callGeneral('+8613900000077');
    live.push(other);
    expect((await a1004.get<Status>('/agent/me')).reservations).toEqual([]);
    expect((await a1004.get<Status>('/agent/me')).call?.callSid).toBe(sid);
    await a1004.post('/agent/call/leave');
    expect((await a1004.get<Status>('/agent/me')).state).toBe('Wrap-up');
    expect((await h.view(sid)).status).toBe('in-progress'); // 1002 is still with the customer
  });

  it("the agent's own leg ends in the browser: the customer is held for a rejoin, not dropped", async () => {
    // What follows (rejoin, or the queue after the grace) is in rejoin.test.ts.
    const sid = await callTo1002();
    const agentLeg = (await a1002.get<Status>('/agent/me')).call?.agentCallSid ?? '';
    await h.hangup(agentLeg);
    expect((await h.view(sid)).status).toBe('in-progress');
    expect((await a1002.get<Status>('/agent/me')).call?.onHold).toBe(true);
  });

  it('in a three-way call, the agent hanging up leaves the customer with the other party', async () => {
    const sid = await callTo1002();
    await a1004.post('/agent/state', { state: 'Available' });
    await a1002.post('/agent/call/conference', { target: { type: 'agent', agentId: '1004' } });
    const agentLeg = (await a1002.get<Status>('/agent/me')).call?.agentCallSid ?? '';
    await h.hangup(agentLeg);
    expect((await h.view(sid)).status).toBe('in-progress');
  });

  it('click-to-dial: On call while the customer talks; their hang-up ends it and I wrap up', async () => {
    const r = await dialBy1002('+8613800001111');
    expect(await a1002.get<Status>('/agent/me')).toMatchObject({
      state: 'On call',
      activity: 'Busy',
      call: { callSid: r.callSid },
    });
    await h.hangup(r.callSid);
    const after = await a1002.get<Status>('/agent/me');
    expect(after.state).toBe('Wrap-up');
    expect(after.call).toBeUndefined();
    await h.advance(30);
    expect((await a1002.get<Status>('/agent/me')).state).toBe('Available');
  });

  it('click-to-dial: a customer who answers before my client does still ends the call into my wrap-up', async () => {
    await h.party('1002', 'ring');
    try {
      const r = await dialBy1002('+8613800001112');
      await h.settle();
      // The customer sits in the conference first: it takes their settings, not my leg's TwiML.
      expect((await h.view(r.callSid)).status).toBe('in-progress');
      expect((await h.view(r.participantCallSid)).status).toBe('ringing');
      const answered = await fetch(`${h.stack.url}/sim/calls/${r.participantCallSid}/answer`, {
        method: 'POST',
      });
      expect(answered.status).toBe(200);
      await h.settle();
      expect((await a1002.get<Status>('/agent/me')).state).toBe('On call');
      await h.hangup(r.callSid);
      expect((await h.view(r.participantCallSid)).status).toBe('completed');
      expect((await a1002.get<Status>('/agent/me')).state).toBe('Wrap-up');
    } finally {
      await h.party('1002', 'answer');
    }
  });

  it('leaving a call nobody else is on hangs it up rather than leave the caller alone in silence', async () => {
    const sid = await callTo1002();
    await a1002.post('/agent/call/leave');
    await h.settle();
    expect((await h.view(sid)).status).toBe('completed');
    expect((await a1002.get<Status>('/agent/me')).state).toBe('Wrap-up');
  });

  it('click-to-dial: leaving a call nobody else is on hangs it up rather than leave the customer alone', async () => {
    const r = await dialBy1002('+8613800001116');
    await a1002.post('/agent/call/leave');
    await h.settle();
    expect((await h.view(r.callSid)).status).toBe('completed');
    expect(await a1002.get<Status>('/agent/me')).toMatchObject({ state: 'Wrap-up', activity: 'Wrap-up' });
  });

  it('adds a third party: three-way, nobody held', async () => {
    const sid = await callTo1002();
    await a1004.post('/agent/state', { state: 'Available' });
    const r = await a1002.post<{ participantCallSid?: string }>('/agent/call/conference', {
      target: { type: 'agent', agentId: '1004' },
    });
    const me = await a1002.get<Status>('/agent/me');
    expect(me.call?.participants).toHaveLength(3);
    expect(me.call?.participants.every((p) => !p.hold)).toBe(true);
    expect(me.call?.participants.map((p) => p.callSid)).toEqual(
      expect.arrayContaining([sid, r.participantCallSid]),
    );
  });

  it('the supervisor takes over: the customer talks to them, is never held for a rejoin, and the agent wraps up', async () => {
    const sid = await callTo1002();
    // The supervisor's browser rings a moment before it is answered: the agent has left by then.
    await h.party('2001', 'ring');
    const t = await sup.post<{ conferenceSid: string; supervisorCallSid: string }>(
      `/supervisor/calls/${sid}/take-over`,
    );
    await h.settle();
    expect((await a1002.get<Status>('/agent/me')).state).toBe('Wrap-up');
    const ring = [...h.stack.twin.voice.parties.ringing.values()].find((r) => r.to === 'client:2001');
    ring?.answer();
    await h.party('2001', 'answer');
    await h.settle();
    const participants = async () =>
      (await h.stack.twilio.conferences(t.conferenceSid).participants.list()).map((p) => ({
        callSid: p.callSid,
        hold: p.hold,
      }));
    // Past the rejoin grace: still talking, nobody on hold, no dropped leg recorded.
    await h.advance(90);
    await h.settle();
    expect((await h.view(sid)).status).toBe('in-progress');
    expect(await participants()).toEqual(
      expect.arrayContaining([
        { callSid: sid, hold: false },
        { callSid: t.supervisorCallSid, hold: false },
      ]),
    );
    const audit = await h.stack.store.audit.byActor('system');
    expect(audit.items.filter((a) => a.action === 'call.agent-leg-dropped' && a.target === sid)).toEqual([]);
    // Nobody else is on the call now: the supervisor's hanging up ends it, not leaves the customer alone.
    await h.hangup(t.supervisorCallSid);
    expect((await h.view(sid)).status).toBe('completed');
  });

  it('a supervisor moving to another call leaves the last one: no open microphone stays behind', async () => {
    const first = await callTo1002();
    const barged = await sup.post<{ conferenceSid: string; supervisorCallSid: string }>(
      `/supervisor/calls/${first}/monitor`,
      { mode: 'barge' },
    );
    await a1003.post('/agent/state', { state: 'Available' });
    const second = await unknownCallerTo1003('+14155550999');
    await sup.post(`/supervisor/calls/${second}/monitor`, { mode: 'monitor' });
    await h.settle();
    const inFirst = await h.stack.twilio.conferences(barged.conferenceSid).participants.list();
    expect(inFirst.map((p) => p.callSid)).not.toContain(barged.supervisorCallSid);
    expect((await h.view(first)).status).toBe('in-progress');
  });

  it('a supervisor who took over a call cannot leave the customer alone by joining another', async () => {
    const first = await callTo1002();
    await h.party('2001', 'answer');
    const taken = await sup.post<{ supervisorCallSid: string }>(`/supervisor/calls/${first}/take-over`);
    await h.settle();
    await a1003.post('/agent/state', { state: 'Available' });
    const second = await unknownCallerTo1003('+14155550998');
    expect(await sup.fail(`/supervisor/calls/${second}/monitor`, { mode: 'monitor' })).toEqual({
      status: 409,
      error: 'owns-call',
    });
    expect((await h.view(first)).status).toBe('in-progress');
    // Finished, the supervisor is free to listen elsewhere.
    await h.hangup(taken.supervisorCallSid);
    expect((await h.view(first)).status).toBe('completed');
    await sup.post(`/supervisor/calls/${second}/monitor`, { mode: 'monitor' });
  });

  it('the supervisor whispers to the agent (coaching), then barges; audited', async () => {
    const sid = await callTo1002();
    const agentLeg = (await a1002.get<Status>('/agent/me')).call?.agentCallSid;
    const m = await sup.post<{ conferenceSid: string; supervisorCallSid: string }>(
      `/supervisor/calls/${sid}/monitor`,
      { mode: 'monitor' },
    );
    const leg = () => h.stack.twilio.conferences(m.conferenceSid).participants(m.supervisorCallSid).fetch();
    expect(await leg()).toMatchObject({ muted: true });
    await sup.post(`/supervisor/calls/${sid}/monitor`, { mode: 'whisper' });
    expect(await leg()).toMatchObject({ muted: false, coaching: true, callSidToCoach: agentLeg });
    await sup.post(`/supervisor/calls/${sid}/monitor`, { mode: 'barge' });
    expect(await leg()).toMatchObject({ muted: false, coaching: false });
    const audit = await h.stack.store.audit.byActor('2001');
    expect(
      audit.items
        .filter((a) => a.action === 'supervisor.monitor' && a.target === sid)
        .map((a) => String(a.detail?.mode))
        .sort(),
    ).toEqual(['barge', 'monitor', 'whisper']);
    // The agent's leg drops (their page closed): a whisper has nobody to coach, and says so.
    await h.hangup(agentLeg ?? '');
    expect(await sup.fail(`/supervisor/calls/${sid}/monitor`, { mode: 'whisper' })).toEqual({
      status: 409,
      error: 'agent-not-on-call',
    });
  });
});
