// Walking procedure A (warranty claim) the way an agent does on the desk: each branch of the policy check,
// answers refused by their kind, back and forth, and the claim ticket the answers fill.
import { describe, expect, it } from 'vitest';
import { warrantyClaimScript as A } from '../../../flows/scripts/warranty-claim.js';
import type { PolicyCheck, Script } from '../../../functions/domain/scripts/types.js';
import {
  advance,
  back,
  currentStep,
  type ScriptRun,
  startRun,
  ticketDraft,
} from '../../../functions/domain/scripts/walk.js';

/** Answers each step in turn (a [value, policy check] pair for a policy step); returns the run. */
function walk(script: Script, answers: readonly (string | [string, PolicyCheck])[]): ScriptRun {
  let run = startRun(script);
  for (const a of answers) {
    const moved = Array.isArray(a) ? advance(script, run, a[0], a[1]) : advance(script, run, a);
    if (!moved.ok) throw new Error(`${currentStep(script, run).id}: ${moved.reason}`);
    run = moved.run;
  }
  return run;
}

const at = (run: ScriptRun) => currentStep(A, run);

describe('procedure A walk', () => {
  it('files a claim with the answers on a valid policy', () => {
    const run = walk(A, [
      'Wang Fang',
      'yes',
      [' p-2024 0001 ', 'valid'],
      'Gearbox grinds in third',
      'Pudong, Shanghai',
      '48200',
      'Anting repair shop',
    ]);
    expect(run.path).toEqual([
      'greet',
      'hasInfo',
      'policy',
      'fault',
      'location',
      'mileage',
      'shop',
      'confirm',
    ]);
    expect(at(run).step.end).toBe('create-ticket');
    expect(ticketDraft(A, run, 'en')).toEqual({
      type: 'claim',
      subject: 'Gearbox grinds in third',
      policyNumber: 'P-20240001',
      fields: {
        callerName: 'Wang Fang',
        fault: 'Gearbox grinds in third',
        location: 'Pudong, Shanghai',
        mileage: '48200',
        shop: 'Anting repair shop',
        script: 'warranty-a-claim',
      },
    });
  });

  it.each([
    ['expired', 'expired', /expired/],
    ['cancelled', 'cancelled', /cancelled/],
  ] as const)('refuses a claim on a %s policy and says why', (check, step, reason) => {
    const run = walk(A, ['Li Lei', 'yes', ['P-1', check]]);
    expect(at(run).id).toBe(step);
    expect(at(run).step.end).toBe('close');
    expect(at(run).step.say.en).toMatch(reason);
    expect(at(run).step.say.zh).toMatch(check === 'expired' ? /过期/ : /取消/);
  });

  it('lets the caller check a policy not found, then refers them to the used-car market', () => {
    const retried = walk(A, ['Li Lei', 'yes', ['P-0', 'not-found'], 'yes', ['P-1', 'valid']]);
    expect(retried.path).toEqual(['greet', 'hasInfo', 'policy', 'notFound', 'policy', 'fault']);
    const referred = walk(A, ['Li Lei', 'yes', ['P-0', 'not-found'], 'no']);
    expect(at(referred).id).toBe('referUcm');
    expect(at(referred).step.end).toBe('close');
  });

  it('ends the call politely when the caller has no policy or vehicle details', () => {
    const run = walk(A, ['Li Lei', 'no']);
    expect(at(run).id).toBe('noInfo');
    expect(advance(A, run)).toEqual({ ok: false, reason: 'at-end' });
  });

  it('refuses answers that do not fit the step', () => {
    const start = startRun(A);
    expect(advance(A, start, '  ')).toEqual({ ok: false, reason: 'required' });
    const hasInfo = walk(A, ['Li Lei']);
    expect(advance(A, hasInfo, 'maybe')).toEqual({ ok: false, reason: 'not-an-option' });
    const policy = walk(A, ['Li Lei', 'yes']);
    expect(advance(A, policy, 'P-1')).toEqual({ ok: false, reason: 'policy-unchecked' });
    const mileage = walk(A, ['Li Lei', 'yes', ['P-1', 'valid'], 'Noise', 'Here']);
    expect(advance(A, mileage, 'about 40k')).toEqual({ ok: false, reason: 'not-a-number' });
  });

  it('goes back a step keeping the answers, and a changed answer takes the other branch', () => {
    const expired = walk(A, ['Li Lei', 'yes', ['P-1', 'expired']]);
    const backAgain = back(expired);
    expect(at(backAgain).id).toBe('policy');
    expect(backAgain.answers.policy).toBe('P-1');
    const moved = advance(A, backAgain, 'P-2', 'valid');
    expect(moved.ok && at(moved.run).id).toBe('fault');
    expect(back(startRun(A))).toEqual(startRun(A));
  });

  it('records only the answers on the path taken', () => {
    const run = walk(A, ['Li Lei', 'yes', ['P-1', 'valid'], 'Noise', 'Here', '100', '']);
    const draft = ticketDraft(A, run, 'zh');
    expect(draft?.fields).not.toHaveProperty('shop');
    expect(draft?.fields).not.toHaveProperty('retry');
  });
});
