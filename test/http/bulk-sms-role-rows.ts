// Role-matrix rows for bulk SMS sends, and the send they act on. Start, pause and cancel run in that order
// for each role; asking for the status a send already has succeeds, so every role that may act gets 200.
import { ZERO_BULK_COUNTS } from '../../functions/domain/bulk-sms.js';
import type { Store } from '../../functions/domain/ports.js';
import type { MatrixRole, MatrixRow } from './agent-role-rows.js';

const LEADS: readonly MatrixRole[] = ['supervisor', 'admin'];
const SEND = 'matrix-bulk';

export async function seedBulkSmsData(store: Store): Promise<void> {
  await store.bulkSms.addRecipients(SEND, [
    {
      id: '000001',
      phone: '+8613800001111',
      language: 'zh',
      body: '您好',
      status: 'pending',
      dueAt: '2026-03-01T00:00:00.000Z',
    },
  ]);
  await store.bulkSms.create(
    SEND,
    {
      name: 'Matrix send',
      message: { kind: 'text', text: { zh: '您好', en: 'Hello' } },
      texts: { zh: '您好', en: 'Hello' },
      audience: { kind: 'segment' },
      language: 'zh',
      ratePerMinute: 60,
      quietHours: { from: '21:00', until: '08:00' },
      sender: '+18005550100',
    },
    { ...ZERO_BULK_COUNTS, pending: 1 },
    1,
    'sup1',
  );
}

export const BULK_SMS_ROWS: readonly MatrixRow[] = [
  { op: 'bulkSms.list', method: 'GET', path: () => '/api/sms/bulk', roles: LEADS, ok: 200 },
  {
    op: 'bulkSms.create',
    method: 'POST',
    path: () => '/api/sms/bulk',
    body: () => ({
      name: 'Matrix create',
      message: { kind: 'text', text: { zh: '您好', en: 'Hello' } },
      audience: { kind: 'csv', csv: 'phone\n13800002222\n' },
    }),
    roles: LEADS,
    ok: 201,
  },
  { op: 'bulkSms.get', method: 'GET', path: () => `/api/sms/bulk/${SEND}`, roles: LEADS, ok: 200 },
  {
    op: 'bulkSms.recipients',
    method: 'GET',
    path: () => `/api/sms/bulk/${SEND}/recipients`,
    roles: LEADS,
    ok: 200,
  },
  { op: 'bulkSms.campaigns', method: 'GET', path: () => '/api/sms/bulk-campaigns', roles: LEADS, ok: 200 },
  { op: 'bulkSms.start', method: 'POST', path: () => `/api/sms/bulk/${SEND}/start`, roles: LEADS, ok: 200 },
  { op: 'bulkSms.pause', method: 'POST', path: () => `/api/sms/bulk/${SEND}/pause`, roles: LEADS, ok: 200 },
  { op: 'bulkSms.cancel', method: 'POST', path: () => `/api/sms/bulk/${SEND}/cancel`, roles: LEADS, ok: 200 },
];
