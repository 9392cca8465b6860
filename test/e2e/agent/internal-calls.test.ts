// Agents calling each other by agent number on the local stack (twin, manual clock): the colleague's
// softphone rings with who is calling, both are Busy while it rings and lasts (no customer is offered to
// them meanwhile) and get their activity back after; unknown numbers, signed-out and busy colleagues are
// refused at once; no call record is written. A transfer takes a colleague's extension too.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RingEvent } from '../../../infra/local/twin/voice/parties.js';
import { type AgentHarness, type Session, startAgents } from './support.js';

interface Status {
  state: string;
  activity?: string;
  reservations: { reservationSid: string; taskSid: string; status: string }[];
  call?: { callSid: string; transfer?: { toAgent?: string; status: string } };
  internalCall?: {
    role: 'caller' | 'callee';
    peer: { id: string; name: string; number: string };
    status: string;
  };
}

let h: AgentHarness;
let a1001: Session;
let a1002: Session;
let a1004: Session;
let admin: Session;
const live: string[] = [];

beforeAll(async () => {
  h = await startAgents();
  [a1001, a1002, a1004, admin] = [
    await h.as('1001'),
    await h.as('1002'),
    await h.as('1004'),
    await h.as('admin'),
  ];
  // The caller's own leg is answered by their desk; the colleague's rings until the test answers it.
  await h.party('1001', 'answer');
  await h.party('1002', 'ring');
  await h.party('1004', 'answer');
}, 60_000);
afterAll(() => h.stop());
afterEach(async () => {
  for (const sid of live.splice(0)) if ((await h.view(sid)).status !== 'completed') await h.hangup(sid);
  for (const s of [a1001, a1002, a1004]) await s.post('/agent/state', { state: 'Offline' }).catch(() => {});
});

const me = (s: Session) => s.get<Status>('/agent/me');
const ringingAt = (agentId: string): RingEvent | undefined =>
  [...h.stack.twin.voice.parties.ringing.values()].find((r) => r.to === `client:${agentId}`);

async function call1002(): Promise<string> {
  await a1001.post('/agent/state', { state: 'Available' });
  await a1002.post('/agent/state', { state: 'Available' });
  const r = await a1001.post<{ callSid: string; agentId: string }>('/agent/internal-call', {
    number: '1002',
  });
  expect(r.agentId).toBe('1002');
  live.push(r.callSid);
  return r.callSid;
}

