// Calls to the bulk SMS routes (supervisors and admins): the sends, a draft made with its preview, start,
// pause and cancel, the recipients page by page, and the campaigns an audience can come from.
import {
  type BulkAudience,
  type BulkMessage,
  type BulkSms,
  type BulkSmsStatus,
  RECIPIENT_STATUSES,
  type RecipientStatus,
} from '../../../functions/domain/bulk-sms.js';
import type { BulkRecipient } from '../../../functions/domain/bulk-sms-recipients.js';
import { call } from '../api.js';

export type { BulkAudience, BulkMessage, BulkRecipient, BulkSmsStatus, RecipientStatus };

/** The report's rows, in the order a recipient goes through them. */
export const RECIPIENT_ORDER: readonly RecipientStatus[] = RECIPIENT_STATUSES;

export interface BulkReport extends Readonly<Record<RecipientStatus, number>> {
  readonly skipped: number;
  readonly toSend: number;
  readonly deliveryRate: number | null;
}
export type BulkSmsView = BulkSms & { readonly report: BulkReport };

export interface NewBulkSms {
  readonly name: string;
  readonly message: BulkMessage;
  readonly audience: BulkAudience;
  readonly language?: 'zh' | 'en';
  readonly ratePerMinute?: number;
  readonly quietHours?: { readonly from: string; readonly until: string };
}

export interface CampaignChoice {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly contacts: number;
}

export const bulkSmsApi = {
  list: () => call<{ items: BulkSmsView[] }>('GET', '/sms/bulk'),
  get: (id: string) => call<BulkSmsView>('GET', `/sms/bulk/${encodeURIComponent(id)}`),
  create: (body: NewBulkSms) =>
    call<{ send: BulkSmsView; preview: BulkRecipient[] }>('POST', '/sms/bulk', body),
  act: (id: string, action: 'start' | 'pause' | 'cancel') =>
    call<BulkSmsView>('POST', `/sms/bulk/${encodeURIComponent(id)}/${action}`),
  recipients: (id: string, cursor?: string) =>
    call<{ items: BulkRecipient[]; cursor?: string }>(
      'GET',
      `/sms/bulk/${encodeURIComponent(id)}/recipients?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    ),
  campaigns: () => call<{ items: CampaignChoice[] }>('GET', '/sms/bulk-campaigns'),
};
