import { describe, expect, it } from 'vitest';
import { HANDLER_ISSUE_CODES } from '../../functions/domain/problems.js';
import { ApiError } from '../../web/src/api.js';
import { codeName, errorText, fieldIssues } from '../../web/src/errors.js';
import { ERROR_LABELS } from '../../web/src/labels-errors.js';

const invalid = (...issues: unknown[]) => new ApiError(400, 'validation', 'Invalid request: …', { issues });

describe('errorText', () => {
  it('says a 400 in Chinese by field and zod issue code, never in the server’s English', () => {
    const error = invalid(
      { path: 'body.phone', message: 'is not a phone number: +86 139 ...' },
      { path: 'body.note', code: 'too_big', message: 'Too big: expected string to have <=500 characters' },
    );
    expect(errorText(error, 'zh')).toBe('电话：不是有效的电话号码；备注：最多 500 个字符');
    expect(errorText(error, 'en')).toBe(
      'Phone: is not a valid phone number; Note: needs at most 500 characters',
    );
  });

  it('names a field by what it is on the request’s resource: an article id is no employee number', () => {
    const on = (resource: string, ...issues: unknown[]) =>
      new ApiError(400, 'validation', 'Invalid request: …', { issues }, resource);
    const kb = on(
      'kb',
      { path: 'body.id', code: 'invalid_format', message: 'lower-case letters, digits and hyphens, 2-64' },
      { path: 'body.category', code: 'invalid_format', message: 'lower-case letters…' },
      { path: 'body.ivrPaths.0', code: 'unknown-ivr-step', message: 'no IVR step "warranty.x" in the flows' },
    );
    expect(errorText(kb, 'zh')).toBe(
      '文章编号：须为 2 到 64 个小写字母、数字或连字符；分类：须为 1 到 40 个小写字母、数字或连字符；IVR 节点：流程中没有这个 IVR 节点',
    );
    const user = on('users', { path: 'body.id', code: 'invalid_format', message: '2-64 letters…' });
    expect(errorText(user, 'en')).toBe('ID: must be 2 to 64 letters, digits, dots, underscores or hyphens');
    const campaign = on('campaigns', { path: 'body.name', code: 'too_small', message: 'Too small' });
    expect(errorText(campaign, 'zh')).toMatch(/^活动名称：/);
    // Without a resource of its own, the field keeps its usual name.
    expect(errorText(on('customers', { path: 'body.name', code: 'too_small', message: '' }), 'zh')).toMatch(
      /^姓名：/,
    );
  });

  it('names a field the catalogue does not know by its name, with the issue code still in Chinese', () => {
    expect(errorText(invalid({ path: 'query.limit', code: 'too_small', message: 'Too small' }), 'zh')).toBe(
      'limit：太短或太小',
    );
  });

  it('keeps the line a file could not be read at, in the UI’s language', () => {
    const file = invalid({
      path: 'body.file',
      code: 'unreadable-file',
      message: 'the CSV cannot be read at line 5',
    });
    expect(errorText(file, 'zh')).toMatch(/无法读取，文件格式有误（第 5 行）$/);
    expect(errorText(file, 'en')).toMatch(/cannot be read: the file is malformed \(line 5\)$/);
  });

  it('names a campaign field by its label and says what a number field wants', () => {
    const cap = invalid({ path: 'body.abandonCap', code: 'invalid_type', message: 'Expected number' });
    expect(errorText(cap, 'en')).toBe('Abandon cap (%): is not a number: write a percentage, such as 3');
    expect(errorText(cap, 'zh')).toBe('放弃率上限（%）：不是数字：请填写百分比，如 3');
  });

  it('falls back to the server’s sentence only for an issue code the catalogue does not know', () => {
    expect(errorText(invalid({ path: 'body.x', code: 'brand_new', message: 'odd' }), 'zh')).toBe('x：odd');
  });

  it('says a refusal by its code, and the server’s message when the code is unknown', () => {
    expect(errorText(new ApiError(409, 'agent-busy', 'Agent 1003 is on a call.'), 'zh')).toBe(
      '该同事现在无法接听转接（忙碌或离线）',
    );
    expect(errorText(new ApiError(409, 'on-a-call', 'You are on a call.'), 'zh')).toBe('通话中无法切换状态');
    expect(errorText(new ApiError(409, 'something-new', 'Something new happened.'), 'zh')).toBe(
      'Something new happened.',
    );
    expect(errorText(new Error('Failed to fetch'), 'zh')).toBe('Failed to fetch');
  });

  it('names the field and value a duplicate repeats', () => {
    const error = new ApiError(409, 'duplicate', 'A user with id "1077" already exists.', {
      field: 'id',
      value: '1077',
    });
    expect(errorText(error, 'zh')).toBe('工号“1077”已存在');
    expect(errorText(error, 'en')).toBe('ID "1077" is already taken');
  });
});

describe('fieldIssues', () => {
  it('puts each issue on its field, in the UI’s language', () => {
    const error = invalid(
      { path: 'body.skills.0', code: 'invalid_value', message: 'Invalid option' },
      { path: 'body.skills', code: 'too_big', message: 'Too big' },
      { path: 'body.extension', code: 'invalid_format', message: 'Invalid string' },
    );
    expect(fieldIssues(error, 'zh')).toEqual({
      skills: '不是允许的选项；太长或太大',
      // The rule itself, which "not in the right format" would leave the agent to guess.
      extension: '须为 2 到 8 位数字',
    });
    expect(fieldIssues(new ApiError(409, 'duplicate', 'exists'), 'zh')).toEqual({});
  });
});

