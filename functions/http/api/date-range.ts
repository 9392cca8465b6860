// The one check of a report's date range (`from`/`to`, local dates, both included), with stable issue
// codes the pages word in their own language.
import { ValidationError } from '../../domain/problems.js';

/** The longest range a report reads at once. */
export const MAX_RANGE_DAYS = 400;

export function checkDateRange(from: string, to: string): void {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days < 0)
    throw new ValidationError([
      { path: 'query.to', code: 'before-from', message: 'must not be before `from`' },
    ]);
  if (days > MAX_RANGE_DAYS)
    throw new ValidationError([
      {
        path: 'query.to',
        code: 'range-too-long',
        message: `at most ${MAX_RANGE_DAYS} days after \`from\``,
      },
    ]);
}
