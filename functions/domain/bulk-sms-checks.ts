// The checks of a bulk send's definition (functions/domain/bulk-sms.ts): each problem names its field in
// the request body, with a stable code the console says in its own words and a sentence in Chinese and
// English. The message's texts follow the SMS templates' rules; quiet hours may be longer than the law's,
// never shorter.
import {
  type BulkSmsDraft,
  DEFAULT_QUIET_HOURS,
  DEFAULT_RATE_PER_MINUTE,
  NAME_MAX,
  type QuietHours,
  RATE_LIMITS,
  type Segment,
} from './bulk-sms.js';
import type { Bilingual } from './campaigns/issues.js';
import type { HandlerIssueCode } from './problems.js';
import { type SmsTemplate, type TemplateText, textProblems } from './sms-templates.js';

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