describe('an internal call by agent number', () => {
  it("rings the colleague's softphone with the caller's name and number; both are Busy, then back", async () => {
    const callSid = await call1002();
    const ring = ringingAt('1002');
    expect(ring?.from).toBe('client:1001');
    expect(ring?.customParameters).toEqual({
      internalCall: '1',
      callerName: '王芳 Wang Fang',
      callerNumber: '1001',
    });
    expect(await me(a1002)).toMatchObject({
      activity: 'Busy',
      internalCall: { role: 'callee', status: 'ringing', peer: { id: '1001', number: '1001' } },
    });
    expect(await me(a1001)).toMatchObject({
      activity: 'Busy',
      internalCall: { role: 'caller', status: 'ringing', peer: { id: '1002', name: 'Emily Carter' } },
    });

    ring?.answer();
    await h.settle();
    expect(await me(a1002)).toMatchObject({ state: 'On call', internalCall: { status: 'in-progress' } });
    expect((await me(a1001)).internalCall?.status).toBe('in-progress');
    // Not Available while a colleague is on the line: a customer would ring in meanwhile.
    expect(await a1002.fail('/agent/state', { state: 'Available' })).toEqual({
      status: 409,
      error: 'on-a-call',
    });

    // A customer for general (English) calls meanwhile: nobody is offered it while 1002 talks to 1001.
    const customer = await h.callGeneral();
    live.push(customer);
    expect((await me(a1002)).reservations).toEqual([]);

    await h.hangup(callSid);
    expect(await me(a1001)).toMatchObject({ activity: 'Available', internalCall: { status: 'ended' } });
    const after = await me(a1002);
    // Available again (no wrap-up for a colleague's call), so the waiting customer is offered to them now.
    expect(after.activity).toBe('Available');
    expect(after.internalCall?.status).toBe('ended');
    expect(after.reservations).toEqual([expect.objectContaining({ status: 'pending' })]);
    // No customer call: neither leg has a call record, so reports never count it.
    expect(await h.stack.store.calls.get(callSid)).toBeUndefined();
    expect(await h.stack.store.calls.get(ring?.callSid ?? '')).toBeUndefined();
  });

  it('a colleague who declines: the caller is told, both get their activity back', async () => {
    await call1002();
    ringingAt('1002')?.reject();
    await h.settle();
    expect(await me(a1001)).toMatchObject({ activity: 'Available', internalCall: { status: 'declined' } });
    expect((await me(a1002)).activity).toBe('Available');
  });

  it('a colleague who does not answer in 30 s: the caller is told; a second call while one rings is refused', async () => {
    await call1002();
    expect(await a1001.fail('/agent/internal-call', { number: '1004' })).toEqual({
      status: 409,
      error: 'caller-busy',
    });
    await h.advance(31);
    expect(await me(a1001)).toMatchObject({ activity: 'Available', internalCall: { status: 'no-answer' } });
    expect((await me(a1002)).activity).toBe('Available');
    // The outcome is shown for two minutes, then no more.
    await h.advance(121);
    expect((await me(a1001)).internalCall).toBeUndefined();
  });

  it('an unknown number, my own number and a malformed one are refused; nothing rings', async () => {
    await a1001.post('/agent/state', { state: 'Available' });
    expect(await a1001.fail('/agent/internal-call', { number: '9999' })).toEqual({
      status: 404,
      error: 'unknown-agent-number',
    });
    expect(await a1001.fail('/agent/internal-call', { number: '1001' })).toEqual({
      status: 422,
      error: 'self-call',
    });
    expect((await a1001.fail('/agent/internal-call', { number: '10a2' })).status).toBe(400);
    expect(await me(a1001)).toMatchObject({ activity: 'Available' });
    // Only the last call's outcome, shown for a moment: nothing new rings.
    expect((await me(a1001)).internalCall?.status).not.toBe('ringing');
    expect(h.stack.twin.voice.parties.ringing.size).toBe(0);
  });

  it('a signed-out colleague and one on a break are refused with why; the caller stays as they were', async () => {
    await a1001.post('/agent/state', { state: 'Available' });
    expect(await a1001.fail('/agent/internal-call', { number: '1004' })).toEqual({
      status: 409,
      error: 'agent-offline',
    });
    await a1004.post('/agent/state', { state: 'Break', reason: 'lunch' });
    expect(await a1001.fail('/agent/internal-call', { number: '1004' })).toEqual({
      status: 409,
      error: 'colleague-busy',
    });
    expect(await me(a1001)).toMatchObject({ activity: 'Available' });
    expect((await me(a1004)).activity).toBe('Break');
  });
});

describe('a transfer by agent number', () => {
  it('offers the customer to the colleague whose extension was typed, with the notes', async () => {
    const user = await admin.get<{ version: number }>('/users/1004');
    await admin.patch('/users/1004', { version: user.version, extension: '8004' });
    try {
      await a1002.post('/agent/state', { state: 'Available' });
      await h.party('1002', 'answer');
      const sid = await h.callGeneral();
      live.push(sid);
      await a1004.post('/agent/state', { state: 'Available' });
      expect((await me(a1002)).call?.callSid).toBe(sid);
      const r = await a1002.post<{ transferTaskSid: string }>('/agent/call/transfer', {
        mode: 'warm',
        target: { type: 'agent', agentId: '8004' },
        notes: 'Asked for a Chinese-speaking colleague.',
      });
      expect((await me(a1004)).reservations).toEqual([
        expect.objectContaining({ taskSid: r.transferTaskSid, status: 'pending' }),
      ]);
      expect((await me(a1002)).call?.transfer).toMatchObject({ toAgent: '1004', status: 'offered' });
      await a1002.post('/agent/call/transfer/cancel');
      expect(
        await a1002.fail('/agent/call/transfer', {
          mode: 'cold',
          target: { type: 'agent', agentId: '7777' },
        }),
      ).toEqual({ status: 404, error: 'unknown-agent-number' });
    } finally {
      await h.party('1002', 'ring');
      const again = await admin.get<{ version: number }>('/users/1004');
      await admin.patch('/users/1004', { version: again.version, extension: '1004' });
    }
  });
});
