// Every agent call is recorded into the local media store (the S3 stand-in), end to end on the local stack:
// an inbound call (the assignment's conference instruction records the agent's leg), a click-to-dial call
// (the customer's participant leg) and an automatic callback (<Dial record> on the agent's leg) each end with
// a verified recording filed under the call, with its agent and two channels. Pause and resume during an
// agent call reach the leg that owns the recording; the customer's CallSid owns none and is a 404 on the twin
// as on Twilio (docs/twilio-behaviour.md §4.8, §5.1.4, §5.1.5).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordHeartbeat } from '../../../functions/app/desk/presence.js';
import type { StoredRecording } from '../../../functions/domain/recording.js';
import { recordingPause } from '../../../infra/local/twin/voice/rest/recording-control-rest.js';
import { type AgentHarness, type Session, startAgents } from './support.js';

interface Status {
  state: string;
  call?: { callSid: string; agentCallSid?: string };
}

let h: AgentHarness;
let a1002: Session;
const live: string[] = [];

beforeAll(async () => {
  h = await startAgents();
  a1002 = await h.as('1002');
  await h.party('1002', 'answer');
}, 60_000);
afterAll(() => h.stop());
afterEach(async () => {
  for (const sid of live.splice(0)) if ((await h.view(sid)).status !== 'completed') await h.hangup(sid);
  await a1002.post('/agent/state', { state: 'Offline' }).catch(() => {});
});

/** The recordings copied to S3 for a call, once the recording jobs ran; each object read back from S3. */
async function stored(callSid: string): Promise<StoredRecording[]> {
  // The callback enqueues a job, which runs on the (manual) clock's next tick.
  await h.advance(1);
  await h.stack.channels.queue.idle();
  const call = await h.stack.store.calls.get(callSid);
  const recs: StoredRecording[] = [];
  for (const sid of call?.recordingSids ?? []) {
    const rec = await h.stack.store.recordings.get(sid);
    if (!rec) continue;
    const head = await h.stack.channels.channels.media.head(rec.s3Key);
    expect(head?.size).toBe(rec.sizeBytes);
    recs.push(rec);
  }
  return recs;
}

const liveRecording = (callSid: string) =>
  [...h.stack.twin.voice.voice.recordings.recordings.values()].find(
    (r) => r.callSid === callSid && r.status === 'in-progress',
  );

