// A refused settings save in the user's language, each issue named by where it is (the queue or hotline,
// the row and field), since the generic form message names only the top-level field.
import { issuesOf, issueText } from '../errors.js';
import type { Lang } from '../lang.js';

/** `body.queues.rescue.maxWaiting` read as `rescue · maxWaiting`, each part through `name`. */
export function settingRefusal(
  err: unknown,
  lang: Lang,
  fallback: (err: unknown) => string,
  name: (part: string) => string = (part) => part,
): string {
  const issues = issuesOf(err);
  if (issues.length === 0) return fallback(err);
  return issues
    .map((i) => {
      const where = i.path.split('.').slice(2).map(name).join(' · ');
      return `${where || i.path}${lang === 'zh' ? '：' : ': '}${issueText(i, lang)}`;
    })
    .join(lang === 'zh' ? '；' : '; ');
}
