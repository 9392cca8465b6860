// The Script panel of the agent desk: the guided script for the call (picked for the call's hotline and
// IVR choice, or chosen), one step at a time: what to say in the UI's language, the answer, back and
// next, the path so far, standard phrases for the ticket notes, and at a create-ticket ending the ticket
// filled from the answers, filed through the same API as the ticket form.
import { type FormEvent, useEffect, useState } from 'react';
import { policyStatusField, type ScriptStep } from '../../../functions/domain/scripts/types.js';
import { useLang } from '../i18n.js';
import { SCRIPT_LABELS, type ScriptLabel } from '../labels-scripts.js';
import type { Lang } from '../lang.js';
import { AnswerInput } from './guided-script-input.js';
import type { PopContext } from './use-agent-desk.js';
import { useGuidedScript } from './use-guided-script.js';

export function GuidedScript({
  pop,
  customerCallSid,
}: {
  pop: PopContext;
  customerCallSid?: string | undefined;
}) {
  const { lang } = useLang();
  const s = (key: ScriptLabel) => SCRIPT_LABELS[key][lang];
  const g = useGuidedScript(pop, customerCallSid, lang);
  const [value, setValue] = useState('');
  const [requestKey, setRequestKey] = useState(() => crypto.randomUUID());
  const field = g.current?.step.ask?.field;
  const stepKey = `${g.run?.path.length ?? 0}:${g.current?.id ?? ''}`;

  // Each step opens with the answer it was given before (after "back"), else empty.
  // biome-ignore lint/correctness/useExhaustiveDependencies: stepKey says when the step changed.
  useEffect(() => setValue(field ? (g.run?.answers[field] ?? '') : ''), [stepKey]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new script is a new submission.
  useEffect(() => setRequestKey(crypto.randomUUID()), [g.name]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void g.next(value);
  };

  return (
    <section className="card" data-testid="guided-script">
      <h2>{s('script')}</h2>
      <label className="small">
        {s('chooseScript')}{' '}
        <select
          name="script"
          aria-label={s('chooseScript')}
          value={g.name ?? ''}
          onChange={(e) => g.choose(e.target.value || undefined)}
        >
          <option value="">—</option>
          {g.offered.map((o) => (
            <option key={o.name} value={o.name}>
              {o.titles[lang]}
            </option>
          ))}
        </select>
      </label>
      {g.offered.length === 0 && !g.error && <p className="muted">{s('noScripts')}</p>}
      {g.error && (
        <p className="error" role="alert">
          {g.error}
        </p>
      )}
      {g.script && g.run && g.current && (
        <>
          <ol className="compact small" aria-label={s('path')} data-testid="script-path">
            {g.run.path.slice(0, -1).map((id, i) => {
              const step = g.script?.steps[id];
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a step may recur on the path.
                <li key={`${i}-${id}`}>{step ? pathEntry(step, g.run?.answers ?? {}, lang) : id}</li>
              );
            })}
          </ol>
          <form onSubmit={submit}>
            <p className="script-say" data-testid="script-say">
              <strong>{s('say')}:</strong> {g.current.step.say[lang]}
            </p>
            {g.current.step.ask && (
              <AnswerInput
                key={stepKey}
                ask={g.current.step.ask}
                value={value}
                onChange={setValue}
                policies={g.view?.policies ?? []}
                lang={lang}
              />
            )}
            {g.problem && (
              <p className="error" role="alert">
                {s(g.problem)}
              </p>
            )}
            <div className="row">
              <button type="button" onClick={g.back} disabled={g.run.path.length < 2}>
                {s('back')}
              </button>
              {!g.current.step.end && (
                <button type="submit" disabled={g.busy}>
                  {s('next')}
                </button>
              )}
              <button type="button" className="link" onClick={g.restart}>
                {s('restart')}
              </button>
            </div>
          </form>
          {g.current.step.end && (
            <div data-testid="script-end">
              <p className="muted">{s(`end_${g.current.step.end}`)}</p>
              {g.current.step.end === 'create-ticket' && g.draft && !g.filed && (
                <>
                  <p className="small">
                    {s('willRecord')}: {g.draft.subject}
                    {g.draft.policyNumber ? ` · ${g.draft.policyNumber}` : ''}
                    {Object.entries(g.draft.fields)
                      .filter(([k]) => k !== 'script')
                      .map(([k, v]) => ` · ${k}: ${v}`)
                      .join('')}
                  </p>
                  <button type="button" disabled={g.busy} onClick={() => void g.createTicket(requestKey)}>
                    {s('createTicket')}
                  </button>
                </>
              )}
              {g.filed && (
                <p className="ok" data-testid="script-ticket">
                  {s(g.filed.existing ? 'alreadyFiled' : 'ticketCreated')}:{' '}
                  <strong>{g.filed.ticket.number}</strong>
                </p>
              )}
            </div>
          )}
          <label>
            {s('notes')}
            <textarea
              name="script-notes"
              rows={2}
              value={g.notes}
              onChange={(e) => g.setNotes(e.target.value)}
            />
          </label>
          {g.filed && (
            <div className="row">
              <button type="button" disabled={g.busy || !g.notes.trim()} onClick={() => void g.addNote()}>
                {s('addNote')}
              </button>
              {g.noted > 0 && (
                <span className="ok small" data-testid="script-noted">
                  {s('noteAdded')} ({g.noted})
                </span>
              )}
            </div>
          )}
          {g.script.phrases.length > 0 && (
            <div className="small">
              {s('phrases')}:{' '}
              {g.script.phrases.map((p) => (
                <button
                  key={p.en}
                  type="button"
                  className="small-btn"
                  title={s('insert')}
                  onClick={() => g.setNotes(g.notes ? `${g.notes.trimEnd()}\n${p[lang]}` : p[lang])}
                >
                  {p[lang]}
                </button>
              ))}
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** A step already taken: the start of what was said, and the answer as the agent saw it. */
function pathEntry(step: ScriptStep, answers: Readonly<Record<string, string>>, lang: Lang): string {
  const said = step.say[lang].length > 36 ? `${step.say[lang].slice(0, 36)}…` : step.say[lang];
  const ask = step.ask;
  const raw = ask ? answers[ask.field] : undefined;
  if (!ask || !raw) return said;
  let shown = raw;
  if (ask.kind === 'choice') shown = ask.options?.find((o) => o.value === raw)?.label[lang] ?? raw;
  if (ask.kind === 'yes-no') shown = SCRIPT_LABELS[raw === 'yes' ? 'yes' : 'no'][lang];
  const status = ask.kind === 'policy' ? answers[policyStatusField(ask.field)] : undefined;
  const check = status ? SCRIPT_LABELS[`policy_${status}` as ScriptLabel]?.[lang] : undefined;
  return `${said} → ${shown}${check ? ` (${check})` : ''}`;
}
