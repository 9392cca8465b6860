// A knowledge-base article: the answer an agent reads out, the short summary an IVR or an SMS can carry,
// and the context (hotline, ticket type, IVR step) that makes it come up by itself in a screen pop.
import { TICKET_TYPES, type TicketType } from '../model.js';

export const KB_LANGS = ['zh', 'en'] as const;
export type KbLang = (typeof KB_LANGS)[number];
export const KB_HOTLINES = ['warranty', 'rescue', 'it-support'] as const;
export type KbHotline = (typeof KB_HOTLINES)[number];
export const KB_STATUSES = ['published', 'draft'] as const;
export type KbStatus = (typeof KB_STATUSES)[number];

/** Limits shared by validation here and the API's schemas, so both refuse the same input. */
export const KB_LIMITS = {
  title: 200,
  body: 20_000,
  /** Short enough for a text-to-speech prompt or a single long SMS. */
  summary: 200,
  tags: 20,
  tag: 40,
  listItems: 20,
  owner: 64,
} as const;

/** Lower-case words joined by hyphens: safe in a URL and readable in the audit log. */
export const KB_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/;
export const KB_CATEGORY_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** `<flow>.<state>`: a step of an IVR flow, e.g. `warranty.claimQueue`. */
export const KB_IVR_PATH_PATTERN = /^[a-z][a-z0-9-]*\.[A-Za-z][A-Za-z0-9]*$/;

export interface KbArticle {
  readonly id: string;
  readonly lang: KbLang;
  readonly title: string;
  /** Plain text or light markdown (paragraphs, `-` lists, `**bold**`). */
  readonly body: string;
  readonly summary: string;
  readonly category: string;
  readonly tags: readonly string[];
  readonly hotlines: readonly KbHotline[];
  readonly ticketTypes: readonly TicketType[];
  readonly ivrPaths: readonly string[];
  readonly owner: string;
  readonly version: number;
  readonly status: KbStatus;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/** What an author writes; the store adds the version and the stamps. */
export type KbArticleDraft = Omit<KbArticle, 'version' | 'updatedAt' | 'updatedBy'>;

export interface KbIssue {
  readonly field: string;
  readonly message: string;
}

export type KbValidation =
  | { readonly ok: true }
  | { readonly ok: false; readonly issues: readonly KbIssue[] };

function text(issues: KbIssue[], field: string, value: string, max: number): void {
  if (value.trim().length === 0) issues.push({ field, message: 'must not be empty' });
  else if ([...value].length > max) issues.push({ field, message: `must be at most ${max} characters` });
}

function list<T extends string>(
  issues: KbIssue[],
  field: string,
  values: readonly string[],
  allowed: readonly T[] | RegExp,
  what: string,
): void {
  if (values.length > KB_LIMITS.listItems)
    issues.push({ field, message: `at most ${KB_LIMITS.listItems} entries` });
  values.forEach((value, i) => {
    const ok = Array.isArray(allowed) ? allowed.includes(value as T) : (allowed as RegExp).test(value);
    if (!ok) issues.push({ field: `${field}.${i}`, message: `"${value}" is not ${what}` });
  });
}

/** Every problem with an article at once, each naming its field and what is allowed. */
export function validateArticle(a: KbArticleDraft): KbValidation {
  const issues: KbIssue[] = [];
  if (!KB_ID_PATTERN.test(a.id))
    issues.push({ field: 'id', message: 'lower-case letters, digits and hyphens, 2-64 characters' });
  if (!KB_LANGS.includes(a.lang)) issues.push({ field: 'lang', message: `one of ${KB_LANGS.join(', ')}` });
  if (!KB_STATUSES.includes(a.status))
    issues.push({ field: 'status', message: `one of ${KB_STATUSES.join(', ')}` });
  text(issues, 'title', a.title, KB_LIMITS.title);
  text(issues, 'body', a.body, KB_LIMITS.body);
  text(issues, 'summary', a.summary, KB_LIMITS.summary);
  text(issues, 'owner', a.owner, KB_LIMITS.owner);
  if (!KB_CATEGORY_PATTERN.test(a.category))
    issues.push({ field: 'category', message: 'lower-case letters, digits and hyphens, 1-40 characters' });
  if (a.tags.length > KB_LIMITS.tags)
    issues.push({ field: 'tags', message: `at most ${KB_LIMITS.tags} tags` });
  a.tags.forEach((tag, i) => {
    text(issues, `tags.${i}`, tag, KB_LIMITS.tag);
  });
  list(issues, 'hotlines', a.hotlines, KB_HOTLINES, `a hotline (${KB_HOTLINES.join(', ')})`);
  list(issues, 'ticketTypes', a.ticketTypes, TICKET_TYPES, `a ticket type (${TICKET_TYPES.join(', ')})`);
  list(issues, 'ivrPaths', a.ivrPaths, KB_IVR_PATH_PATTERN, 'an IVR step such as warranty.claimQueue');
  return issues.length === 0 ? { ok: true } : { ok: false, issues };
}
