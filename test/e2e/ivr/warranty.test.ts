// The warranty hotline end to end through the twin's sim API on the local stack (manual clock, Monday
// 10:00 Shanghai): procedures A-G, claim found / not found / no information, claim status with right and
// wrong verification, Chinese and English, invalid input, silence and speech; asserting what the caller
// heard and what DynamoDB holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KB_ARTICLES } from '../../../infra/local/demo/kb-articles.js';
import { type IvrHarness, startIvr } from './support.js';

let h: IvrHarness;
beforeAll(async () => {
  h = await startIvr('2026-03-02T02:00:00Z');
});
afterAll(() => h.stop());

let next = 0;
/** A fresh unknown caller number per test, so lookups and call records do not mix. */
const stranger = () => `+86139000000${String(++next).padStart(2, '0')}`;

async function unknownCallerAtMenu(lang: '1' | '2' = '1') {
  const from = stranger();
  const sid = await h.call(from);
  await h.heardNew(sid);
  await h.press(sid, lang);
  await h.heardNew(sid);
  return { sid, from };
}

describe('warranty hotline: greeting and language', () => {
  it('greets an unknown caller, offers both languages, then reads the menu in Chinese', async () => {
    const sid = await h.call(stranger());
    const first = await h.view(sid);
    expect(first.heard.map((x) => [x.text, x.language, x.voice])).toEqual([
      ['您好，欢迎致电爱车保服务热线。', 'cmn-CN', 'Polly.Zhiyu'],
      ['普通话服务请按1。', 'cmn-CN', 'Polly.Zhiyu'],
      ['For English, press 2.', 'en-US', 'Polly.Joanna'],
    ]);
    expect(first.waitingFor).toBe('input');
    await h.heardNew(sid);
    await h.press(sid, '1');
    expect((await h.heardNew(sid))[0]).toMatch(/^理赔报案请按1；投诉请按2/);
    const call = await h.stack.store.calls.get(sid);
    expect(call).toMatchObject({ direction: 'inbound', to: '+18005550100' });
    await h.hangup(sid);
  });

  it('greets a known caller by name in their language and skips the language choice', async () => {
    const sid = await h.call('+14155550123');
    const heard = await h.heardNew(sid);
    expect(heard[0]).toBe('Hello John Smith, welcome to the Car Care warranty hotline.');
    expect(heard[1]).toMatch(/^To report a claim press 1\./);
    expect((await h.stack.store.calls.get(sid))?.customerId).toBe('cus-0004');
    await h.hangup(sid);
  });

  it('runs the English path after pressing 2', async () => {
    const { sid } = await unknownCallerAtMenu('2');
    await h.press(sid, '3');
    const heard = await h.heardNew(sid);
    expect(heard[0]).toBe(
      'Corrections to policy details are made by the used car market where you bought the car.',
    );
    expect(heard[1]).toBe(
      'The used car market can be reached at + 8 6 2 1 6 4 0 0 1 2 3 4. To speak to an agent press 1; to end the call press 2.',
    );
    await h.press(sid, '2');
    expect(await h.heardNew(sid)).toEqual(['Thank you for calling. Have a nice day. Goodbye.']);
    expect((await h.view(sid)).status).toBe('completed');
  });
});

