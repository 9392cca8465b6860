// A rush on the local stack (warranty line, Monday 10:00 Shanghai, manual clock): with 50 agents free and
// 50 callers reaching the queue together, every caller reaches an agent. The queue's length limit is for
// callers left waiting, so none of these is told the lines are busy and sent to voicemail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routing as routingData } from '../../../flows/routing.js';
import { provisionRouting } from '../../../functions/adapters/twilio/provision-taskrouter.js';
import type { ProvisionedRouting } from '../../../functions/domain/routing/provisioned.js';
import { type IvrHarness, startIvr, WARRANTY } from './support.js';

const RUSH = 50;
/** People pick up after a few rings; meanwhile their callers are still in the queue. */
const ANSWER_AFTER_MS = 4000;
const ALL_REGIONS = [...new Set(Object.values(routingData.regionsByPrefix))];

let h: IvrHarness;
let provisioned: ProvisionedRouting;
const agents: string[] = [];
beforeAll(async () => {
  h = await startIvr('2026-03-02T02:00:00Z');
  // Agents who can take any caller on the line: general skill, both languages, every region. The demo
  // agents stay Offline: not all of them take the general queue.
  for (let i = 1; agents.length < RUSH; i++) {
    const id = String(3000 + i);
    const made = await h.stack.store.users.create({
      id,
      name: `Rush agent ${id}`,
      roles: ['agent'],
      skills: ['general'],
      languages: ['zh', 'en'],
      regions: ALL_REGIONS,
      disabled: false,
      passwordHash: 'unused',
    });
    if (!made.ok) throw new Error(`user ${id}: ${made.reason}`);
    agents.push(id);
  }
  provisioned = await provisionRouting(h.stack.twilio, h.stack.store, routingData, h.stack.url);
  const available = provisioned.activities[routingData.roles.available] ?? '';
  const ws = h.stack.twilio.taskrouter.v1.workspaces(provisioned.workspaceSid);
  for (const id of agents) {
    await fetch(`${h.stack.url}/sim/parties`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ address: `client:${id}`, policy: 'answer', answerAfterMs: ANSWER_AFTER_MS }),
    });
    await ws.workers(provisioned.workers[id] ?? '').update({ activitySid: available });
  }
  await h.stack.twin.settle();
}, 120_000);
afterAll(() => h.stop());

/** A Chinese-speaking caller from Shanghai who keys ahead to the general queue without hearing prompts out. */
async function rushIn(n: number): Promise<string> {
  const sim = async (path: string, body: unknown) =>
    (await fetch(`${h.stack.url}/sim${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((r) => r.json())) as Record<string, unknown>;
  const from = `+86213${String(n).padStart(7, '0')}`;
  const { callSid } = (await sim('/calls', { from, to: WARRANTY, listen: false })) as { callSid: string };
  for (const digits of ['1', '7']) {
    const pressed = await sim(`/calls/${callSid}/input`, { digits, listen: 'before' });
    if (pressed.accepted !== true) throw new Error(`${callSid} did not take ${digits}`);
  }
  return callSid;
}

describe('a rush of callers with as many agents free', () => {
  it(`puts all ${RUSH} callers through to an agent and none to voicemail`, async () => {
    const callers = await Promise.all(Array.from({ length: RUSH }, (_, i) => rushIn(i + 1)));
    await h.stack.twin.settle();
    for (let s = 0; s < routingData.ringSeconds; s++) await h.advance(1);
    const fates = await Promise.all(
      callers.map(async (sid) => ({
        agent: await h.agentOn(sid),
        disposition: (await h.stack.store.calls.get(sid))?.disposition,
      })),
    );
    expect(fates.filter((f) => f.disposition === 'queue-full')).toHaveLength(0);
    expect(fates.filter((f) => f.agent !== null)).toHaveLength(RUSH);
    expect(new Set(fates.map((f) => f.agent)).size).toBe(RUSH);
  }, 180_000);
});
