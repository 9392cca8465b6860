// Calibration: every score one call was given, side by side per criterion, with the spread of the totals,
// so supervisors see where they judge the same call differently.
import { useLang } from '../i18n.js';
import { percentOf } from './format.js';
import type { QaForm, QaScore } from './quality-api.js';
import { useQualityText } from './use-quality-text.js';

export function Calibration({ form, scores }: { form: QaForm; scores: readonly QaScore[] }) {
  const { lang } = useLang();
  const text = useQualityText();
  if (scores.length < 2) return null;
  const percents = scores.map((s) => s.result.percent);
  const diff = Math.round((Math.max(...percents) - Math.min(...percents)) * 10) / 10;
  const criteria = form.sections.flatMap((s) => s.criteria);
  return (
    <section className="card" data-testid="qa-calibration">
      <h3>
        {text('calibration')}{' '}
        <span data-testid="qa-difference">{text('difference', { diff: diff.toFixed(1) })}</span>
      </h3>
      <table className="report-table">
        <thead>
          <tr>
            <th>{text('criterion')}</th>
            {scores.map((s) => (
              <th key={s.id}>{s.scoredBy}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {criteria.map((c) => {
            const marks = scores.map((s) => s.marks[c.id] ?? 'na');
            const differs = new Set(marks).size > 1;
            return (
              <tr key={c.id} className={differs ? 'qa-differs' : undefined}>
                <th>{c.name[lang]}</th>
                {marks.map((m, i) => (
                  <td key={scores[i]?.id}>{text(m)}</td>
                ))}
              </tr>
            );
          })}
          <tr>
            <th>{text('score')}</th>
            {scores.map((s) => (
              <td key={s.id}>{percentOf(s.result.percent)}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}
