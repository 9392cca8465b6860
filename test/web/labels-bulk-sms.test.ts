// The bulk SMS page says everything in both languages: every label has its Chinese and English words, every
// send and recipient status the server gives has a label, and so does every reason a recipient is skipped.
import { describe, expect, it } from 'vitest';
import { BULK_SMS_STATUSES, RECIPIENT_STATUSES } from '../../functions/domain/bulk-sms.js';
import { REJECT_REASONS } from '../../functions/domain/campaigns/contact-list.js';
import { BULK_SMS_LABELS } from '../../web/src/labels-bulk-sms.js';

const labels: Record<string, { zh: string; en: string } | undefined> = BULK_SMS_LABELS;

describe('bulk SMS labels', () => {
  it('has Chinese and English words for every label, never the same text', () => {
    for (const [key, text] of Object.entries(BULK_SMS_LABELS)) {
      expect(text.zh, key).toMatch(/\S/);
      expect(text.en, key).toMatch(/\S/);
      expect(text.zh, key).not.toBe(text.en);
      expect(text.zh, key).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('names every send status and recipient status', () => {
    for (const s of BULK_SMS_STATUSES) expect(labels[`status-${s}`], s).toBeDefined();
    for (const s of RECIPIENT_STATUSES) expect(labels[`recipient-${s}`], s).toBeDefined();
  });

  it('says why a recipient was skipped, for the reasons the server gives', () => {
    const reasons = [
      'opted-out',
      'do-not-call',
      'duplicate',
      'missing-variable',
      'too-many-segments',
      'no-sending-hours',
      ...REJECT_REASONS.filter((r) => r === 'invalid-phone' || r === 'missing-phone'),
    ];
    for (const r of reasons) expect(labels[`reason-${r}`], r).toBeDefined();
  });
});
