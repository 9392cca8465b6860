// The planning page's read-outs: the forecast's state and back-test, the plan's totals and cost, and
// the shifts to roster.
import { useLang } from '../i18n.js';
import type { ForecastView, PlanView } from './planning-api.js';
import { usePlanningText } from './use-planning-text.js';

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const usd = (n: number, digits = 2) => n.toFixed(digits);

export function ForecastSummary({ forecast }: { forecast: ForecastView | undefined }) {
  const { t } = useLang();
  const text = usePlanningText();
  return (
    <section className="card" data-testid="forecast-status">
      <h3>{text('forecast')}</h3>
      {!forecast && <p className="muted">{t('loading')}</p>}
      {forecast && !forecast.ok && (
        <p className="notice" data-testid="not-enough-history">
          {text('notEnoughHistory', { need: forecast.needDays, have: forecast.historyDays })}
        </p>
      )}
      {forecast?.ok && (
        <>
          <p>
            {text('trend')}: {pct(forecast.trendPerWeek)}
            {forecast.excludedDays.length > 0 &&
              ` · ${text('excludedDays')}: ${forecast.excludedDays.map((d) => d.date).join(', ')}`}
          </p>
          {forecast.backtest.ok ? (
            <p data-testid="backtest">
              {/* Interval errors run far above day errors (a quarter hour holds few calls), so each is named. */}
              {text('backtest')} ({text('backtestNote', { days: forecast.backtest.holdoutDays })}):{' '}
              {text('backtestIntervals')} WAPE <strong>{pct(forecast.backtest.wape)}</strong>, MAPE{' '}
              {pct(forecast.backtest.mape)}; {text('backtestDays')}{' '}
              {forecast.backtest.days
                .map((d) => `${d.date.slice(5)} ${d.errorShare === null ? '–' : pct(d.errorShare)}`)
                .join(' · ')}
            </p>
          ) : (
            <p className="muted">
              {text('backtest')}:{' '}
              {text('notEnoughHistory', {
                need: forecast.backtest.needDays,
                have: forecast.backtest.historyDays,
              })}
            </p>
          )}
        </>
      )}
    </section>
  );
}

export function PlanSummary({ plan }: { plan: PlanView }) {
  const text = usePlanningText();
  const { totals, cost } = plan;
  return (
    <section className="card plan-summary" data-testid="plan-summary">
      <dl>
        <dt>{text('totalAgents')}</dt>
        <dd data-testid="total-agents">{totals.agents}</dd>
        <dt>{text('paidHours')}</dt>
        <dd>{totals.paidHours}</dd>
        <dt>{text('overUnder')}</dt>
        <dd>
          {totals.overHours} / {totals.underHours}
        </dd>
        <dt>{text('shortIntervals')}</dt>
        <dd>{totals.shortIntervals}</dd>
        <dt>{text('totalCalls')}</dt>
        <dd>{Math.round(totals.calls)}</dd>
        <dt>{text('totalCost')}</dt>
        <dd data-testid="total-cost">
          {usd(cost.totalUsd)} ({text('costSplit')}: {usd(cost.agentUsd)} / {usd(cost.telephonyUsd)} /{' '}
          {usd(cost.awsUsd, 4)})
        </dd>
        <dt>{text('costPerCall')}</dt>
        <dd data-testid="cost-per-call">{cost.perCallUsd === null ? '–' : usd(cost.perCallUsd, 3)}</dd>
      </dl>
    </section>
  );
}

export function ShiftsTable({ plan }: { plan: PlanView }) {
  const text = usePlanningText();
  return (
    <section className="card">
      <h3>{text('shifts')}</h3>
      <table className="shifts-table" data-testid="shifts-table">
        <thead>
          <tr>
            <th>{text('shiftStart')}</th>
            <th>{text('shiftEnd')}</th>
            <th>{text('shiftBreak')}</th>
            <th>{text('agentsCount')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.shifts.map((s) => (
            <tr key={`${s.start}-${s.hours}`} data-testid="shift-row">
              <td>{s.start}</td>
              <td>{s.end}</td>
              <td>
                {s.breakStart}–{s.breakEnd}
              </td>
              <td>{s.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
