// Transfers to a colleague through the agent API on the local stack (manual clock): the call is offered to
// them as a TaskRouter task aimed at their worker, carrying the customer and the first agent's notes; a
// warm transfer is completed or cancelled from the desk, a busy colleague is refused, one who declines or
// does not answer is reported, and each agent wraps up the customer's call.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AgentHarness, listen, type Session, startAgents } from './support.js';

interface Transfer {
  taskSid: string;
  role: 'sender' | 'receiver';
  mode: 'warm' | 'cold';
  status: string;
  fromAgent: string;
  toAgent?: string;
  notes?: string;
}
interface Status {
  state: string;
  activity?: string;
  reservations: { reservationSid: string; taskSid: string; status: string }[];
  call?: {
    callSid: string;
    conferenceSid: string;
    agentCallSid?: string;
    onHold: boolean;
    transfer?: Transfer;
  };
}

let h: AgentHarness;
let a1002: Session;
let a1004: Session;
const live: string[] = [];
const NOTES = 'Engine light on; claim CLM pending; wants a tow to the nearest dealer.';

beforeAll(async () => {
  h = await startAgents();
  [a1002, a1004] = [await h.as('1002'), await h.as('1004')];
  for (const id of ['1001', '1002', '1003', '1004']) await h.party(id, 'answer');
}, 60_000);
afterAll(() => h.stop());
afterEach(async () => {
  for (const sid of live.splice(0)) if ((await h.view(sid)).status !== 'completed') await h.hangup(sid);
  for (const s of [a1002, a1004]) await s.post('/agent/state', { state: 'Offline' }).catch(() => {});
});

/** 1002 takes a John Smith call on general and 1004 is Available; returns the customer's CallSid. */
async function callTo1002(): Promise<string> {
  await a1002.post('/agent/state', { state: 'Available' });
  const sid = await h.callGeneral();
  live.push(sid);
  await a1004.post('/agent/state', { state: 'Available' });
  return sid;
}

const me = (s: Session) => s.get<Status>('/agent/me');
const warmTo1004 = () =>
  a1002.post<{ transferTaskSid: string }>('/agent/call/transfer', {
    mode: 'warm',
    target: { type: 'agent', agentId: '1004' },
    notes: NOTES,
  });

/** 1004 accepts the offered transfer; returns what the accept answered. */
async function accept1004(): Promise<{ callSid?: string; taskSid: string }> {
  const pending = (await me(a1004)).reservations.find((r) => r.status === 'pending');
  expect(pending).toBeDefined();
  return a1004.post(`/agent/reservations/${pending?.reservationSid}/accept`);
}