describe('codeName', () => {
  it('names regions, queues, skills and dispositions in both languages, and an unknown code as it is', () => {
    expect(codeName('region', 'east-china', 'zh')).toBe('华东');
    expect(codeName('region', 'east-china', 'en')).toBe('East China');
    expect(codeName('queue', 'rescue', 'zh')).toBe('救援调度');
    expect(codeName('skill', 'claims', 'zh')).toBe('理赔');
    expect(codeName('disposition', 'wrong-number', 'zh')).toBe('打错电话');
    expect(codeName('region', 'mars', 'zh')).toBe('mars');
  });
});

describe('the codes of a handler’s own 400s', () => {
  it('every code the server gives has words in both languages', () => {
    const labels: Record<string, { zh: string; en: string } | undefined> = ERROR_LABELS;
    for (const code of HANDLER_ISSUE_CODES) {
      expect(labels[`issue_${code}`]?.zh, code).toMatch(/\S/);
      expect(labels[`issue_${code}`]?.en, code).toMatch(/\S/);
    }
  });

  it('says a planner’s number out of range with its range, in the UI’s language', async () => {
    const { rangeProblem } = await import('../../functions/domain/wfm/checks.js');
    const { checkShiftRules } = await import('../../functions/domain/wfm/shifts.js');
    const asIssue = (p: { field: string; message: string; code?: string }) =>
      invalid({ path: `body.${p.field}`, code: p.code ?? 'out-of-range', message: p.message });
    const calls = rangeProblem('calls', -5, 0, 1_000_000, 'inclusive');
    const blocking = rangeProblem('blocking', 2, 0, 1, 'exclusive');
    const shrinkage = rangeProblem('shrinkage', 1, 0, 1, 'upper-exclusive');
    if (!calls || !blocking || !shrinkage) throw new Error('expected problems');
    expect(errorText(asIssue(calls), 'zh')).toBe('来电数：须为 0 到 1000000 之间的数（填写的是 -5）');
    expect(errorText(asIssue(calls), 'en')).toBe('Calls: must be a number from 0 to 1000000 (got -5)');
    expect(errorText(asIssue(blocking), 'zh')).toBe('阻塞率：须大于 0 且小于 1（填写的是 2）');
    expect(errorText(asIssue(shrinkage), 'en')).toBe('Shrinkage: must be at least 0 and less than 1 (got 1)');
    const [start] = checkShiftRules({ startTimes: ['25:00'], lengthsHours: [8], breakMinutes: 60 });
    if (!start) throw new Error('expected a problem');
    expect(errorText(asIssue(start), 'zh')).toBe(
      '班次规则：上班时间须为 1 到 96 个整刻钟的 HH:MM（分钟为 00、15、30 或 45）（填写的是 25:00）',
    );
  });

  it('says the limit zod names: how many characters, items or how large', () => {
    const short = invalid({
      path: 'body.password',
      code: 'too_small',
      message: 'Too small: expected string to have >=8 characters',
    });
    expect(errorText(short, 'zh')).toBe('密码：至少 8 个字符');
    expect(errorText(short, 'en')).toBe('Password: needs at least 8 characters');
    const big = invalid({
      path: 'body.calls',
      code: 'too_big',
      message: 'Too big: expected number to be <=10',
    });
    expect(errorText(big, 'zh')).toBe('来电数：不能大于 10');
    const noEnglish = invalid({
      path: 'body.message.text.en',
      code: 'too_small',
      message: 'Too small: expected string to have >=1 characters',
    });
    expect(errorText(noEnglish, 'zh')).toBe('英文短信内容：不能为空');
    expect(errorText(noEnglish, 'en')).toBe('English text: is required');
  });

  it('names a report’s end date as a date, not as the number a text goes to', () => {
    const before = invalid({ path: 'query.to', code: 'before-from', message: 'must not be before `from`' });
    expect(errorText(before, 'zh')).toBe('结束日期：不能早于开始日期');
    expect(errorText(before, 'en')).toBe('To: must not be before the start date');
    const long = invalid({
      path: 'query.to',
      code: 'range-too-long',
      message: 'at most 400 days after `from`',
    });
    expect(errorText(long, 'zh')).toBe('结束日期：与开始日期相隔不能超过 400 天');
    const text = invalid({ path: 'body.to', code: 'invalid-phone', message: 'not a phone number' });
    expect(errorText(text, 'en')).toMatch(/^Number: /);
  });

  it('says each by its code in the UI’s language, not by the server’s sentence', () => {
    const unknownCustomer = invalid({
      path: 'body.customerId',
      code: 'unknown-customer',
      message: 'no customer "c-9"',
    });
    expect(errorText(unknownCustomer, 'zh')).toBe('客户：没有这个客户');
    expect(errorText(unknownCustomer, 'en')).toBe('Customer: is not a customer we know');
    const autoDial = invalid({ path: 'body.phone', code: 'autodial-needs-phone', message: 'is required' });
    expect(fieldIssues(autoDial, 'zh')).toEqual({ phone: '自动拨号时必须填写' });
    const samePassword = invalid({ path: 'body.newPassword', code: 'same-password', message: 'must differ' });
    expect(errorText(samePassword, 'zh')).toBe('新密码：不能与当前密码相同');
  });
});
