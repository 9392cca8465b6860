// Routing and waiting end to end (warranty line, Monday 10:00 Shanghai, manual clock): VIP overtaking,
// wrap-up ending after 30 s, the owner agent first and the fallback after 20 s, the most proficient agent
// first, overflow after 60 s, position and wait messages, callback keeping its place, voicemail, the
// maximum wait and a full queue (its waiting limit set on the console).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { routing as routingData } from '../../../flows/routing.js';
import { replaceQueues } from '../../../functions/app/queue-settings.js';
import { type IvrHarness, startIvr, WARRANTY } from './support.js';

let h: IvrHarness;
const live: string[] = [];
beforeAll(async () => {
  h = await startIvr('2026-03-02T02:00:00Z');
  for (const agent of ['1001', '1002', '1003', '1004']) await h.answering(agent);
});
afterAll(() => h.stop());
afterEach(async () => {
  for (const sid of live.splice(0)) if ((await h.view(sid)).status !== 'completed') await h.hangup(sid);
  for (const agent of ['1001', '1002', '1003', '1004']) await h.setActivity(agent, 'Offline');
});

let next = 0;
const stranger = () => `+86139111111${String(++next).padStart(2, '0')}`;

/** An unknown caller who picks a language and a menu key; returns once they wait in the queue. */
async function queued(keys: string[], language: '1' | '2' = '1', from = stranger()) {
  const sid = await h.call(from);
  live.push(sid);
  await h.press(sid, language);
  for (const k of keys) await h.press(sid, k);
  const joinedAt = new Date(h.clock.now()).toISOString();
  await h.heardNew(sid);
  return { sid, from, joinedAt };
}

/**
 * A caller who keys ahead through menus they know, as soon as each listens, without hearing the replies
 * out: many such callers reach the queue within a few minutes of each other.
 */
async function keyedAhead(keys: string[], from = stranger()): Promise<string> {
  const res = await fetch(`${h.stack.url}/sim/calls`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from, to: WARRANTY, listen: false }),
  });
  const { callSid } = (await res.json()) as { callSid: string };
  live.push(callSid);
  for (const digits of keys) {
    const pressed = await fetch(`${h.stack.url}/sim/calls/${callSid}/input`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ digits, listen: 'before' }),
    });
    expect(((await pressed.json()) as { accepted: boolean }).accepted).toBe(true);
  }
  return callSid;
}

/**
 * The general queue's waiting limit, set on the console: callers keyed ahead one by one all join within a
 * minute, before any overflows to the backup queue (a caller there no longer counts as general's).
 */
const LIMIT = 5;
async function limitGeneral(): Promise<void> {
  const admin = await h.stack.store.users.get('admin');
  if (!admin) throw new Error('no demo admin');
  await replaceQueues(h.stack, admin, {
    queues: { general: { serviceLevelSeconds: 20, maxWaiting: LIMIT } },
  });
}

const tr = () => h.stack.twilio.taskrouter.v1.workspaces(h.routing.workspaceSid);
const callbackTaskOf = async (phone: string) => {
  for (const t of await tr().tasks.list({ limit: 200 })) {
    const full = await tr().tasks(t.sid).fetch();
    const attributes = JSON.parse(full.attributes) as Record<string, unknown>;
    if (attributes.type === 'callback' && attributes.callback_number === phone) return attributes;
  }
  return undefined;
};
const taskOf = async (callSid: string) => {
  for (const t of await tr().tasks.list({ limit: 200 })) {
    const full = await tr().tasks(t.sid).fetch();
    if (JSON.parse(full.attributes).call_sid === callSid) return full;
  }
  return undefined;
};

describe('priority and wrap-up', () => {
  it('puts a VIP ahead of a normal caller; the agent wraps up for 30 s, then is available again', async () => {
    const normal = await queued(['7'], '2');
    await h.advance(5);
    const vip = await h.call('+14155550123'); // John Smith, platinum
    live.push(vip);
    await h.press(vip, '7');
    await h.setActivity('1002', 'Available');
    expect(await h.agentOn(vip)).toBe('1002');
    expect(await h.agentOn(normal.sid)).toBeNull();
    expect(await h.stack.store.calls.get(vip)).toMatchObject({ agentId: '1002', queue: 'general' });
    const vipTask = await taskOf(vip);
    expect(vipTask?.priority).toBe(routingData.vipPriority.platinum);

    await h.hangup(vip);
    expect((await h.worker('1002')).activityName).toBe('Wrap-up');
    expect(
      (
        await tr()
          .tasks(vipTask?.sid ?? '')
          .fetch()
      ).assignmentStatus,
    ).toBe('wrapping');
    await h.advance(29);
    expect((await h.worker('1002')).activityName).toBe('Wrap-up');
    expect(await h.agentOn(normal.sid)).toBeNull();
    await h.advance(1);
    expect(
      (
        await tr()
          .tasks(vipTask?.sid ?? '')
          .fetch()
      ).assignmentStatus,
    ).toBe('completed');
    const audit = await h.stack.store.audit.byActor('system');
    expect(audit.items.some((a) => a.action === 'wrapup.ended' && a.target === vipTask?.sid)).toBe(true);
    // Available again: the waiting caller is put through, and today's call count went up.
    expect(await h.agentOn(normal.sid)).toBe('1002');
    expect((await h.worker('1002')).attributes).toMatchObject({ calls_today: 1 });
  });
});

