// The answers an agent records to a campaign's questionnaire during the call: each must answer its
// question (an option's number, a point on the scale, yes or no, a short text); unknown questions and
// wrong kinds are refused by the question's id, with what it takes.
import type { Answer, Questionnaire } from '../surveys.js';

export const ANSWER_TEXT_MAX = 500;

export interface AnswerIssue {
  readonly questionId: string;
  readonly code: 'unknown-question' | 'invalid-answer';
  readonly message: string;
}

export type AnswersCheck =
  | { readonly ok: true; readonly answers: Readonly<Record<string, Answer>> }
  | { readonly ok: false; readonly issues: readonly AnswerIssue[] };

export function checkAnswers(
  questionnaire: Questionnaire,
  given: Readonly<Record<string, unknown>>,
): AnswersCheck {
  const answers: Record<string, Answer> = {};
  const issues: AnswerIssue[] = [];
  for (const [id, value] of Object.entries(given)) {
    const q = questionnaire.questions.find((x) => x.id === id);
    if (!q) {
      issues.push({
        questionId: id,
        code: 'unknown-question',
        message: `not a question of ${questionnaire.id}; one of ${questionnaire.questions.map((x) => x.id).join(', ')}`,
      });
      continue;
    }
    const bad = (takes: string) =>
      issues.push({ questionId: id, code: 'invalid-answer', message: `takes ${takes}` });
    if (q.kind === 'choice') {
      if (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= q.options.length)
        answers[id] = value as number;
      else bad(`the number of an option, 1 to ${q.options.length}`);
    } else if (q.kind === 'scale') {
      if (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= q.max)
        answers[id] = value as number;
      else bad(`a whole number from 1 to ${q.max}`);
    } else if (q.kind === 'yesno') {
      if (typeof value === 'boolean') answers[id] = value;
      else bad('true or false');
    } else if (typeof value === 'string' && value.trim().length > 0 && value.length <= ANSWER_TEXT_MAX)
      answers[id] = value.trim();
    else bad(`a text of 1 to ${ANSWER_TEXT_MAX} characters`);
  }
  return issues.length ? { ok: false, issues } : { ok: true, answers };
}
