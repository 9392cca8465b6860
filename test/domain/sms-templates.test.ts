// Filling a template for the customer on the desk, and the SMS segment rules a template is measured by.
import { describe, expect, it } from 'vitest';
import { smsSize } from '../../functions/domain/sms-segments.js';
import { fillTemplate, templatesIssues, textProblems } from '../../functions/domain/sms-templates.js';
import { DEMO_SMS_TEMPLATES } from '../../infra/local/demo/sms-templates.js';

describe('fillTemplate', () => {
  it('fills each variable it has a value for, every time it appears, and leaves the rest as written', () => {
    const text = '{name}您好，理赔 {claimNumber}；{name}，请致电 {hotline}。{agentName} {unknown}';
    expect(fillTemplate(text, { name: '王建国', claimNumber: 'CLM-2026-000123', agentName: '李娜' })).toBe(
      '王建国您好，理赔 CLM-2026-000123；王建国，请致电 {hotline}。李娜 {unknown}',
    );
  });

  it('takes a value literally, even one that looks like a variable or a replacement pattern', () => {
    expect(fillTemplate('Hi {name}', { name: '$& {hotline}' })).toBe('Hi $& {hotline}');
  });
});

describe('smsSize', () => {
  it('counts GSM-7 texts in septets, extension characters twice, 160 in one segment and 153 once split', () => {
    expect(smsSize('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsSize('a'.repeat(161))).toEqual({ encoding: 'gsm7', units: 161, segments: 2 });
    expect(smsSize('€'.repeat(80)).units).toBe(160);
    expect(smsSize('a'.repeat(307)).segments).toBe(3);
  });

  it('sends any other character as UCS-2: 70 in one segment, 67 once split', () => {
    expect(smsSize('好'.repeat(70))).toEqual({ encoding: 'ucs2', units: 70, segments: 1 });
    expect(smsSize(`${'a'.repeat(70)}好`).segments).toBe(2);
    expect(smsSize('好'.repeat(202)).segments).toBe(4);
  });
});

describe('textProblems', () => {
  it('names each unknown variable once and a stray brace', () => {
    expect(textProblems('{vin} {vin} {name} }')).toEqual([
      { kind: 'unknown-variable', variable: 'vin' },
      { kind: 'stray-brace' },
    ]);
    expect(textProblems('{}')).toEqual([{ kind: 'unknown-variable', variable: '' }]);
  });
});

describe('the demo templates', () => {
  it('pass the checks an admin’s save must pass', () => {
    expect(templatesIssues(DEMO_SMS_TEMPLATES)).toEqual([]);
  });
});
