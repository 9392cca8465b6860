// Reports from rollups: figures grouped by a span of time in the center's own time zone (its hours,
// days, weeks and months, not UTC's) or by a dimension's values, with the KPIs computed per group.
import type { Dimension } from './event.js';
import { computeKpis, type KpiOptions, type KpiValues } from './kpis.js';
import { type Measures, mergeMeasures, sumMeasures } from './measures.js';
import type { Rollup } from './ports.js';

export const TIME_GROUPS = ['interval', 'hour', 'day', 'week', 'month'] as const;
export const DIMENSION_GROUPS = ['hotline', 'queue', 'agent', 'region', 'language', 'tier'] as const;
export const GROUP_BY = [...TIME_GROUPS, ...DIMENSION_GROUPS] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export const isTimeGroup = (g: GroupBy): g is (typeof TIME_GROUPS)[number] =>
  (TIME_GROUPS as readonly string[]).includes(g);

const formats = new Map<string, Intl.DateTimeFormat>();
function partsIn(ms: number, timeZone: string): Record<string, string> {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    });
    formats.set(timeZone, f);
  }
  return Object.fromEntries(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
}

/** The local date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(at: string | number, timeZone: string): string {
  const p = partsIn(typeof at === 'number' ? at : Date.parse(at), timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** 1 (Monday) to 7 (Sunday) and the hour 0-23, local. */
export function localWeekdayHour(at: string | number, timeZone: string): { weekday: number; hour: number } {
  const p = partsIn(typeof at === 'number' ? at : Date.parse(at), timeZone);
  return { weekday: WEEKDAYS.indexOf(p.weekday ?? 'Mon') + 1, hour: Number(p.hour) };
}

/** The UTC instant (ms) of local midnight starting a date (YYYY-MM-DD) in a time zone. */
export function localMidnight(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  // The zone's offset at a guess, then at the corrected instant (twice settles a DST change).
  let at = wall;
  for (let i = 0; i < 2; i++) {
    const p = partsIn(at, timeZone);
    const shown = Date.UTC(
      Number(p.year),
      Number(p.month) - 1,
      Number(p.day),
      Number(p.hour),
      Number(p.minute),
    );
    at += wall - shown;
  }
  return at;
}

/** The next local date after a date. */
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** ISO week (`2026-W49`) of a local date. */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const week =
    1 +
    Math.round(
      (d.getTime() - firstThursday.getTime()) / 604_800_000 - (((firstThursday.getUTCDay() + 6) % 7) - 3) / 7,
    );
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The group a rollup's start falls in, in local time. Day rollups start at a local date already. */
export function timeKey(
  rollup: Pick<Rollup, 'granularity' | 'start'>,
  group: GroupBy,
  timeZone: string,
): string {
  if (rollup.granularity === 'day') {
    if (group === 'month') return rollup.start.slice(0, 7);
    if (group === 'week') return isoWeek(rollup.start);
    return rollup.start;
  }
  const p = partsIn(Date.parse(rollup.start), timeZone);
  const date = `${p.year}-${p.month}-${p.day}`;
  switch (group) {
    case 'interval':
      return `${date} ${p.hour}:${p.minute}`;
    case 'hour':
      return `${date} ${p.hour}:00`;
    case 'week':
      return isoWeek(date);
    case 'month':
      return date.slice(0, 7);
    default:
      return date;
  }
}

export interface ReportRow {
  readonly key: string;
  readonly measures: Measures;
  readonly kpis: KpiValues;
}

export interface Report {
  readonly rows: readonly ReportRow[];
  readonly total: ReportRow;
}

/**
 * Rows from rollups: by time, the center's rollups summed per local span; by a dimension, each value's
 * measures summed over the whole range. Rows come out in key order.
 */
export function buildReport(
  rollups: readonly Rollup[],
  group: GroupBy,
  timeZone: string,
  options: KpiOptions,
): Report {
  const groups = new Map<string, Measures>();
  const add = (key: string, m: Measures) => groups.set(key, mergeMeasures(groups.get(key) ?? {}, m));
  for (const r of rollups) {
    if (isTimeGroup(group)) {
      const m = r.values['*'];
      if (m) add(timeKey(r, group, timeZone), m);
    } else for (const [value, m] of Object.entries(r.values)) add(value, m);
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, measures]) => ({ key, measures, kpis: computeKpis(measures, options) }));
  // By a dimension, the rows' sum leaves out what no value of it counted (a queued call has no agent):
  // callers wanting the whole center's total read the center's rollups.
  const all = sumMeasures(rows.map((r) => r.measures));
  return { rows, total: { key: 'total', measures: all, kpis: computeKpis(all, options) } };
}

/** The dimension whose rollups a grouping reads. */
export const dimensionFor = (group: GroupBy): Dimension => (isTimeGroup(group) ? 'center' : group);
