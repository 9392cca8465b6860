// A bulk SMS send: one message (a template of the SMS templates setting, or a text of its own in Chinese and
// English) to many customers (a campaign's contacts, an uploaded list, or a segment of the customer base),
// at most so many texts a minute from the sender's number and never in the recipient's quiet hours. The
// definition's checks live here; who the recipients are and what each is sent: bulk-sms-recipients.ts.
import { LEGAL_HOURS } from './campaigns/calling-window.js';
import type { Bilingual } from './campaigns/issues.js';
import type { VipTier } from './model.js';
import type { HandlerIssueCode } from './problems.js';
import { type SmsTemplate, type TemplateText, textProblems } from './sms-templates.js';

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

export interface BulkIssue {
  /** Where in the request body, e.g. `body.quietHours.from`. */
  readonly path: string;
  readonly code: HandlerIssueCode;
  readonly message: Bilingual;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const minutesOf = (hhmm: string) => {
  const m = HHMM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
};
const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/;
const isDate = (text: string) => DATE.test(text) && !Number.isNaN(Date.parse(text));

/** The hours texts may go out, as the calling window of the campaign rules (functions/domain/campaigns). */
export function sendingWindow(quiet: QuietHours): { readonly start: string; readonly end: string } {
  return { start: quiet.until, end: quiet.from };
}

function quietHoursIssues(quiet: QuietHours): BulkIssue[] {
  const issues: BulkIssue[] = [];
  const from = minutesOf(quiet.from);
  const until = minutesOf(quiet.until);
  for (const [field, value] of [
    ['from', from],
    ['until', until],
  ] as const)
    if (value === undefined)
      issues.push({
        path: `body.quietHours.${field}`,
        code: 'time-format',
        message: { en: 'must be a local time written HH:MM', zh: '须为 HH:MM 格式的当地时间' },
      });
  if (issues.length > 0 || from === undefined || until === undefined) return issues;
  const legalFrom = minutesOf(DEFAULT_QUIET_HOURS.from) ?? 0;
  const legalUntil = minutesOf(DEFAULT_QUIET_HOURS.until) ?? 0;
  // Quiet hours cross midnight; the day they leave for texts must lie inside the legal one.
  if (from > legalFrom || from <= until)
    issues.push({
      path: 'body.quietHours.from',
      code: 'quiet-hours-short',
      message: {
        en: `must start by ${DEFAULT_QUIET_HOURS.from} and after the end of quiet hours`,
        zh: `须不晚于 ${DEFAULT_QUIET_HOURS.from}，且晚于免打扰结束时间`,
      },
    });
  if (until < legalUntil)
    issues.push({
      path: 'body.quietHours.until',
      code: 'quiet-hours-short',
      message: {
        en: `must end at ${DEFAULT_QUIET_HOURS.until} or later`,
        zh: `须不早于 ${DEFAULT_QUIET_HOURS.until} 结束`,
      },
    });
  return issues;
}

function textIssues(path: string, text: TemplateText): BulkIssue[] {
  const issues: BulkIssue[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const at = `${path}.${lang}`;
    if (text[lang].trim() === '') {
      issues.push({ path: at, code: 'required', message: { en: 'is required', zh: '必须填写' } });
      continue;
    }
    for (const p of textProblems(text[lang]))
      issues.push(
        p.kind === 'unknown-variable'
          ? {
              path: at,
              code: 'unknown-variable',
              message: { en: `{${p.variable}} is not a variable`, zh: `{${p.variable}} 不是可用的变量` },
            }
          : p.kind === 'stray-brace'
            ? {
                path: at,
                code: 'stray-brace',
                message: { en: 'has a brace that is not part of a variable', zh: '含有不成对的花括号' },
              }
            : {
                path: at,
                code: 'too-many-segments',
                message: {
                  en: `takes ${p.segments} SMS segments with its variables filled; at most 3`,
                  zh: `填入变量后需 ${p.segments} 条短信，最多 3 条`,
                },
              },
      );
  }
  return issues;
}

function segmentIssues(segment: Segment): BulkIssue[] {
  const issues: BulkIssue[] = [];
  for (const field of ['lastContactBefore', 'lastContactAfter'] as const) {
    const value = segment[field];
    if (value !== undefined && !isDate(value))
      issues.push({
        path: `body.audience.${field}`,
        code: 'invalid-date',
        message: { en: 'is not a real date (YYYY-MM-DD)', zh: '不是有效日期（YYYY-MM-DD）' },
      });
  }
  const { lastContactBefore: before, lastContactAfter: after } = segment;
  if (issues.length === 0 && before && after && Date.parse(after) >= Date.parse(before))
    issues.push({
      path: 'body.audience.lastContactAfter',
      code: 'date-order',
      message: { en: 'must be earlier than "last contact before"', zh: '须早于“最近联系早于”的日期' },
    });
  return issues;
}

export type DraftCheck =
  | { readonly ok: true; readonly texts: TemplateText }
  | { readonly ok: false; readonly issues: BulkIssue[] };

/** What is wrong with a draft, each issue naming its field; the texts to send when nothing is. */
export function checkDraft(draft: BulkSmsDraft, templates: readonly SmsTemplate[]): DraftCheck {
  const issues: BulkIssue[] = [];
  const name = draft.name.trim();
  if (name.length === 0 || name.length > NAME_MAX)
    issues.push({
      path: 'body.name',
      code: 'name-length',
      message: { en: `needs a name of 1 to ${NAME_MAX} characters`, zh: `名称须为 1 到 ${NAME_MAX} 个字` },
    });
  let texts: TemplateText | undefined;
  if (draft.message.kind === 'template') {
    const { templateId } = draft.message;
    texts = templates.find((t) => t.id === templateId)?.text;
    if (!texts)
      issues.push({
        path: 'body.message.templateId',
        code: 'unknown-template',
        message: { en: `"${templateId}" is not one of the SMS templates`, zh: `没有短信模板“${templateId}”` },
      });
  } else {
    texts = draft.message.text;
    issues.push(...textIssues('body.message.text', texts));
  }
  const rate = draft.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE;
  if (!Number.isInteger(rate) || rate < RATE_LIMITS.min || rate > RATE_LIMITS.max)
    issues.push({
      path: 'body.ratePerMinute',
      code: 'rate-range',
      message: {
        en: `must be a whole number of texts a minute from ${RATE_LIMITS.min} to ${RATE_LIMITS.max}`,
        zh: `每分钟条数须为 ${RATE_LIMITS.min} 到 ${RATE_LIMITS.max} 之间的整数`,
      },
    });
  issues.push(...quietHoursIssues(draft.quietHours ?? DEFAULT_QUIET_HOURS));
  if (draft.audience.kind === 'segment') issues.push(...segmentIssues(draft.audience));
  return issues.length > 0 || !texts ? { ok: false, issues } : { ok: true, texts };
}
