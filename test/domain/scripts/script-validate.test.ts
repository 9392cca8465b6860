// The script validator: every shipped script passes; each kind of mistake in a small script is reported
// with its code, the script, the step and the path.
import { describe, expect, it } from 'vitest';
import { scripts } from '../../../flows/scripts/index.js';
import type { Script, ScriptStep } from '../../../functions/domain/scripts/types.js';
import { type ScriptProblemCode, validateScript } from '../../../functions/domain/scripts/validate.js';
import { checkShippedScripts } from '../../../infra/flows/check-all.js';

const ctx = {
  file: 'flows/scripts/test.ts',
  hotlines: new Set(['warranty']),
  queues: new Set(['claims', 'general']),
};
const say = (en: string) => ({ zh: `中文${en}`, en });

/** A small valid claim script: a name, a policy check that refuses anything but valid, the fault. */
const good: Script = {
  name: 'test-claim',
  hotline: 'warranty',
  queues: ['claims'],
  titles: say('Claim'),
  ticketType: 'claim',
  start: 'name',
  steps: {
    name: { say: say('Name?'), ask: { field: 'callerName', kind: 'text', required: true }, next: 'policy' },
    policy: {
      say: say('Policy?'),
      ask: { field: 'policy', kind: 'policy', required: true },
      record: { policyNumber: 'policy' },
      next: [{ when: { field: 'policyStatus', equals: 'valid' }, next: 'fault' }, { next: 'refused' }],
    },
    refused: { say: say('Refused'), end: 'close' },
    fault: {
      say: say('Fault?'),
      ask: { field: 'fault', kind: 'text', required: true },
      record: { subject: 'fault', fault: 'fault', location: 'fault', mileage: 'fault' },
      next: 'done',
    },
    done: { say: say('Filed'), end: 'create-ticket' },
  },
  phrases: [say('Verified')],
};

const withSteps = (steps: Record<string, ScriptStep>, more: Partial<Script> = {}): Script => ({
  ...good,
  ...more,
  steps: { ...good.steps, ...steps },
});

function codes(script: Script): { code: ScriptProblemCode; step?: string; path: string }[] {
  return validateScript(script, ctx).map(({ code, step, path }) => ({
    code,
    path,
    ...(step ? { step } : {}),
  }));
}

