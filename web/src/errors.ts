// What a failed request means, told in the UI's language: an ApiError's code, and a 400's issues by field
// and issue code (zod's, or the stable code a handler gives its own check: `issue_<code>`), looked up in
// the message catalogue. The server's English sentence is shown only
// when the catalogue knows neither the code nor the field, so a Chinese page never reads in English
// when it could say it in Chinese.
import { useMemo } from 'react';
import { ApiError } from './api.js';
import { labelOf, useLang } from './i18n.js';
import type { Lang } from './lang.js';

export interface Issue {
  /** `<where>.<field>[.<index>...]`, e.g. `body.phones.1`. */
  readonly path: string;
  /** zod's issue code, when zod found it (a handler's own check names none). */
  readonly code?: string;
  readonly message: string;
  /** The request's resource (`kb`, `campaigns`): a field's name and rule can be its own there. */
  readonly resource?: string;
}

/** The issues of a 400 validation error; none for anything else. */
export function issuesOf(error: unknown): Issue[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.detail.issues)) return [];
  return (error.detail.issues as unknown[]).flatMap((issue) => {
    if (typeof issue !== 'object' || issue === null) return [];
    const { path, code, message } = issue as Record<string, unknown>;
    if (typeof path !== 'string' || typeof message !== 'string') return [];
    return [
      {
        path,
        message,
        ...(typeof code === 'string' ? { code } : {}),
        ...(error.resource ? { resource: error.resource } : {}),
      },
    ];
  });
}

/** The form field an issue is about: `body.phones.1` is `phones`; undefined for a path with no field. */
export function fieldOf(issue: Issue): string | undefined {
  return issue.path.split('.')[1] || undefined;
}

/** What is wrong with the field, without naming it: for a message shown beside the field itself. */
export function issueText(issue: Issue, lang: Lang): string {
  const field = fieldOf(issue);
  const code = issue.code ?? 'invalid';
  const own =
    (field && issue.resource && labelOf(`issue_in_${issue.resource}_${field}_${code}`, lang)) ||
    (field && labelOf(`issue_${field}_${code}`, lang)) ||
    (field && !issue.code && labelOf(`issue_${field}_invalid`, lang));
  // The field's own words first; then the limit the server named, which says more than the code alone.
  if (!own) {
    const limit = (code === 'out-of-range' && rangeIn(issue.message, lang)) || boundIn(issue.message, lang);
    if (limit) return limit;
  }
  const label = own || labelOf(`issue_${code}`, lang);
  return label ? label + whereIn(issue.message, lang) + valueIn(issue, lang) : issue.message;
}

/** The value a planner's shift rule was refused for ("25:00"), kept beside the label's words. */
function valueIn(issue: Issue, lang: Lang): string {
  if (!issue.code?.startsWith('bad-')) return '';
  const value =
    /"([^"]+)"/.exec(issue.message)?.[1] ??
    /: (\d+(?:\.\d+)?) must/.exec(issue.message)?.[1] ??
    /; got (.+)$/.exec(issue.message)?.[1];
  if (!value) return '';
  return lang === 'zh' ? `（填写的是 ${value}）` : ` (got ${value})`;
}

/** zod's size limit (at least 8 characters, at most 10), said in `lang`. */
function boundIn(message: string, lang: Lang): string | undefined {
  const m = /expected (string|number|array) to (?:have|be) (>=|<=)(-?\d+(?:\.\d+)?)/.exec(message);
  if (!m) return undefined;
  const [, kind, op, n] = m;
  const least = op === '>=';
  if (kind === 'string' && least && n === '1') return lang === 'zh' ? '不能为空' : 'is required';
  if (kind === 'string')
    return lang === 'zh'
      ? `${least ? '至少' : '最多'} ${n} 个字符`
      : `needs ${least ? 'at least' : 'at most'} ${n} characters`;
  if (kind === 'array')
    return lang === 'zh'
      ? `${least ? '至少' : '最多'} ${n} 项`
      : `needs ${least ? 'at least' : 'at most'} ${n} items`;
  return lang === 'zh'
    ? `${least ? '不能小于' : '不能大于'} ${n}`
    : `must be ${least ? 'at least' : 'at most'} ${n}`;
}

const NUM = '(-?\\d+(?:\\.\\d+)?)';
/**
 * The range a planner's number must fall in, from the server's sentence (functions/domain/wfm/checks.ts
 * words it in one of three ways), said in `lang`.
 */
