// Calls to the survey routes: the questionnaires and each hotline's channel (admins), and the results
// per question, hotline and agent for a period (supervisors and admins).
import type { Questionnaire, SurveyChannel, SurveysSetting } from '../../../functions/domain/surveys.js';
import { call } from '../api.js';

export type { Questionnaire, SurveyChannel, SurveysSetting };

type Bilingual = { readonly zh: string; readonly en: string };

export interface QuestionResult {
  readonly id: string;
  readonly kind: 'choice' | 'scale' | 'yesno' | 'text';
  readonly text: Bilingual;
  readonly answered: number;
  readonly counts?: readonly number[];
  readonly options?: readonly Bilingual[];
  readonly average?: number;
  readonly comments?: readonly { readonly text: string; readonly at: string; readonly agentId?: string }[];
}

export interface SurveyResults {
  readonly from: string;
  readonly to: string;
  readonly asked: number;
  readonly answered: number;
  readonly completed: number;
  readonly byChannel: Readonly<Record<SurveyChannel, { readonly asked: number; readonly answered: number }>>;
  readonly csat?: number;
  readonly byAgent: readonly {
    readonly agentId: string;
    readonly answered: number;
    readonly csat?: number;
  }[];
  readonly byHotline: readonly {
    readonly hotline: string;
    readonly answered: number;
    readonly csat?: number;
  }[];
  readonly questionnaires: readonly {
    readonly id: string;
    readonly name: Bilingual;
    readonly answered: number;
    readonly questions: readonly QuestionResult[];
  }[];
}

export const surveysApi = {
  get: () => call<SurveysSetting>('GET', '/admin/surveys'),
  replace: (setting: SurveysSetting) => call<SurveysSetting>('PUT', '/admin/surveys', setting),
  results: (q: { from: string; to: string; hotline?: string }) => {
    const params = new URLSearchParams({
      from: q.from,
      to: q.to,
      ...(q.hotline ? { hotline: q.hotline } : {}),
    });
    return call<SurveyResults>('GET', `/surveys/results?${params.toString()}`);
  },
};
