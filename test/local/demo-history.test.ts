// The demo history a fresh `npm start` writes: the same every time, weekday and hourly shapes, a closed
// holiday and a campaign week; written through the event path, it reads back in reports and loading it
// again changes nothing.
import { describe, expect, it } from 'vitest';
import { createHistory } from '../../functions/app/history/history.js';
import { createPlanning } from '../../functions/app/planning.js';
import { DEFAULT_KPI_OPTIONS } from '../../functions/domain/history/kpis.js';
import { localWeekdayHour } from '../../functions/domain/history/report.js';
import { demoHistory, loadDemoHistory } from '../../infra/local/demo/history.js';
import { createCapturingLogger } from '../support/capturing-logger.js';
import { createTestStore } from '../support/dynamo.js';

const ZONE = 'Asia/Shanghai';
const NOW = Date.parse('2026-12-07T02:00:00Z'); // Monday 10:00 in Shanghai

describe('demo history', () => {
  it('is the same every time, shaped by weekday and hour, with a quiet holiday and a campaign week', () => {
    const made = demoHistory({ nowMs: NOW, timeZone: ZONE });
    expect(demoHistory({ nowMs: NOW, timeZone: ZONE }).events).toEqual(made.events);
    expect(made.days).toHaveLength(56);
    expect(made.days.at(-1)).toBe('2026-12-06');
    const received = made.events.filter((e) => e.type === 'call.received');
    const perDay = new Map<string, number>();
    const perWeekday = new Array(8).fill(0);
    const perHour = new Array(24).fill(0);
    for (const e of received) {
      const day = new Date(e.at).toLocaleDateString('en-CA', { timeZone: ZONE });
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
      const { weekday, hour } = localWeekdayHour(e.at, ZONE);
      perWeekday[weekday] += 1;
      perHour[hour] += 1;
    }
    expect(perWeekday[1]).toBeGreaterThan(perWeekday[3]); // Mondays busiest
    expect(perWeekday[3]).toBeGreaterThan(2 * perWeekday[7]); // Sundays quiet
    expect(perHour[10]).toBeGreaterThan(perHour[12]); // the morning peak over lunch
    expect(perHour[3]).toBe(0);
    const holiday = made.holiday ?? '';
    expect(perDay.get(holiday) ?? 0).toBeLessThan(((perDay.get(made.days[7] ?? '') ?? 0) + 1) / 5);
    expect(made.campaignWeek.length).toBe(5);
    expect(made.events.some((e) => e.type === 'outbound.attempted')).toBe(true);
    expect(received.some((e) => e.n?.repeat24h === 1)).toBe(true);
  });

  it('writes through the event path once; reports and the planning history read it', async () => {
    const ts = await createTestStore({ startMs: NOW });
    try {
      const history = createHistory({
        store: ts.store,
        clock: ts.clock,
        timeZone: ZONE,
        logger: createCapturingLogger(),
      });
      const options = { nowMs: NOW, timeZone: ZONE, weeks: 3, callsPerWeekday: 20 };
      const loaded = await loadDemoHistory(history, options);
      const weeks = { from: '2026-11-15T16:00:00.000Z', to: '2026-12-06T16:00:00.000Z' };
      const report = await history.report({ ...weeks, groupBy: 'day', options: DEFAULT_KPI_OPTIONS });
      expect(report.total.kpis.received).toBe(loaded?.calls);
      expect(report.rows).toHaveLength(21);
      expect((await history.volumes(weeks.from, weeks.to)).length).toBeGreaterThan(20);
      // The planning forecast learns from the same rollups.
      const planning = createPlanning({ clock: ts.clock, timeZone: ZONE, loadVolumes: history.volumes });
      const forecast = await planning.forecast(14);
      expect(forecast.ok).toBe(true);
      await loadDemoHistory(history, options);
      const again = await history.report({ ...weeks, groupBy: 'day', options: DEFAULT_KPI_OPTIONS });
      expect(again.total).toEqual(report.total);
    } finally {
      await ts.stop();
    }
  }, 60_000);
});
