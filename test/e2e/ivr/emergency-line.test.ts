// The emergency rescue line end to end (Monday 10:00 Shanghai, manual clock): no menu, one greeting in both
// languages, then straight to a rescue dispatcher; queued ahead of every caller already waiting on the
// rescue line, members and urgent rescues included; a blacklisted number is still put through, and a
// queue beyond its waiting-caller limit still takes emergency callers.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { routing } from '../../../flows/routing.js';
import { EMERGENCY, type IvrHarness, RESCUE, startIvr } from './support.js';

const GREETING = [
  '紧急救援专线，正在为您优先接通救援调度员。',
  'Emergency rescue line. Putting you through to a dispatcher now.',
];

let h: IvrHarness;
const live: string[] = [];
beforeAll(async () => {
  h = await startIvr('2026-03-02T02:00:00Z');
  await h.answering('1003'); // 李强: rescue dispatcher (rescue, claims, general)
}, 60_000);
afterAll(() => h.stop());
afterEach(async () => {
  for (const sid of live.splice(0)) if ((await h.view(sid)).status !== 'completed') await h.hangup(sid);
  // The dispatcher's wrap-up ends (its task completes), so their next call is a new one.
  await h.advance(35);
  await h.setActivity('1003', 'Offline');
});

async function call(from: string, to = EMERGENCY): Promise<string> {
  const sid = await h.call(from, to);
  live.push(sid);
  return sid;
}

/** A rescue-line caller who asks for a rescue (key 1, then where they are): an urgent ticket, priority 50. */
async function rescueCaller(from: string): Promise<string> {
  const sid = await call(from, RESCUE);
  await h.press(sid, '1');
  await h.say(sid, '外环高速，车子抛锚了');
  return sid;
}

describe('the emergency rescue line', () => {
  it('puts a caller through to a free rescue dispatcher with no menu', async () => {
    await h.setActivity('1003', 'Available');
    const sid = await call('+8613900007001');
    // The greeting, then (while the dispatcher's phone rings) the queue's first word.
    expect((await h.heardNew(sid)).slice(0, 2)).toEqual(GREETING);
    expect(await h.agentOn(sid)).toBe('1003');
    // The task says why it came first, for the dispatcher and the reports.
    const ws = h.stack.twilio.taskrouter.v1.workspaces(h.routing.workspaceSid);
    // Lists leave attributes out, as TaskRouter's do: each task is read on its own.
    const tasks = await Promise.all((await ws.tasks.list()).map((t) => ws.tasks(t.sid).fetch()));
    const task = tasks.find((t) => JSON.parse(t.attributes).call_sid === sid);
    expect(task?.priority).toBe(100);
    expect(JSON.parse(task?.attributes ?? '{}')).toMatchObject({ emergency: true, queue: 'rescue' });
  });

  it('offers the emergency caller first when rescue callers are already waiting', async () => {
    const member = await rescueCaller('+8613912345678'); // 李秀英, silver: 50 + 5
    const other = await rescueCaller('+8613900007002');
    const sid = await call('+8613900007003');
    expect((await h.view(sid)).queueSid).not.toBeNull();
    await h.setActivity('1003', 'Available');
    expect(await h.agentOn(sid)).toBe('1003');
    expect(await h.agentOn(member)).toBeNull();
    expect(await h.agentOn(other)).toBeNull();
  });

  it('connects a blacklisted number all the same', async () => {
    await h.stack.store.blacklist.put({
      phone: '+8613900004444',
      reason: 'abusive calls',
      createdBy: 'admin',
    });
    await h.setActivity('1003', 'Available');
    const sid = await call('+8613900004444');
    // The greeting, then (while the dispatcher's phone rings) the queue's first word.
    expect((await h.heardNew(sid)).slice(0, 2)).toEqual(GREETING);
    expect(await h.agentOn(sid)).toBe('1003');
    expect((await h.stack.store.calls.get(sid))?.disposition).not.toBe('blacklisted');
  });

  it('keeps an emergency caller in line past the longest wait, where other callers are steered to voicemail', async () => {
    const sid = await call('+8613900007004');
    await h.advance(routing.maxWaitSeconds + 40);
    const v = await h.view(sid);
    expect(v.status).toBe('in-progress');
    expect(v.queueSid).not.toBeNull();
    expect(v.heard.map((x) => x.text).some((t) => t.startsWith('非常抱歉，坐席仍然忙碌'))).toBe(false);
  }, 120_000);

  it('keeps every emergency caller waiting beyond the queue limit, where another line says all lines are busy', async () => {
    const callers: string[] = [];
    for (let i = 0; i <= routing.maxQueueLength; i++)
      callers.push(await call(`+86139001${String(i).padStart(5, '0')}`));
    for (const sid of callers) {
      const v = await h.view(sid);
      expect(v.status).toBe('in-progress');
      expect(v.queueSid).not.toBeNull();
      expect(v.heard.map((x) => x.text)).not.toContain('非常抱歉，目前所有线路都忙。');
    }
  }, 120_000);
});
