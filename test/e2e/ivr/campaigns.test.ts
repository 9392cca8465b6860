// Outbound campaigns end to end on the local stack with a manual clock: the dialler's round (the periodic
// jobs) places calls with asynchronous answering-machine detection to numbers scripted through
// /sim/callees; a person reaches a free agent through TaskRouter and the agent's disposition closes the
// contact; machines and busy numbers are tried again by the retry policy; a person left waiting with no agent
// is told, counted as abandoned, and may press 9; a STOP text stops every later attempt; calling windows
// follow each contact's own time; a preview call rings the agent first; an idle campaign never dials.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordHeartbeat } from '../../../functions/app/desk/presence.js';
import {
  type CampaignSettings,
  contactId,
  DEFAULT_DISPOSITIONS,
} from '../../../functions/domain/campaigns/campaign.js';
import { DEFAULT_AUDIO_TIMING, sayMs } from '../../../infra/local/twin/voice/audio-length.js';
import { type IvrHarness, RESCUE, startIvr } from './support.js';

let h: IvrHarness;
const AGENTS = ['1001', '1002', '1003', '1004'];
beforeAll(async () => {
  h = await startIvr('2026-03-02T02:00:00Z'); // Monday 10:00 in Shanghai, 21:00 on Sunday in New York
});
afterAll(() => h.stop());
afterEach(async () => {
  for (const call of await calls()) if (call.status !== 'completed') await h.hangup(call.callSid);
  for (const agent of AGENTS) await h.setActivity(agent, 'Offline');
  // Campaigns of one test must not dial in the next.
  for (const c of await h.stack.store.campaigns.listByStatus('running'))
    await h.stack.store.campaigns.update(c.id, c.version, { status: 'stopped' });
});

interface SimCall {
  callSid: string;
  status: string;
  from: string;
  to: string;
  heard: { text: string }[];
}
async function calls(): Promise<SimCall[]> {
  return ((await (await fetch(`${h.stack.url}/sim/calls`)).json()) as { calls: SimCall[] }).calls;
}
const callsTo = async (to: string) => (await calls()).filter((c) => c.to === to);