describe('warranty hotline: procedure A, claim notification', () => {
  it('claim found: logs a claim ticket, tells and texts its number, queues to claims with the ticket', async () => {
    const { sid, from } = await unknownCallerAtMenu();
    await h.press(sid, '1');
    expect(await h.heardNew(sid)).toEqual(['请问您叫什么名字？']);
    await h.say(sid, '王建国');
    await h.heardNew(sid);
    await h.press(sid, '2024000101');
    expect(await h.heardNew(sid)).toEqual([
      '找到了您的保单 E W 2 0 2 4 0 0 0 1 0 1。请简单描述车辆出现的问题。',
    ]);
    await h.say(sid, '发动机有异响');
    const heard = await h.heardNew(sid);
    const spoken = heard[0] ?? '';
    expect(spoken).toMatch(
      /^您的理赔已登记，理赔编号是 C L M 2 0 2 6 0 0 0 0 0 \d。我们会把编号用短信发给您。$/,
    );
    expect(heard[1]).toBe('正在为您转接理赔专员，请稍候。');
    const tickets = await h.stack.store.tickets.byCustomer('cus-0001');
    const claim = tickets.items.find((t) => t.callSids.includes(sid));
    expect(claim).toMatchObject({
      type: 'claim',
      status: 'new',
      policyNumber: 'EW-2024-000101',
      assetId: 'ast-0001',
      description: '发动机有异响',
      fields: { channel: 'ivr', callerName: '王建国', callerNumber: from },
    });
    expect((await h.stack.store.calls.get(sid))?.ticketNumbers).toEqual([claim?.number]);
    await h.advance(1); // the text goes through the job queue, which runs on the shared clock
    const texts = await h.messagesTo(from);
    expect(texts.at(-1)?.body).toBe(
      `【爱车保】您的理赔已登记，理赔编号 ${claim?.number}，保单 EW-2024-000101。`,
    );
    expect((await h.view(sid)).queueSid).not.toBeNull();
    const tasks = await h.stack.twilio.taskrouter.v1.workspaces(h.routing.workspaceSid).tasks.list({
      assignmentStatus: ['pending'],
    });
    const task = await h.stack.twilio.taskrouter.v1
      .workspaces(h.routing.workspaceSid)
      .tasks(tasks.find((t) => t.taskQueueFriendlyName === 'claims')?.sid ?? 'missing')
      .fetch();
    expect(JSON.parse(task.attributes)).toMatchObject({
      queue: 'claims',
      language: 'zh',
      customer_id: 'cus-0001',
      policy_number: 'EW-2024-000101',
      ticket_number: claim?.number,
      owner_agent: '1001',
      region: 'east_china',
      call_sid: sid,
    });
    await h.hangup(sid);
  });

  it('claim not found: points to the used-car market, texts its number and ends', async () => {
    const { sid, from } = await unknownCallerAtMenu();
    await h.press(sid, '1');
    await h.say(sid, '李四');
    await h.say(sid, 'LSVAU2180K9999999');
    const heard = await h.heardNew(sid);
    expect(heard.at(-2)).toMatch(
      /^李四，很抱歉，系统中没有找到您的保单。.*电话是 \+ 8 6 2 1 6 4 0 0 1 2 3 4/,
    );
    expect(heard.at(-1)).toBe('感谢您的来电，祝您愉快，再见。');
    await h.advance(1);
    expect((await h.messagesTo(from)).at(-1)?.body).toBe(
      '【爱车保】二手车市场电话：+862164001234，可为您核实和修正保单信息。',
    );
    expect((await h.view(sid)).status).toBe('completed');
  });

  it.each([
    { status: 'expired', digits: '2023000087', reason: /已过期，不在保障期内，我们无法受理这次理赔/ },
    { status: 'cancelled', digits: '2024000215', reason: /已被注销，我们无法受理这次理赔/ },
  ])(
    'a $status policy: refused with the reason, no ticket, the market texted',
    async ({ digits, reason }) => {
      const { sid, from } = await unknownCallerAtMenu();
      await h.press(sid, '1');
      await h.say(sid, '王五');
      await h.press(sid, digits);
      const heard = await h.heardNew(sid);
      expect(heard.join(' ')).toMatch(reason);
      expect(heard.at(-1)).toBe('感谢您的来电，祝您愉快，再见。');
      await h.advance(1);
      expect((await h.messagesTo(from)).at(-1)?.body).toContain('二手车市场电话');
      expect((await h.view(sid)).status).toBe('completed');
      const call = await h.stack.store.calls.get(sid);
      expect(call?.ticketNumbers ?? []).toEqual([]);
    },
  );

  it('finds a policy by plate spoken', async () => {
    const { sid } = await unknownCallerAtMenu();
    await h.press(sid, '1');
    await h.say(sid, '张先生');
    await h.heardNew(sid);
    await h.say(sid, '沪A 12345');
    expect((await h.heardNew(sid))[0]).toBe(
      '找到了您的保单 E W 2 0 2 4 0 0 0 1 0 1。请简单描述车辆出现的问题。',
    );
    await h.hangup(sid);
  });

  it('no information: apologises, gives the hours and ends without a ticket', async () => {
    const { sid } = await unknownCallerAtMenu();
    await h.press(sid, '1');
    await h.say(sid, '赵六');
    await h.heardNew(sid);
    // Star, then the gather's 10-second timeout sends it (numDigits is 10, so star alone does not end input).
    await h.press(sid, '*');
    await h.advance(10);
    await h.listen(sid); // the closing words take their time before the call ends
    expect(await h.heardNew(sid)).toEqual([
      '保单号或车辆信息是办理理赔的必要信息。很抱歉，没有这些信息我们无法为您办理理赔。您获得这些信息后，请在每天06:00至22:00再次拨打我们的服务热线。感谢您的来电，祝您愉快，再见。',
    ]);
    expect((await h.view(sid)).status).toBe('completed');
    const call = await h.stack.store.calls.get(sid);
    expect(call?.ticketNumbers).toEqual([]);
  });
});

