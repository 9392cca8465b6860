// Workforce planning (supervisors and admins): the forecast and its back-test, a day's plan from the
// forecast or from volumes typed in, re-planned as any input (the what-if) changes, with the staffing
// chart, the shifts and the cost; and the Erlang calculators.
import { useEffect, useMemo, useState } from 'react';
import type { Me } from '../api.js';
import { useCenterZone } from '../center-zone.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { ErlangBox } from '../planning/erlang-box.js';
import { ForecastSummary, PlanSummary, ShiftsTable } from '../planning/plan-tables.js';
import { type ForecastView, type PlanRequest, type PlanView, planningApi } from '../planning/planning-api.js';
import { StaffingChart } from '../planning/staffing-chart.js';
import { TypedNumberError, typedNumber } from '../planning/typed-number.js';
import { usePlanningText } from '../planning/use-planning-text.js';
import '../planning/planning.css';

const INITIAL = {
  source: 'manual' as 'forecast' | 'manual',
  day: '',
  callsPer15: '20',
  openFrom: '8',
  openTo: '20',
  aht: '',
  targetSeconds: '20',
  targetServiceLevel: '80',
  shrinkage: '30',
  agentUsdPerHour: '10',
  startTimes: '07:00, 07:30, 08:00, 08:30, 09:00, 10:00, 11:00, 12:00',
  lengthsHours: '8',
  breakMinutes: '60',
  volumePercent: '100',
};
type Form = typeof INITIAL;

const numbers = (s: string) =>
  s
    .split(/[,\s]+/)
    .filter(Boolean)
    .map(Number);

function toRequest(form: Form): PlanRequest {
  const manual = form.source === 'manual';
  const from = Number(form.openFrom) * 4;
  const to = Number(form.openTo) * 4;
  return {
    ...(manual
      ? {
          volumes: Array.from({ length: 96 }, (_, slot) =>
            slot >= from && slot < to ? Number(form.callsPer15) : 0,
          ),
        }
      : { day: form.day }),
    ...(form.aht.trim() ? { ahtSeconds: Number(form.aht) } : manual ? { ahtSeconds: 300 } : {}),
    volumePercent: Number(form.volumePercent),
    targetSeconds: Number(form.targetSeconds),
    targetServiceLevel: Number(form.targetServiceLevel) / 100,
    shrinkage: Number(form.shrinkage) / 100,
    agentUsdPerHour: Number(form.agentUsdPerHour),
    shiftRules: {
      startTimes: form.startTimes.split(/[,\s]+/).filter(Boolean),
      lengthsHours: numbers(form.lengthsHours),
      breakMinutes: Number(form.breakMinutes),
    },
  };
}

export function PlanningPage({ me }: { me: Me }) {
  const { t } = useLang();
  const text = usePlanningText();
  const { errorText } = useErrorText();
  const zone = useCenterZone();
  const allowed = me.roles.includes('supervisor') || me.roles.includes('admin');
  const [forecast, setForecast] = useState<ForecastView>();
  const [form, setForm] = useState<Form>(INITIAL);
  const [plan, setPlan] = useState<PlanView>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!allowed) return;
    planningApi.forecast().then(setForecast, (err) => setError(errorText(err)));
  }, [allowed, errorText]);

  const days = useMemo(() => {
    if (!forecast?.ok || !zone) return [];
    const date = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    return [...new Set(forecast.intervals.map((i) => date.format(Date.parse(i.start))))];
  }, [forecast, zone]);

  useEffect(() => {
    if (days[0]) setForm((f) => (f.day ? f : { ...f, source: 'forecast', day: days[0] ?? '' }));
  }, [days]);

  const request = useMemo(() => JSON.stringify(toRequest(form)), [form]);
  // Percentages and the plain numbers are checked as typed, in the page's words; the API sees shares.
  let typedProblem: string | undefined;
  try {
    typedNumber(text, 'targetSeconds', form.targetSeconds, 'any');
    typedNumber(text, 'targetServiceLevel', form.targetServiceLevel, 'percentAboveZero');
    typedNumber(text, 'shrinkage', form.shrinkage, 'percent');
    typedNumber(text, 'whatIfVolume', form.volumePercent, 'positive');
  } catch (err) {
    if (!(err instanceof TypedNumberError)) throw err;
    typedProblem = err.message;
  }
  useEffect(() => {
    if (!allowed) return;
    if (typedProblem) {
      setError(typedProblem);
      return;
    }
    // Typing a number fires on every key: plan once the typing pauses. An answer to an earlier input
    // that arrives after a later one is dropped, so it never shows over the later one's error.
    let live = true;
    const timer = setTimeout(() => {
      planningApi.plan(JSON.parse(request) as PlanRequest).then(
        (p) => {
          if (!live) return;
          setPlan(p);
          setError(undefined);
        },
        (err) => live && setError(errorText(err)),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [allowed, request, errorText, typedProblem]);

  if (!allowed) return <p className="error">{t('needsSupervisor')}</p>;

  const field = (key: keyof Form, label: Parameters<typeof text>[0], wide = false) => (
    <label className={wide ? 'wide' : undefined}>
      {text(label)}
      <input name={key} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </label>
  );

  return (
    <div className="planning-page">
      <h1>{text('planningTitle')}</h1>
      <ForecastSummary forecast={forecast} />
      <section className="card plan-inputs" data-testid="plan-inputs">
        <h3>{text('planInputs')}</h3>
        <div className="fields">
          <label>
            {text('source')}
            <select
              name="source"
              value={form.source}
              onChange={(e) => setForm({ ...form, source: e.target.value as Form['source'] })}
            >
              <option value="forecast" disabled={days.length === 0}>
                {text('fromForecast')}
              </option>
              <option value="manual">{text('manualVolume')}</option>
            </select>
          </label>
          {form.source === 'forecast' ? (
            <label>
              {text('day')}
              <select name="day" value={form.day} onChange={(e) => setForm({ ...form, day: e.target.value })}>
                {days.map((d) => (
                  <option key={d}>{d}</option>
                ))}
              </select>
            </label>
          ) : (
            <>
              {field('callsPer15', 'callsPer15')}
              {field('openFrom', 'openFrom')}
              {field('openTo', 'openTo')}
            </>
          )}
          {field('aht', form.source === 'forecast' ? 'ahtOverride' : 'ahtSeconds')}
          {field('targetSeconds', 'targetSeconds')}
          {field('targetServiceLevel', 'targetServiceLevel')}
          {field('shrinkage', 'shrinkage')}
          {field('agentUsdPerHour', 'agentUsdPerHour')}
          {field('startTimes', 'startTimes', true)}
          {field('lengthsHours', 'lengthsHours')}
          {field('breakMinutes', 'breakMinutes')}
          {field('volumePercent', 'whatIfVolume')}
        </div>
        {error && (
          <p className="error" data-testid="plan-error">
            {error}
          </p>
        )}
      </section>
      {plan && (
        <>
          <PlanSummary plan={plan} />
          <section className="card">
            <h3>{text('staffing')}</h3>
            <StaffingChart plan={plan} />
          </section>
          <ShiftsTable plan={plan} />
        </>
      )}
      <ErlangBox />
    </div>
  );
}
