// Answers to a campaign's questionnaire, checked against its questions: each kind takes its own answer,
// an unknown question or a wrong kind is refused by the question's id, with what it takes.
import { describe, expect, it } from 'vitest';
import { checkAnswers } from '../../../functions/domain/campaigns/answers.js';
import type { Questionnaire } from '../../../functions/domain/surveys.js';

const visit: Questionnaire = {
  id: 'visit',
  name: { zh: '回访', en: 'Visit' },
  intro: { zh: '', en: '' },
  questions: [
    { id: 'solved', kind: 'yesno', text: { zh: '解决了吗', en: 'Solved?' } },
    {
      id: 'attitude',
      kind: 'choice',
      text: { zh: '态度', en: 'Attitude' },
      options: [
        { zh: '好', en: 'Good' },
        { zh: '差', en: 'Poor' },
      ],
    },
    { id: 'score', kind: 'scale', max: 5, text: { zh: '评分', en: 'Score' } },
    { id: 'comments', kind: 'text', text: { zh: '意见', en: 'Comments' } },
  ],
};

describe('checkAnswers', () => {
  it('takes each kind’s own answer, texts trimmed', () => {
    expect(checkAnswers(visit, { solved: false, attitude: 2, score: 5, comments: '  fine  ' })).toEqual({
      ok: true,
      answers: { solved: false, attitude: 2, score: 5, comments: 'fine' },
    });
  });

  it('refuses unknown questions and wrong kinds by id, saying what each takes', () => {
    const checked = checkAnswers(visit, { solved: 'yes', attitude: 3, score: 0, comments: '', extra: 1 });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.fromEntries(checked.issues.map((i) => [i.questionId, i.code]))).toEqual({
      solved: 'invalid-answer',
      attitude: 'invalid-answer',
      score: 'invalid-answer',
      comments: 'invalid-answer',
      extra: 'unknown-question',
    });
    expect(checked.issues.find((i) => i.questionId === 'attitude')?.message).toBe(
      'takes the number of an option, 1 to 2',
    );
  });
});
