// A score from a form and the marks given: the points of the criteria passed over the points of those that
// apply, as a percentage; a failed auto-fail criterion makes it 0 whatever else was passed.
import { criteriaOf, type QaFormDraft } from './form.js';

export type QaMark = 'pass' | 'fail' | 'na';
export const QA_MARKS: readonly QaMark[] = ['pass', 'fail', 'na'];

export interface QaResult {
  readonly points: number;
  readonly maxPoints: number;
  /** 0 to 100, one decimal; 0 when auto-failed; 100 when nothing applied. */
  readonly percent: number;
  readonly autoFailed: boolean;
  /** The auto-fail criteria marked failed. */
  readonly autoFails: readonly string[];
}

export type MarksCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly issues: readonly { readonly field: string; readonly message: string }[] };

/** Every criterion marked once, nothing marked that the form lacks. */
export function checkMarks(form: QaFormDraft, marks: Readonly<Record<string, QaMark>>): MarksCheck {
  const ids = new Set(criteriaOf(form).map((c) => c.id));
  const issues = [
    ...[...ids]
      .filter((id) => !(id in marks))
      .map((id) => ({ field: `marks.${id}`, message: 'every criterion needs pass, fail or na' })),
    ...Object.keys(marks)
      .filter((id) => !ids.has(id))
      .map((id) => ({ field: `marks.${id}`, message: `the form (${form.id}) has no such criterion` })),
  ];
  return issues.length ? { ok: false, issues } : { ok: true };
}

export function computeScore(form: QaFormDraft, marks: Readonly<Record<string, QaMark>>): QaResult {
  let points = 0;
  let maxPoints = 0;
  const autoFails: string[] = [];
  for (const c of criteriaOf(form)) {
    const mark = marks[c.id] ?? 'na';
    if (mark === 'na') continue;
    maxPoints += c.points;
    if (mark === 'pass') points += c.points;
    else if (c.autoFail) autoFails.push(c.id);
  }
  const autoFailed = autoFails.length > 0;
  const percent = autoFailed ? 0 : maxPoints === 0 ? 100 : Math.round((points / maxPoints) * 1000) / 10;
  return { points: autoFailed ? 0 : points, maxPoints, percent, autoFailed, autoFails };
}
