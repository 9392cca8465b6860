// A 400's issues by the exact place they name (`hotlines.warranty.number`, `sections.0.criteria.1.id`), for
// forms with rows of repeated fields, where errors.ts's first-segment field would name only the list.
import { issuesOf, issueText } from './errors.js';
import type { Lang } from './lang.js';

export type PathIssues = Readonly<Record<string, string>>;

/** Each place's complaint in `lang`, keyed by its path without the leading `body.`. */
export function pathIssues(error: unknown, lang: Lang): PathIssues {
  const out: Record<string, string> = {};
  for (const issue of issuesOf(error)) {
    const at = issue.path.replace(/^body\./, '');
    const text = issueText(issue, lang);
    out[at] = out[at] ? `${out[at]}${lang === 'zh' ? '；' : '; '}${text}` : text;
  }
  return out;
}

/** The complaint about one place, shown beside its field; nothing when it has none. */
export function PathError({ issues, at }: { issues: PathIssues; at: string }) {
  const text = issues[at];
  if (!text) return null;
  return (
    <span className="error small field-error" role="alert" data-testid={`error-${at}`}>
      {text}
    </span>
  );
}
