// Retries after each outcome: final outcomes end the contact, the others wait the campaign's delay, an
// abandoned person is called back sooner, and attempts run out.
import { describe, expect, it } from 'vitest';
import {
  nextAttempt,
  type RetryPolicy,
  validateRetryPolicy,
} from '../../../functions/domain/campaigns/retry.js';

const policy: RetryPolicy = { busy: 10, 'no-answer': 60, machine: 240, failed: 1440, maxAttempts: 3 };
const now = Date.parse('2026-03-02T10:00:00+08:00');
const minutes = (n: number) => now + n * 60_000;
const first = { attempts: 1 };

describe('nextAttempt', () => {
  it('ends a contact a person answered, or a fax machine did, whatever attempts are left', () => {
    expect(nextAttempt(first, 'answered-human', policy, now)).toEqual({ kind: 'done', reason: 'answered' });
    expect(nextAttempt(first, 'fax', policy, now)).toEqual({ kind: 'done', reason: 'fax' });
  });

  it('retries busy, no answer, machine and failed after the delay set for each', () => {
    expect(nextAttempt(first, 'busy', policy, now)).toEqual({ kind: 'retry', atMs: minutes(10) });
    expect(nextAttempt(first, 'no-answer', policy, now)).toEqual({ kind: 'retry', atMs: minutes(60) });
    expect(nextAttempt(first, 'machine', policy, now)).toEqual({ kind: 'retry', atMs: minutes(240) });
    expect(nextAttempt(first, 'failed', policy, now)).toEqual({ kind: 'retry', atMs: minutes(1440) });
  });

  it('calls an abandoned person back sooner than an unanswered one', () => {
    expect(nextAttempt(first, 'abandoned', policy, now)).toEqual({ kind: 'retry', atMs: minutes(10) });
    const slowBusy = { ...policy, busy: 90 };
    expect(nextAttempt(first, 'abandoned', slowBusy, now)).toEqual({ kind: 'retry', atMs: minutes(60) });
  });

  it('stops when the attempts are used up, an abandoned call included', () => {
    expect(nextAttempt({ attempts: 2 }, 'busy', policy, now)).toMatchObject({ kind: 'retry' });
    for (const outcome of ['busy', 'no-answer', 'machine', 'failed', 'abandoned'] as const)
      expect(nextAttempt({ attempts: 3 }, outcome, policy, now)).toEqual({
        kind: 'done',
        reason: 'max-attempts',
      });
    expect(nextAttempt({ attempts: 1 }, 'busy', { ...policy, maxAttempts: 1 }, now)).toEqual({
      kind: 'done',
      reason: 'max-attempts',
    });
  });
});

describe('validateRetryPolicy', () => {
  it('accepts delays of 1 minute to a week and 1 to 20 attempts', () => {
    expect(validateRetryPolicy(policy)).toEqual([]);
    expect(
      validateRetryPolicy({ busy: 1, 'no-answer': 10080, machine: 5, failed: 5, maxAttempts: 20 }),
    ).toEqual([]);
  });

  it('names each delay and the attempts out of range', () => {
    const issues = validateRetryPolicy({
      busy: 0,
      'no-answer': 10081,
      machine: 2.5,
      failed: 5,
      maxAttempts: 21,
    });
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['busy', 'retry-delay-range'],
      ['no-answer', 'retry-delay-range'],
      ['machine', 'retry-delay-range'],
      ['maxAttempts', 'max-attempts-range'],
    ]);
    expect(validateRetryPolicy({ ...policy, maxAttempts: 0 })).toMatchObject([
      { code: 'max-attempts-range' },
    ]);
  });
});