describe('owner agent, fallback and overflow', () => {
  async function claimCall() {
    const sid = await h.call('+8613800138000'); // 王建国, owner 1001, east-china
    live.push(sid);
    await h.press(sid, '1');
    await h.say(sid, '王建国');
    await h.press(sid, '2024000101');
    await h.say(sid, '刹车异响');
    return sid;
  }

  it('gives the call to the customer’s own agent even when another is idle longer', async () => {
    await h.setActivity('1003', 'Available');
    await h.setActivity('1003', 'Busy');
    await h.setActivity('1001', 'Available');
    await h.setActivity('1003', 'Available');
    const sid = await claimCall();
    expect((await h.stack.store.calls.get(sid))?.agentId).toBe('1001');
    expect(await h.agentOn(sid)).toBe('1001');
  });

  it('falls back to the claims group after 20 s when the owner is away', async () => {
    await h.setActivity('1003', 'Available');
    const sid = await claimCall();
    await h.advance(19);
    expect(await h.agentOn(sid)).toBeNull();
    await h.advance(1);
    expect(await h.agentOn(sid)).toBe('1003');
    expect((await h.stack.store.calls.get(sid))?.agentId).toBe('1003');
  });

  it('overflows to the backup queue after 60 s', async () => {
    await h.setActivity('1004', 'Available'); // general and support, not policy
    const { sid } = await queued(['3', '1']); // policy questions, Chinese
    await h.advance(59);
    expect(await h.agentOn(sid)).toBeNull();
    await h.advance(1);
    expect(await h.agentOn(sid)).toBe('1004');
    expect((await h.stack.store.calls.get(sid))?.agentId).toBe('1004');
  });
});

describe('skill levels', () => {
  it('offers the caller to the most proficient free agent, even when another is idle longer', async () => {
    const sid1003 = h.routing.workers['1003'] ?? '';
    const before = (await h.worker('1003')).attributes;
    // What the users API writes when an admin grades 1003 at 5 in general inquiries (1002 keeps the default).
    await tr()
      .workers(sid1003)
      .update({ attributes: JSON.stringify({ ...before, level_general: 5 }) });
    try {
      await h.setActivity('1002', 'Available');
      await h.advance(5);
      await h.setActivity('1003', 'Available');
      const { sid } = await queued(['7'], '2'); // general inquiries, English: both speak it
      expect(await h.agentOn(sid)).toBe('1003');
    } finally {
      await tr()
        .workers(sid1003)
        .update({ attributes: JSON.stringify(before) });
    }
  });
});

