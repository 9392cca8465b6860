// A synthetic call history for the planner's tests: weekday and time-of-day shape in Asia/Shanghai, a
// steady trend, Poisson noise from a seeded generator, and one holiday with hardly any calls.
import type { IntervalVolume } from '../../../functions/domain/wfm/history.js';

export const TZ = 'Asia/Shanghai';
const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000; // Shanghai keeps UTC+8 all year

/** Monday .. Sunday weight of a day's volume, indexed by JS weekday (0 = Sunday). */
const WEEKDAY = [0.4, 1.2, 1.0, 1.0, 1.0, 0.95, 0.6];

/** Mean calls offered per 15 minutes at a local hour (open 08:00-20:00, peaks mid-morning and mid-afternoon). */
function hourShape(hour: number): number {
  if (hour < 8 || hour >= 20) return 0;
  return 6 + 10 * Math.exp(-((hour - 10.5) ** 2) / 3) + 7 * Math.exp(-((hour - 15) ** 2) / 4);
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(mean: number, random: () => number): number {
  if (mean <= 0) return 0;
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

export interface SyntheticOptions {
  readonly endMs: number; // a Shanghai midnight: history stops here
  readonly weeks: number;
  readonly trendPerWeek: number; // e.g. 0.02
  readonly holiday?: string; // local date with 5% of its usual calls
  readonly seed: number;
}

/** The mean the generator draws from, for comparing forecasts with the truth. */
export function expectedOffered(ms: number, options: SyntheticOptions): number {
  const local = new Date(ms + OFFSET_MS);
  const weeksBeforeEnd = (options.endMs - ms) / (7 * DAY_MS);
  const level = 1 - options.trendPerWeek * weeksBeforeEnd;
  const hour = local.getUTCHours() + local.getUTCMinutes() / 60;
  return (WEEKDAY[local.getUTCDay()] ?? 0) * hourShape(hour) * level;
}

export function expectedAht(ms: number): number {
  const hour = new Date(ms + OFFSET_MS).getUTCHours();
  return 200 + 5 * hour;
}

export function syntheticHistory(options: SyntheticOptions): IntervalVolume[] {
  const random = mulberry32(options.seed);
  const out: IntervalVolume[] = [];
  for (let ms = options.endMs - options.weeks * 7 * DAY_MS; ms < options.endMs; ms += 15 * 60_000) {
    const date = new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
    const holiday = date === options.holiday ? 0.05 : 1;
    const offered = poisson(expectedOffered(ms, options) * holiday, random);
    if (offered === 0) continue; // quiet intervals are absent, as from the rollups
    const handled = Math.max(0, offered - (random() < 0.1 ? 1 : 0));
    const handleSeconds = handled * expectedAht(ms) * (0.9 + 0.2 * random());
    out.push({
      start: new Date(ms).toISOString(),
      offered,
      handled,
      handleSeconds: Math.round(handleSeconds),
    });
  }
  return out;
}
