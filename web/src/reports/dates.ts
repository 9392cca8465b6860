// The report's date range on the center's calendar: today in the center's zone, and a day so many days
// before another (calendar arithmetic on the date itself, so a clock change cannot shift it).

export function centerToday(now: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The last `days` days up to and including today. */
export function lastDays(today: string, days: number): { from: string; to: string } {
  return { from: addDays(today, -(days - 1)), to: today };
}

/**
 * Rows for every date from `from` to `to`, a date with no row getting empty values: the report leaves
 * quiet days out, and a trend that skipped them would draw two busy days as if they were neighbours.
 */
export function everyDay<V>(
  rows: readonly { key: string; values: V }[],
  from: string,
  to: string,
  empty: V,
): { key: string; values: V }[] {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const out: { key: string; values: V }[] = [];
  for (let day = from; day <= to && out.length <= 400; day = addDays(day, 1))
    out.push(byKey.get(day) ?? { key: day, values: empty });
  return out;
}
