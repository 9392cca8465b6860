// Post-call surveys (/surveys): the results for a period, per question, hotline and agent (supervisors
// and admins); for admins, which questionnaire each hotline asks and by which channel, the questionnaires'
// questions (added and removed, checked by the server on save), and the setting's versions with a restore.

import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { SettingHistoryBox } from '../admin/setting-history-box.js';
import type { Me } from '../api.js';
import { centerNow, useCenterZone } from '../center-zone.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { ADMIN_LABELS } from '../labels-admin.js';
import { SURVEY_LABELS, type SurveyLabel } from '../labels-surveys.js';
import type { Lang } from '../lang.js';
import { centerToday, lastDays } from '../reports/dates.js';
import {
  type Questionnaire,
  type SurveyChannel,
  type SurveyResults,
  type SurveysSetting,
  surveysApi,
} from '../surveys/surveys-api.js';

type Question = Questionnaire['questions'][number];
const HOTLINES = ['warranty', 'rescue', 'it-support'] as const;
/** A hotline's name as the admin console shows it, not its flow's id. */
const hotlineName = (flow: (typeof HOTLINES)[number], lang: Lang) => ADMIN_LABELS[`flow_${flow}`][lang];
const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function useSurveyText() {
  const { lang } = useLang();
  const s = (key: SurveyLabel, values: Record<string, string | number> = {}) =>
    SURVEY_LABELS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
  return { s, lang };
}

export function SurveysPage({ me }: { me: Me }) {
  const admin = me.roles.includes('admin');
  const { s } = useSurveyText();
  return (
    <div data-testid="surveys-page">
      <h1>{s('surveys')}</h1>
      <p className="muted">{s('surveysHelp')}</p>
      <ResultsCard />
      {admin && <SurveySettings />}
    </div>
  );
}