describe('warranty hotline: the knowledge base read out', () => {
  it.each([
    { lang: '1' as const, id: 'warranty-coverage' },
    { lang: '2' as const, id: 'warranty-coverage-en' },
  ])(
    'key 0 reads the coverage article’s short answer (language key $lang), then the menu again',
    async ({ lang, id }) => {
      const article = DEMO_KB_ARTICLES.find((a) => a.id === id);
      const { sid } = await unknownCallerAtMenu(lang);
      await h.press(sid, '0');
      const heard = await h.heardNew(sid);
      expect(heard[0]).toBe(article?.summary);
      expect(heard.at(-1)).toMatch(lang === '1' ? /^理赔报案请按1/ : /^To report a claim press 1/);
      await h.hangup(sid);
    },
  );
});

describe('warranty hotline: procedures B-G', () => {
  it('B: logs a complaint and queues to complaints', async () => {
    const { sid } = await unknownCallerAtMenu();
    await h.press(sid, '2');
    expect(await h.heardNew(sid)).toEqual(['请说出您要投诉的内容。']);
    await h.say(sid, '维修站服务态度很差');
    const heard = await h.heardNew(sid);
    expect(heard[0]).toMatch(/^您的投诉已记录，编号是 C M P 2 0 2 6/);
    expect(heard[1]).toBe('正在为您转接客服专员，请稍候。');
    const open = await h.stack.store.tickets.byStatus('new');
    expect(open.items.find((t) => t.callSids.includes(sid))).toMatchObject({
      type: 'complaint',
      description: '维修站服务态度很差',
    });
    expect((await h.view(sid)).queueSid).not.toBeNull();
    await h.hangup(sid);
  });

  it.each([
    ['3', '保单信息的更正由您购车的二手车市场办理，他们会在系统中修改您的保单。'],
    ['4', '保修证书遗失，请到二手车市场重新打印。'],
    ['5', '保单转让请到二手车市场办理变更手续。'],
    ['6', '保修服务已包含在车价中。如仍需取消保单，请到二手车市场办理。'],
  ])(
    '%s: explains that the used-car market handles it, gives its number and offers an agent',
    async (key, text) => {
      const { sid } = await unknownCallerAtMenu();
      await h.press(sid, key);
      const heard = await h.heardNew(sid);
      expect(heard).toEqual([
        text,
        '二手车市场电话是 + 8 6 2 1 6 4 0 0 1 2 3 4。如需人工服务请按1，结束通话请按2。',
      ]);
      await h.press(sid, '1');
      expect((await h.heardNew(sid))[0]).toBe('正在为您转接保单专员，请稍候。');
      expect((await h.view(sid)).queueSid).not.toBeNull();
      await h.hangup(sid);
    },
  );

  it('G: queues general inquiries', async () => {
    const { sid } = await unknownCallerAtMenu();
    await h.press(sid, '7');
    await h.listen(sid, 'input'); // the queue's announcements, up to the offer of a callback
    const heard = await h.heardNew(sid);
    expect(heard[0]).toBe('正在为您转接客服专员，请稍候。');
    expect(heard[1]).toBe('您前面还有0位客户，预计等待约2分钟。');
    expect(heard[2]).toBe('如需保留排队位置并由我们回电，请按1；如需留言，请按2。');
    await h.advance(10); // the offer is spoken, then the hold music starts
    expect((await h.view(sid)).heard.at(-1)).toMatchObject({
      verb: 'play',
      text: expect.stringContaining('.mp3'),
    });
    expect((await h.view(sid)).queueSid).not.toBeNull();
    await h.hangup(sid);
  });
});

