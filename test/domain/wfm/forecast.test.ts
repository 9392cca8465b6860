// The forecast on a synthetic history recovers its weekday and intraday shape and its trend, leaves the
// holiday out, and its back-test error is small.
import { describe, expect, it } from 'vitest';
import { backtest } from '../../../functions/domain/wfm/backtest.js';
import { forecastVolumes, nextLocalMidnight } from '../../../functions/domain/wfm/forecast.js';
import { localSlot } from '../../../functions/domain/wfm/local-time.js';
import {
  expectedAht,
  expectedOffered,
  type SyntheticOptions,
  syntheticHistory,
  TZ,
} from './synthetic-history.js';

// Monday 2026-03-02 00:00 in Shanghai.
const END = Date.parse('2026-03-01T16:00:00Z');
const options: SyntheticOptions = {
  endMs: END,
  weeks: 8,
  trendPerWeek: 0.02,
  holiday: '2026-02-17',
  seed: 7,
};
const history = syntheticHistory(options);

describe('forecast', () => {
  const forecast = forecastVolumes(history, { timeZone: TZ, startMs: END, days: 14 });

  it('recovers the shape and trend of the history, interval by interval', () => {
    expect(forecast.ok).toBe(true);
    if (!forecast.ok) return;
    expect(forecast.intervals).toHaveLength(14 * 96);
    let absError = 0;
    let truth = 0;
    for (const f of forecast.intervals) {
      const want = expectedOffered(Date.parse(f.start), options);
      absError += Math.abs(f.offered - want);
      truth += want;
    }
    const wape = absError / truth;
    console.info(`forecast vs the generator's mean over 14 days: WAPE ${(wape * 100).toFixed(1)}%`);
    // Each weekday's slot is learnt from 7 noisy days (Poisson, means 2-15), which alone is ~10%.
    expect(wape).toBeLessThan(0.13);
    expect(forecast.trendPerWeek).toBeGreaterThan(0.005);
    expect(forecast.trendPerWeek).toBeLessThan(0.04);
    // Closed at night, busiest on Monday mornings.
    const at = (iso: string) => forecast.intervals.find((f) => f.start === iso)?.offered ?? -1;
    expect(at('2026-03-01T18:00:00.000Z')).toBe(0); // 02:00 local
    expect(at('2026-03-02T02:30:00.000Z')).toBeGreaterThan(at('2026-03-07T02:30:00.000Z')); // Mon vs Sat 10:30
  });

  it('leaves the holiday out, so its weekday is not dragged down', () => {
    if (!forecast.ok) throw new Error('no forecast');
    expect(forecast.excludedDays.map((d) => d.date)).toEqual(['2026-02-17']);
    const tuesday = forecast.intervals.filter(
      (f) => localSlot(Date.parse(f.start), TZ).date === '2026-03-03',
    );
    const got = tuesday.reduce((s, f) => s + f.offered, 0);
    const want = tuesday.reduce((s, f) => s + expectedOffered(Date.parse(f.start), options), 0);
    expect(Math.abs(got - want) / want).toBeLessThan(0.05);
  });

  it('learns handle time per slot', () => {
    if (!forecast.ok) throw new Error('no forecast');
    const ten = forecast.intervals.find((f) => f.start === '2026-03-02T02:00:00.000Z');
    expect(ten?.ahtSeconds).toBeGreaterThan(expectedAht(Date.parse('2026-03-02T02:00:00Z')) * 0.95);
    expect(ten?.ahtSeconds).toBeLessThan(expectedAht(Date.parse('2026-03-02T02:00:00Z')) * 1.05);
  });

  it('says so when history is short', () => {
    const short = history.filter((v) => Date.parse(v.start) >= END - 10 * 86_400_000);
    expect(forecastVolumes(short, { timeZone: TZ, startMs: END, days: 14 })).toEqual({
      ok: false,
      reason: 'not-enough-history',
      historyDays: 10,
      needDays: 14,
    });
    expect(forecastVolumes([], { timeZone: TZ, startMs: END, days: 14 }).ok).toBe(false);
  });

  it('finds local midnight by the center zone', () => {
    expect(new Date(nextLocalMidnight(Date.parse('2026-03-01T10:07:00Z'), TZ)).toISOString()).toBe(
      '2026-03-01T16:00:00.000Z',
    );
  });
});

describe('back-test', () => {
  it('forecasts the held-out week from the weeks before it, with a small error', () => {
    const result = backtest(history, { timeZone: TZ, endMs: END, holdoutDays: 7 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.days.map((d) => d.date)).toEqual([
      '2026-02-23',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
    ]);
    console.info(
      `back-test, last 7 days held out: WAPE ${(result.wape * 100).toFixed(1)}%, MAPE ${(result.mape * 100).toFixed(1)}%; per day ${result.days
        .map(
          (d) =>
            `${d.date} ${Math.round(d.forecast)}/${d.actual} (${((d.errorShare ?? 0) * 100).toFixed(1)}%)`,
        )
        .join(', ')}`,
    );
    // Interval counts are Poisson with means of 2-15, so the noise alone is about 25-35% per interval.
    expect(result.wape).toBeLessThan(0.35);
    for (const d of result.days) expect(d.errorShare ?? 1).toBeLessThan(0.08);
  });
});

describe('a zone that changes clocks', () => {
  const BERLIN = 'Europe/Berlin';
  it('counts local slots and days by the zone, and forecasts whole local days', () => {
    // 2026-03-29: clocks go from 02:00 to 03:00 in Berlin, a day of 92 quarter hours.
    const midnight = Date.parse('2026-03-28T23:00:00Z');
    expect(localSlot(midnight, BERLIN)).toEqual({ date: '2026-03-29', weekday: 0, slot: 0 });
    expect(localSlot(Date.parse('2026-03-29T01:00:00Z'), BERLIN).slot).toBe(12); // 03:00 local
    expect(new Date(nextLocalMidnight(midnight + 1, BERLIN)).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    const start = nextLocalMidnight(Date.parse('2026-03-14T12:00:00Z'), BERLIN);
    const weeks = syntheticHistory({ ...options, endMs: start, holiday: undefined });
    const f = forecastVolumes(weeks, { timeZone: BERLIN, startMs: start, days: 21 });
    expect(f.ok).toBe(true);
    if (!f.ok) return;
    expect(f.intervals.at(-1)?.start).toBe('2026-04-04T21:45:00.000Z'); // 23:45 on 4 April, summer time
    expect(f.intervals).toHaveLength(21 * 96 - 4);
  });
});