describe('a warm transfer to an agent, offered as a task', () => {
  it('reaches the colleague with the customer and the notes; complete hands the customer over', async () => {
    const senderPage = await listen(a1002);
    const sid = await callTo1002();
    const { transferTaskSid } = await warmTo1004();
    expect((await me(a1004)).reservations).toEqual([
      expect.objectContaining({ taskSid: transferTaskSid, status: 'pending' }),
    ]);
    const sender = await me(a1002);
    expect(sender.call).toMatchObject({
      callSid: sid,
      onHold: true,
      transfer: { role: 'sender', mode: 'warm', status: 'offered', toAgent: '1004' },
    });
    // Nothing to complete until the colleague has joined.
    expect(await a1002.fail('/agent/call/transfer/complete')).toEqual({
      status: 409,
      error: 'transfer-not-accepted',
    });
    senderPage.topics.length = 0;
    const accepted = await accept1004();
    expect(accepted).toMatchObject({ callSid: sid, taskSid: transferTaskSid });
    // The first agent's page hears of it at once, to show "joined" and Complete without waiting for a poll.
    await expect.poll(() => senderPage.topics.flat()).toContain('me');
    senderPage.close();
    const receiverPage = await listen(a1004);
    const receiver = await me(a1004);
    expect(receiver).toMatchObject({
      state: 'On call',
      call: {
        callSid: sid,
        onHold: true, // still consulting: the customer waits on hold
        transfer: { role: 'receiver', mode: 'warm', status: 'accepted', fromAgent: '1002', notes: NOTES },
      },
    });
    expect((await me(a1002)).call?.transfer?.status).toBe('accepted');

    receiverPage.topics.length = 0;
    await a1002.post('/agent/call/transfer/complete');
    // The colleague's page hears that the customer is theirs now.
    await expect.poll(() => receiverPage.topics.flat()).toContain('me');
    receiverPage.close();
    expect((await me(a1002)).state).toBe('Wrap-up');
    const after = await me(a1004);
    expect(after.call).toMatchObject({ callSid: sid, onHold: false, transfer: { status: 'completed' } });
    // Both write their wrap-up on the customer's call, the first agent although 1004 has it now.
    await a1002.post(`/calls/${sid}/wrap-up`, { disposition: 'transferred', notes: 'Handed to 1004.' });
    expect((await h.stack.store.calls.get(sid))?.agentId).toBe('1004');
    await h.hangup(sid);
    expect((await me(a1004)).state).toBe('Wrap-up');
    await a1004.post(`/calls/${sid}/wrap-up`, { disposition: 'claim-filed', notes: `${NOTES} Tow booked.` });
    expect((await h.stack.store.calls.get(sid))?.notes).toBe(`${NOTES} Tow booked.`);
  });

  it('cancel: the colleague wraps up and leaves, the customer is back with the first agent', async () => {
    const sid = await callTo1002();
    await warmTo1004();
    await accept1004();
    await a1002.post('/agent/call/transfer/cancel');
    const back = await me(a1002);
    expect(back).toMatchObject({ state: 'On call', call: { callSid: sid, onHold: false } });
    expect(back.call?.transfer).toBeUndefined();
    expect((await me(a1004)).state).toBe('Wrap-up');
    expect((await h.stack.store.calls.get(sid))?.agentId).toBe('1002');
    // The colleague's wrap-up is on the customer's call too.
    await a1004.post(`/calls/${sid}/wrap-up`, { disposition: 'other', notes: 'Consulted only.' });
    // The call is the first agent's again: its end wraps them up.
    await h.hangup(sid);
    expect((await me(a1002)).state).toBe('Wrap-up');
  });

  it('the colleague can hand the customer back by leaving before the transfer is complete', async () => {
    const sid = await callTo1002();
    await warmTo1004();
    await accept1004();
    await a1004.post('/agent/call/leave');
    expect((await me(a1004)).state).toBe('Wrap-up');
    expect((await me(a1002)).call).toMatchObject({ callSid: sid, onHold: false });
    expect((await h.view(sid)).status).toBe('in-progress');
  });

  it('hanging up while my transfer is offered forgets the call I was marked on with it', async () => {
    const sid = await callTo1002();
    await warmTo1004();
    const marker = () => h.stack.store.keys.get({ kind: 'agent-call', agentId: '1002' });
    expect(JSON.parse(String((await marker())?.value))).toMatchObject({ callSid: sid });
    await a1002.post('/agent/call/hangup');
    await h.settle();
    expect(await marker()).toBeUndefined();
    expect((await h.view(sid)).status).toBe('completed');
    expect((await me(a1002)).state).toBe('Wrap-up');
  });

  it('refuses a busy colleague at once and leaves the customer off hold', async () => {
    const sid = await callTo1002();
    await a1004.post('/agent/state', { state: 'Busy' });
    expect(
      await a1002.fail('/agent/call/transfer', { mode: 'warm', target: { type: 'agent', agentId: '1004' } }),
    ).toEqual({ status: 409, error: 'agent-busy' });
    expect((await me(a1002)).call).toMatchObject({ callSid: sid, onHold: false });
    expect((await me(a1002)).call?.transfer).toBeUndefined();
  });

  it('reports a colleague who declines, and one who does not answer; cancel takes the customer back', async () => {
    const sid = await callTo1002();
    await warmTo1004();
    const pending = (await me(a1004)).reservations.find((r) => r.status === 'pending');
    await a1004.post(`/agent/reservations/${pending?.reservationSid}/reject`);
    expect((await me(a1002)).call?.transfer?.status).toBe('declined');
    await a1002.post('/agent/call/transfer/cancel');
    expect((await me(a1002)).call).toMatchObject({ callSid: sid, onHold: false });

    await a1004.post('/agent/state', { state: 'Available' });
    await warmTo1004();
    expect((await me(a1002)).call?.transfer?.status).toBe('offered');
    await h.advance(25); // one ring and its grace: the workflow gives up on the colleague
    expect((await me(a1002)).call?.transfer?.status).toBe('no-answer');
    await a1002.post('/agent/call/transfer/cancel');
    expect((await me(a1002)).call).toMatchObject({ callSid: sid, onHold: false });
    expect((await h.view(sid)).status).toBe('in-progress');
  });
});

describe('a cold transfer to an agent', () => {
  it('the first agent leaves at once; the colleague accepts the task and the customer comes off hold', async () => {
    const sid = await callTo1002();
    await a1002.post('/agent/call/transfer', {
      mode: 'cold',
      target: { type: 'agent', agentId: '1004' },
      notes: NOTES,
    });
    expect((await me(a1002)).state).toBe('Wrap-up');
    await accept1004();
    expect(await me(a1004)).toMatchObject({
      state: 'On call',
      call: { callSid: sid, onHold: false, transfer: { role: 'receiver', mode: 'cold', notes: NOTES } },
    });
    await a1002.post(`/calls/${sid}/wrap-up`, { disposition: 'transferred' });
  });
});

