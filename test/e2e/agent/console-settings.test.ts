// Queues and wrap-up settings change the running center without a restart (local stack, manual clock):
// a lowered waiting limit turns the next caller away, a shorter wrap-up time ends the next wrap-up sooner,
// and a code an admin adds is offered on the desk's next call and accepted on its wrap-up while a hidden
// one is refused (and still labels the calls that recorded it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flows } from '../../../flows/index.js';
import { type AgentHarness, type Session, startAgents, WARRANTY } from './support.js';

let h: AgentHarness;
let admin: Session;
let agent: Session;

beforeAll(async () => {
  h = await startAgents();
  admin = await h.as('admin');
  agent = await h.as('1002');
  await h.party('1002', 'answer');
}, 60_000);
afterAll(() => h.stop());

/** A caller unknown to the center who picks Chinese and the general queue. */
const sim = async <T>(path: string, body: unknown) => {
  const res = await fetch(`${h.stack.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as T;
};

async function caller(n: number): Promise<string> {
  const { callSid } = await sim<{ callSid: string }>('/sim/calls', {
    from: `+8613911112${String(n).padStart(3, '0')}`,
    to: WARRANTY,
    listen: false,
  });
  for (const digits of ['1', '7']) await sim(`/sim/calls/${callSid}/input`, { digits, listen: 'before' });
  await h.settle();
  return callSid;
}

describe('the queues setting', () => {
  it('a lowered waiting limit turns the next caller away, and a raised one lets callers wait again', async () => {
    await admin.put('/admin/queues', { queues: { general: { serviceLevelSeconds: 20, maxWaiting: 1 } } });
    const first = await caller(1);
    const second = await caller(2);
    // The caller turned away hears the lines are busy, then the voicemail prompt.
    await sim(`/sim/calls/${second}/listen`, {});
    expect((await h.stack.store.calls.get(first))?.disposition).not.toBe('queue-full');
    expect((await h.stack.store.calls.get(second))?.disposition).toBe('queue-full');
    await admin.put('/admin/queues', { queues: { general: { serviceLevelSeconds: 20, maxWaiting: 5 } } });
    const third = await caller(3);
    await sim(`/sim/calls/${third}/listen`, { until: 'input' });
    expect((await h.stack.store.calls.get(third))?.disposition).not.toBe('queue-full');
    for (const sid of [first, second, third]) await h.hangup(sid);
  }, 60_000);
});

describe('the wrap-up setting', () => {
  let recorded = '';
  const warranty = flows.warranty?.dispositions ?? [];

  it('offers an added code on the next call, refuses a hidden one, and ends wrap-up at the new time', async () => {
    await admin.put('/admin/wrap-up', {
      hotlines: {
        warranty: {
          seconds: 12,
          dispositions: [
            ...warranty.map((d) => (d.code === 'wrong-number' ? { ...d, hidden: true } : d)),
            { code: 'gearbox-swap', label: { zh: '更换变速箱', en: 'Gearbox swapped' } },
          ],
        },
      },
    });
    await agent.post('/agent/state', { state: 'Available' });
    const sid = await h.callGeneral();
    expect((await agent.get<{ state: string }>('/agent/me')).state).toBe('On call');
    const offered = await agent.get<{ dispositions: { code: string }[] }>(`/calls/${sid}/dispositions`);
    const codes = offered.dispositions.map((d) => d.code);
    expect(codes).toContain('gearbox-swap');
    expect(codes).not.toContain('wrong-number');
    await h.hangup(sid);
    const wrapping = await agent.get<{ state: string; since: string; wrapUpEndsAt?: string }>('/agent/me');
    expect(wrapping.state).toBe('Wrap-up');
    // The desk's countdown is the server's: the hotline's 12 s from the start of wrap-up.
    expect(Date.parse(wrapping.wrapUpEndsAt ?? '') - Date.parse(wrapping.since)).toBe(12_000);
    expect(await agent.fail(`/calls/${sid}/wrap-up`, { disposition: 'wrong-number' })).toEqual({
      status: 400,
      error: 'validation',
    });
    await agent.post(`/calls/${sid}/wrap-up`, { disposition: 'gearbox-swap', notes: 'New gearbox' });
    await h.advance(11);
    expect((await agent.get<{ state: string }>('/agent/me')).state).toBe('Wrap-up');
    await h.advance(2);
    expect((await agent.get<{ state: string }>('/agent/me')).state).not.toBe('Wrap-up');
    expect(await h.stack.store.calls.get(sid)).toMatchObject({ disposition: 'gearbox-swap' });
    recorded = sid;
    await agent.post('/agent/state', { state: 'Offline' });
  }, 60_000);

  it('keeps the label of a code hidden after calls recorded it', async () => {
    const call = await h.stack.store.calls.get(recorded);
    expect(call?.customerId).toBeDefined();
    await admin.put('/admin/wrap-up', {
      hotlines: {
        warranty: {
          dispositions: [
            ...warranty,
            { code: 'gearbox-swap', label: { zh: '更换变速箱', en: 'Gearbox swapped' }, hidden: true },
          ],
        },
      },
    });
    const customerId = call?.customerId ?? '';
    const timeline = await admin.get<{
      items: { kind: string; callSid?: string; dispositionLabel?: unknown }[];
    }>(`/customers/${customerId}/timeline`);
    const entry = timeline.items.find((e) => e.kind === 'call' && e.callSid === call?.callSid);
    expect(entry?.dispositionLabel).toEqual({
      zh: '更换变速箱',
      en: 'Gearbox swapped',
    });
  }, 60_000);
});
