// Calls offered by weekday and hour of day, summed over the weeks of the range, from a report grouped
// by hour (row keys 'YYYY-MM-DD HH:00' on the center's clock). Weekdays run Monday (0) to Sunday (6).
import type { KpiValues } from './reports-api.js';

export interface Heatmap {
  /** [hour, weekday, value] for every cell that has a value, as ECharts' heatmap series takes them. */
  readonly cells: readonly [number, number, number][];
  readonly max: number;
}

const HOUR_KEY = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):00$/;

/** Monday 0 … Sunday 6 of a calendar date (no zone: the date is already the center's). */
export function weekdayOf(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

export function hourHeatmap(rows: readonly { key: string; values: KpiValues }[], kpi = 'offered'): Heatmap {
  const sums = new Map<string, number>();
  for (const row of rows) {
    const match = HOUR_KEY.exec(row.key);
    const value = row.values[kpi];
    if (!match || value === null || value === undefined) continue;
    const [, y, mo, d, h] = match.map(Number) as [number, number, number, number, number];
    const cell = `${h},${weekdayOf(y, mo, d)}`;
    sums.set(cell, (sums.get(cell) ?? 0) + value);
  }
  const cells = [...sums].map(([cell, value]) => {
    const [hour, weekday] = cell.split(',').map(Number) as [number, number];
    return [hour, weekday, value] as [number, number, number];
  });
  cells.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  return { cells, max: Math.max(0, ...cells.map((c) => c[2])) };
}
