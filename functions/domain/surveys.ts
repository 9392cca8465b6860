// Questionnaires customers answer after a call: by the phone's keypad (the call stays on the line when
// the agent ends it) or by SMS. Each hotline names its questionnaire and channel; admins design them on
// the console. A scale question marked `csat` feeds the center's CSAT figure (on the 1-10 scale).
import type { Language } from './model.js';

export const SURVEYS_SETTING = 'surveys';

export type Bilingual = { readonly zh: string; readonly en: string };

export type SurveyQuestion =
  | {
      readonly id: string;
      readonly kind: 'choice';
      readonly text: Bilingual;
      /** Two to nine: pressed or texted as 1..n. */
      readonly options: readonly Bilingual[];
    }
  | {
      readonly id: string;
      readonly kind: 'scale';
      readonly text: Bilingual;
      /** 1 to 5 or 1 to 10. */
      readonly max: 5 | 10;
      /** The answer is the center's CSAT for the call. */
      readonly csat?: boolean;
    }
  | { readonly id: string; readonly kind: 'yesno'; readonly text: Bilingual }
  /** Asked by SMS only: a keypad cannot type it. */
  | { readonly id: string; readonly kind: 'text'; readonly text: Bilingual };

export type QuestionKind = SurveyQuestion['kind'];

export interface Questionnaire {
  readonly id: string;
  readonly name: Bilingual;
  /** Said or texted before the first question. */
  readonly intro: Bilingual;
  readonly questions: readonly SurveyQuestion[];
}

export type SurveyChannel = 'keypad' | 'sms';

export interface HotlineSurvey {
  readonly questionnaire: string;
  readonly channel: SurveyChannel;
}

export interface SurveysSetting {
  readonly questionnaires: readonly Questionnaire[];
  /** By flow name; a hotline not listed asks nothing. */
  readonly hotlines: Readonly<Record<string, HotlineSurvey>>;
}

export type Answer = number | boolean | string;

/** A question's answer on the keypad: undefined when the digits do not answer it. */
export function keypadAnswer(q: SurveyQuestion, digits: string): Answer | undefined {
  const n = /^\d{1,2}$/.test(digits) ? Number(digits) : Number.NaN;
  switch (q.kind) {
    case 'choice':
      return n >= 1 && n <= q.options.length ? n : undefined;
    case 'scale':
      return n >= 1 && n <= q.max ? n : undefined;
    case 'yesno':
      return n === 1 ? true : n === 2 ? false : undefined;
    case 'text':
      return undefined;
  }
}

const YES = /^(1|y|yes|是|对|是的|有|已解决|解决了)$/i;
const NO = /^(2|n|no|否|不|没有|不是|未解决|没解决)$/i;

/**
 * A question's answer in a text message, with what follows it ("5 great": 5, then "great" for the next
 * text question). Undefined when the text does not answer it.
 */
export function textAnswer(
  q: SurveyQuestion,
  text: string,
): { readonly answer: Answer; readonly rest?: string } | undefined {
  const trimmed = text.trim();
  if (q.kind === 'text') return trimmed ? { answer: trimmed.slice(0, 1000) } : undefined;
  const m = /^(\S+?)(?:[\s,，.。:：;；!！-]+(.*))?$/su.exec(trimmed);
  if (!m) return undefined;
  const head = (m[1] ?? '').normalize('NFKC');
  const rest = m[2]?.trim() || undefined;
  if (q.kind === 'yesno') {
    const answer = YES.test(head) ? true : NO.test(head) ? false : undefined;
    return answer === undefined ? undefined : { answer, ...(rest ? { rest } : {}) };
  }
  const answer = keypadAnswer(q, head);
  return answer === undefined ? undefined : { answer, ...(rest ? { rest } : {}) };
}

/** The CSAT (1-10) an answered questionnaire gives, if it has a CSAT question that was answered. */
export function csatOf(
  questionnaire: Questionnaire,
  answers: Readonly<Record<string, Answer>>,
): number | undefined {
  for (const q of questionnaire.questions) {
    const a = answers[q.id];
    if (q.kind === 'scale' && q.csat && typeof a === 'number') return q.max === 10 ? a : a * 2;
  }
  return undefined;
}

const KEYPAD_HINTS = {
  zh: {
    scale: (max: number) => `请按 1 到 ${max} 打分${max === 10 ? '，按井号键结束' : ''}。`,
    yesno: () => '是请按 1，否请按 2。',
  },
  en: {
    scale: (max: number) => `Press 1 to ${max}${max === 10 ? ', then the pound key' : ''}.`,
    yesno: () => 'Press 1 for yes, 2 for no.',
  },
} as const;

const SMS_HINTS = {
  zh: {
    choice: (n: number) => `回复 1 到 ${n}。`,
    scale: (max: number) => `回复 1（很差）到 ${max}（很好）。`,
    yesno: () => '回复“是”或“否”。',
    text: () => '',
  },
  en: {
    choice: (n: number) => `reply 1 to ${n}.`,
    scale: (max: number) => `reply 1 (poor) to ${max} (excellent).`,
    yesno: () => 'reply YES or NO.',
    text: () => '',
  },
} as const;

