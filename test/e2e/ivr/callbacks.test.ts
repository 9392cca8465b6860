// Callbacks the center places itself (functions/http/twilio/ivr/callbacks.ts), end to end on the local
// stack with a manual clock: a caller's callback from the queue, and callbacks an agent scheduled for
// later, dispatched by the periodic jobs when due. The agent is rung first; once they answer, the customer
// is dialled from the hotline; answered is done, busy is tried again later up to maxAttempts, and an agent
// who does not pick up costs the customer no attempt.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { routing as routingData } from '../../../flows/routing.js';
import { recordHeartbeat } from '../../../functions/app/desk/presence.js';
import type { Task } from '../../../functions/domain/model.js';
import { type CallView, type IvrHarness, RESCUE, startIvr } from './support.js';

let h: IvrHarness;
const AGENTS = ['1001', '1002', '1003', '1004'];
beforeAll(async () => {
  h = await startIvr('2026-03-02T02:00:00Z'); // Monday 10:00 in Shanghai
});
afterAll(() => h.stop());
afterEach(async () => {
  for (const call of await calls()) if (call.status !== 'completed') await h.hangup(call.callSid);
  for (const agent of AGENTS) await h.setActivity(agent, 'Offline');
});

let next = 0;
const customer = () => `+86139222222${String(++next).padStart(2, '0')}`;

async function calls(): Promise<(CallView & { from: string; to: string; parentCallSid: string | null })[]> {
  const res = await fetch(`${h.stack.url}/sim/calls`);
  return (
    (await res.json()) as { calls: (CallView & { from: string; to: string; parentCallSid: string | null })[] }
  ).calls;
}
const callsTo = async (to: string) => (await calls()).filter((c) => c.to === to);

async function party(address: string, policy: 'answer' | 'busy' | 'no-answer'): Promise<void> {
  const res = await fetch(`${h.stack.url}/sim/parties`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ address, policy }),
  });
  expect(res.status).toBe(201);
}

/** `agent` takes calls, with a live heartbeat so the periodic presence sweep leaves them Available. */
async function available(agent: string): Promise<void> {
  await party(`client:${agent}`, 'answer');
  await recordHeartbeat(h.stack.store, h.clock, agent);
  await h.setActivity(agent, 'Available');
}

async function periodic() {
  for (const agent of AGENTS) await recordHeartbeat(h.stack.store, h.clock, agent);
  const result = await h.stack.runPeriodicJobs();
  await h.stack.twin.settle();
  return result;
}

async function scheduled(phone: string, dueInMinutes: number, extra: Partial<Task> = {}): Promise<Task> {
  const made = await h.stack.store.tasks.create({
    kind: 'callback',
    dueAt: new Date(h.clock.now() + dueInMinutes * 60_000).toISOString(),
    phone,
    queue: 'general',
    assigneeId: '1002',
    maxAttempts: 2,
    autoDial: true,
    callerId: RESCUE,
    language: 'zh',
    note: 'call back about the repair quote',
    ...extra,
  });
  if (!made.ok) throw new Error(made.reason);
  return made.value;
}

const task = async (id: string) => h.stack.store.tasks.get(id);
/** Targets of the system's audit entries with this action, newest first. */
const audited = async (action: string) =>
  (await h.stack.store.audit.byActor('system', { limit: 200 })).items
    .filter((a) => a.action === action)
    .map((a) => a.target);
const worker = (agent: string) => h.worker(agent);

describe('a callback chosen while waiting', () => {
  it('rings the next agent, dials the caller from the hotline, and is done when they talk', async () => {
    const from = customer();
    const sid = await h.call(from);
    await h.press(sid, '1');
    await h.press(sid, '7');
    await h.press(sid, '1'); // "keep my place and call me back"
    expect((await h.view(sid)).status).toBe('completed');

    await available('1003');
    const [agentLeg] = await callsTo('client:1003');
    expect(agentLeg?.status).toBe('in-progress');
    const [customerLeg] = await callsTo(from);
    expect(customerLeg).toMatchObject({ from: '+18005550100', status: 'in-progress' });
    const id = (await audited('callback.dispatched'))[0] ?? '';
    expect(await task(id)).toMatchObject({ status: 'in-progress', attempts: 1, phone: from });

    await h.hangup(customerLeg?.callSid ?? '');
    expect(await task(id)).toMatchObject({ status: 'done', attempts: 1 });
    expect((await worker('1003')).activityName).toBe('Wrap-up');
    await h.advance(routingData.wrapUpSeconds + 1);
    expect((await worker('1003')).activityName).toBe('Available');
  });
});

