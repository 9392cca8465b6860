// The Erlang calculators: agents for a service-level target (Erlang C) and lines for a blocking
// target (Erlang B), straight from the API so the page and the plan use the same maths.
import { type FormEvent, useState } from 'react';
import { useErrorText } from '../errors.js';
import type { PlanningLabelKey } from '../labels-planning.js';
import { type ErlangCView, planningApi } from './planning-api.js';
import { type NumberRule, typedNumber } from './typed-number.js';
import { usePlanningText } from './use-planning-text.js';

const C_FIELDS = [
  ['calls', 'calls', 100, 'any'],
  ['intervalSeconds', 'intervalSeconds', 1800, 'positive'],
  ['ahtSeconds', 'ahtSeconds', 180, 'positive'],
  ['targetSeconds', 'targetSeconds', 20, 'any'],
  ['targetServiceLevel', 'targetServiceLevel', 80, 'percentAboveZero'],
  ['shrinkage', 'shrinkage', 30, 'percent'],
] as const satisfies readonly (readonly [string, PlanningLabelKey, number, NumberRule])[];

export function ErlangBox() {
  const text = usePlanningText();
  const { errorText } = useErrorText();
  const [c, setC] = useState<Record<string, string>>(
    Object.fromEntries(C_FIELDS.map(([k, , v]) => [k, String(v)])),
  );
  const [b, setB] = useState({ erlangs: '10', blocking: '0.01' });
  const [resultC, setResultC] = useState<ErlangCView>();
  const [lines, setLines] = useState<number>();
  const [error, setError] = useState<string>();

  const computeC = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setError(undefined);
      const typed = Object.fromEntries(
        C_FIELDS.map(([key, label, , rule]) => [key, typedNumber(text, label, c[key] ?? '', rule)]),
      ) as Record<(typeof C_FIELDS)[number][0], number>;
      // The form takes percentages; the API takes shares.
      setResultC(
        await planningApi.erlangC({
          ...typed,
          targetServiceLevel: typed.targetServiceLevel / 100,
          shrinkage: typed.shrinkage / 100,
        }),
      );
    } catch (err) {
      // The last answer was for other figures: it must not read as this input's.
      setResultC(undefined);
      setError(errorText(err));
    }
  };
  const computeB = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setError(undefined);
      setLines(
        (await planningApi.erlangB({ erlangs: Number(b.erlangs), blocking: Number(b.blocking) })).lines,
      );
    } catch (err) {
      setLines(undefined);
      setError(errorText(err));
    }
  };

  return (
    <section className="card erlang-box" data-testid="erlang-box">
      <h3>{text('erlangCalculator')}</h3>
      <form onSubmit={computeC} data-testid="erlang-c">
        {C_FIELDS.map(([key, label]) => (
          <label key={key}>
            {text(label)}
            <input
              name={key}
              inputMode="decimal"
              value={c[key]}
              onChange={(e) => setC({ ...c, [key]: e.target.value })}
            />
          </label>
        ))}
        <button type="submit">{text('compute')} C</button>
      </form>
      {resultC && (
        <p data-testid="erlang-c-result">
          {text('agentsNeeded')}: <strong>{resultC.agents}</strong> · {text('serviceLevel')}{' '}
          {(resultC.serviceLevel * 100).toFixed(1)}% · {text('asa')} {resultC.asaSeconds.toFixed(1)} s ·{' '}
          {text('occupancy')} {(resultC.occupancy * 100).toFixed(1)}% · {text('staffToSchedule')}:{' '}
          <strong>{resultC.staff}</strong>
        </p>
      )}
      <form onSubmit={computeB} data-testid="erlang-b">
        <label>
          {text('erlangs')}
          <input
            name="erlangs"
            inputMode="decimal"
            value={b.erlangs}
            onChange={(e) => setB({ ...b, erlangs: e.target.value })}
          />
        </label>
        <label>
          {text('blocking')}
          <input
            name="blocking"
            inputMode="decimal"
            value={b.blocking}
            onChange={(e) => setB({ ...b, blocking: e.target.value })}
          />
        </label>
        <button type="submit">{text('compute')} B</button>
      </form>
      {lines !== undefined && (
        <p data-testid="erlang-b-result">
          {text('linesNeeded')}: <strong>{lines}</strong>
        </p>
      )}
      {error && (
        <p className="error" role="alert" data-testid="erlang-error">
          {error}
        </p>
      )}
    </section>
  );
}
