// A campaign's questionnaire beside its call: the questions the agent asks the contact, each answered the way
// it takes (an option, a point on the scale, yes or no, a short text), saved on the contact; what was
// answered before (an earlier call, or a reload) is filled in.
import { useEffect, useState } from 'react';
import type { Questionnaire } from '../../../functions/domain/surveys.js';
import { call } from '../api.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { type SaveOutcome, SaveStatus } from '../save-status.js';

type Answer = number | boolean | string;

interface CampaignCall {
  readonly campaignName: string;
  readonly questionnaire?: Questionnaire;
  readonly answers: Readonly<Record<string, Answer>>;
}

const path = (callSid: string) => `/calls/${encodeURIComponent(callSid)}`;

/** What a select or input holds for an answer, and the answer it stands for. */
const shown = (a: Answer | undefined) => (a === undefined ? '' : String(a));

export function CampaignQuestionnaire({ callSids }: { callSids: readonly string[] }) {
  const { t, lang } = useLang();
  const { errorText } = useErrorText();
  const [view, setView] = useState<CampaignCall>();
  const [values, setValues] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<SaveOutcome>();

  const [callSid, setCallSid] = useState<string>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: errorText follows the language; a switch must not reload.
  useEffect(() => {
    let live = true;
    (async () => {
      let last: unknown;
      for (const sid of callSids) {
        try {
          const found = await call<CampaignCall>('GET', `${path(sid)}/campaign`);
          if (!live) return;
          setCallSid(sid);
          setView(found);
          setValues(Object.fromEntries(Object.entries(found.answers).map(([k, v]) => [k, shown(v)])));
          return;
        } catch (err) {
          last = err; // the other leg of the same call
        }
      }
      if (live && last) setStatus({ ok: false, text: errorText(last) });
    })();
    return () => {
      live = false;
    };
  }, [callSids]);

  const questionnaire = view?.questionnaire;
  if (!questionnaire || !callSid)
    return status ? <SaveStatus status={status} testId="campaign-answers-status" /> : null;

  const save = async () => {
    const answers: Record<string, Answer> = {};
    for (const q of questionnaire.questions) {
      const v = values[q.id]?.trim();
      if (!v) continue;
      answers[q.id] = q.kind === 'text' ? v : q.kind === 'yesno' ? v === 'true' : Number(v);
    }
    try {
      await call('POST', `${path(callSid)}/campaign-answers`, { answers });
      setStatus({ ok: true, text: t('answersSaved') });
    } catch (err) {
      setStatus({ ok: false, text: errorText(err) });
    }
  };

  return (
    <section className="card" data-testid="campaign-questionnaire">
      <h2>{questionnaire.name[lang]}</h2>
      <p className="muted small">{questionnaire.intro[lang]}</p>
      {questionnaire.questions.map((q) => {
        const set = (v: string) => setValues((old) => ({ ...old, [q.id]: v }));
        const value = values[q.id] ?? '';
        return (
          <div key={q.id} className="block">
            <span>{q.text[lang]}</span>
            {q.kind === 'text' ? (
              <input
                name={`answer-${q.id}`}
                aria-label={q.text[lang]}
                value={value}
                maxLength={500}
                onChange={(e) => set(e.target.value)}
              />
            ) : (
              <select
                name={`answer-${q.id}`}
                aria-label={q.text[lang]}
                value={value}
                onChange={(e) => set(e.target.value)}
              >
                <option value="">–</option>
                {q.kind === 'choice' &&
                  q.options.map((o, i) => (
                    <option key={o.en} value={String(i + 1)}>
                      {o[lang]}
                    </option>
                  ))}
                {q.kind === 'scale' &&
                  Array.from({ length: q.max }, (_, i) => i + 1).map((point) => (
                    <option key={point} value={String(point)}>
                      {point}
                    </option>
                  ))}
                {q.kind === 'yesno' && (
                  <>
                    <option value="true">{t('answerYes')}</option>
                    <option value="false">{t('answerNo')}</option>
                  </>
                )}
              </select>
            )}
          </div>
        );
      })}
      <button type="button" onClick={() => void save()} data-testid="campaign-answers-save">
        {t('saveAnswers')}
      </button>
      <SaveStatus status={status} testId="campaign-answers-status" />
    </section>
  );
}
