// A bulk send's progress counts the texts to send that have left: recipients the list skipped (no valid
// number, opted out) never count, so a draft reads 0% and a send half out reads 50%.
import { describe, expect, it } from 'vitest';
import type { BulkSmsView } from '../../../web/src/bulk-sms/bulk-sms-api.js';
import { progressOf } from '../../../web/src/bulk-sms/bulk-sms-detail.js';

const send = (
  status: string,
  recipients: number,
  report: { skipped: number; toSend: number; queued: number },
) => ({ status, recipients, report }) as unknown as BulkSmsView;

describe('bulk send progress', () => {
  it('leaves skipped recipients out', () => {
    expect(progressOf(send('draft', 4, { skipped: 2, toSend: 2, queued: 0 }))).toBe(0);
    expect(progressOf(send('sending', 4, { skipped: 2, toSend: 1, queued: 0 }))).toBe(50);
    expect(progressOf(send('sending', 4, { skipped: 0, toSend: 1, queued: 0 }))).toBe(75);
    expect(progressOf(send('done', 3, { skipped: 3, toSend: 0, queued: 0 }))).toBe(100);
    expect(progressOf(send('draft', 0, { skipped: 0, toSend: 0, queued: 0 }))).toBe(0);
  });
});