describe('waiting in the queue', () => {
  it('repeats position and estimated wait, and keeps a callback caller’s place', async () => {
    const first = await queued(['7']);
    await h.advance(10);
    const second = await queued(['7']);
    expect((await h.view(second.sid)).heard.map((x) => x.text)).toContain(
      '您前面还有1位客户，预计等待约4分钟。',
    );
    await h.advance(30);
    expect(await h.heardNew(first.sid)).toContain('您前面还有0位客户，预计等待约2分钟。');
    await h.press(first.sid, '1');
    expect(await h.heardNew(first.sid)).toEqual(['好的，我们会按照您原来的排队顺序给您回电。再见。']);
    expect((await h.view(first.sid)).status).toBe('completed');
    // Stored as an autoDial task, already handed to TaskRouter (in progress), linked from its attributes.
    const routed = await callbackTaskOf(first.from);
    const callback = await h.stack.store.tasks.get(String(routed?.callback_task_id));
    expect(callback).toMatchObject({
      kind: 'callback',
      status: 'in-progress',
      autoDial: true,
      phone: first.from,
      callerId: '+18005550100',
      queue: 'general',
      language: 'zh',
    });
    // The place kept is when the caller joined, as far as the app can know it: QueueTime is whole seconds.
    expect(Math.abs(Date.parse(String(callback?.enqueuedAt)) - Date.parse(first.joinedAt))).toBeLessThan(
      1000,
    );
    expect((await h.stack.store.calls.get(first.sid))?.disposition).toBe('callback-requested');
    // The next free agent gets the callback before the caller who joined after it.
    await h.setActivity('1004', 'Available');
    expect(await h.agentOn(second.sid)).toBeNull();
    const calls = (await (await fetch(`${h.stack.url}/sim/calls`)).json()) as { calls: { to: string }[] };
    expect(calls.calls.some((c) => c.to === first.from)).toBe(true);
  });

  it('promises no callback to a number the dialling policy refuses: the caller is told and leaves a voicemail', async () => {
    const satellite = '+882164123456';
    const { sid } = await queued(['7'], '1', satellite);
    await h.listen(sid, 'input'); // the position, then the offer of a callback or voicemail
    await h.heardNew(sid);
    await h.press(sid, '1');
    expect(await h.heardNew(sid)).toEqual([
      '抱歉，我们无法回拨您的号码。请在提示音后留言，我们会尽快与您联系。',
      '请在提示音后留言，按井号键结束。',
      '',
    ]);
    expect(await callbackTaskOf(satellite)).toBeUndefined();
    const audit = await h.stack.store.audit.byActor('system');
    // Other entries by the center may share the manual clock's instant: pick the refusal by its number.
    expect(audit.items.find((e) => e.action === 'dial.refused' && e.target === satellite)).toMatchObject({
      action: 'dial.refused',
      target: satellite,
      detail: expect.objectContaining({ purpose: 'callback', reason: 'international-network' }),
    });
  });

  it('takes a voicemail when the caller presses 2, linked to the queue, with a task', async () => {
    const { sid, from } = await queued(['7']);
    await h.listen(sid, 'input'); // the position, then the offer of a callback or voicemail
    await h.heardNew(sid);
    await h.press(sid, '2');
    expect(await h.heardNew(sid)).toEqual(['请在提示音后留言，按井号键结束。', '']);
    await h.say(sid, '请给我回电话');
    await h.advance(5);
    expect(await h.heardNew(sid)).toEqual(['您的留言已收到，我们会尽快回复您。再见。']);
    const call = await h.stack.store.calls.get(sid);
    expect(call?.disposition).toBe('voicemail');
    const recordingSid = call?.recordingSids[0] ?? '';
    const voicemail = await h.stack.store.voicemails.get(recordingSid);
    expect(voicemail).toMatchObject({
      callSid: sid,
      caller: from,
      queue: 'general',
      status: 'new',
      reason: 'caller-choice',
    });
    const task = await h.stack.store.tasks.get(voicemail?.taskId ?? '');
    expect(task).toMatchObject({
      kind: 'callback',
      phone: from,
      queue: 'general',
      note: `voicemail ${recordingSid}`,
    });
  });

  it('after the maximum wait offers callback or voicemail, and takes a voicemail when nothing is pressed', async () => {
    const { sid } = await queued(['7']);
    await h.advance(routingData.maxWaitSeconds);
    // The offer comes with the first announcement after the maximum wait: a round of the wait document is
    // the position, the offer and a piece of music, then announceEverySeconds of silence.
    await h.advance(90);
    const heard = await h.heardNew(sid);
    expect(heard).toContain('非常抱歉，坐席仍然忙碌。保留排队位置并由我们回电请按1，留言请按2。');
    expect(heard).toContain('请在提示音后留言，按井号键结束。');
  });

  it('sends callers beyond the queue’s waiting limit to voicemail', async () => {
    await limitGeneral();
    for (let i = 0; i < LIMIT; i++) await keyedAhead(['1', '7']);
    const sid = await keyedAhead(['1', '7']);
    await h.listen(sid);
    const heard = (await h.view(sid)).heard.map((x) => x.text);
    expect(heard).toContain('非常抱歉，目前所有线路都忙。');
    expect(heard.at(-2)).toBe('请在提示音后留言，按井号键结束。');
    expect((await h.stack.store.calls.get(sid))?.disposition).toBe('queue-full');
  });

  it('lets a whitelisted caller wait in a full queue, even one that was blacklisted before', async () => {
    await limitGeneral();
    for (let i = 0; i < LIMIT; i++) await keyedAhead(['1', '7']);
    const vip = stranger();
    await h.stack.store.blacklist.put({ phone: vip, reason: 'spam calls', createdBy: 'sup' });
    await h.stack.store.blacklist.put({
      phone: vip,
      action: 'allow',
      reason: 'fleet driver',
      createdBy: 'sup',
    });
    const sid = await keyedAhead(['1', '7'], vip);
    await h.listen(sid);
    const heard = (await h.view(sid)).heard.map((x) => x.text);
    expect(heard).not.toContain('非常抱歉，目前所有线路都忙。');
    expect((await h.view(sid)).status).toBe('in-progress');
    expect((await h.stack.store.calls.get(sid))?.disposition).not.toBe('queue-full');
    // The next caller who is not whitelisted is still turned away.
    const other = await keyedAhead(['1', '7']);
    await h.listen(other);
    expect((await h.stack.store.calls.get(other))?.disposition).toBe('queue-full');
  });
});
