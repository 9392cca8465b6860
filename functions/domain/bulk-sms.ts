// A bulk SMS send: one message (a template of the SMS templates setting, or a text of its own in Chinese and
// English) to many customers (a campaign's contacts, an uploaded list, or a segment of the customer base),
// at most so many texts a minute from the sender's number and never in the recipient's quiet hours. The
// definition's checks: bulk-sms-checks.ts; who the recipients are and what each is sent: bulk-sms-recipients.ts.
import { LEGAL_HOURS } from './campaigns/calling-window.js';
import type { VipTier } from './model.js';
import type { TemplateText } from './sms-templates.js';

/**
 * draft: set up, sends nothing. sending: the rounds send it. paused: sends nothing new, texts under way
 * finish. done: every recipient was sent or skipped. cancelled: ended by a person, never resumes.
 */
export const BULK_SMS_STATUSES = ['draft', 'sending', 'paused', 'done', 'cancelled'] as const;
export type BulkSmsStatus = (typeof BULK_SMS_STATUSES)[number];

export type BulkMessage =
  | { readonly kind: 'template'; readonly templateId: string }
  | { readonly kind: 'text'; readonly text: TemplateText };

export interface Segment {
  readonly tier?: VipTier;
  readonly region?: string;
  /** ISO dates (YYYY-MM-DD) or times: the customer's latest call was before / on or after it. */
  readonly lastContactBefore?: string;
  readonly lastContactAfter?: string;
}

export type BulkAudience =
  | { readonly kind: 'campaign'; readonly campaignId: string }
  | { readonly kind: 'csv'; readonly csv: string; readonly fileName?: string }
  | ({ readonly kind: 'segment' } & Segment);

/** What is kept of the audience once resolved: an uploaded file's content is not. */
export type AudienceSummary =
  | Exclude<BulkAudience, { kind: 'csv' }>
  | { readonly kind: 'csv'; readonly fileName?: string };

/** No texts from `from` until `until` the next morning, in the recipient's own time. */
export interface QuietHours {
  readonly from: string;
  readonly until: string;
}

/** Consumer-protection rules: no unsolicited texts from 21:00 to 08:00; a send may keep quiet longer. */
export const DEFAULT_QUIET_HOURS: QuietHours = { from: LEGAL_HOURS.end, until: LEGAL_HOURS.start };
export const DEFAULT_RATE_PER_MINUTE = 60;
export const RATE_LIMITS = { min: 1, max: 600 } as const;
export const NAME_MAX = 60;

export interface BulkSmsDraft {
  readonly name: string;
  readonly message: BulkMessage;
  readonly audience: BulkAudience;
  /** The language of recipients whose own is unknown (an uploaded list). Default zh. */
  readonly language?: 'zh' | 'en';
  /** Texts a minute from the sender's number. Default DEFAULT_RATE_PER_MINUTE. */
  readonly ratePerMinute?: number;
  readonly quietHours?: QuietHours;
}

export interface BulkSmsSettings {
  readonly name: string;
  readonly message: BulkMessage;
  /** The texts as they were when the send was made: a template changed later does not change it. */
  readonly texts: TemplateText;
  readonly audience: AudienceSummary;
  readonly language: 'zh' | 'en';
  readonly ratePerMinute: number;
  readonly quietHours: QuietHours;
  /** The number texts go from; the rate is counted per sender. */
  readonly sender: string;
}

/**
 * Where a recipient stands; the send's counts hold how many are in each. pending: due to be sent.
 * waiting-quiet-hours: due when their quiet hours end. queued: handed to the SMS worker. sent: accepted
 * by Twilio. delivered / failed / undelivered: the carrier's verdict. skipped-*: never sent.
 */
export const RECIPIENT_STATUSES = [
  'pending',
  'waiting-quiet-hours',
  'queued',
  'sent',
  'delivered',
  'failed',
  'undelivered',
  'skipped-opted-out',
  'skipped-dnc',
  'skipped-invalid',
] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];
export type BulkCounts = Readonly<Record<RecipientStatus, number>>;

export const ZERO_BULK_COUNTS: BulkCounts = Object.fromEntries(
  RECIPIENT_STATUSES.map((s) => [s, 0]),
) as Record<RecipientStatus, number>;

export interface BulkSms extends BulkSmsSettings {
  readonly id: string;
  readonly status: BulkSmsStatus;
  readonly recipients: number;
  readonly counts: BulkCounts;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly version: number;
}

/** The statuses a person may move a send to, from the ones each allows. */
export const TRANSITIONS: Readonly<Record<'start' | 'pause' | 'cancel', readonly BulkSmsStatus[]>> = {
  start: ['draft', 'paused'],
  pause: ['sending'],
  cancel: ['draft', 'sending', 'paused'],
};
export const TARGET: Readonly<Record<keyof typeof TRANSITIONS, BulkSmsStatus>> = {
  start: 'sending',
  pause: 'paused',
  cancel: 'cancelled',
};

/** The report's figures: what left us, what arrived, what was never sent and why. */
export function bulkReport(counts: BulkCounts) {
  const handedOver = counts.sent + counts.delivered + counts.failed + counts.undelivered;
  return {
    ...counts,
    skipped: counts['skipped-opted-out'] + counts['skipped-dnc'] + counts['skipped-invalid'],
    toSend: counts.pending + counts['waiting-quiet-hours'],
    /** Delivered among the texts Twilio accepted; null before any was. */
    deliveryRate: handedOver === 0 ? null : Math.round((counts.delivered / handedOver) * 1000) / 1000,
  };
}

/** The hours texts may go out, as the calling window of the campaign rules (functions/domain/campaigns). */
export function sendingWindow(quiet: QuietHours): { readonly start: string; readonly end: string } {
  return { start: quiet.until, end: quiet.from };
}