describe('a cold transfer to a queue that comes back round', () => {
  it('offered to the agent who sent it, it is a caller from the queue again, not a transfer they received', async () => {
    const sid = await callTo1002();
    await a1004.post('/agent/state', { state: 'Offline' });
    await a1002.post('/agent/call/transfer', {
      mode: 'cold',
      target: { type: 'queue', queue: 'general' },
      notes: NOTES,
    });
    await a1002.post(`/calls/${sid}/wrap-up`, { disposition: 'transferred' });
    await a1002.post('/agent/wrap-up/end');
    await a1002.post('/agent/state', { state: 'Available' });
    await h.settle();
    const pending = (await me(a1002)).reservations.find((r) => r.status === 'pending');
    expect(pending).toBeDefined();
    await a1002.post(`/agent/reservations/${pending?.reservationSid}/accept`);
    await h.settle();
    const back = await me(a1002);
    expect(back).toMatchObject({ state: 'On call', call: { callSid: sid } });
    expect(back.call?.transfer).toBeUndefined();
  });
});

describe('a transfer of a call I dialled', () => {
  /** 1002 dials `to` from the hotline's number; 1004 is Available. Returns the customer's CallSid. */
  async function dialledBy1002(to: string): Promise<string> {
    await a1002.post('/agent/state', { state: 'Available' });
    const { callSid } = await a1002.post<{ callSid: string }>('/agent/dial', {
      to,
      callerId: '+18005550100',
    });
    live.push(callSid);
    await a1004.post('/agent/state', { state: 'Available' });
    return callSid;
  }

  it('cold: the customer stays on the line for the colleague, and their hang-up wraps the colleague up', async () => {
    const callSid = await dialledBy1002('+8613800001113');
    await a1002.post('/agent/call/transfer', {
      mode: 'cold',
      target: { type: 'agent', agentId: '1004' },
      notes: NOTES,
    });
    await h.settle();
    expect((await me(a1002)).state).toBe('Wrap-up');
    expect((await h.view(callSid)).status).toBe('in-progress');
    await accept1004();
    expect(await me(a1004)).toMatchObject({ state: 'On call', call: { callSid, onHold: false } });
    // I end my wrap-up and take a break by going Busy: the customer's hang-up later is not mine to wrap.
    await a1002.post('/agent/wrap-up/end');
    await a1002.post('/agent/state', { state: 'Busy' });
    await h.hangup(callSid);
    expect((await me(a1004)).state).toBe('Wrap-up');
    expect(await me(a1002)).toMatchObject({ state: 'Busy', activity: 'Busy' });
  });

  it("the colleague's page dies: the customer is held for their rejoin, not left in silence", async () => {
    const callSid = await dialledBy1002('+8613800001117');
    await a1002.post('/agent/call/transfer', { mode: 'cold', target: { type: 'agent', agentId: '1004' } });
    await accept1004();
    await h.settle();
    const leg = (await me(a1004)).call?.agentCallSid ?? '';
    await h.hangup(leg);
    expect((await h.view(callSid)).status).toBe('in-progress');
    expect((await me(a1004)).call).toMatchObject({ callSid, onHold: true });
    expect((await me(a1004)).call?.agentCallSid).toBeUndefined();
    await a1004.post('/agent/call/rejoin');
    await h.settle();
    expect((await me(a1004)).call).toMatchObject({ callSid, onHold: false });
    await h.hangup(callSid);
    expect((await me(a1004)).state).toBe('Wrap-up');
  });

  it('a colleague added to my call hangs up after I left it: the call ends with nobody to come back', async () => {
    const callSid = await dialledBy1002('+8613800001118');
    await a1002.post('/agent/call/conference', { target: { type: 'agent', agentId: '1004' } });
    await h.settle();
    await a1002.post('/agent/call/leave');
    await h.settle();
    expect((await h.view(callSid)).status).toBe('in-progress');
    const leg = (await me(a1004)).call?.agentCallSid ?? '';
    await h.hangup(leg);
    expect((await h.view(callSid)).status).toBe('completed');
  });

  it('warm: once complete I leave and wrap up, and the colleague keeps the customer', async () => {
    const callSid = await dialledBy1002('+8613800001114');
    await warmTo1004();
    await accept1004();
    await a1002.post('/agent/call/transfer/complete');
    await h.settle();
    expect(await me(a1002)).toMatchObject({ state: 'Wrap-up', activity: 'Wrap-up' });
    expect((await h.view(callSid)).status).toBe('in-progress');
    expect(await me(a1004)).toMatchObject({ state: 'On call', call: { callSid, onHold: false } });
    // My wrap-up ends and I go on to another call of my own before the customer hangs up: their hang-up
    // ends the colleague's part, not mine.
    await h.advance(31);
    expect((await me(a1002)).state).toBe('Available');
    const next = await a1002.post<{ callSid: string }>('/agent/dial', {
      to: '+8613800001115',
      callerId: '+18005550100',
    });
    live.push(next.callSid);
    await h.hangup(callSid);
    expect((await me(a1004)).state).toBe('Wrap-up');
    expect(await me(a1002)).toMatchObject({
      state: 'On call',
      activity: 'Busy',
      call: { callSid: next.callSid },
    });
  });
});
