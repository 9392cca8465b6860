// Scores from forms: points of the criteria passed over those that apply, auto-fail zeroing the score, and
// forms and marks refused with the field that is wrong.
import { describe, expect, it } from 'vitest';
import { DEMO_FORM } from '../../../functions/domain/quality/demo-form.js';
import { criteriaOf, formIssues, type QaFormDraft } from '../../../functions/domain/quality/form.js';
import { checkMarks, computeScore, type QaMark } from '../../../functions/domain/quality/score.js';

const name = (en: string) => ({ zh: `中${en}`, en });
const form: QaFormDraft = {
  id: 'small',
  name: name('Small'),
  sections: [
    {
      id: 'a',
      name: name('A'),
      criteria: [
        { id: 'greet', name: name('Greet'), points: 10, autoFail: false },
        { id: 'solve', name: name('Solve'), points: 30, autoFail: false },
      ],
    },
    {
      id: 'b',
      name: name('B'),
      criteria: [{ id: 'identity', name: name('Identity'), points: 0, autoFail: true }],
    },
  ],
};

describe('computeScore', () => {
  it('weighs criteria by their points', () => {
    expect(computeScore(form, { greet: 'pass', solve: 'fail', identity: 'pass' })).toEqual({
      points: 10,
      maxPoints: 40,
      percent: 25,
      autoFailed: false,
      autoFails: [],
    });
    expect(computeScore(form, { greet: 'fail', solve: 'pass', identity: 'pass' }).percent).toBe(75);
  });

  it('leaves out what does not apply', () => {
    expect(computeScore(form, { greet: 'na', solve: 'pass', identity: 'pass' })).toMatchObject({
      points: 30,
      maxPoints: 30,
      percent: 100,
    });
  });

  it('makes the score 0 when an auto-fail criterion fails, even one worth no points', () => {
    expect(computeScore(form, { greet: 'pass', solve: 'pass', identity: 'fail' })).toEqual({
      points: 0,
      maxPoints: 40,
      percent: 0,
      autoFailed: true,
      autoFails: ['identity'],
    });
  });

  it('rounds to one decimal', () => {
    const thirds: QaFormDraft = {
      ...form,
      sections: [
        {
          id: 'a',
          name: name('A'),
          criteria: ['x', 'y', 'z'].map((id) => ({ id, name: name(id), points: 1, autoFail: false })),
        },
      ],
    };
    expect(computeScore(thirds, { x: 'pass', y: 'fail', z: 'fail' }).percent).toBe(33.3);
  });

  it('scores the demo form to 100 when everything passes', () => {
    const marks = Object.fromEntries(criteriaOf(DEMO_FORM).map((c) => [c.id, 'pass' as QaMark]));
    expect(computeScore(DEMO_FORM, marks)).toMatchObject({ percent: 100, maxPoints: 100 });
  });
});

describe('checkMarks', () => {
  it('names each criterion left unmarked and each the form lacks', () => {
    expect(checkMarks(form, { greet: 'pass', other: 'fail' })).toEqual({
      ok: false,
      issues: [
        { field: 'marks.solve', message: 'every criterion needs pass, fail or na' },
        { field: 'marks.identity', message: 'every criterion needs pass, fail or na' },
        { field: 'marks.other', message: 'the form (small) has no such criterion' },
      ],
    });
    expect(checkMarks(form, { greet: 'pass', solve: 'na', identity: 'pass' })).toEqual({ ok: true });
  });
});

describe('formIssues', () => {
  it('accepts the demo form', () => {
    expect(formIssues(DEMO_FORM)).toEqual([]);
  });

  it('names blank names, repeated ids, bad points and forms worth nothing', () => {
    const bad: QaFormDraft = {
      id: 'Bad Id',
      name: { zh: '', en: 'Bad' },
      sections: [
        {
          id: 's',
          name: name('S'),
          criteria: [
            { id: 'c', name: name('C'), points: -1, autoFail: false },
            { id: 'c', name: name('C2'), points: 2.5, autoFail: false },
          ],
        },
      ],
    };
    expect(formIssues(bad).map((i) => `${i.field} ${i.code}`)).toEqual([
      'id id-format',
      'name.zh required',
      'sections.0.criteria.0.points points-range',
      'sections.0.criteria.1.id duplicate',
      'sections.0.criteria.1.points points-range',
    ]);
    const worthless = {
      ...form,
      sections: [
        { id: 'a', name: name('A'), criteria: [{ id: 'z', name: name('Z'), points: 0, autoFail: true }] },
      ],
    };
    expect(formIssues(worthless)).toEqual([
      { field: 'sections', code: 'no-points', message: 'at least one criterion must be worth points' },
    ]);
  });
});
