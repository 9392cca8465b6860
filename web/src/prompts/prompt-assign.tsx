// Assigning recordings: for each flow step that speaks a prompt, per language, a recording of that
// language or the speech; for each queue, per language, hold music or the default. Saved as a whole; the
// server names any choice it refuses.
import { useState } from 'react';
import { codeName, useErrorText } from '../errors.js';
import type { Language, PromptAssignments, PromptSlot, RecordedPrompt } from './prompts-api.js';
import { promptsApi } from './prompts-api.js';
import { usePromptLabels } from './use-prompt-labels.js';

const LANGS: readonly Language[] = ['zh', 'en'];

type PerLanguage = Partial<Record<Language, string>>;

function setIn(
  a: PromptAssignments,
  path: ['flows', string, string] | ['hold', string],
  lang: Language,
  id: string,
) {
  const put = (langs: PerLanguage | undefined): PerLanguage => {
    const next = { ...langs };
    if (id) next[lang] = id;
    else delete next[lang];
    return next;
  };
  if (path[0] === 'hold') return { ...a, hold: { ...a.hold, [path[1]]: put(a.hold[path[1]]) } };
  const states = a.flows[path[1]] ?? {};
  return { ...a, flows: { ...a.flows, [path[1]]: { ...states, [path[2]]: put(states[path[2]]) } } };
}

export function PromptAssign({
  slots,
  queues,
  library,
  value,
  onSaved,
}: {
  slots: readonly PromptSlot[];
  queues: readonly string[];
  library: readonly RecordedPrompt[];
  value: PromptAssignments;
  onSaved: (saved: PromptAssignments) => void;
}) {
  const { p, lang } = usePromptLabels();
  const { errorText } = useErrorText();
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  // A restore or another save replaced the setting: show what is stored now.
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
  }
  const choose = (
    path: ['flows', string, string] | ['hold', string],
    l: Language,
    current: string | undefined,
    none: string,
    testId: string,
  ) => (
    <select
      value={current ?? ''}
      data-testid={testId}
      onChange={(e) => {
        setSaved(false);
        setDraft((d) => setIn(d, path, l, e.target.value));
      }}
    >
      <option value="">{none}</option>
      {library
        .filter((r) => r.language === l)
        .map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
    </select>
  );
  const save = () =>
    promptsApi.assign(draft).then(
      (stored) => {
        setError(undefined);
        setSaved(true);
        onSaved(stored);
      },
      (e: unknown) => setError(errorText(e)),
    );

  return (
    <>
      <table data-testid="prompt-slots">
        <thead>
          <tr>
            <th>{p('promptStep')}</th>
            <th>{p('promptSpoken')}</th>
            {LANGS.map((l) => (
              <th key={l}>{l === 'zh' ? p('langZh') : p('langEn')}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {slots.map((slot) => (
            <tr
              key={`${slot.flow}.${slot.state}`}
              data-testid="prompt-slot"
              data-slot={`${slot.flow}.${slot.state}`}
            >
              <td>
                {slot.flow} · {slot.state}
              </td>
              <td className="small">{slot.text[lang] ?? Object.values(slot.text)[0]}</td>
              {LANGS.map((l) => (
                <td key={l}>
                  {!slot.text[l] ? null : slot.reads.length > 0 ? (
                    <span className="muted small">{p('promptReadsValues')}</span>
                  ) : (
                    choose(
                      ['flows', slot.flow, slot.state],
                      l,
                      draft.flows[slot.flow]?.[slot.state]?.[l],
                      p('promptSpeech'),
                      `assign-${slot.flow}-${slot.state}-${l}`,
                    )
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{p('promptHold')}</h3>
      <table data-testid="prompt-hold">
        <thead>
          <tr>
            <th>{p('promptQueue')}</th>
            {LANGS.map((l) => (
              <th key={l}>{l === 'zh' ? p('langZh') : p('langEn')}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {queues.map((q) => (
            <tr key={q}>
              <td>{codeName('queue', q, lang)}</td>
              {LANGS.map((l) => (
                <td key={l}>
                  {choose(['hold', q], l, draft.hold[q]?.[l], p('promptDefaultMusic'), `hold-${q}-${l}`)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button type="button" onClick={() => void save()} data-testid="prompt-save">
          {p('promptSave')}
        </button>
        {saved && (
          <span className="muted small" data-testid="prompt-saved">
            {p('promptSaved')}
          </span>
        )}
        {error && (
          <p className="error" role="alert" data-testid="prompt-assign-error">
            {error}
          </p>
        )}
      </div>
    </>
  );
}
