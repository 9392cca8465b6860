// Quality scoring forms: sections of criteria, each worth points, some marked auto-fail (failing one makes
// the whole score 0), names in Chinese and English. A form is versioned: a score names the version it used,
// so editing a form never changes a score already given.
import type { HandlerIssueCode } from '../problems.js';

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export interface QaCriterion {
  readonly id: string;
  readonly name: Bilingual;
  /** What a pass earns; an auto-fail item may be worth 0 and still zero the score when failed. */
  readonly points: number;
  readonly autoFail: boolean;
}

export interface QaSection {
  readonly id: string;
  readonly name: Bilingual;
  readonly criteria: readonly QaCriterion[];
}

export interface QaFormDraft {
  readonly id: string;
  readonly name: Bilingual;
  readonly sections: readonly QaSection[];
}

export interface QaForm extends QaFormDraft {
  readonly version: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface FormIssue {
  readonly field: string;
  /** A stable code the console says in its own language. */
  readonly code: HandlerIssueCode;
  readonly message: string;
}

export const QA_ID = /^[a-z0-9][a-z0-9-]{0,47}$/;
export const MAX_POINTS = 100;

function nameIssues(name: Bilingual, field: string): FormIssue[] {
  return (['zh', 'en'] as const).flatMap((lang) =>
    name[lang].trim() ? [] : [{ field: `${field}.${lang}`, code: 'required', message: 'must not be blank' }],
  );
}

/** Every criterion across the form's sections, in order. */
export function criteriaOf(form: QaFormDraft): QaCriterion[] {
  return form.sections.flatMap((s) => s.criteria);
}

/** What is wrong with a form, each naming its field; empty when it can be saved. */
export function formIssues(form: QaFormDraft): FormIssue[] {
  const issues: FormIssue[] = [];
  if (!QA_ID.test(form.id))
    issues.push({
      field: 'id',
      code: 'id-format',
      message: 'lower-case letters, digits and dashes, at most 48',
    });
  issues.push(...nameIssues(form.name, 'name'));
  if (form.sections.length === 0)
    issues.push({ field: 'sections', code: 'required', message: 'at least one section' });
  const seen = new Set<string>();
  form.sections.forEach((section, s) => {
    const at = `sections.${s}`;
    if (!QA_ID.test(section.id))
      issues.push({ field: `${at}.id`, code: 'id-format', message: 'lower-case letters, digits and dashes' });
    issues.push(...nameIssues(section.name, `${at}.name`));
    if (section.criteria.length === 0)
      issues.push({ field: `${at}.criteria`, code: 'required', message: 'at least one criterion' });
    section.criteria.forEach((c, i) => {
      const cat = `${at}.criteria.${i}`;
      if (!QA_ID.test(c.id))
        issues.push({
          field: `${cat}.id`,
          code: 'id-format',
          message: 'lower-case letters, digits and dashes',
        });
      else if (seen.has(c.id))
        issues.push({
          field: `${cat}.id`,
          code: 'duplicate',
          message: `"${c.id}" is used twice in the form`,
        });
      seen.add(c.id);
      issues.push(...nameIssues(c.name, `${cat}.name`));
      if (!Number.isInteger(c.points) || c.points < 0 || c.points > MAX_POINTS)
        issues.push({
          field: `${cat}.points`,
          code: 'points-range',
          message: `a whole number from 0 to ${MAX_POINTS}`,
        });
    });
  });
  if (issues.length === 0 && criteriaOf(form).every((c) => c.points === 0))
    issues.push({
      field: 'sections',
      code: 'no-points',
      message: 'at least one criterion must be worth points',
    });
  return issues;
}
