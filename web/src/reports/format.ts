// How a KPI value reads: percents from fractions, durations as clock times, "—" where the report had
// nothing to divide by. Shared by the cards, the tables and the chart tooltips so a figure reads the same.
import type { KpiUnit } from './reports-api.js';

export const NOTHING = '—';

const pad = (n: number) => String(n).padStart(2, '0');

/** 95 → "1:35", 3723 → "1:02:03", 7 → "0:07": whole seconds, rounded. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

export function formatKpi(value: number | null | undefined, unit: KpiUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOTHING;
  switch (unit) {
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'seconds':
      return formatDuration(value);
    case 'score':
    case 'per-hour':
      return value.toFixed(1);
    case 'count':
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }
}
