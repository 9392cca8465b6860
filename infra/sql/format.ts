// A query's result as a plain-text table for the terminal, or as CSV (RFC 4180) for a spreadsheet.
import type { QueryResult } from './run-query.js';

const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

export function formatTable({ columns, rows }: QueryResult): string {
  const cells = rows.map((row) => row.map((v) => v ?? 'NULL'));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => (row[i] ?? '').length)));
  // Numbers line up on the right, so magnitudes compare at a glance.
  const numeric = columns.map((_, i) => {
    const values = rows.map((row) => row[i]).filter((v) => v !== null && v !== undefined);
    return values.length > 0 && values.every((v) => NUMBER.test(v));
  });
  const line = (values: readonly string[], header = false) =>
    values
      .map((v, i) => (numeric[i] && !header ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join(' | ')
      .trimEnd();
  const count = `(${rows.length} row${rows.length === 1 ? '' : 's'})`;
  return [
    line(columns, true),
    widths.map((w) => '-'.repeat(w)).join('-+-'),
    ...cells.map((row) => line(row)),
    count,
  ].join('\n');
}

const csvField = (v: string | null) =>
  v === null ? '' : /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;

export function formatCsv({ columns, rows }: QueryResult): string {
  return [columns, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n');
}