describe('a callback an agent scheduled', () => {
  it('waits until it is due, then rings its assignee first and calls from the chosen hotline', async () => {
    const phone = customer();
    const t = await scheduled(phone, 10);
    const decoyRings = (await callsTo('client:1003')).length;
    await available('1003'); // general, Chinese, idle longer: without the assignee first, 1003 would get it
    await h.advance(5);
    await available('1002');
    expect((await periodic()).callbacks.dispatched).not.toContain(t.id);
    expect(await callsTo(phone)).toEqual([]);

    await h.advance(10 * 60);
    expect((await periodic()).callbacks.dispatched).toEqual([t.id]);
    const [customerLeg] = await callsTo(phone);
    expect(customerLeg).toMatchObject({ from: RESCUE, status: 'in-progress' });
    const [agentLeg] = await callsTo('client:1002');
    expect(customerLeg?.parentCallSid).toBe(agentLeg?.callSid);
    expect((await callsTo('client:1003')).length).toBe(decoyRings);
    // Dispatched once: the next round leaves it alone.
    expect((await periodic()).callbacks.dispatched).toEqual([]);
    await h.hangup(customerLeg?.callSid ?? '');
    expect(await task(t.id)).toMatchObject({ status: 'done', attempts: 1 });
    await h.advance(routingData.wrapUpSeconds + 1);
  });

  it('tries a busy customer again after the retry interval, then leaves it to a person', async () => {
    const phone = customer();
    await party(phone, 'busy');
    const t = await scheduled(phone, 0);
    await available('1002');
    await periodic();
    const afterFirst = await task(t.id);
    expect(afterFirst).toMatchObject({ status: 'open', attempts: 1, autoDial: true });
    const retryAt = h.clock.now() + routingData.callbackRetryMinutes * 60_000;
    expect(afterFirst?.dueAt).toBe(new Date(retryAt).toISOString());
    const shanghai = new Date(retryAt + 8 * 3600_000).toISOString().slice(11, 16);
    const first = (await callsTo('client:1002')).at(-1);
    expect((await h.view(first?.callSid ?? '')).heard.map((x) => x.text)).toContain(
      `客户未接通，系统将于${shanghai}再次回拨。`,
    );
    expect((await worker('1002')).activityName).toBe('Available'); // no conversation, no wrap-up

    await h.advance(routingData.callbackRetryMinutes * 60);
    expect((await periodic()).callbacks.dispatched).toEqual([t.id]);
    const last = await task(t.id);
    expect(last).toMatchObject({ status: 'open', attempts: 2, autoDial: false });
    expect(last?.note).toContain('no more automatic attempts');
    const legs = await callsTo('client:1002');
    expect((await h.view(legs.at(-1)?.callSid ?? '')).heard.map((x) => x.text)).toContain(
      '已回拨2次均未接通，回电任务留在任务列表中。',
    );
    // Still in the due list for a person, but no round dials it again.
    await h.advance(routingData.callbackRetryMinutes * 60);
    expect((await periodic()).callbacks.dispatched).toEqual([]);
    const due = await h.stack.store.tasks.dueBefore(new Date(h.clock.now()).toISOString());
    expect(due.items.map((x) => x.id)).toContain(t.id);
  });

  it('puts the callback back in line, without using an attempt, when the agent does not answer', async () => {
    const phone = customer();
    const t = await scheduled(phone, 0, { assigneeId: '1004' });
    await party('client:1004', 'no-answer');
    await recordHeartbeat(h.stack.store, h.clock, '1004');
    await h.setActivity('1004', 'Available');
    await periodic();
    expect(await task(t.id)).toMatchObject({ status: 'in-progress', attempts: 0 });
    await h.advance(65);
    const missed = await task(t.id);
    expect(missed).toMatchObject({ status: 'open', attempts: 0 });
    expect(Date.parse(missed?.dueAt ?? '')).toBeGreaterThan(h.clock.now());
    expect(await callsTo(phone)).toEqual([]);
    expect(await audited('callback.agent-missed')).toContain(t.id);
  });

  it('leaves tasks without autoDial (voicemail callbacks, follow-ups) to people', async () => {
    const phone = customer();
    const t = await scheduled(phone, 0, { autoDial: false });
    await available('1001');
    expect((await periodic()).callbacks.dispatched).not.toContain(t.id);
    expect(await callsTo(phone)).toEqual([]);
    expect(await task(t.id)).toMatchObject({ status: 'open', attempts: 0 });
  });

  it('finds a due automatic callback behind more than a page of overdue manual ones', async () => {
    const manual = Array.from({ length: 150 }, (_, n) => `+8613722${String(n).padStart(6, '0')}`);
    await Promise.all(manual.map((phone) => scheduled(phone, -60, { autoDial: false })));
    const phone = customer();
    const t = await scheduled(phone, 0, { assigneeId: '1003' });
    await available('1003');
    expect((await periodic()).callbacks.dispatched).toEqual([t.id]);
    expect((await callsTo(phone)).length).toBe(1);
  });
});
