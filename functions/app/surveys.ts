// Post-call surveys: the questionnaires and which hotline asks which by which channel (a console setting
// with history), the answers as they arrive by keypad or SMS, and the results per question, hotline,
// agent and period. The CSAT question's answer also goes to the event history, where the KPIs count it.
import type { SurveyResponse } from '../domain/channel-ports.js';
import type { NewCenterEvent } from '../domain/history/event.js';
import type { CallRecord, Language, User } from '../domain/model.js';
import type { AuditRepo, Clock, SettingsRepo } from '../domain/ports.js';
import { type HandlerIssue, ValidationError } from '../domain/problems.js';
import {
  type Answer,
  askable,
  csatOf,
  DEFAULT_SURVEYS,
  type Questionnaire,
  SURVEYS_SETTING,
  type SurveyChannel,
  type SurveyQuestion,
  type SurveysSetting,
} from '../domain/surveys.js';
import type { CenterPorts } from './center.js';
import { hotlinesOf, unknownHotline } from './hotlines.js';
import { cachedSetting, READ_AT_CALL_END, writeSetting } from './setting-history.js';

type Settings = { readonly store: { readonly settings: SettingsRepo }; readonly clock: Clock };

/** The surveys as admins set them (a few seconds old at most), else the built-in ones. */
export async function readSurveys(deps: Settings): Promise<SurveysSetting> {
  return (await cachedSetting<SurveysSetting>(deps, SURVEYS_SETTING, READ_AT_CALL_END)) ?? DEFAULT_SURVEYS;
}

/** Whether any hotline asks on the keypad: otherwise hanging up needs no read of the call. */
const anyKeypad = (setting: SurveysSetting) =>
  Object.values(setting.hotlines).some((h) => h.channel === 'keypad');

