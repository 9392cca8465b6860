// The event history against real storage: events are written once, rollups are rebuilt from them in
// any order and whatever repeats, late events are caught up, and reports read day and interval rollups
// in the center's time zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistory, type History } from '../../../functions/app/history/history.js';
import type { NewCenterEvent } from '../../../functions/domain/history/event.js';
import { DEFAULT_KPI_OPTIONS } from '../../../functions/domain/history/kpis.js';
import { createCapturingLogger } from '../../support/capturing-logger.js';
import { createTestStore, type TestStore } from '../../support/dynamo.js';

const ZONE = 'Asia/Shanghai';
// Monday 2026-12-07 09:00 in Shanghai.
const MONDAY_9 = Date.parse('2026-12-07T01:00:00Z');

describe('event history', () => {
  let ts: TestStore;
  let history: History;
  const logger = createCapturingLogger();
  const archived: string[] = [];
  beforeAll(async () => {
    ts = await createTestStore({ startMs: MONDAY_9 });
    history = createHistory({
      store: ts.store,
      clock: ts.clock,
      timeZone: ZONE,
      logger,
      archive: async (start) => {
        archived.push(start);
      },
    });
  });
  afterAll(() => ts.stop());

  const at = (minutes: number) => new Date(MONDAY_9 + minutes * 60_000).toISOString();
  const call = (sid: string, minute: number, wait: number, agent: string): NewCenterEvent[] => [
    {
      id: `q:${sid}`,
      at: at(minute),
      type: 'call.queued',
      callSid: sid,
      queue: 'claims',
      hotline: 'warranty',
    },
    {
      id: `a:${sid}`,
      at: at(minute + wait / 60),
      type: 'call.answered',
      callSid: sid,
      queue: 'claims',
      hotline: 'warranty',
      agent,
      n: { waitSeconds: wait },
    },
  ];

  it('writes each event once and rebuilds the figures the same whatever the order or repeats', async () => {
    const events = [...call('CA1', 1, 12, '1001'), ...call('CA2', 2, 40, '1002')];
    await history.record(events);
    // A retried webhook writes the same ids again, in another order, with other values: the first stays.
    await history.record([...events].reverse().map((e) => ({ ...e, n: { waitSeconds: 999 } })));
    await ts.clock.advanceTo(MONDAY_9 + 10 * 60_000);
    expect((await history.rollUp()).intervals).toBe(1);
    const report = await history.report({
      from: at(0),
      to: at(60),
      groupBy: 'agent',
      options: DEFAULT_KPI_OPTIONS,
    });
    expect(report.rows.map((r) => [r.key, r.measures.answered, r.kpis.asa])).toEqual([
      ['1001', 1, 12],
      ['1002', 1, 40],
    ]);
    expect(report.total.kpis.offered).toBe(2);
    expect(report.total.kpis.serviceLevel).toBe(0.5);
    expect(report.total.kpis.longestWait).toBe(40);
  });

  it('catches up a late event for an interval the job has already left behind', async () => {
    await ts.clock.advanceTo(MONDAY_9 + 3 * 3600_000);
    await history.rollUp();
    // An answer from 09:05 written at 12:00: too late for the job's window, so it marks its interval.
    await history.record(call('CA3', 5, 5, '1001'));
    expect(await ts.store.events.dirtyIntervals()).toEqual(['2026-12-07T01:00:00.000Z']);
    await history.rollUp();
    expect(await ts.store.events.dirtyIntervals()).toEqual([]);
    const report = await history.report({
      from: at(0),
      to: at(60),
      groupBy: 'hour',
      options: DEFAULT_KPI_OPTIONS,
    });
    expect(report.rows.map((r) => [r.key, r.measures.answered])).toEqual([['2026-12-07 09:00', 3]]);
  });

  it("rolls a local day up once it has ended and reads it with today's intervals", async () => {
    // Tuesday 10:00 Shanghai: Monday has ended; a Tuesday call goes into today's intervals.
    await ts.clock.advanceTo(Date.parse('2026-12-08T02:00:00Z'));
    await history.record(call('CA4', 25 * 60, 8, '1002'));
    const run = await history.rollUp();
    expect(run.days).toBe(1);
    const days = await ts.store.rollups.list('center', 'day', '2026-12-01', '2026-12-31');
    expect(days.map((d) => [d.start, d.values['*']?.answered])).toEqual([['2026-12-07', 3]]);
    const byDay = await history.report({
      from: '2026-12-06T16:00:00.000Z',
      to: '2026-12-08T16:00:00.000Z',
      groupBy: 'day',
      options: DEFAULT_KPI_OPTIONS,
    });
    expect(byDay.rows.map((r) => [r.key, r.measures.answered])).toEqual([
      ['2026-12-07', 3],
      ['2026-12-08', 1],
    ]);
    const oneAgent = await history.report({
      from: '2026-12-06T16:00:00.000Z',
      to: '2026-12-08T16:00:00.000Z',
      groupBy: 'day',
      only: { dimension: 'agent', value: '1001' },
      options: DEFAULT_KPI_OPTIONS,
    });
    expect(oneAgent.rows.map((r) => [r.key, r.measures.answered])).toEqual([['2026-12-07', 2]]);
    expect(archived).toContain('2026-12-07T01:00:00.000Z');
  });

  it('leaves a malformed event out with a log line, and never throws into its caller', async () => {
    await history.record([{ id: 'bad id with spaces', at: at(0), type: 'call.queued' }]);
    expect(logger.lines.some((l) => l.msg === 'history event left out')).toBe(true);
  });
  it('stopped by its signal, records nothing as done, so the next run does the work', async () => {
    await history.record(call('CA9', 7, 3, '1002'));
    expect(await ts.store.events.dirtyIntervals()).toEqual(['2026-12-07T01:00:00.000Z']);
    const stop = new AbortController();
    stop.abort();
    expect(await history.rollUp(stop.signal)).toEqual({ intervals: 0, days: 0, archived: 0 });
    expect(await ts.store.events.dirtyIntervals()).toEqual(['2026-12-07T01:00:00.000Z']);
    expect((await history.rollUp()).intervals).toBeGreaterThanOrEqual(1);
    expect(await ts.store.events.dirtyIntervals()).toEqual([]);
  });
});
