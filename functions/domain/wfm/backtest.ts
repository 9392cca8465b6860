// How good the forecast would have been: hold out the last days of history, forecast them from the
// rest, and compare interval by interval (WAPE, MAPE over intervals with calls) and day by day.
import { type Forecast, forecastVolumes, nextLocalMidnight } from './forecast.js';
import type { IntervalVolume } from './history.js';
import { localSlot } from './local-time.js';

export interface BacktestDay {
  readonly date: string;
  readonly forecast: number;
  readonly actual: number;
  readonly errorShare: number | null; // |forecast - actual| / actual; null on a day without calls
}

export type Backtest =
  | {
      readonly ok: true;
      readonly holdoutDays: number;
      /** Σ|forecast − actual| / Σ actual over every interval held out. */
      readonly wape: number;
      /** Mean of |forecast − actual| / actual over the intervals that had calls. */
      readonly mape: number;
      readonly days: readonly BacktestDay[];
    }
  | Extract<Forecast, { ok: false }>;

export function backtest(
  history: readonly IntervalVolume[],
  options: {
    readonly timeZone: string;
    readonly endMs: number;
    readonly holdoutDays: number;
    readonly weeks?: number;
  },
): Backtest {
  const cutoff = nextLocalMidnight(
    options.endMs - options.holdoutDays * 86_400_000 - 3 * 3_600_000,
    options.timeZone,
  );
  const learnFrom = history.filter((v) => Date.parse(v.start) < cutoff);
  const forecast = forecastVolumes(learnFrom, {
    timeZone: options.timeZone,
    startMs: cutoff,
    days: options.holdoutDays,
    ...(options.weeks ? { weeks: options.weeks } : {}),
  });
  if (!forecast.ok) return forecast;
  const actual = new Map<string, number>();
  for (const v of history) {
    const ms = Date.parse(v.start);
    if (ms >= cutoff && ms < options.endMs) {
      const key = new Date(ms).toISOString();
      actual.set(key, (actual.get(key) ?? 0) + v.offered);
    }
  }
  let absError = 0;
  let actualSum = 0;
  let apeSum = 0;
  let apeCount = 0;
  const byDay = new Map<string, { forecast: number; actual: number }>();
  for (const f of forecast.intervals) {
    if (Date.parse(f.start) >= options.endMs) break;
    const a = actual.get(f.start) ?? 0;
    absError += Math.abs(f.offered - a);
    actualSum += a;
    if (a > 0) {
      apeSum += Math.abs(f.offered - a) / a;
      apeCount++;
    }
    const date = localSlot(Date.parse(f.start), options.timeZone).date;
    const day = byDay.get(date) ?? { forecast: 0, actual: 0 };
    day.forecast += f.offered;
    day.actual += a;
    byDay.set(date, day);
  }
  return {
    ok: true,
    holdoutDays: options.holdoutDays,
    wape: actualSum > 0 ? absError / actualSum : 0,
    mape: apeCount > 0 ? apeSum / apeCount : 0,
    days: [...byDay].map(([date, d]) => ({
      date,
      forecast: d.forecast,
      actual: d.actual,
      errorShare: d.actual > 0 ? Math.abs(d.forecast - d.actual) / d.actual : null,
    })),
  };
}