describe('recording agent calls', () => {
  it('an inbound call: the agent leg is recorded, paused and resumed; the customer CallSid is a 404', async () => {
    await a1002.post('/agent/state', { state: 'Available' });
    const sid = await h.callGeneral();
    live.push(sid);
    const me = await a1002.get<Status>('/agent/me');
    const agentLeg = me.call?.agentCallSid ?? '';
    expect(agentLeg).toMatch(/^CA/);
    const rec = liveRecording(agentLeg);
    if (!rec) throw new Error('the agent leg is not being recorded');

    // The old address: the customer's call owns no recording on Twilio, nor on the twin.
    const old = h.stack.twilio.calls(sid).recordings('Twilio.CURRENT').update({ status: 'paused' });
    await expect(old).rejects.toMatchObject({ status: 404 });
    await h.advance(5);
    await a1002.post(`/calls/${sid}/recording`, { action: 'pause' });
    expect(recordingPause(rec)).toMatchObject({ behavior: 'silence' });
    await a1002.post(`/calls/${sid}/recording`, { action: 'resume' });
    expect(recordingPause(rec)).toBeUndefined();

    await h.advance(15);
    await h.hangup(sid);
    const [saved, ...more] = await stored(sid);
    expect(more).toEqual([]);
    expect(saved).toMatchObject({
      sid: rec.sid,
      kind: 'call',
      callSid: sid,
      agentId: '1002',
      channels: 2,
      durationSeconds: 20,
    });
    expect(saved?.s3Key).toContain(`/${sid}/`);
    // Once the call is over there is nothing left to pause.
    expect((await a1002.fail(`/calls/${sid}/recording`, { action: 'pause' })).status).toBe(422);
  });

  it('an added outside party: its own leg is recorded too, filed under the customer call', async () => {
    await h.stack.store.settings.put('agent-desk', { externalTransfer: true });
    await a1002.post('/agent/state', { state: 'Available' });
    const sid = await h.callGeneral();
    live.push(sid);
    await h.advance(4);
    const added = await a1002.post<{ participantCallSid?: string }>('/agent/call/conference', {
      target: { type: 'number', number: '+8613800004444' },
    });
    expect(added.participantCallSid).toMatch(/^CA/);
    await h.advance(6);
    await h.hangup(sid);
    const recs = await stored(sid);
    expect(recs.map((r) => r.durationSeconds).sort((a, b) => a - b)).toEqual([6, 10]);
    for (const r of recs) expect(r).toMatchObject({ callSid: sid, agentId: '1002', channels: 2 });
  });

  it("a cold transfer to a colleague: the colleague's leg is recorded too, filed under the customer call", async () => {
    const a1004 = await h.as('1004');
    await h.party('1004', 'answer');
    await a1002.post('/agent/state', { state: 'Available' });
    const sid = await h.callGeneral();
    live.push(sid);
    await a1004.post('/agent/state', { state: 'Available' });
    await h.advance(3);
    await a1002.post('/agent/call/transfer', { mode: 'cold', target: { type: 'agent', agentId: '1004' } });
    const offer = (
      await a1004.get<{ reservations: { reservationSid: string; status: string }[] }>('/agent/me')
    ).reservations.find((r) => r.status === 'pending');
    await a1004.post(`/agent/reservations/${offer?.reservationSid}/accept`);
    await h.advance(5);
    await h.hangup(sid);
    const recs = await stored(sid);
    const byAgent = Object.fromEntries(recs.map((r) => [r.agentId, r]));
    expect(Object.keys(byAgent).sort()).toEqual(['1002', '1004']);
    expect(byAgent['1004']).toMatchObject({ callSid: sid, channels: 2 });
    await a1004.post('/agent/state', { state: 'Offline' }).catch(() => {});
  });

  it('a click-to-dial call: the customer leg is recorded under its own CallSid', async () => {
    await a1002.post('/agent/state', { state: 'Available' });
    const r = await a1002.post<{ callSid: string }>('/agent/dial', {
      to: '+8613800002222',
      callerId: '+18005550100',
    });
    live.push(r.callSid);
    await h.advance(12);
    await a1002.post(`/calls/${r.callSid}/recording`, { action: 'pause' });
    await a1002.post(`/calls/${r.callSid}/recording`, { action: 'resume' });
    await h.hangup(r.callSid);
    const [saved, ...more] = await stored(r.callSid);
    expect(more).toEqual([]);
    expect(saved).toMatchObject({ callSid: r.callSid, agentId: '1002', channels: 2, durationSeconds: 12 });
  });

  it('an automatic callback: the agent leg dials the customer with a dual recording', async () => {
    const phone = '+8613900003333';
    const made = await h.stack.store.tasks.create({
      kind: 'callback',
      dueAt: new Date(h.clock.now()).toISOString(),
      phone,
      queue: 'general',
      assigneeId: '1002',
      customerId: 'cus-0004',
      maxAttempts: 2,
      autoDial: true,
      callerId: '+18005550100',
      language: 'en',
    });
    if (!made.ok) throw new Error(made.reason);
    await a1002.post('/agent/state', { state: 'Available' });
    await recordHeartbeat(h.stack.store, h.clock, '1002');
    await h.stack.runPeriodicJobs();
    await h.settle();
    const calls = (await (await fetch(`${h.stack.url}/sim/calls`)).json()) as {
      calls: { callSid: string; to: string; parentCallSid: string | null; status: string }[];
    };
    const customerLeg = calls.calls.find((c) => c.to === phone && c.status === 'in-progress');
    const agentLeg = customerLeg?.parentCallSid ?? '';
    expect(agentLeg).toMatch(/^CA/);
    live.push(agentLeg);
    await h.advance(9);
    await h.hangup(customerLeg?.callSid ?? '');
    const [saved, ...more] = await stored(agentLeg);
    expect(more).toEqual([]);
    expect(saved).toMatchObject({
      callSid: agentLeg,
      agentId: '1002',
      customerId: 'cus-0004',
      caller: phone,
      channels: 2,
      durationSeconds: 9,
      source: 'DialVerb',
    });
    expect((await h.stack.store.calls.get(agentLeg))?.to).toBe(phone);
  });
});