function rangeIn(message: string, lang: Lang): string | undefined {
  const got = /; got (.+)$/.exec(message)?.[1];
  const tail = got ? (lang === 'zh' ? `（填写的是 ${got}）` : ` (got ${got})`) : '';
  let m = new RegExp(`must be a number from ${NUM} to ${NUM}`).exec(message);
  if (m)
    return (
      (lang === 'zh' ? `须为 ${m[1]} 到 ${m[2]} 之间的数` : `must be a number from ${m[1]} to ${m[2]}`) + tail
    );
  m = new RegExp(`must be a number greater than ${NUM} and less than ${NUM}`).exec(message);
  if (m)
    return (
      (lang === 'zh' ? `须大于 ${m[1]} 且小于 ${m[2]}` : `must be more than ${m[1]} and less than ${m[2]}`) +
      tail
    );
  m = new RegExp(`must be a number from ${NUM} up to but not including ${NUM}`).exec(message);
  if (m)
    return (
      (lang === 'zh' ? `须不小于 ${m[1]} 且小于 ${m[2]}` : `must be at least ${m[1]} and less than ${m[2]}`) +
      tail
    );
  return undefined;
}

/** The line a server's message names (a file that cannot be read at line 5), kept in the label's language. */
function whereIn(message: string, lang: Lang): string {
  const m = /\bline (\d+)\b/.exec(message);
  if (!m) return '';
  return lang === 'zh' ? `（第 ${m[1]} 行）` : ` (line ${m[1]})`;
}

/** The issue with the field's name before it, as a line of a form-wide message. */
function namedIssueText(issue: Issue, lang: Lang): string {
  const field = fieldOf(issue);
  const [where, ...rest] = issue.path.split('.');
  // The most precise name known: the whole path (`message.text.en`: the English text), then the field.
  const name = field
    ? ((rest.length > 1 ? labelOf(`field_${rest.join('.')}`, lang) : undefined) ??
      (issue.resource ? labelOf(`field_in_${issue.resource}_${field}`, lang) : undefined) ??
      labelOf(`field_${where}_${field}`, lang) ??
      labelOf(`field_${field}`, lang) ??
      field)
    : issue.path;
  return `${name}${lang === 'zh' ? '：' : ': '}${issueText(issue, lang)}`;
}

/** The sentence to show for a failed request in `lang`. */
export function errorText(error: unknown, lang: Lang): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const issues = issuesOf(error);
  if (issues.length) return issues.map((i) => namedIssueText(i, lang)).join(lang === 'zh' ? '；' : '; ');
  const { field, value } = error.detail;
  if (error.code === 'duplicate' && typeof field === 'string' && typeof value === 'string') {
    const name = labelOf(`field_${field}`, lang) ?? field;
    return lang === 'zh' ? `${name}“${value}”已存在` : `${name} "${value}" is already taken`;
  }
  return labelOf(`err_${error.code}`, lang) ?? error.message;
}

/** Each field's complaint from a 400, for forms that show it beside the field. */
export function fieldIssues(error: unknown, lang: Lang): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const issue of issuesOf(error)) {
    const field = fieldOf(issue);
    if (!field) continue;
    const text = issueText(issue, lang);
    out[field] = out[field] ? `${out[field]}${lang === 'zh' ? '；' : '; '}${text}` : text;
  }
  return out;
}

export type CodeKind = 'region' | 'queue' | 'skill' | 'disposition';
/** Skills are the queues' names, so one table serves both; dispositions have their wrap-up labels. */
const PREFIX: Record<CodeKind, string> = {
  region: 'region',
  queue: 'queue',
  skill: 'queue',
  disposition: 'disp',
};

/** The name of a region, queue, skill or disposition code in `lang`; the code itself when unnamed. */
export function codeName(kind: CodeKind, code: string, lang: Lang): string {
  return labelOf(`${PREFIX[kind]}_${code}`, lang) ?? code;
}

/** The functions above in the page's current language; the same functions until the language changes. */
export function useErrorText() {
  const { lang } = useLang();
  return useMemo(
    () => ({
      errorText: (error: unknown) => errorText(error, lang),
      fieldIssues: (error: unknown) => fieldIssues(error, lang),
      codeName: (kind: CodeKind, code: string) => codeName(kind, code, lang),
    }),
    [lang],
  );
}