describe('script validator', () => {
  it('passes every shipped script', () => {
    expect(
      checkShippedScripts(new Set(['claims', 'complaints', 'policy', 'general', 'rescue', 'support'])),
    ).toEqual([]);
    expect(Object.keys(scripts).length).toBeGreaterThanOrEqual(10);
  });

  it('passes the small claim script', () => {
    expect(validateScript(good, ctx)).toEqual([]);
  });

  it('names the script and the step in each message', () => {
    const [p] = validateScript(withSteps({ refused: { say: say('x'), next: 'nowhere' } }), ctx);
    expect(p?.message).toMatch(/^script "test-claim", step "refused": /);
    expect(p?.file).toBe('flows/scripts/test.ts');
  });

  it('reports a next step that does not exist', () => {
    expect(codes(withSteps({ refused: { say: say('x'), next: 'nowhere' } }))).toContainEqual({
      code: 'unknown-step',
      step: 'refused',
      path: 'steps.refused.next',
    });
    expect(codes({ ...good, start: 'missing' })).toContainEqual({ code: 'unknown-step', path: 'start' });
  });

  it('reports a step the start never reaches', () => {
    expect(codes(withSteps({ orphan: { say: say('x'), end: 'close' } }))).toEqual([
      { code: 'unreachable', step: 'orphan', path: 'steps.orphan' },
    ]);
  });

  it('reports steps that loop without ever reaching an ending', () => {
    const found = codes(
      withSteps({
        refused: { say: say('x'), next: 'again' },
        again: { say: say('y'), next: 'refused' },
      }),
    );
    expect(found).toContainEqual({ code: 'no-ending', step: 'refused', path: 'steps.refused' });
    expect(found).toContainEqual({ code: 'no-ending', step: 'again', path: 'steps.again' });
  });

  it('reports a branch on an answer not asked on every way to it', () => {
    const found = codes(
      withSteps({
        name: {
          say: say('Name?'),
          ask: { field: 'callerName', kind: 'text', required: true },
          next: [{ when: { field: 'policyStatus', equals: 'valid' }, next: 'fault' }, { next: 'policy' }],
        },
      }),
    );
    expect(found).toContainEqual({
      code: 'field-not-asked',
      step: 'name',
      path: 'steps.name.next.0.when.field',
    });
  });

  it('reports a branch value the answer can never take, and badly formed branches', () => {
    const found = codes(
      withSteps({
        policy: {
          say: say('Policy?'),
          ask: { field: 'policy', kind: 'policy', required: true },
          record: { policyNumber: 'policy' },
          next: [
            { when: { field: 'policyStatus', equals: 'lapsed' }, next: 'refused' },
            { next: 'fault' },
            { when: { field: 'policyStatus', in: ['valid'] }, next: 'fault' },
          ],
        },
      }),
    );
    expect(found).toContainEqual({ code: 'unknown-value', step: 'policy', path: 'steps.policy.next.0.when' });
    expect(found).toContainEqual({ code: 'bad-branch', step: 'policy', path: 'steps.policy.next.1' });
    expect(found).toContainEqual({ code: 'bad-branch', step: 'policy', path: 'steps.policy.next.2' });
  });

  it('reports a ticket field the ticket type does not have, and one recorded from an unasked answer', () => {
    const found = codes(
      withSteps({
        refused: { say: say('x'), record: { vehicleState: 'callerName', fault: 'nothing' }, end: 'close' },
      }),
    );
    expect(found).toContainEqual({
      code: 'unknown-ticket-field',
      step: 'refused',
      path: 'steps.refused.record.vehicleState',
    });
    expect(found).toContainEqual({
      code: 'field-not-asked',
      step: 'refused',
      path: 'steps.refused.record.fault',
    });
  });

  it('reports a create-ticket ending reached without a field the ticket type requires', () => {
    const found = codes(
      withSteps({
        fault: {
          say: say('Fault?'),
          ask: { field: 'fault', kind: 'text', required: true },
          record: { subject: 'fault', fault: 'fault', location: 'fault' },
          next: 'done',
        },
      }),
    );
    expect(found).toEqual([{ code: 'missing-ticket-field', step: 'done', path: 'steps.done.record' }]);
  });

  it('reports a text missing a language, in steps, options, titles and phrases', () => {
    const found = codes({
      ...withSteps({ refused: { say: { zh: '拒绝', en: ' ' }, end: 'close' } }),
      titles: { zh: '', en: 'Claim' },
      phrases: [{ zh: '好', en: '' }],
    });
    expect(found).toEqual(
      expect.arrayContaining([
        { code: 'missing-language', step: 'refused', path: 'steps.refused.say.en' },
        { code: 'missing-language', path: 'titles.zh' },
        { code: 'missing-language', path: 'phrases.0.en' },
      ]),
    );
  });

  it('reports bad asks, endings, hotlines, queues and names', () => {
    const found = codes({
      ...withSteps({
        name: {
          say: say('Name?'),
          ask: {
            field: 'caller name',
            kind: 'choice',
            required: true,
            options: [{ value: 'a', label: say('A') }],
          },
          next: 'policy',
        },
        refused: { say: say('x'), end: 'close', next: 'fault' },
        fault: { say: say('x'), next: undefined } as ScriptStep,
      }),
      name: 'Bad Name',
      hotline: 'nowhere',
      queues: ['nobody'],
    });
    expect(found).toEqual(
      expect.arrayContaining([
        { code: 'bad-name', path: 'name' },
        { code: 'unknown-hotline', path: 'hotline' },
        { code: 'unknown-queue', path: 'queues' },
        { code: 'bad-ask', step: 'name', path: 'steps.name.ask.field' },
        { code: 'bad-ask', step: 'name', path: 'steps.name.ask.options' },
        { code: 'bad-ending', step: 'refused', path: 'steps.refused.next' },
        { code: 'bad-ending', step: 'fault', path: 'steps.fault' },
      ]),
    );
  });

  it('reports a create-ticket ending in a script that files no ticket', () => {
    const { ticketType: _, ...noType } = good;
    expect(codes(noType)).toContainEqual({ code: 'bad-ending', step: 'done', path: 'steps.done.end' });
  });

  it('accepts a script for every hotline', () => {
    expect(validateScript({ ...good, hotline: '*' }, ctx)).toEqual([]);
  });
});