function ResultsCard() {
  const { s, lang } = useSurveyText();
  const { errorText } = useErrorText();
  const zone = useCenterZone();
  // The week to the center's today (a browser elsewhere, or the small hours in UTC, name another date).
  const [period, setPeriod] = useState(() =>
    zone
      ? lastDays(centerToday(centerNow(), zone), 7)
      : { from: isoDay(centerNow() - 6 * DAY_MS), to: isoDay(centerNow()) },
  );
  const [hotline, setHotline] = useState('');
  const [results, setResults] = useState<SurveyResults>();
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    try {
      setResults(await surveysApi.results({ ...period, ...(hotline ? { hotline } : {}) }));
      setError(undefined);
    } catch (err) {
      setError(errorText(err));
    }
  }, [period, hotline, errorText]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="card" data-testid="survey-results">
      <h2>{s('results')}</h2>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <label className="inline">
          {s('from')}{' '}
          <input
            type="date"
            name="from"
            value={period.from}
            onChange={(e) => setPeriod({ ...period, from: e.target.value })}
          />
        </label>
        <label className="inline">
          {s('to')}{' '}
          <input
            type="date"
            name="to"
            value={period.to}
            onChange={(e) => setPeriod({ ...period, to: e.target.value })}
          />
        </label>
        <label className="inline">
          {s('hotline')}{' '}
          <select name="hotline" value={hotline} onChange={(e) => setHotline(e.target.value)}>
            <option value="">{s('allHotlines')}</option>
            {HOTLINES.map((h) => (
              <option key={h} value={h}>
                {hotlineName(h, lang)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{s('show')}</button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {results && (
        <>
          <p data-testid="survey-totals">
            {s('asked')} {results.asked} · {s('answered')} {results.answered} · {s('completed')}{' '}
            {results.completed}
            {results.csat !== undefined && ` · ${s('csat')} ${results.csat}`} · {s('keypad')}{' '}
            {results.byChannel.keypad.answered}/{results.byChannel.keypad.asked} · {s('sms')}{' '}
            {results.byChannel.sms.answered}/{results.byChannel.sms.asked}
          </p>
          {results.answered === 0 && <p className="muted">{s('noAnswers')}</p>}
          {results.byAgent.length > 0 && (
            <table data-testid="survey-by-agent">
              <thead>
                <tr>
                  <th>{s('agent')}</th>
                  <th>{s('answered')}</th>
                  <th>{s('csat')}</th>
                </tr>
              </thead>
              <tbody>
                {results.byAgent.map((a) => (
                  <tr key={a.agentId}>
                    <td>{a.agentId}</td>
                    <td>{a.answered}</td>
                    <td>{a.csat ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {results.questionnaires.map((q) => (
            <div key={q.id} data-testid={`survey-result-${q.id}`}>
              <h3>
                {q.name[lang]} ({q.answered})
              </h3>
              <ul className="compact">
                {q.questions.map((question) => (
                  <li key={question.id} data-testid={`question-${question.id}`}>
                    <strong>{question.text[lang]}</strong>{' '}
                    <span className="muted">({question.answered})</span>{' '}
                    {question.kind === 'yesno' && question.counts && (
                      <span>
                        {s('yes')} {question.counts[0]} · {s('no')} {question.counts[1]}
                      </span>
                    )}
                    {question.kind === 'choice' &&
                      question.options?.map((o, i) => (
                        <span key={o.en}>
                          {i > 0 && ' · '}
                          {o[lang]} {question.counts?.[i] ?? 0}
                        </span>
                      ))}
                    {question.kind === 'scale' && question.average !== undefined && (
                      <span>
                        {s('average')} {question.average}
                      </span>
                    )}
                    {question.kind === 'text' && (question.comments?.length ?? 0) > 0 && (
                      <ul className="compact">
                        {question.comments?.map((c) => (
                          <li key={`${c.at}${c.text}`}>
                            “{c.text}” <span className="muted small">{c.agentId}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}

function SurveySettings() {
  const { s, lang } = useSurveyText();
  const { errorText } = useErrorText();
  const [setting, setSetting] = useState<SurveysSetting>();
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [changes, setChanges] = useState(0);

  const load = useCallback(async () => {
    try {
      setSetting(await surveysApi.get());
    } catch (err) {
      setStatus({ ok: false, text: errorText(err) });
    }
  }, [errorText]);
  useEffect(() => {
    void load();
  }, [load]);

  const save = async (next: SurveysSetting): Promise<boolean> => {
    try {
      setSetting(await surveysApi.replace(next));
      setStatus({ ok: true, text: s('saved') });
      setChanges((n) => n + 1);
      return true;
    } catch (err) {
      setStatus({ ok: false, text: errorText(err) });
      return false;
    }
  };
  if (!setting) return null;

  const line = (flow: string) => setting.hotlines[flow];
  const setLine = (flow: string, questionnaire: string, channel: SurveyChannel) => {
    const hotlines = { ...setting.hotlines };
    if (questionnaire) hotlines[flow] = { questionnaire, channel };
    else delete hotlines[flow];
    setSetting({ ...setting, hotlines });
  };

  return (
    <>
      {status && (
        <p
          className={status.ok ? 'notice' : 'error'}
          role={status.ok ? 'status' : 'alert'}
          data-testid="survey-status"
        >
          {status.text}
        </p>
      )}
      <section className="card" data-testid="survey-lines">
        <h2>{s('lines')}</h2>
        <p className="muted small">{s('linesHelp')}</p>
        <table>
          <tbody>
            {HOTLINES.map((flow) => (
              <tr key={flow} data-testid={`line-${flow}`}>
                <td>{hotlineName(flow, lang)}</td>
                <td>
                  <select
                    name={`questionnaire-${flow}`}
                    value={line(flow)?.questionnaire ?? ''}
                    onChange={(e) => setLine(flow, e.target.value, line(flow)?.channel ?? 'sms')}
                  >
                    <option value="">{s('notAsked')}</option>
                    {setting.questionnaires.map((q) => (
                      <option key={q.id} value={q.id}>
                        {q.name[lang]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    name={`channel-${flow}`}
                    value={line(flow)?.channel ?? 'sms'}
                    disabled={!line(flow)}
                    onChange={(e) =>
                      setLine(flow, line(flow)?.questionnaire ?? '', e.target.value as SurveyChannel)
                    }
                  >
                    <option value="sms">{s('sms')}</option>
                    <option value="keypad">{s('keypad')}</option>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" data-testid="save-lines" onClick={() => void save(setting)}>
          {s('save')}
        </button>
      </section>
      <section className="card" data-testid="survey-questionnaires">
        <h2>{s('questionnaires')}</h2>
        {setting.questionnaires.map((q) => (
          <QuestionnaireEditor
            key={q.id}
            questionnaire={q}
            onChange={(next) =>
              save({
                ...setting,
                questionnaires: setting.questionnaires.map((x) => (x.id === q.id ? next : x)),
              })
            }
          />
        ))}
      </section>
      <SettingHistoryBox<SurveysSetting>
        setting="surveys"
        testId="survey-history"
        changes={changes}
        summary={(value) =>
          value
            ? s('questionsCount', {
                questionnaires: value.questionnaires.length,
                lines: Object.keys(value.hotlines).length,
              })
            : s('builtIn')
        }
        onRestored={(version) => {
          setStatus({ ok: true, text: s('restored', { version }) });
          setChanges((n) => n + 1);
          void load();
        }}
      />
    </>
  );
}

const EMPTY = {
  id: '',
  kind: 'yesno' as Question['kind'],
  zh: '',
  en: '',
  options: '',
  max: '5',
  csat: false,
};

function QuestionnaireEditor({
  questionnaire,
  onChange,
}: {
  questionnaire: Questionnaire;
  /** Saves the questionnaire; false when the server refused it (the form keeps what was typed). */
  onChange: (next: Questionnaire) => Promise<boolean>;
}) {
  const { s, lang } = useSurveyText();
  const [form, setForm] = useState(EMPTY);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const text = { zh: form.zh, en: form.en };
    const question: Question =
      form.kind === 'choice'
        ? {
            id: form.id,
            kind: 'choice',
            text,
            options: form.options
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean)
              .map((l) => {
                const [zh = '', en = zh] = l.split('|').map((x) => x.trim());
                return { zh, en };
              }),
          }
        : form.kind === 'scale'
          ? {
              id: form.id,
              kind: 'scale',
              text,
              max: form.max === '10' ? 10 : 5,
              ...(form.csat ? { csat: true } : {}),
            }
          : { id: form.id, kind: form.kind, text };
    if (await onChange({ ...questionnaire, questions: [...questionnaire.questions, question] }))
      setForm(EMPTY);
  };
  return (
    <div className="questionnaire" data-testid={`questionnaire-${questionnaire.id}`}>
      <h3>{questionnaire.name[lang]}</h3>
      <ol>
        {questionnaire.questions.map((q) => (
          <li key={q.id} data-testid={`q-${questionnaire.id}-${q.id}`}>
            {q.text[lang]} <span className="muted small">({s(`kind_${q.kind}`)})</span>{' '}
            <button
              type="button"
              className="link"
              onClick={() =>
                onChange({
                  ...questionnaire,
                  questions: questionnaire.questions.filter((x) => x.id !== q.id),
                })
              }
            >
              {s('remove')}
            </button>
          </li>
        ))}
      </ol>
      <details>
        <summary>{s('addQuestion')}</summary>
        <form
          className="stack"
          onSubmit={(e) => void add(e)}
          data-testid={`add-question-${questionnaire.id}`}
        >
          <label>
            {s('questionId')}{' '}
            <input
              name="id"
              value={form.id}
              required
              onChange={(e) => setForm({ ...form, id: e.target.value })}
            />
          </label>
          <label>
            {s('kind')}{' '}
            <select
              name="kind"
              value={form.kind}
              onChange={(e) => setForm({ ...form, kind: e.target.value as Question['kind'] })}
            >
              {(['yesno', 'choice', 'scale', 'text'] as const).map((k) => (
                <option key={k} value={k}>
                  {s(`kind_${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {s('textZh')}{' '}
            <input
              name="zh"
              value={form.zh}
              required
              onChange={(e) => setForm({ ...form, zh: e.target.value })}
            />
          </label>
          <label>
            {s('textEn')}{' '}
            <input
              name="en"
              value={form.en}
              required
              onChange={(e) => setForm({ ...form, en: e.target.value })}
            />
          </label>
          {form.kind === 'choice' && (
            <label>
              {s('options')}{' '}
              <textarea
                name="options"
                value={form.options}
                onChange={(e) => setForm({ ...form, options: e.target.value })}
              />
            </label>
          )}
          {form.kind === 'scale' && (
            <>
              <label>
                {s('scaleMax')}{' '}
                <select
                  name="max"
                  value={form.max}
                  onChange={(e) => setForm({ ...form, max: e.target.value })}
                >
                  <option value="5">5</option>
                  <option value="10">10</option>
                </select>
              </label>
              <label>
                <input
                  type="checkbox"
                  name="csat"
                  checked={form.csat}
                  onChange={(e) => setForm({ ...form, csat: e.target.checked })}
                />{' '}
                {s('countsCsat')}
              </label>
            </>
          )}
          <button type="submit">{s('add')}</button>
        </form>
      </details>
    </div>
  );
}