/** Checks what the schema cannot: ids unique, each hotline a flow, each named questionnaire present. */
export function validSurveys(body: SurveysSetting): SurveysSetting {
  const issues: HandlerIssue[] = [];
  const seen = new Set<string>();
  body.questionnaires.forEach((q, i) => {
    const at = `body.questionnaires.${i}`;
    if (seen.has(q.id))
      issues.push({ path: `${at}.id`, code: 'duplicate', message: `"${q.id}" is used twice` });
    seen.add(q.id);
    const ids = new Set<string>();
    q.questions.forEach((question, j) => {
      if (ids.has(question.id))
        issues.push({
          path: `${at}.questions.${j}.id`,
          code: 'duplicate',
          message: `"${question.id}" is used twice in this questionnaire`,
        });
      ids.add(question.id);
    });
    if (q.questions.filter((x) => x.kind === 'scale' && x.csat).length > 1)
      issues.push({
        path: `${at}.questions`,
        code: 'csat-twice',
        message: 'at most one question can be the CSAT',
      });
  });
  for (const [flow, line] of Object.entries(body.hotlines)) {
    const at = `body.hotlines.${flow}`;
    const unknown = unknownHotline(at, flow);
    if (unknown) {
      issues.push(unknown);
      continue;
    }
    const questionnaire = body.questionnaires.find((q) => q.id === line.questionnaire);
    if (!questionnaire) {
      issues.push({
        path: `${at}.questionnaire`,
        code: 'unknown-questionnaire',
        message: `"${line.questionnaire}" is not one of the questionnaires`,
      });
      continue;
    }
    if (line.channel === 'keypad' && askable(questionnaire, 'keypad').length === 0)
      issues.push({
        path: `${at}.channel`,
        code: 'keypad-text-only',
        message:
          'a keypad cannot answer free text: the questionnaire needs a choice, scale or yes/no question',
      });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return body;
}

export async function replaceSurveys(
  deps: {
    readonly store: { readonly settings: SettingsRepo; readonly audit: AuditRepo };
    readonly clock: Clock;
  },
  user: User,
  body: SurveysSetting,
): Promise<SurveysSetting> {
  const valid = validSurveys(body);
  await writeSetting(deps, user, SURVEYS_SETTING, 'surveys.replace', valid);
  return valid;
}

/** What a call's hotline asks after it, by which channel; undefined when it asks nothing. */
export interface CallSurvey {
  readonly questionnaire: Questionnaire;
  readonly channel: SurveyChannel;
  readonly hotline: string;
  readonly language: Language;
}

export async function surveyOfCall(
  deps: Settings & Pick<CenterPorts, 'config'>,
  call: CallRecord,
  language: Language,
): Promise<CallSurvey | undefined> {
  if (call.direction !== 'inbound') return undefined;
  const line = hotlinesOf(deps.config).find((h) => h.number === call.to);
  if (!line) return undefined;
  const setting = await readSurveys(deps);
  const chosen = setting.hotlines[line.flow];
  const questionnaire = setting.questionnaires.find((q) => q.id === chosen?.questionnaire);
  if (!chosen || !questionnaire) return undefined;
  return { questionnaire, channel: chosen.channel, hotline: line.flow, language };
}

export async function questionnaireNamed(
  deps: Settings,
  id: string | undefined,
): Promise<Questionnaire | undefined> {
  const setting = await readSurveys(deps);
  // Answers kept before questionnaires existed belong to the service rating.
  return setting.questionnaires.find((q) => q.id === (id ?? 'service-rating'));
}

export type RecordHistory = (events: readonly NewCenterEvent[]) => Promise<void>;

/**
 * Keeps answers as they arrive (one or more at a time), and counts the CSAT in the history the first time
 * it is given. `complete` marks the survey done.
 */
export async function keepAnswers(
  deps: {
    readonly store: { readonly messaging: CenterPorts['store']['messaging'] };
    readonly clock: Clock;
    readonly recordHistory?: RecordHistory;
  },
  survey: SurveyResponse,
  questionnaire: Questionnaire,
  given: Readonly<Record<string, Answer>>,
  complete: boolean,
): Promise<SurveyResponse> {
  const now = new Date(deps.clock.now()).toISOString();
  const answers = { ...survey.answers, ...given };
  const csat = csatOf(questionnaire, answers);
  const csatQuestion = questionnaire.questions.find((q) => q.kind === 'scale' && q.csat);
  const rating = csatQuestion ? answers[csatQuestion.id] : undefined;
  const firstText = questionnaire.questions.find(
    (q) => q.kind === 'text' && typeof answers[q.id] === 'string',
  );
  const updated: SurveyResponse = {
    ...survey,
    answers,
    answeredAt: now,
    ...(csat !== undefined ? { csat } : {}),
    ...(typeof rating === 'number' ? { rating } : {}),
    ...(firstText ? { comment: String(answers[firstText.id]) } : {}),
    ...(complete ? { completedAt: now } : {}),
  };
  await deps.store.messaging.putSurvey(updated);
  if (csat !== undefined && survey.csat === undefined)
    await deps.recordHistory?.([
      {
        id: `survey:${survey.callSid}:answered`,
        at: now,
        type: 'survey.answered',
        callSid: survey.callSid,
        from: survey.phone,
        ...(survey.agentId ? { agent: survey.agentId } : {}),
        ...(survey.customerId ? { customerId: survey.customerId } : {}),
        n: { score: csat },
        a: { questionnaire: questionnaire.id, ...(survey.channel ? { channel: survey.channel } : {}) },
      },
    ]);
  return updated;
}

// --- results ---------------------------------------------------------------------------------------

export interface ResultsQuery {
  /** UTC days the surveys were asked on, inclusive, YYYY-MM-DD. */
  readonly from: string;
  readonly to: string;
  readonly hotline?: string;
  readonly agent?: string;
  readonly questionnaire?: string;
}

export interface QuestionResult {
  readonly id: string;
  readonly kind: SurveyQuestion['kind'];
  readonly text: SurveyQuestion['text'];
  readonly answered: number;
  /** choice: count per option (1..n); scale: count per point (1..max); yes/no: [yes, no]. */
  readonly counts?: readonly number[];
  readonly options?: readonly { readonly zh: string; readonly en: string }[];
  /** scale: the average answer. */
  readonly average?: number;
  /** text: the latest answers, newest first (at most 20). */
  readonly comments?: readonly { readonly text: string; readonly at: string; readonly agentId?: string }[];
}

export interface SurveyResults {
  readonly from: string;
  readonly to: string;
  readonly asked: number;
  readonly answered: number;
  readonly completed: number;
  readonly byChannel: Readonly<Record<SurveyChannel, { readonly asked: number; readonly answered: number }>>;
  /** Average CSAT on 1-10 over the answers that gave one. */
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
    readonly name: Questionnaire['name'];
    readonly answered: number;
    readonly questions: readonly QuestionResult[];
  }[];
}

