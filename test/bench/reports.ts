// Reports: how long the KPI query over 90 days of a one-million-call center takes from the rollups, what
// the event history adds to a call (event items, bytes and write units), what rebuilding the rollups
// costs per call, and the planning forecast's back-test error on the demo history.
// Writes bench-results/reports.json. Every figure is on a fixed clock, so it is the same at any hour.
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createHistory } from '../../functions/app/history/history.js';
import { createPlanning } from '../../functions/app/planning.js';
import { DIMENSIONS, type NewCenterEvent, versioned } from '../../functions/domain/history/event.js';
import { DEFAULT_KPI_OPTIONS } from '../../functions/domain/history/kpis.js';
import { type Measures, rollUpEvents } from '../../functions/domain/history/measures.js';
import { localMidnight } from '../../functions/domain/history/report.js';
import { demoHistory, loadDemoHistory } from '../../infra/local/demo/history.js';
import { createCapturingLogger } from '../support/capturing-logger.js';
import { createTestStore } from '../support/dynamo.js';
import { summarise } from './stats.js';

const RESULTS = new URL('../../bench-results/reports.json', import.meta.url);
const ZONE = 'Asia/Shanghai';
// Monday 2026-12-07 10:00 in Shanghai.
const NOW = Date.parse('2026-12-07T02:00:00Z');
const DAYS = 90;
const CALLS = 1_000_000;
const AGENTS = 150;
const RUNS = 15;

const kb = (value: unknown) => Buffer.byteLength(JSON.stringify(value)) / 1024;
/** Rollup values are stored gzipped. */
const storedKb = (value: unknown) => gzipSync(JSON.stringify(value)).byteLength / 1024;

/** One busy day of events, with the calls spread over 150 agents as a center of this size has. */
function busyDay(callsPerDay: number): NewCenterEvent[] {
  const made = demoHistory({
    nowMs: NOW,
    timeZone: ZONE,
    weeks: 1,
    callsPerWeekday: Math.round(callsPerDay / 1.25),
  });
  let n = 0;
  const agentOf = new Map<string, string>();
  return made.events
    .filter((e) => e.at >= new Date(localMidnight('2026-12-06', ZONE) - 86_400_000 * 6).toISOString())
    .map((e) => {
      if (!e.agent) return e;
      const key = e.callSid ?? e.id;
      let agent = agentOf.get(key);
      if (!agent) {
        agent = `a${(n++ % AGENTS) + 1000}`;
        agentOf.set(key, agent);
      }
      return { ...e, agent };
    });
}

