// Offered calls and handle time per 15-minute interval for the days ahead, from history: a per-weekday
// daily total with a linear trend, spread over the day by each weekday's intraday shape (recent weeks
// weigh more). Days far below their weekday's norm (holidays, outages) are left out of both.
import { INTERVAL_MS, type IntervalVolume, SLOTS_PER_DAY } from './history.js';
import { localSlot } from './local-time.js';

export interface ForecastInterval {
  readonly start: string;
  readonly offered: number;
  readonly ahtSeconds: number | null; // null when history holds no handled call at all
}

export interface ExcludedDay {
  readonly date: string;
  readonly offered: number;
  readonly weekdayNorm: number;
}

export type Forecast =
  | {
      readonly ok: true;
      readonly intervals: readonly ForecastInterval[];
      readonly historyDays: number;
      readonly excludedDays: readonly ExcludedDay[];
      /** Growth of the daily level per week, as a share (0.02 = +2% a week). */
      readonly trendPerWeek: number;
    }
  | {
      readonly ok: false;
      readonly reason: 'not-enough-history';
      readonly historyDays: number;
      readonly needDays: number;
    };

export interface ForecastOptions {
  readonly timeZone: string;
  readonly startMs: number; // a local midnight: the first interval forecast
  readonly days: number;
  readonly weeks?: number; // how much history to learn from, 8 by default
  /** Where history stops, a local midnight at or before startMs; startMs by default. */
  readonly historyEndMs?: number;
}

export const MIN_HISTORY_DAYS = 14;
/** A day under this share of its weekday's median is taken for a holiday or an outage. */
export const ANOMALY_SHARE = 0.5;
/** Weight of a week's shape per week of age: recent weeks count more. */
export const WEEK_DECAY = 0.85;
const DAY_MS = 86_400_000;

interface Day {
  readonly date: string;
  readonly weekday: number;
  readonly index: number; // days since 1970-01-01 of the local date
  readonly offered: number[];
  readonly handled: number[];
  readonly handleSeconds: number[];
  firstSlot: number;
  lastSlot: number;
}

const total = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Every complete local day in the window, zeros where history has no record. */
function completeDays(
  history: readonly IntervalVolume[],
  fromMs: number,
  toMs: number,
  timeZone: string,
): Day[] {
  const byStart = new Map<number, IntervalVolume>();
  let first = Number.POSITIVE_INFINITY;
  for (const v of history) {
    const ms = Date.parse(v.start);
    if (ms < fromMs || ms >= toMs) continue;
    byStart.set(ms, v);
    first = Math.min(first, ms);
  }
  const days = new Map<string, Day>();
  const firstDate = Number.isFinite(first) ? localSlot(first, timeZone).date : '9999';
  for (let ms = fromMs; ms < toMs; ms += INTERVAL_MS) {
    const at = localSlot(ms, timeZone);
    // Before the first call the center may not have existed: those days are unknown, not quiet.
    if (at.date < firstDate) continue;
    let day = days.get(at.date);
    if (!day) {
      const zeros = () => new Array<number>(SLOTS_PER_DAY).fill(0);
      const index = Date.parse(`${at.date}T00:00:00Z`) / DAY_MS;
      day = {
        date: at.date,
        weekday: at.weekday,
        index,
        offered: zeros(),
        handled: zeros(),
        handleSeconds: zeros(),
        firstSlot: at.slot,
        lastSlot: at.slot,
      };
      days.set(at.date, day);
    }
    day.lastSlot = at.slot;
    const v = byStart.get(ms);
    if (v) {
      day.offered[at.slot] = (day.offered[at.slot] ?? 0) + v.offered;
      day.handled[at.slot] = (day.handled[at.slot] ?? 0) + v.handled;
      day.handleSeconds[at.slot] = (day.handleSeconds[at.slot] ?? 0) + v.handleSeconds;
    }
  }
  return [...days.values()].filter((d) => d.firstSlot === 0 && d.lastSlot === SLOTS_PER_DAY - 1);
}

/** Least-squares line through (x, y); flat when x does not vary. */
function fitLine(points: readonly (readonly [number, number])[]): { a: number; b: number } {
  const n = points.length;
  const mx = total(points.map((p) => p[0])) / n;
  const my = total(points.map((p) => p[1])) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  const b = sxx > 0 ? sxy / sxx : 0;
  return { a: my - b * mx, b };
}