/** The longest period read at once: a quarter, one query per day. */
export const MAX_RESULT_DAYS = 92;

const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

const average = (xs: readonly number[]) =>
  xs.length === 0 ? undefined : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;

export async function surveyResults(
  deps: Settings & { readonly store: { readonly messaging: CenterPorts['store']['messaging'] } },
  query: ResultsQuery,
): Promise<SurveyResults> {
  const days = daysBetween(query.from, query.to);
  if (days.length === 0 || days.length > MAX_RESULT_DAYS)
    throw new ValidationError([
      {
        path: 'query.to',
        code: 'period',
        message: `must be on or after from, and the period at most ${MAX_RESULT_DAYS} days`,
      },
    ]);
  const all: SurveyResponse[] = [];
  for (const day of days) {
    let cursor: string | undefined;
    do {
      const page = await deps.store.messaging.surveysOfDay(day, {
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      all.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
  }
  const rows = all.filter(
    (s) =>
      (!query.hotline || s.hotline === query.hotline) &&
      (!query.agent || s.agentId === query.agent) &&
      (!query.questionnaire || (s.questionnaire ?? 'service-rating') === query.questionnaire),
  );
  const answered = rows.filter((s) => s.answeredAt);
  const channelOf = (s: SurveyResponse): SurveyChannel => s.channel ?? 'sms';
  const byChannel = { keypad: { asked: 0, answered: 0 }, sms: { asked: 0, answered: 0 } };
  for (const s of rows) {
    byChannel[channelOf(s)].asked += 1;
    if (s.answeredAt) byChannel[channelOf(s)].answered += 1;
  }
  const group = (key: (s: SurveyResponse) => string | undefined) => {
    const groups = new Map<string, SurveyResponse[]>();
    for (const s of answered) {
      const k = key(s);
      if (k) groups.set(k, [...(groups.get(k) ?? []), s]);
    }
    return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  };
  const csats = (xs: readonly SurveyResponse[]) => xs.flatMap((s) => (s.csat !== undefined ? [s.csat] : []));
  const setting = await readSurveys(deps);
  const questionnaires = group((s) => s.questionnaire ?? 'service-rating').flatMap(([id, xs]) => {
    const q = setting.questionnaires.find((x) => x.id === id);
    if (!q) return [];
    return [
      {
        id,
        name: q.name,
        answered: xs.length,
        questions: q.questions.map((question) => resultOf(question, xs)),
      },
    ];
  });
  const csat = average(csats(answered));
  return {
    from: query.from,
    to: query.to,
    asked: rows.length,
    answered: answered.length,
    completed: rows.filter((s) => s.completedAt).length,
    byChannel,
    ...(csat !== undefined ? { csat } : {}),
    byAgent: group((s) => s.agentId).map(([agentId, xs]) => {
      const c = average(csats(xs));
      return { agentId, answered: xs.length, ...(c !== undefined ? { csat: c } : {}) };
    }),
    byHotline: group((s) => s.hotline).map(([hotline, xs]) => {
      const c = average(csats(xs));
      return { hotline, answered: xs.length, ...(c !== undefined ? { csat: c } : {}) };
    }),
    questionnaires,
  };
}

function resultOf(q: SurveyQuestion, rows: readonly SurveyResponse[]): QuestionResult {
  const given = rows.flatMap((s) => {
    const a = s.answers?.[q.id] ?? (q.kind === 'scale' && q.csat && !s.answers ? s.rating : undefined);
    return a === undefined ? [] : [{ a, s }];
  });
  const base = { id: q.id, kind: q.kind, text: q.text, answered: given.length };
  switch (q.kind) {
    case 'choice': {
      const counts = q.options.map((_, i) => given.filter((g) => g.a === i + 1).length);
      return { ...base, counts, options: q.options };
    }
    case 'scale': {
      const points = given.flatMap((g) => (typeof g.a === 'number' ? [g.a] : []));
      const avg = average(points);
      return {
        ...base,
        counts: Array.from({ length: q.max }, (_, i) => points.filter((p) => p === i + 1).length),
        ...(avg !== undefined ? { average: avg } : {}),
      };
    }
    case 'yesno':
      return {
        ...base,
        counts: [given.filter((g) => g.a === true).length, given.filter((g) => g.a === false).length],
      };
    case 'text': {
      const texts = given.map((g) => ({
        text: String(g.a),
        at: g.s.answeredAt ?? g.s.askedAt,
        ...(g.s.agentId ? { agentId: g.s.agentId } : {}),
      }));
      // Old answers kept the comment beside the rating.
      const legacy = rows.flatMap((s) =>
        !s.answers && s.comment
          ? [{ text: s.comment, at: s.answeredAt ?? s.askedAt, ...(s.agentId ? { agentId: s.agentId } : {}) }]
          : [],
      );
      const comments = [...texts, ...legacy].sort((a, b) => b.at.localeCompare(a.at)).slice(0, 20);
      return { ...base, answered: texts.length + legacy.length, comments };
    }
  }
}

// --- the keypad survey ---------------------------------------------------------------------------

/** The keypad survey's webhook asking question `n`, or taking its key (`tries` counts repeats). */
export function keypadSurveyUrl(
  baseUrl: string,
  step: 'ask' | 'answer',
  at: { readonly callSid: string; readonly n: number; readonly lang: Language; readonly tries?: number },
): string {
  const q = new URLSearchParams({
    call: at.callSid,
    n: String(at.n),
    lang: at.lang,
    tries: String(at.tries ?? 0),
  });
  return `${baseUrl}/twilio/survey/${step}?${q.toString()}`;
}

/**
 * The agent ended a call whose hotline asks its questionnaire on the keypad: the caller stays on the line
 * for it (their call leaves the conference for the survey's TwiML). Returns false when the hotline asks
 * nothing by keypad, or the caller is not an inbound caller an agent talked to, so the call just ends.
 */
export async function startKeypadSurvey(
  center: Pick<CenterPorts, 'config' | 'store' | 'clock' | 'telephony'> & {
    readonly history: { readonly record: RecordHistory };
  },
  customerCallSid: string,
): Promise<boolean> {
  if (!anyKeypad(await readSurveys(center))) return false;
  const call = await center.store.calls.get(customerCallSid);
  if (!call?.agentId || (center.config.channels?.survey && !center.config.channels.survey.enabled))
    return false;
  const customer =
    call.language || !call.customerId ? undefined : await center.store.customers.get(call.customerId);
  const language = call.language ?? customer?.language ?? 'zh';
  const survey = await surveyOfCall(center, call, language);
  if (survey?.channel !== 'keypad' || askable(survey.questionnaire, 'keypad').length === 0) return false;
  const now = new Date(center.clock.now()).toISOString();
  // Kept before the caller is sent to it: the survey's first webhook reads it.
  await center.store.messaging.putSurvey({
    callSid: customerCallSid,
    phone: call.from,
    askedAt: now,
    channel: 'keypad',
    language,
    questionnaire: survey.questionnaire.id,
    hotline: survey.hotline,
    agentId: call.agentId,
    ...(call.customerId ? { customerId: call.customerId } : {}),
  });
  const url = keypadSurveyUrl(center.config.webhookBaseUrl, 'ask', {
    callSid: customerCallSid,
    n: 0,
    lang: language,
  });
  await center.telephony.updateCall(customerCallSid, {
    twiml: `<Response><Redirect method="POST">${url.replaceAll('&', '&amp;')}</Redirect></Response>`,
  });
  await center.history.record([
    {
      id: `survey:${customerCallSid}:offered`,
      at: now,
      type: 'survey.offered',
      callSid: customerCallSid,
      from: call.from,
      agent: call.agentId,
      ...(call.customerId ? { customerId: call.customerId } : {}),
    },
  ]);
  return true;
}