const join = (lang: Language, parts: readonly string[]) =>
  parts.filter(Boolean).join(lang === 'zh' ? '' : ' ');

/** What the IVR says for a question on the keypad. */
export function keypadPrompt(q: SurveyQuestion, lang: Language): string {
  const hints = KEYPAD_HINTS[lang];
  switch (q.kind) {
    case 'choice': {
      const options = q.options.map((o, i) =>
        lang === 'zh' ? `${o.zh}请按 ${i + 1}` : `for ${o.en}, press ${i + 1}`,
      );
      return join(lang, [
        q.text[lang],
        `${options.join(lang === 'zh' ? '，' : '; ')}${lang === 'zh' ? '。' : '.'}`,
      ]);
    }
    case 'scale':
      return join(lang, [q.text[lang], hints.scale(q.max)]);
    case 'yesno':
      return join(lang, [q.text[lang], hints.yesno()]);
    case 'text':
      return q.text[lang];
  }
}

/** The text message asking a question; the first carries the questionnaire's intro. */
export function smsPrompt(questionnaire: Questionnaire, q: SurveyQuestion, lang: Language): string {
  const hints = SMS_HINTS[lang];
  const intro = questionnaire.questions[0] === q ? questionnaire.intro[lang] : '';
  switch (q.kind) {
    case 'choice': {
      const options = q.options.map((o, i) => `${i + 1} ${o[lang]}`).join(lang === 'zh' ? '，' : ', ');
      return join(lang, [
        intro,
        q.text[lang],
        `${options}${lang === 'zh' ? '；' : ';'}`,
        hints.choice(q.options.length),
      ]);
    }
    case 'scale':
      return join(lang, [intro, q.text[lang], hints.scale(q.max)]);
    case 'yesno':
      return join(lang, [intro, q.text[lang], hints.yesno()]);
    case 'text':
      return join(lang, [intro, q.text[lang]]);
  }
}

/** The questions a channel can ask, in order: the keypad skips free text. */
export const askable = (questionnaire: Questionnaire, channel: SurveyChannel): readonly SurveyQuestion[] =>
  channel === 'keypad' ? questionnaire.questions.filter((q) => q.kind !== 'text') : questionnaire.questions;

export const SURVEY_THANKS: Bilingual = {
  zh: '感谢您的宝贵意见，再见！',
  en: 'Thank you for your feedback. Goodbye!',
};

/**
 * The questionnaires the center starts with: the service rating every line texts after a call, and the
 * follow-up visit of the requirement documents (solved? attitude? charged? 1-10, comments).
 */
export const DEFAULT_SURVEYS: SurveysSetting = {
  questionnaires: [
    {
      id: 'service-rating',
      name: { zh: '服务评价', en: 'Service rating' },
      intro: { zh: '感谢您致电爱车保。', en: 'Thanks for calling Car Care.' },
      questions: [
        {
          id: 'rating',
          kind: 'scale',
          max: 5,
          csat: true,
          text: { zh: '请为本次服务打分：', en: 'Please rate the service:' },
        },
        {
          id: 'comment',
          kind: 'text',
          text: { zh: '如愿意，请再发一条短信留下您的意见。', en: 'Reply with a comment if you like.' },
        },
      ],
    },
    {
      id: 'follow-up-visit',
      name: { zh: '回访调查', en: 'Follow-up visit' },
      intro: {
        zh: '您好，这里是客户服务中心回访，耽误您一分钟。',
        en: 'Hello, this is the service center following up; it takes a minute.',
      },
      questions: [
        { id: 'solved', kind: 'yesno', text: { zh: '您的问题解决了吗？', en: 'Was your problem solved?' } },
        {
          id: 'attitude',
          kind: 'choice',
          text: { zh: '您对服务人员的态度是否满意？', en: 'How was the staff’s attitude?' },
          options: [
            { zh: '满意', en: 'satisfied' },
            { zh: '一般', en: 'average' },
            { zh: '不满意', en: 'dissatisfied' },
          ],
        },
        {
          id: 'charged',
          kind: 'yesno',
          text: { zh: '服务过程中是否向您收取了费用？', en: 'Were you charged anything?' },
        },
        {
          id: 'score',
          kind: 'scale',
          max: 10,
          csat: true,
          text: { zh: '请为本次服务打分，', en: 'Please score the service;' },
        },
        { id: 'comments', kind: 'text', text: { zh: '您还有什么意见或建议？', en: 'Any other comments?' } },
      ],
    },
  ],
  hotlines: {
    warranty: { questionnaire: 'service-rating', channel: 'sms' },
    rescue: { questionnaire: 'service-rating', channel: 'sms' },
    'it-support': { questionnaire: 'service-rating', channel: 'sms' },
  },
};
