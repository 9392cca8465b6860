// What happens to a contact after a call attempt: done (a person answered, a fax machine will never be
// one) or tried again after the delay the campaign set for that outcome, until its attempts run out.
// The retry time returned is the earliest allowed; the dialler still waits for the calling window.
import type { CampaignIssue } from './issues.js';

export const ATTEMPT_OUTCOMES = [
  'answered-human',
  'busy',
  'no-answer',
  'machine',
  'failed',
  /** A person answered and no agent was free in time: the center hung up on them. */
  'abandoned',
  'fax',
] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** The outcomes a campaign sets a retry delay for. */
export const RETRIED_OUTCOMES = ['busy', 'no-answer', 'machine', 'failed'] as const;
export type RetriedOutcome = (typeof RETRIED_OUTCOMES)[number];

/** Minutes to wait after each retried outcome, and how many attempts a contact gets in all. */
export type RetryPolicy = Readonly<Record<RetriedOutcome, number>> & { readonly maxAttempts: number };

export const RETRY_LIMITS = {
  minMinutes: 1,
  maxMinutes: 7 * 24 * 60,
  minAttempts: 1,
  maxAttempts: 20,
} as const;

export interface AttemptedContact {
  /** Attempts placed so far, the one that just ended included. */
  readonly attempts: number;
}

export type NextAttempt =
  | { readonly kind: 'retry'; readonly atMs: number }
  | { readonly kind: 'done'; readonly reason: 'answered' | 'fax' | 'max-attempts' };

export function nextAttempt(
  contact: AttemptedContact,
  outcome: AttemptOutcome,
  policy: RetryPolicy,
  nowMs: number,
): NextAttempt {
  if (outcome === 'answered-human') return { kind: 'done', reason: 'answered' };
  if (outcome === 'fax') return { kind: 'done', reason: 'fax' };
  // An abandoned call still reached the person and counts as an attempt: it is no free extra ring.
  if (contact.attempts >= policy.maxAttempts) return { kind: 'done', reason: 'max-attempts' };
  // The person was there a moment ago and heard nothing: call back soon, while they still are, at the
  // shorter of the busy and no-answer delays.
  const minutes = outcome === 'abandoned' ? Math.min(policy.busy, policy['no-answer']) : policy[outcome];
  return { kind: 'retry', atMs: nowMs + minutes * 60_000 };
}

export type RetryIssueCode = 'retry-delay-range' | 'max-attempts-range';

/** What is wrong with a retry policy, each naming its field; empty when it can be saved. */
export function validateRetryPolicy(policy: RetryPolicy): CampaignIssue<RetryIssueCode>[] {
  const { minMinutes, maxMinutes, minAttempts, maxAttempts } = RETRY_LIMITS;
  const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;
  const issues: CampaignIssue<RetryIssueCode>[] = RETRIED_OUTCOMES.filter(
    (outcome) => !whole(policy[outcome], minMinutes, maxMinutes),
  ).map((field) => ({
    field,
    code: 'retry-delay-range',
    message: {
      en: `a whole number of minutes from ${minMinutes} to ${maxMinutes} (a week)`,
      zh: `须为 ${minMinutes} 到 ${maxMinutes}（一周）之间的整数分钟`,
    },
  }));
  if (!whole(policy.maxAttempts, minAttempts, maxAttempts))
    issues.push({
      field: 'maxAttempts',
      code: 'max-attempts-range',
      message: {
        en: `a whole number of attempts from ${minAttempts} to ${maxAttempts}`,
        zh: `须为 ${minAttempts} 到 ${maxAttempts} 之间的整数次`,
      },
    });
  return issues;
}
