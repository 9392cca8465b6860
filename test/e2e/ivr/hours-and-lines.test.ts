// Hours, holidays, the blacklist and the other two hotlines end to end: after-hours voicemail, a public
// holiday and a make-up working day on the IT support line, blacklisted callers stopped before the IVR
// (message or reject), rescue calls jumping the queue and IT support fault tickets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IvrHarness, RESCUE, SUPPORT, startIvr, WARRANTY } from './support.js';

let h: IvrHarness;
// Sunday 2026-09-20 10:00 Shanghai: a make-up working day (国庆节调休).
beforeAll(async () => {
  h = await startIvr('2026-09-20T02:00:00Z');
});
afterAll(() => h.stop());

describe('IT support line: holiday calendar', () => {
  it('is open on a make-up working day although it is a Sunday, and logs a fault ticket', async () => {
    const sid = await h.call('+8613900001111', SUPPORT);
    expect((await h.heardNew(sid))[0]).toBe('您好，欢迎致电技术支持热线。');
    await h.press(sid, '1');
    await h.press(sid, '100001');
    await h.press(sid, '#');
    expect((await h.heardNew(sid)).slice(1)).toEqual(['王建国，您好。', '请说出需要报修的设备名称或型号。']);
    await h.say(sid, 'ThinkPad X1');
    await h.say(sid, '开机蓝屏');
    const heard = await h.heardNew(sid);
    expect(heard[1]).toMatch(/^故障单已登记，编号 F L T 2 0 2 6/);
    const tickets = await h.stack.store.tickets.byCustomer('cus-0001');
    expect(tickets.items.find((t) => t.callSids.includes(sid))).toMatchObject({
      type: 'fault',
      subject: '设备故障 ThinkPad X1',
      description: '开机蓝屏',
    });
    expect((await h.view(sid)).queueSid).not.toBeNull();
    await h.hangup(sid);
  });

  it('is closed on a public holiday: says the hours, takes a voicemail for support', async () => {
    // To Thursday 2026-10-01 10:00 Shanghai (National Day).
    await h.advance(0);
    await h.clock.advance(Date.parse('2026-10-01T02:00:00Z') - h.clock.now());
    const sid = await h.call('+8613900002222', SUPPORT);
    const heard = await h.heardNew(sid);
    expect(heard[0]).toBe(
      '您好，这里是技术支持热线。我们的服务时间是周一至周五09:00至18:00，法定节假日休息。请在提示音后留言，工程师上班后会尽快联系您。',
    );
    expect(heard[1]).toMatch(/^This is IT support\. We are open Monday to Friday from 09:00 to 18:00/);
    expect(await h.stack.store.calls.get(sid)).toMatchObject({ disposition: 'after-hours' });
    await h.say(sid, '电脑坏了请回电');
    await h.advance(5);
    expect((await h.heardNew(sid)).at(-1)).toBe('您的留言已收到，我们会尽快回复您。再见。');
    const recordingSid = (await h.stack.store.calls.get(sid))?.recordingSids[0] ?? '';
    expect(await h.stack.store.voicemails.get(recordingSid)).toMatchObject({
      queue: 'support',
      reason: 'after-hours',
      caller: '+8613900002222',
    });
  });
});

describe('a known caller after hours', () => {
  it("leaves the message under their name, in their owner agent's box, with the callback theirs", async () => {
    // Still the holiday: 王建国 (cus-0001) rings the closed support line from the number on his record.
    const sid = await h.call('+8613800138000', SUPPORT);
    await h.heardNew(sid);
    await h.say(sid, '打印机又坏了');
    await h.advance(5);
    const recordingSid = (await h.stack.store.calls.get(sid))?.recordingSids[0] ?? '';
    expect(await h.stack.store.voicemails.get(recordingSid)).toMatchObject({
      customerId: 'cus-0001',
      agentId: '1001', // his owner agent
      reason: 'after-hours',
      queue: 'support',
    });
  });
});