export async function run() {
  const ts = await createTestStore({ startMs: NOW });
  const logger = createCapturingLogger();
  const history = createHistory({ store: ts.store, clock: ts.clock, timeZone: ZONE, logger });
  try {
    // 1. The KPI query over 90 days of 1M calls. The rollups a 1M-call quarter leaves are written as the
    //    job would: one day's events rolled up per dimension, a day rollup for each of the 89 whole days
    //    and today's interval rollups. The query reads exactly these.
    const perDay = Math.round(CALLS / DAYS);
    const events = busyDay(perDay).map(versioned);
    const dayValues = Object.fromEntries(DIMENSIONS.map((d) => [d, rollUpEvents(events, d)])) as Record<
      (typeof DIMENSIONS)[number],
      Record<string, Measures>
    >;
    const scale = perDay / Math.max(1, dayValues.center['*']?.received ?? 1);
    const scaled = (values: Record<string, Measures>) =>
      Object.fromEntries(
        Object.entries(values).map(([k, m]) => [
          k,
          Object.fromEntries(
            Object.entries(m).map(([name, v]) => [
              name,
              name === 'waitMaxSeconds' ? v : Math.round(v * scale),
            ]),
          ),
        ]),
      );
    const today = '2026-12-07';
    let rollupItems = 0;
    let rollupKb = 0;
    for (let i = DAYS - 1; i >= 1; i--) {
      const date = new Date(Date.parse(`${today}T12:00:00Z`) - i * 86_400_000).toISOString().slice(0, 10);
      for (const d of DIMENSIONS) {
        const values = scaled(dayValues[d]);
        await ts.store.rollups.put({ dimension: d, granularity: 'day', start: date, values });
        rollupItems++;
        rollupKb += storedKb(values);
      }
    }
    // Today until 10:00: 40 intervals, each a fortieth of a day's figures.
    const todayStart = localMidnight(today, ZONE);
    for (let q = 0; q < 40; q++) {
      const start = new Date(todayStart + q * 900_000).toISOString();
      for (const d of DIMENSIONS) {
        const values = Object.fromEntries(
          Object.entries(scaled(dayValues[d])).map(([k, m]) => [
            k,
            Object.fromEntries(
              Object.entries(m).map(([name, v]) => [
                name,
                name === 'waitMaxSeconds' ? v : Math.round(v / 96),
              ]),
            ),
          ]),
        );
        await ts.store.rollups.put({ dimension: d, granularity: 'interval', start, values });
      }
    }
    const from = new Date(localMidnight('2026-09-09', ZONE)).toISOString();
    const to = new Date(localMidnight('2026-12-08', ZONE)).toISOString();
    const timed = async (groupBy: 'day' | 'agent' | 'month') => {
      const samples: number[] = [];
      let rows = 0;
      let calls = 0;
      for (let i = 0; i < RUNS + 3; i++) {
        const t0 = performance.now();
        const report = await history.report({ from, to, groupBy, options: DEFAULT_KPI_OPTIONS });
        const ms = performance.now() - t0;
        if (i >= 3) samples.push(ms);
        rows = report.rows.length;
        calls = report.total.measures.received ?? 0;
      }
      return { ...summarise(samples), rows, calls };
    };
    const byDay = await timed('day');
    const byMonth = await timed('month');
    const byAgent = await timed('agent');

    // 2. What the history adds to one call: the events of an answered call (received, queued,
    //    answered, wrap-up start, handled) and their items with the two indexes they are listed in.
    const answered = events.filter((e) => e.type === 'call.handled').map((e) => e.callSid);
    const sample = new Set(answered.slice(0, 200));
    const ofSample = events.filter((e) => e.callSid && sample.has(e.callSid));
    const eventsPerCall = ofSample.length / sample.size;
    const eventKb = ofSample.reduce((s, e) => s + kb(e) + 0.2, 0) / ofSample.length; // + keys and index keys
    // Each event: the item (in its call's partition) and its entry in the interval index; one write unit
    // each up to 1 KB.
    const writeUnitsPerCall = eventsPerCall * 2 * Math.ceil(eventKb);

    // 3. Rebuilding rollups: an interval is rebuilt every minute from its start until half an hour after
    //    the job's previous run has passed it (15 + 30 = 45 runs when calls arrive throughout). Each run
    //    reads the interval's events (read units: 4 KB each, eventually consistent halves it) and writes
    //    one rollup item per dimension (write units by size). Measured on one interval of the busy day.
    const busiest = new Map<string, typeof events>();
    for (const e of events) {
      const start = new Date(Math.floor(Date.parse(e.at) / 900_000) * 900_000).toISOString();
      busiest.set(start, [...(busiest.get(start) ?? []), e]);
    }
    const [, peak = []] = [...busiest.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
    const peakCalls = peak.filter((e) => e.type === 'call.received').length;
    const peakEventKb = peak.reduce((s, e) => s + kb(e) + 0.2, 0);
    const rollupWriteUnits = DIMENSIONS.reduce(
      (s, d) => s + Math.ceil(storedKb(rollUpEvents(peak, d)) + 0.1),
      0,
    );
    const runs = 45;
    const rollupPerCall = {
      runsPerInterval: runs,
      readUnitsPerCall: (runs * Math.ceil(peakEventKb / 4)) / 2 / Math.max(1, peakCalls),
      writeUnitsPerCall: (runs * rollupWriteUnits) / Math.max(1, peakCalls),
      callsInInterval: peakCalls,
    };

    // 4. Writing the demo history through the event path, and the forecast's back-test on it.
    const demoStore = await createTestStore({ startMs: NOW });
    const demo = createHistory({ store: demoStore.store, clock: demoStore.clock, timeZone: ZONE, logger });
    const t0 = performance.now();
    const loaded = await loadDemoHistory(demo, { nowMs: NOW, timeZone: ZONE });
    const loadSeconds = (performance.now() - t0) / 1000;
    const planning = createPlanning({ clock: demoStore.clock, timeZone: ZONE, loadVolumes: demo.volumes });
    const forecast = await planning.forecast(14);
    await demoStore.stop();

    const results = {
      benchmark: 'reports',
      date: new Date().toISOString(),
      clock: new Date(NOW).toISOString(),
      kpiQuery90Days1MCalls: {
        p50Ms: byDay.p50_ms,
        byDay,
        byMonth,
        byAgent,
        rollupItems,
        dayRollupKb: Math.round((rollupKb / rollupItems) * 10) / 10,
        goalMs: 300,
      },
      eventsPerCall: Math.round(eventsPerCall * 100) / 100,
      eventKb: Math.round(eventKb * 100) / 100,
      eventWriteUnitsPerCall: Math.round(writeUnitsPerCall * 10) / 10,
      rollupPerCall: {
        ...rollupPerCall,
        readUnitsPerCall: Math.round(rollupPerCall.readUnitsPerCall * 100) / 100,
        writeUnitsPerCall: Math.round(rollupPerCall.writeUnitsPerCall * 100) / 100,
      },
      demoHistory: { ...loaded, loadSeconds: Math.round(loadSeconds) },
      forecastBackTest: forecast,
      notes: [
        'The 90-day query reads 89 day rollups and 40 interval rollups per dimension it needs, on dynalite over HTTP on this machine.',
        'Event and rollup units are computed from measured item sizes with DynamoDB pricing rules (1 KB write units, 4 KB read units).',
      ],
    };
    console.log(JSON.stringify({ ...results, forecastBackTest: backTestOf(forecast) }, null, 2));
    mkdirSync(new URL('.', RESULTS), { recursive: true });
    writeFileSync(
      RESULTS,
      `${JSON.stringify({ ...results, forecastBackTest: backTestOf(forecast) }, null, 2)}\n`,
    );
    return results;
  } finally {
    await ts.stop();
  }
}

/** The back-test's error figures (the per-day list is long): what the forecast would have missed by. */
function backTestOf(forecast: Awaited<ReturnType<ReturnType<typeof createPlanning>['forecast']>>) {
  if (!forecast.ok) return { ok: false, reason: forecast.reason };
  const { backtest } = forecast as { backtest?: Record<string, unknown> };
  if (!backtest) return { ok: true, backtest: null };
  const days = (backtest.days ?? []) as { errorShare: number | null }[];
  const shares = days.map((d) => d.errorShare).filter((v): v is number => v !== null);
  return {
    ...Object.fromEntries(Object.entries(backtest).filter(([, v]) => typeof v !== 'object')),
    // Per interval the demo's few calls a quarter-hour are mostly noise; per day is what staffing reads.
    meanDailyError: shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : null,
  };
}