describe('warranty hotline: self-service claim status', () => {
  const claimOf = async () => {
    const tickets = await h.stack.store.tickets.byCustomer('cus-0001');
    const claim = tickets.items.find((t) => t.type === 'claim' && t.status === 'open');
    if (!claim) throw new Error('demo claim missing');
    return claim;
  };

  it('tells the status after verifying the claim number and the VIN', async () => {
    const claim = await claimOf();
    const { sid } = await unknownCallerAtMenu();
    await h.press(sid, '8');
    await h.press(sid, claim.number.replace(/\D/g, ''));
    await h.press(sid, '3456');
    const heard = await h.heardNew(sid);
    expect(heard).toContain(`理赔 ${[...claim.number.replace(/-/g, '')].join(' ')} 的状态是：正在处理中。`);
    await h.hangup(sid);
  });

  it('refuses a wrong VIN', async () => {
    const claim = await claimOf();
    const { sid } = await unknownCallerAtMenu();
    await h.press(sid, '8');
    await h.press(sid, claim.number.replace(/\D/g, ''));
    await h.press(sid, '0000');
    const heard = await h.heardNew(sid);
    expect(heard).toContain('很抱歉，理赔编号与车辆信息不符，无法为您查询。');
    expect(heard.join('')).not.toContain('正在处理中');
    await h.hangup(sid);
  });
});

describe('warranty hotline: invalid input, silence and speech', () => {
  it('re-prompts twice on invalid keys, then hands the caller to an agent', async () => {
    const { sid } = await unknownCallerAtMenu();
    await h.press(sid, '9');
    expect((await h.heardNew(sid))[0]).toBe('对不起，您的输入有误。');
    await h.press(sid, '*');
    expect((await h.heardNew(sid))[0]).toBe('对不起，您的输入有误。');
    await h.press(sid, '9');
    const heard = await h.heardNew(sid);
    expect(heard.slice(0, 2)).toEqual(['我们将为您转接人工服务。', '正在为您转接客服专员，请稍候。']);
    expect((await h.view(sid)).queueSid).not.toBeNull();
    await h.hangup(sid);
  });

  it('re-prompts after silence and falls back after the third silence', async () => {
    const { sid } = await unknownCallerAtMenu();
    await h.advance(6);
    expect((await h.heardNew(sid))[0]).toBe('对不起，没有收到您的输入。');
    // Each silence: the apology and the menu are spoken again, then the five seconds to answer.
    await h.listen(sid);
    await h.advance(6);
    await h.listen(sid);
    await h.advance(6);
    await h.listen(sid);
    expect((await h.heardNew(sid)).filter((t) => !t.endsWith('请按8。'))).toEqual(
      expect.arrayContaining([
        '对不起，没有收到您的输入。',
        '我们将为您转接人工服务。',
        '正在为您转接客服专员，请稍候。',
      ]),
    );
    await h.hangup(sid);
  });

  it('understands speech at the menu in both languages', async () => {
    const zh = await unknownCallerAtMenu('1');
    await h.say(zh.sid, '我要投诉');
    expect(await h.heardNew(zh.sid)).toEqual(['请说出您要投诉的内容。']);
    await h.hangup(zh.sid);
    const en = await unknownCallerAtMenu('2');
    await h.say(en.sid, 'What is my claim status?');
    expect(await h.heardNew(en.sid)).toEqual([
      'Please key in the 10 digits of your claim number, then press pound.',
    ]);
    await h.hangup(en.sid);
  });
});