describe('warranty line after hours', () => {
  it('says the hours at 23:00 and takes a voicemail', async () => {
    await h.clock.advance(Date.parse('2026-10-01T15:00:00Z') - h.clock.now()); // 23:00 Shanghai
    const sid = await h.call('+8613900003333', WARRANTY);
    const heard = await h.heardNew(sid);
    expect(heard[0]).toBe(
      '您好，这里是爱车保服务热线。我们的服务时间是每天06:00至22:00。现在是非服务时间，请在提示音后留言，我们会尽快回复您。',
    );
    expect((await h.view(sid)).waitingFor).toBe('recording');
    await h.hangup(sid);
  });

  it("files an English-speaking customer's message in English, for a callback in their language", async () => {
    const sid = await h.call('+14155550123', WARRANTY); // John Smith (cus-0004), English on his record
    await h.heardNew(sid);
    await h.say(sid, 'Please call me back about my claim');
    await h.advance(5);
    const recordingSid = (await h.stack.store.calls.get(sid))?.recordingSids[0] ?? '';
    expect(await h.stack.store.voicemails.get(recordingSid)).toMatchObject({
      customerId: 'cus-0004',
      language: 'en',
      reason: 'after-hours',
    });
  });
});

describe('blacklist and the rescue line', () => {
  it('stops a blacklisted caller before the IVR with a message, or rejects them on a reject line', async () => {
    await h.stack.store.blacklist.put({
      phone: '+8613900004444',
      reason: 'abusive calls',
      createdBy: 'admin',
    });
    const sid = await h.call('+8613900004444', RESCUE);
    expect(await h.heardNew(sid)).toEqual([
      '对不起，本热线无法接听您的来电。再见。',
      'Sorry, this line cannot take your call. Goodbye.',
    ]);
    expect((await h.view(sid)).status).toBe('completed');
    expect(await h.stack.store.calls.get(sid)).toMatchObject({ disposition: 'blacklisted' });
    const rejected = await h.call('+8613900004444', SUPPORT);
    const view = await h.view(rejected);
    expect(view.heard).toEqual([]);
    expect(view.status).not.toBe('in-progress');
  });

  it('recognises a member, opens an urgent rescue ticket and jumps the queue', async () => {
    const waiting = await h.call('+8613900005555', RESCUE);
    await h.press(waiting, '3'); // consultation, general queue, priority 0
    const sid = await h.call('+8613912345678', RESCUE); // 李秀英 (shared home phone aside, her mobile)
    expect((await h.heardNew(sid))[0]).toBe('李秀英会员您好，欢迎致电汽车救援热线。');
    await h.press(sid, '1');
    await h.say(sid, '沪嘉高速南翔出口，车子抛锚了');
    await h.listen(sid, 'input'); // the queue's announcements, up to the offer of a callback
    const heard = await h.heardNew(sid);
    expect(heard.at(-3)).toMatch(/^救援单号 R S C 2 0 2 6/);
    expect(heard.at(-1)).toMatch(/^如需保留排队位置/);
    const ticket = (await h.stack.store.tickets.byCustomer('cus-0002')).items.find((t) =>
      t.callSids.includes(sid),
    );
    expect(ticket).toMatchObject({
      type: 'rescue',
      priority: 'urgent',
      description: '沪嘉高速南翔出口，车子抛锚了',
      // Its service-level timer runs from the call, as a ticket filed at the desk's does.
      sla: { policy: 'rescue', reminded: [], escalated: 0 },
    });
    // 1003 handles rescue and general: the rescue call (priority 50 + silver 5) goes first.
    await h.answering('1003');
    await h.setActivity('1003', 'Available');
    expect(await h.agentOn(sid)).toBe('1003');
    expect(await h.agentOn(waiting)).toBeNull();
    await h.hangup(sid);
    await h.hangup(waiting);
  });
});
