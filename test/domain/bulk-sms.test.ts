// The bulk SMS rules: a draft checked field by field with stable codes and words in both languages, quiet
// hours that may be longer than the law's but never shorter, each recipient's text filled in their language
// and refused when a variable has no value or it runs past 3 segments, statuses that only move forward,
// and the report's delivery rate.
import { describe, expect, it } from 'vitest';
import {
  type BulkSmsDraft,
  bulkReport,
  sendingWindow,
  ZERO_BULK_COUNTS,
} from '../../functions/domain/bulk-sms.js';
import { checkDraft } from '../../functions/domain/bulk-sms-checks.js';
import { advances, fillFor, variablesOf } from '../../functions/domain/bulk-sms-recipients.js';
import { isCallable, nextCallableAt } from '../../functions/domain/campaigns/calling-window.js';
import type { SmsTemplate } from '../../functions/domain/sms-templates.js';

const TEMPLATES: SmsTemplate[] = [
  {
    id: 'check-up',
    name: { zh: '保养提醒', en: 'Check-up' },
    text: {
      zh: '{name}您好，请致电 {hotline} 预约保养。',
      en: 'Dear {name}, call {hotline} to book your check-up.',
    },
  },
];

const draft = (over: Partial<BulkSmsDraft> = {}): BulkSmsDraft => ({
  name: 'Spring check-up',
  message: { kind: 'template', templateId: 'check-up' },
  audience: { kind: 'segment', tier: 'gold' },
  ...over,
});

const codes = (d: BulkSmsDraft) => {
  const r = checkDraft(d, TEMPLATES);
  return r.ok ? [] : r.issues.map((i) => `${i.path}:${i.code}`);
};

describe('a bulk send draft', () => {
  it('takes a template of the setting, with the defaults for rate and quiet hours', () => {
    expect(checkDraft(draft(), TEMPLATES)).toEqual({ ok: true, texts: TEMPLATES[0]?.text });
  });

  it('names each bad field with a stable code and says it in Chinese and English', () => {
    const r = checkDraft(
      draft({
        name: ' ',
        message: { kind: 'template', templateId: 'nope' },
        ratePerMinute: 601,
        quietHours: { from: '22:00', until: '7:00' },
        audience: { kind: 'segment', lastContactBefore: '2026-02-30x' },
      }),
      TEMPLATES,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => `${i.path}:${i.code}`)).toEqual([
      'body.name:name-length',
      'body.message.templateId:unknown-template',
      'body.ratePerMinute:rate-range',
      'body.quietHours.until:time-format',
      'body.audience.lastContactBefore:invalid-date',
    ]);
    for (const issue of r.issues) {
      expect(issue.message.zh).toMatch(/\S/);
      expect(issue.message.en).toMatch(/\S/);
      expect(issue.message.zh).not.toBe(issue.message.en);
    }
  });

  it('checks its own text like a template: variables, braces, 3 segments in both languages', () => {
    const text = { zh: '您好 {plate}', en: `Hello {name} ${'x'.repeat(470)}` };
    expect(codes(draft({ message: { kind: 'text', text } }))).toEqual([
      'body.message.text.zh:unknown-variable',
      'body.message.text.en:too-many-segments',
    ]);
    expect(codes(draft({ message: { kind: 'text', text: { zh: '', en: 'Hi {' } } }))).toEqual([
      'body.message.text.zh:required',
      'body.message.text.en:stray-brace',
    ]);
  });

  it('allows longer quiet hours, never shorter ones than 21:00 to 08:00', () => {
    expect(codes(draft({ quietHours: { from: '20:00', until: '09:30' } }))).toEqual([]);
    expect(codes(draft({ quietHours: { from: '22:00', until: '08:00' } }))).toEqual([
      'body.quietHours.from:quiet-hours-short',
    ]);
    expect(codes(draft({ quietHours: { from: '21:00', until: '07:00' } }))).toEqual([
      'body.quietHours.until:quiet-hours-short',
    ]);
    expect(codes(draft({ quietHours: { from: '09:00', until: '10:00' } }))).toEqual([
      'body.quietHours.from:quiet-hours-short',
    ]);
  });

  it('wants "last contact after" earlier than "before", and a rate from 1 to 600', () => {
    const audience = {
      kind: 'segment',
      lastContactAfter: '2026-03-01',
      lastContactBefore: '2026-02-01',
    } as const;
    expect(codes(draft({ audience }))).toEqual(['body.audience.lastContactAfter:date-order']);
    expect(codes(draft({ ratePerMinute: 0 }))).toEqual(['body.ratePerMinute:rate-range']);
    expect(codes(draft({ ratePerMinute: 600 }))).toEqual([]);
    expect(codes(draft({ ratePerMinute: 1.5 }))).toEqual(['body.ratePerMinute:rate-range']);
  });
});

describe('quiet hours in the recipient’s own time', () => {
  const hours = sendingWindow({ from: '21:00', until: '08:00' });
  it('holds a text at 22:00 in Shanghai until 08:00 there', () => {
    const at = Date.parse('2026-03-02T14:00:00Z'); // 22:00 in Shanghai
    expect(isCallable(['Asia/Shanghai'], hours, at)).toBe(false);
    expect(new Date(nextCallableAt(['Asia/Shanghai'], hours, at) ?? 0).toISOString()).toBe(
      '2026-03-03T00:00:00.000Z',
    );
    expect(isCallable(['America/New_York'], hours, at)).toBe(true); // 09:00 there
  });
});

describe('a recipient’s text', () => {
  const texts = TEMPLATES[0]?.text ?? { zh: '', en: '' };
  it('is filled in their language, from what we know and the columns of their row', () => {
    const values = variablesOf({ name: '王芳', hotline: '+18005550100' }, { ClaimNumber: 'CLM-1' });
    expect(values).toEqual({ name: '王芳', hotline: '+18005550100', claimNumber: 'CLM-1' });
    expect(fillFor(texts, 'zh', values)).toEqual({
      ok: true,
      body: '王芳您好，请致电 +18005550100 预约保养。',
      segments: 1,
    });
  });

  it('is refused when a variable it uses has no value, or it runs past 3 segments once filled', () => {
    expect(fillFor(texts, 'en', { hotline: '+1' })).toEqual({
      ok: false,
      error: 'missing-variable',
      variables: ['name'],
    });
    const long = { zh: '{name}', en: '{name}' };
    expect(fillFor(long, 'zh', { name: '长'.repeat(202) })).toMatchObject({
      ok: false,
      error: 'too-many-segments',
      segments: 4,
    });
  });
});

describe('statuses and the report', () => {
  it('only moves forward: a late "sent" never replaces "delivered"', () => {
    expect(advances('pending', 'queued')).toBe(true);
    expect(advances('queued', 'delivered')).toBe(true);
    expect(advances('delivered', 'sent')).toBe(false);
    expect(advances('failed', 'delivered')).toBe(false);
    expect(advances('sent', 'sent')).toBe(false);
  });

  it('gives the skipped by reason and the delivery rate among texts Twilio accepted', () => {
    expect(bulkReport(ZERO_BULK_COUNTS).deliveryRate).toBeNull();
    const report = bulkReport({
      ...ZERO_BULK_COUNTS,
      delivered: 6,
      failed: 1,
      undelivered: 1,
      sent: 2,
      'skipped-dnc': 1,
      'skipped-opted-out': 2,
      pending: 3,
    });
    expect(report).toMatchObject({ deliveryRate: 0.6, skipped: 3, toSend: 3 });
  });
});
