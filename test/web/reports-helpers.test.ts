// The reports page's pure helpers: the weekday × hour heatmap binned from hourly rows, how a KPI value
// reads, the default date range on the center's calendar, and the report and CSV URLs.
import { describe, expect, it } from 'vitest';
import { addDays, centerToday, everyDay, lastDays } from '../../web/src/reports/dates.js';
import { formatDuration, formatKpi } from '../../web/src/reports/format.js';
import { hourHeatmap, weekdayOf } from '../../web/src/reports/heatmap.js';
import { reportPath } from '../../web/src/reports/reports-api.js';

describe('the offered-calls heatmap', () => {
  it('numbers weekdays from Monday', () => {
    expect(weekdayOf(2026, 12, 7)).toBe(0); // a Monday
    expect(weekdayOf(2026, 12, 6)).toBe(6); // a Sunday
    expect(weekdayOf(2024, 2, 29)).toBe(3); // a leap day, Thursday
  });

  it('sums the same weekday and hour across weeks and keeps other cells apart', () => {
    const { cells, max } = hourHeatmap([
      { key: '2026-11-30 09:00', values: { offered: 3 } }, // Monday 9
      { key: '2026-12-07 09:00', values: { offered: 4 } }, // next Monday 9
      { key: '2026-12-07 10:00', values: { offered: 1 } },
      { key: '2026-12-06 23:00', values: { offered: 2 } }, // Sunday 23
    ]);
    expect(cells).toEqual([
      [9, 0, 7],
      [10, 0, 1],
      [23, 6, 2],
    ]);
    expect(max).toBe(7);
  });

  it('leaves out rows with no value and keys that are not hours', () => {
    const { cells, max } = hourHeatmap([
      { key: '2026-12-07 09:00', values: { offered: null } },
      { key: '2026-12-07', values: { offered: 5 } },
      { key: '2026-12-07 09:15', values: { offered: 5 } },
      { key: '2026-12-07 11:00', values: { answered: 5 } },
    ]);
    expect(cells).toEqual([]);
    expect(max).toBe(0);
  });

  it('bins another KPI when asked', () => {
    expect(hourHeatmap([{ key: '2026-12-08 14:00', values: { answered: 2 } }], 'answered').cells).toEqual([
      [14, 1, 2],
    ]);
  });
});

describe('KPI values as text', () => {
  it('shows fractions as percents, durations as clock times and nothing-to-divide-by as a dash', () => {
    expect(formatKpi(0.8333, 'percent')).toBe('83.3%');
    expect(formatKpi(1, 'percent')).toBe('100.0%');
    expect(formatKpi(95, 'seconds')).toBe('1:35');
    expect(formatKpi(12.5, 'seconds')).toBe('0:13');
    expect(formatKpi(7, 'count')).toBe('7');
    expect(formatKpi(8.25, 'score')).toBe('8.3');
    expect(formatKpi(3.456, 'per-hour')).toBe('3.5');
    expect(formatKpi(null, 'percent')).toBe('—');
    expect(formatKpi(undefined, 'count')).toBe('—');
  });

  it('writes hours when a duration reaches one', () => {
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(3599.6)).toBe('1:00:00');
    expect(formatDuration(0)).toBe('0:00');
  });
});

describe('the date range', () => {
  it('takes today on the center’s calendar, not the browser’s', () => {
    const late = Date.parse('2026-12-06T17:00:00Z'); // already the 7th in Shanghai
    expect(centerToday(late, 'Asia/Shanghai')).toBe('2026-12-07');
    expect(centerToday(late, 'America/New_York')).toBe('2026-12-06');
  });

  it('counts the last seven days including today, across month ends', () => {
    expect(lastDays('2026-12-03', 7)).toEqual({ from: '2026-11-27', to: '2026-12-03' });
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('fills the quiet days a day report leaves out, keeping the rows it has', () => {
    const rows = [{ key: '2026-12-02', values: { offered: 3 } as Record<string, number> }];
    expect(everyDay(rows, '2026-11-30', '2026-12-03', {}).map((r) => [r.key, r.values])).toEqual([
      ['2026-11-30', {}],
      ['2026-12-01', {}],
      ['2026-12-02', { offered: 3 }],
      ['2026-12-03', {}],
    ]);
  });
});

describe('report URLs', () => {
  it('drops empty filters and adds the CSV format and language', () => {
    const query = { from: '2026-12-01', to: '2026-12-07', groupBy: 'day', agent: '', queue: undefined };
    expect(reportPath('kpis', query)).toBe('/reports/kpis?from=2026-12-01&to=2026-12-07&groupBy=day');
    expect(reportPath('calls', { from: '2026-12-01', to: '2026-12-07', agent: '1001' }, 'zh')).toBe(
      '/reports/calls?from=2026-12-01&to=2026-12-07&agent=1001&format=csv&lang=zh',
    );
  });
});