async function post(path: string, body: unknown): Promise<Response> {
  const res = await fetch(`${h.stack.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await h.stack.twin.settle();
  return res;
}

type Callee = { number: string; answer: string; afterSeconds?: number; greetingSeconds?: number };
async function script(...callees: Callee[]): Promise<void> {
  expect((await post('/sim/callees', { callees })).status).toBe(201);
}

/** Moves the clock in one step: for quiet stretches with no call under way, where stepping each second buys nothing. */
async function jump(seconds: number): Promise<void> {
  expect((await post('/sim/clock/advance', { ms: seconds * 1000 })).ok).toBe(true);
  await h.stack.twin.settle();
}

async function available(agent: string): Promise<void> {
  await h.answering(agent);
  await recordHeartbeat(h.stack.store, h.clock, agent);
  await h.setActivity(agent, 'Available');
}

async function round() {
  for (const agent of AGENTS) await recordHeartbeat(h.stack.store, h.clock, agent);
  const result = await h.stack.runPeriodicJobs();
  await h.stack.twin.settle();
  return result.campaigns;
}

const settings = (over: Partial<CampaignSettings> = {}): CampaignSettings => ({
  name: 'Renewal care',
  mode: 'progressive',
  callerId: RESCUE,
  queue: 'general',
  priority: 0,
  language: 'zh',
  dispositions: DEFAULT_DISPOSITIONS,
  window: { start: '08:00', end: '21:00' },
  retry: { maxAttempts: 3, busy: 10, 'no-answer': 30, machine: 60, failed: 30 },
  machine: 'retry',
  abandonCap: 0.03,
  maxHoldSeconds: 5,
  ...over,
});

let made = 0;
type ContactRow = string | { readonly phone: string; readonly timeZone: string };
async function campaign(
  phones: readonly ContactRow[],
  over: Partial<CampaignSettings> = {},
  status: 'running' | 'draft' | 'paused' = 'running',
) {
  const id = `e2e-${++made}`;
  const repo = h.stack.store.campaigns;
  await repo.create(id, settings(over), '2001');
  await repo.addContacts(
    id,
    phones.map((row, i) => ({
      campaignId: id,
      id: contactId(i + 1),
      ...(typeof row === 'string' ? { phone: row } : row),
      vars: {},
      name: `客户${i + 1}`,
    })),
    new Date(h.clock.now()).toISOString(),
  );
  await repo.count(id, { contacts: phones.length, pending: phones.length });
  if (status !== 'draft') await repo.update(id, 1, { status });
  return id;
}
const contact = (id: string, row: number) => h.stack.store.campaigns.getContact(id, contactId(row));
const counts = async (id: string) => (await h.stack.store.campaigns.get(id))?.counts;

let n = 0;
const number = () => `+86139333333${String(++n).padStart(2, '0')}`;

async function asAgent(agent: string) {
  const res = await post('/api/auth/login', { id: agent, password: `demo-${agent}` });
  const { token } = (await res.json()) as { token: string };
  return (method: string, path: string, body?: unknown) =>
    fetch(`${h.stack.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

describe('progressive dialling', () => {
  it('hands a person to a free agent, wraps up with the campaign’s dispositions and closes the contact', async () => {
    const phone = number();
    await script({ number: phone, answer: 'human', afterSeconds: 1 });
    const id = await campaign([phone]);
    await available('1003');
    expect(await round()).toMatchObject({ dialled: 1 });
    const [leg] = await callsTo(phone);
    expect(leg).toMatchObject({ from: RESCUE });
    expect(await contact(id, 1)).toMatchObject({ status: 'calling', attempts: 1, callSid: leg?.callSid });
    await h.advance(10); // rings 1 s, detection hears a person 2.5 s later, then the greeting
    expect(await h.agentOn(leg?.callSid ?? '')).toBe('1003');
    expect(await counts(id)).toMatchObject({ attempts: 1, humans: 1, inFlight: 0 });
    // What a desk reloaded mid-call starts from: the contact, not the center's own number calling out.
    const me = (await (await (await asAgent('1003'))('GET', '/agent/me')).json()) as {
      call?: { customer?: { number?: string } };
    };
    expect(me.call?.customer?.number).toBe(phone);

    await h.hangup(leg?.callSid ?? '');
    expect(await contact(id, 1)).toMatchObject({ status: 'done', agentId: '1003' });
    expect((await h.worker('1003')).activityName).toBe('Wrap-up');
    const agent = await asAgent('1003');
    const offered = (await (await agent('GET', `/calls/${leg?.callSid}/dispositions`)).json()) as {
      hotlineName: string;
      dispositions: { code: string }[];
    };
    expect(offered.hotlineName).toBe('Renewal care');
    expect(offered.dispositions.map((d) => d.code)).toEqual(DEFAULT_DISPOSITIONS.map((d) => d.code));
    const refused = await agent('POST', `/calls/${leg?.callSid}/wrap-up`, { disposition: 'resolved' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('interested');
    const saved = await agent('POST', `/calls/${leg?.callSid}/wrap-up`, { disposition: 'interested' });
    expect(saved.status).toBe(200);
    expect(await contact(id, 1)).toMatchObject({ status: 'done', disposition: 'interested' });
    const after = await h.stack.store.campaigns.get(id);
    expect(after?.counts).toMatchObject({ done: 1, pending: 0, conversions: 1 });
    expect(after?.dispositionCounts).toEqual({ interested: 1 });
    // Nothing left to call: the next round completes the campaign.
    await h.advance(30);
    await round();
    expect((await h.stack.store.campaigns.get(id))?.status).toBe('completed');
  });

  it('dials one contact per free agent, and none while no agent is free', async () => {
    const phones = [number(), number(), number()];
    await script(...phones.map((p) => ({ number: p, answer: 'no-answer' })));
    const id = await campaign(phones);
    expect(await round()).toMatchObject({ dialled: 0 });
    await available('1003');
    await available('1004');
    expect(await round()).toMatchObject({ dialled: 2 });
    // Both still ringing: progressive places no third call for two agents.
    expect(await round()).toMatchObject({ dialled: 0 });
    expect(await counts(id)).toMatchObject({ attempts: 2, inFlight: 2 });
  });

  it('places no call while its only agent talks to the person it reached, and the next once they are free', async () => {
    const phones = [number(), number()];
    await script(...phones.map((p) => ({ number: p, answer: 'human', afterSeconds: 1 })));
    const id = await campaign(phones);
    await available('1003');
    expect(await round()).toMatchObject({ dialled: 1 });
    const [first] = await callsTo(phones[0] ?? '');
    await h.advance(10);
    expect(await h.agentOn(first?.callSid ?? '')).toBe('1003');
    // On the call, in an available activity as TaskRouter sees it: still not free.
    expect((await h.worker('1003')).activityName).toBe('Available');
    for (let i = 0; i < 3; i++) {
      await h.advance(5);
      expect(await round()).toMatchObject({ dialled: 0 });
    }
    expect(await callsTo(phones[1] ?? '')).toEqual([]);
    expect(await counts(id)).toMatchObject({ attempts: 1, abandoned: 0 });
    await h.hangup(first?.callSid ?? '');
    const agent = await asAgent('1003');
    expect(
      (await agent('POST', `/calls/${first?.callSid}/wrap-up`, { disposition: 'interested' })).status,
    ).toBe(200);
    expect(await round()).toMatchObject({ dialled: 0 }); // wrapping up is not free either
    expect((await agent('POST', '/agent/wrap-up/end')).status).toBe(200);
    expect(await round()).toMatchObject({ dialled: 1 });
    expect(await callsTo(phones[1] ?? '')).toHaveLength(1);
  });

  it('places no second call between a person answering and the agent taking them', async () => {
    const phones = [number(), number()];
    await script(...phones.map((p) => ({ number: p, answer: 'human', afterSeconds: 1 })));
    const id = await campaign(phones);
    await available('1003');
    expect(await round()).toMatchObject({ dialled: 1 });
    const [first] = await callsTo(phones[0] ?? '');
    // A round every second, through detection, the greeting, the queue and the agent's ring.
    for (let i = 0; i < 15 && (await h.agentOn(first?.callSid ?? '')) !== '1003'; i++) {
      await h.advance(1);
      expect(await round()).toMatchObject({ dialled: 0 });
    }
    expect(await h.agentOn(first?.callSid ?? '')).toBe('1003');
    expect(await callsTo(phones[1] ?? '')).toEqual([]);
    expect(await counts(id)).toMatchObject({ attempts: 1, abandoned: 0 });
    await h.hangup(first?.callSid ?? '');
    const agent = await asAgent('1003');
    await agent('POST', `/calls/${first?.callSid}/wrap-up`, { disposition: 'interested' });
    expect((await agent('POST', '/agent/wrap-up/end')).status).toBe(200);
  });

  it('tries busy numbers and machines again after their delays, up to the last attempt', async () => {
    const busy = number();
    const machine = number();
    await script({ number: busy, answer: 'busy' }, { number: machine, answer: 'machine', afterSeconds: 1 });
    const id = await campaign([busy, machine], {
      retry: { maxAttempts: 2, busy: 10, 'no-answer': 30, machine: 60, failed: 30 },
    });
    await available('1003');
    await available('1004');
    const dialledAt = h.clock.now();
    await round();
    await h.advance(6);
    const b = await contact(id, 1);
    expect(b).toMatchObject({ status: 'pending', lastOutcome: 'busy', attempts: 1 });
    const delay = Date.parse(b?.nextAt ?? '') - dialledAt;
    expect(delay).toBeGreaterThanOrEqual(10 * 60_000);
    expect(delay).toBeLessThanOrEqual(10 * 60_000 + 6_000);
    const m = await contact(id, 2);
    expect(m).toMatchObject({ status: 'pending', lastOutcome: 'machine', attempts: 1 });
    expect(Date.parse(m?.nextAt ?? '') - h.clock.now()).toBeGreaterThan(55 * 60_000);
    expect(await h.agentOn((await callsTo(machine))[0]?.callSid ?? '')).toBeNull(); // no agent for a machine
    expect(await counts(id)).toMatchObject({ busy: 1, machines: 1, humans: 0, inFlight: 0 });

    await jump(10 * 60);
    await round();
    await h.advance(2);
    expect(await contact(id, 1)).toMatchObject({ status: 'failed', attempts: 2 }); // out of attempts
    expect(await counts(id)).toMatchObject({ busy: 2, done: 1, pending: 1 });
  });
});

describe('a person with no agent', () => {
  it('is told after the hold time, counted as abandoned, and 9 stops every later call', async () => {
    const phone = number();
    await script({ number: phone, answer: 'human', afterSeconds: 1 });
    const id = await campaign([phone]);
    await available('1003');
    await round();
    await h.setActivity('1003', 'Offline'); // the agent leaves while the phone rings
    await h.advance(20); // answered, detected, greeted, then 5 s on hold with no agent
    const [leg] = await callsTo(phone);
    const heard = (await h.view(leg?.callSid ?? '')).heard.map((x) => x.text);
    // Greeted as they wait in the queue, then told nobody is free: after the full hold time (5 s) counted
    // from the greeting's end, not from its start.
    const said = h.stack.twin.voice.voice.calls.get(leg?.callSid ?? '')?.heard ?? [];
    const greeting = said.find((x) => x.text.includes('正在为您接通客服人员'));
    const apology = said.find((x) => x.text.includes('目前没有空闲的客服人员'));
    if (!greeting || !apology) throw new Error(`heard: ${heard.join(' | ')}`);
    expect(apology.at - greeting.at).toBeGreaterThanOrEqual(
      sayMs(greeting.text, DEFAULT_AUDIO_TIMING) + 5_000,
    );
    expect(await counts(id)).toMatchObject({ humans: 1, abandoned: 1 });
    expect(await contact(id, 1)).toMatchObject({ status: 'pending', lastOutcome: 'abandoned' });

    await h.press(leg?.callSid ?? '', '9');
    expect(await contact(id, 1)).toMatchObject({ status: 'opted-out' });
    expect(await h.stack.store.campaigns.isDoNotCall(phone)).toBe(true);
    await jump(60 * 60);
    await available('1003');
    await round();
    expect(await callsTo(phone)).toHaveLength(1);
  });
});

describe('opting out and windows', () => {
  it('a STOP text keeps the number from every later attempt', async () => {
    const phone = number();
    const id = await campaign([phone], {}, 'paused');
    const res = await post('/sim/messages', { from: phone, to: RESCUE, body: 'STOP' });
    expect(res.ok).toBe(true);
    await h.stack.channels.queue.idle();
    const c = await h.stack.store.campaigns.get(id);
    await h.stack.store.campaigns.update(id, c?.version ?? 0, { status: 'running' });
    await available('1003');
    await round();
    expect(await callsTo(phone)).toEqual([]);
    expect(await contact(id, 1)).toMatchObject({ status: 'opted-out' });
  });

  it('calls a contact only inside the window in their own time', async () => {
    const shanghai = number();
    const newYork = '+12125550147';
    const unknownZone = '+12125550148';
    await script(
      { number: shanghai, answer: 'no-answer' },
      { number: newYork, answer: 'no-answer' },
      { number: unknownZone, answer: 'no-answer' },
    );
    const id = await campaign([{ phone: newYork, timeZone: 'America/New_York' }, unknownZone, shanghai]);
    await available('1003');
    await available('1004');
    expect(await round()).toMatchObject({ dialled: 1 });
    expect(await callsTo(newYork)).toEqual([]);
    expect(await callsTo(shanghai)).toHaveLength(1);
    // 21:00 on Sunday in New York: next 08:00 there, 13:00 UTC on Monday.
    expect((await contact(id, 1))?.nextAt).toBe('2026-03-02T13:00:00.000Z');
    // A US number with no zone on its row must be inside the window in every US zone: 08:00 in Adak.
    expect((await contact(id, 2))?.nextAt).toBe('2026-03-02T18:00:00.000Z');
  });

  it('an idle campaign never dials', async () => {
    const phone = number();
    await campaign([phone], {}, 'draft');
    await campaign([phone], {}, 'paused');
    await available('1003');
    expect(await round()).toMatchObject({ dialled: 0 });
    expect(await callsTo(phone)).toEqual([]);
  });
});

describe('preview dialling', () => {
  it('rings the agent with the contact on the task, then dials the contact; the agent hangs up and wraps up', async () => {
    const phone = number();
    await script({ number: phone, answer: 'human', afterSeconds: 1 });
    const id = await campaign([phone], {
      mode: 'preview',
      scriptId: 'warranty-g-inquiry',
      questionnaireId: 'follow-up-visit',
    });
    await available('1003');
    expect(await round()).toMatchObject({ dialled: 1 });
    const agentLeg = (await callsTo('client:1003')).at(-1);
    expect(agentLeg?.status).toBe('in-progress');
    await h.advance(2);
    const [customerLeg] = await callsTo(phone);
    expect(customerLeg).toMatchObject({ from: RESCUE, status: 'in-progress' });
    expect(await contact(id, 1)).toMatchObject({
      status: 'calling',
      callSid: agentLeg?.callSid,
      agentId: '1003',
    });
    const record = await h.stack.store.calls.get(agentLeg?.callSid ?? '');
    expect(record).toMatchObject({ campaignId: id, contactId: '000001', agentId: '1003' });

    // The questionnaire beside the call: the agent records answers on the contact; a colleague may not.
    const agent = await asAgent('1003');
    const view = (await (await agent('GET', `/calls/${agentLeg?.callSid}/campaign`)).json()) as {
      questionnaire?: { id: string };
    };
    expect(view.questionnaire?.id).toBe('follow-up-visit');
    const wrong = await agent('POST', `/calls/${agentLeg?.callSid}/campaign-answers`, {
      answers: { solved: 'yes', nope: 1 },
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('body.answers.nope');
    const answered = await agent('POST', `/calls/${agentLeg?.callSid}/campaign-answers`, {
      answers: { solved: true, score: 9 },
    });
    expect(answered.status).toBe(200);
    expect((await contact(id, 1))?.answers).toEqual({ solved: true, score: 9 });
    const colleague = await asAgent('1004');
    expect((await colleague('GET', `/calls/${agentLeg?.callSid}/campaign`)).status).toBe(403);

    // The agent's leg dials the contact straight: no conference to hold, and the agent ends it from the desk.
    expect((await agent('POST', '/agent/call/hold', { hold: true })).status).toBe(409);
    expect((await agent('POST', '/agent/call/hangup')).status).toBe(200);
    await h.advance(1);
    expect((await callsTo(phone))[0]?.status).toBe('completed');
    expect((await h.worker('1003')).activityName).toBe('Wrap-up');
    expect(await contact(id, 1)).toMatchObject({ status: 'done' });
    const saved = await agent('POST', `/calls/${agentLeg?.callSid}/wrap-up`, {
      disposition: 'call-later',
    });
    expect(saved.status).toBe(200);
    // Not final: back in line after the no-answer delay.
    expect(await contact(id, 1)).toMatchObject({ status: 'pending', disposition: 'call-later' });
    expect(await counts(id)).toMatchObject({ humans: 1, pending: 1, done: 0 });
    // Wrap-up over, the task is done: the agent is free for the next campaign's calls.
    expect((await agent('POST', '/agent/wrap-up/end')).status).toBe(200);
  });
});

describe('predictive dialling', () => {
  it('places more calls than free agents at its ratio, and falls back to one per agent over the abandon cap', async () => {
    const phones = [number(), number(), number(), number(), number(), number()];
    await script(...phones.map((p) => ({ number: p, answer: 'no-answer' })));
    const id = await campaign(phones, { mode: 'predictive' });
    const repo = h.stack.store.campaigns;
    const c = await repo.get(id);
    // A ratio the minute's adjustment set a moment ago: two lines per free agent.
    await repo.update(id, c?.version ?? 0, {
      dialRatio: 2,
      pacing: { at: new Date(h.clock.now()).toISOString(), abandoned: 0, humans: 0 },
    });
    await available('1003');
    await available('1004');
    expect(await round()).toMatchObject({ dialled: 4 });
    expect(await counts(id)).toMatchObject({ inFlight: 4 });
    // Every call rings out; then the campaign is over its cap (1 abandoned of 10 people).
    await h.advance(30);
    expect(await counts(id)).toMatchObject({ inFlight: 0, noAnswer: 4 });
    await repo.count(id, { humans: 10, abandoned: 1 });
    expect(await round()).toMatchObject({ dialled: 2 });
  });
});

describe('voice broadcast', () => {
  it('plays the message to a person, who presses 1 for an agent; a machine gets it after the beep', async () => {
    const person = number();
    const machine = number();
    await script(
      { number: person, answer: 'human', afterSeconds: 1 },
      { number: machine, answer: 'machine', afterSeconds: 1, greetingSeconds: 6 },
    );
    const message = { zh: '您的车辆保养即将到期，欢迎预约。', en: 'Your car service is due soon.' };
    const id = await campaign([person, machine], { mode: 'broadcast', machine: 'message', message });
    await available('1003');
    expect(await round()).toMatchObject({ dialled: 2 });
    await h.advance(12);
    const [personLeg] = await callsTo(person);
    const heard = (await h.view(personLeg?.callSid ?? '')).heard.map((x) => x.text);
    expect(heard).toContain(message.zh);
    await h.press(personLeg?.callSid ?? '', '1');
    await h.advance(8);
    expect(await h.agentOn(personLeg?.callSid ?? '')).toBe('1003');

    const [machineLeg] = await callsTo(machine);
    await h.advance(10);
    expect((await h.view(machineLeg?.callSid ?? '')).heard.map((x) => x.text)).toContain(message.zh);
    expect(await contact(id, 2)).toMatchObject({ status: 'done', lastOutcome: 'machine' });
    expect(await counts(id)).toMatchObject({ humans: 1, machines: 1 });
  });
});
