// The answer field of one script step, by the kind of answer it asks: free text, a choice, yes or no, a
// number, a date, a plate, or a policy number (with the caller's policies on record to pick from).
import type { Ask } from '../../../functions/domain/scripts/types.js';
import type { Policy } from '../api.js';
import { SCRIPT_LABELS } from '../labels-scripts.js';
import type { Lang } from '../lang.js';

export function AnswerInput({
  ask,
  value,
  onChange,
  policies,
  lang,
}: {
  ask: Ask;
  value: string;
  onChange: (value: string) => void;
  policies: readonly Policy[];
  lang: Lang;
}) {
  const label = SCRIPT_LABELS.answer[lang];
  if (ask.kind === 'choice' || ask.kind === 'yes-no') {
    const options =
      ask.kind === 'choice'
        ? (ask.options ?? []).map((o) => ({ value: o.value, text: o.label[lang] }))
        : [
            { value: 'yes', text: SCRIPT_LABELS.yes[lang] },
            { value: 'no', text: SCRIPT_LABELS.no[lang] },
          ];
    return (
      <div className="row" role="radiogroup" aria-label={label}>
        {options.map((o) => (
          <label key={o.value} className="inline">
            <input
              type="radio"
              name={`script-${ask.field}`}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />{' '}
            {o.text}
          </label>
        ))}
      </div>
    );
  }
  // No browser constraints (required, pattern): the walk checks the answer and says why in the UI's
  // language, where the browser would speak its own.
  const common = {
    name: ask.field,
    'aria-label': label,
    value,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  switch (ask.kind) {
    case 'number':
      return <input {...common} inputMode="decimal" />;
    case 'date':
      return <input {...common} type="date" />;
    case 'policy':
      return (
        <>
          <input {...common} list="script-policies" autoComplete="off" />
          <datalist id="script-policies">
            {policies.map((p) => (
              <option key={p.number} value={p.number}>
                {p.number} ({p.status})
              </option>
            ))}
          </datalist>
          {policies.length > 0 && (
            <p className="small muted">
              {SCRIPT_LABELS.policyOnRecord[lang]}:{' '}
              {policies.map((p) => (
                <button key={p.number} type="button" className="link" onClick={() => onChange(p.number)}>
                  {p.number} ({p.status})
                </button>
              ))}
            </p>
          )}
        </>
      );
    case 'text':
      return <textarea {...common} rows={2} />;
    default:
      return <input {...common} />;
  }
}