export function forecastVolumes(history: readonly IntervalVolume[], options: ForecastOptions): Forecast {
  const weeks = options.weeks ?? 8;
  const endMs = options.historyEndMs ?? options.startMs;
  const days = completeDays(history, endMs - weeks * 7 * DAY_MS, endMs, options.timeZone);
  const dayTotals = days.map((d) => total(d.offered));
  if (days.length < MIN_HISTORY_DAYS || total(dayTotals) === 0) {
    return { ok: false, reason: 'not-enough-history', historyDays: days.length, needDays: MIN_HISTORY_DAYS };
  }
  const norms = Array.from({ length: 7 }, (_, w) =>
    median(days.filter((d) => d.weekday === w).map((d) => total(d.offered))),
  );
  const excludedDays: ExcludedDay[] = [];
  const kept = days.filter((d) => {
    const norm = norms[d.weekday] ?? 0;
    const offered = total(d.offered);
    if (norm > 0 && offered < ANOMALY_SHARE * norm) {
      excludedDays.push({ date: d.date, offered, weekdayNorm: norm });
      return false;
    }
    return true;
  });
  const weekdayMean = Array.from({ length: 7 }, (_, w) => {
    const of = kept.filter((d) => d.weekday === w);
    return of.length ? total(of.map((d) => total(d.offered))) / of.length : 0;
  });
  const ratios = kept
    .filter((d) => (weekdayMean[d.weekday] ?? 0) > 0)
    .map((d) => [d.index, total(d.offered) / (weekdayMean[d.weekday] ?? 1)] as const);
  const line = ratios.length ? fitLine(ratios) : { a: 1, b: 0 };
  const lastIndex = Math.max(...kept.map((d) => d.index));
  const weight = (d: Day) => WEEK_DECAY ** Math.floor((lastIndex - d.index) / 7);

  // Per weekday and slot: weighted sums of offered, handled and handle seconds.
  const sums = Array.from({ length: 7 }, () => ({
    offered: new Array<number>(SLOTS_PER_DAY).fill(0),
    handled: new Array<number>(SLOTS_PER_DAY).fill(0),
    seconds: new Array<number>(SLOTS_PER_DAY).fill(0),
    dayTotal: 0,
  }));
  for (const d of kept) {
    const s = sums[d.weekday];
    if (!s) continue;
    const w = weight(d);
    s.dayTotal += w * total(d.offered);
    for (let i = 0; i < SLOTS_PER_DAY; i++) {
      s.offered[i] = (s.offered[i] ?? 0) + w * (d.offered[i] ?? 0);
      s.handled[i] = (s.handled[i] ?? 0) + w * (d.handled[i] ?? 0);
      s.seconds[i] = (s.seconds[i] ?? 0) + w * (d.handleSeconds[i] ?? 0);
    }
  }
  const allHandled = total(sums.map((s) => total(s.handled)));
  const globalAht = allHandled > 0 ? total(sums.map((s) => total(s.seconds))) / allHandled : null;

  const intervals: ForecastInterval[] = [];
  // Whole local days even where clocks change: end at the local midnight nearest days × 24 h.
  const untilMs = nextLocalMidnight(
    options.startMs + options.days * DAY_MS - 3 * 3_600_000,
    options.timeZone,
  );
  for (let ms = options.startMs; ms < untilMs; ms += INTERVAL_MS) {
    const at = localSlot(ms, options.timeZone);
    const s = sums[at.weekday];
    const index = Date.parse(`${at.date}T00:00:00Z`) / DAY_MS;
    const level = Math.max(0, line.a + line.b * index);
    const share = s && s.dayTotal > 0 ? (s.offered[at.slot] ?? 0) / s.dayTotal : 0;
    const handled = s?.handled[at.slot] ?? 0;
    const dayHandled = s ? total(s.handled) : 0;
    const aht =
      handled > 0
        ? (s?.seconds[at.slot] ?? 0) / handled
        : dayHandled > 0 && s
          ? total(s.seconds) / dayHandled
          : globalAht;
    intervals.push({
      start: new Date(ms).toISOString(),
      offered: (weekdayMean[at.weekday] ?? 0) * level * share,
      ahtSeconds: aht,
    });
  }
  const meanLevel = line.a + line.b * lastIndex;
  return {
    ok: true,
    intervals,
    historyDays: days.length,
    excludedDays,
    trendPerWeek: meanLevel > 0 ? (line.b * 7) / meanLevel : 0,
  };
}

/** The first local midnight at or after `ms`. */
export function nextLocalMidnight(ms: number, timeZone: string): number {
  let at = Math.ceil(ms / INTERVAL_MS) * INTERVAL_MS;
  while (localSlot(at, timeZone).slot !== 0) at += INTERVAL_MS;
  return at;
}
