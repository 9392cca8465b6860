// The event history's use cases: recording facts as events, rebuilding the rollups of the intervals
// that changed (a job on the one clock, every minute), and reading reports from the rollups.
//
// Rollups are rebuilt whole from an interval's events, never incremented, so a duplicated or late event
// cannot count twice or be lost to a crash between two writes. The job rebuilds every interval from
// half an hour before its previous run, so events written on time are always covered; an event for an
// older interval (a late webhook, history being loaded) marks its interval for the next run.
import {
  type CenterEvent,
  checkEvent,
  DIMENSIONS,
  type Dimension,
  INTERVAL_MS,
  intervalOf,
  type NewCenterEvent,
  versioned,
} from '../../domain/history/event.js';
import { DEFAULT_KPI_OPTIONS, type KpiOptions } from '../../domain/history/kpis.js';
import { type Measures, mergeMeasures, rollUpEvents } from '../../domain/history/measures.js';
import type { Rollup } from '../../domain/history/ports.js';
import {
  buildReport,
  dimensionFor,
  type GroupBy,
  localDate,
  type Report,
  timeKey,
} from '../../domain/history/report.js';
import type { Logger } from '../../domain/logger.js';
import type { Clock, Store } from '../../domain/ports.js';

/** How far behind the previous run the job looks again: events written on time always land in it. */
const RECHECK_MS = 30 * 60_000;
/** An event for an interval older than this when written is late: it marks its interval. */
const LATE_MS = 20 * 60_000;
/** The most the job catches up after a long stop (a clock jump, a stack off for days). */
const CATCH_UP_MS = 2 * 86_400_000;
const RAN_SETTING = 'history-rolled';
const DAY_MS = 86_400_000;

export interface HistoryDeps {
  readonly store: Pick<Store, 'events' | 'rollups' | 'settings'>;
  readonly clock: Clock;
  readonly timeZone: string;
  readonly logger: Logger;
  /** Archives one ended interval's raw events for SQL; absent where nothing is archived. */
  readonly archive?: (intervalStart: string) => Promise<void>;
}

export interface ReportQuery {
  /** ISO instants; the report covers `from <= t < to`. */
  readonly from: string;
  readonly to: string;
  readonly groupBy: GroupBy;
  /** One dimension's value to report on instead of the whole center (e.g. agent 1001 by day). */
  readonly only?: { readonly dimension: Exclude<Dimension, 'center'>; readonly value: string };
  readonly options: KpiOptions;
}

export type History = ReturnType<typeof createHistory>;

export function createHistory(deps: HistoryDeps) {
  const { store, clock, timeZone, logger } = deps;

  /**
   * Writes facts as events, each once. A malformed event is logged and left out; a storage failure is
   * logged and not thrown, so recording history never fails the call, webhook or page it describes.
   */
  async function record(events: readonly NewCenterEvent[]): Promise<void> {
    const good: CenterEvent[] = [];
    for (const e of events) {
      const problem = checkEvent(e);
      if (problem) logger.warn('history event left out', { problem, type: e.type, id: e.id });
      else good.push(versioned(e));
    }
    if (good.length === 0) return;
    try {
      const written = await store.events.append(good);
      const lateBefore = clock.now() - LATE_MS;
      const late = written.map((e) => intervalOf(e.at)).filter((start) => Date.parse(start) < lateBefore);
      if (late.length) await store.events.markDirty(late);
    } catch (error) {
      logger.error('history events not written', {
        error: (error as Error).message,
        ids: good.map((e) => e.id),
      });
    }
  }

  async function rebuildInterval(start: string): Promise<boolean> {
    const events = await store.events.inInterval(start);
    if (events.length === 0) return false;
    await Promise.all(
      DIMENSIONS.map(async (dimension) => {
        const values = rollUpEvents(events, dimension);
        if (Object.keys(values).length === 0) return;
        await store.rollups.put({ dimension, granularity: 'interval', start, values });
      }),
    );
    return true;
  }

  /** A local day's rollups: the sum of its intervals' (read back, so a day is rebuilt like any rollup). */
  async function rebuildDay(date: string): Promise<void> {
    const mid = Date.parse(`${date}T12:00:00Z`);
    const from = new Date(mid - DAY_MS).toISOString();
    const to = new Date(mid + DAY_MS).toISOString();
    await Promise.all(
      DIMENSIONS.map(async (dimension) => {
        const intervals = (await store.rollups.list(dimension, 'interval', from, to)).filter(
          (r) => localDate(r.start, timeZone) === date,
        );
        if (intervals.length === 0) return;
        const values: Record<string, Measures> = {};
        for (const r of intervals)
          for (const [value, m] of Object.entries(r.values))
            values[value] = mergeMeasures(values[value] ?? {}, m);
        await store.rollups.put({ dimension, granularity: 'day', start: date, values });
      }),
    );
  }

  /**
   * The job: rebuilds what changed since the last run and the days that ended with it. Stopped by
   * `signal` between two intervals, it records nothing as done, so the next run does it all again.
   */
  async function rollUp(
    signal?: AbortSignal,
  ): Promise<{ intervals: number; days: number; archived: number }> {
    const now = clock.now();
    const ran = await store.settings.get<{ at: string }>(RAN_SETTING);
    const since = Math.max(now - CATCH_UP_MS, (ran ? Date.parse(ran.at) : now) - RECHECK_MS);
    const starts = new Set<string>();
    for (let t = Date.parse(intervalOf(since)); t <= now; t += INTERVAL_MS)
      starts.add(new Date(t).toISOString());
    const dirty = await store.events.dirtyIntervals();
    for (const d of dirty) starts.add(d);

    const today = localDate(now, timeZone);
    const days = new Set<string>();
    let rebuilt = 0;
    let archived = 0;
    for (const start of [...starts].sort()) {
      if (signal?.aborted) return { intervals: rebuilt, days: 0, archived };
      if (!(await rebuildInterval(start))) continue;
      rebuilt += 1;
      const day = localDate(start, timeZone);
      if (day < today) days.add(day);
      if (deps.archive && Date.parse(start) + INTERVAL_MS <= now) {
        try {
          await deps.archive(start);
          archived += 1;
        } catch (error) {
          // The next rebuild of the interval archives it again; the rollups already stand.
          logger.error('history interval not archived', { start, error: (error as Error).message });
        }
      }
    }
    // A day that has just ended gets its day rollup, even if its last interval was quiet.
    if (ran && localDate(ran.at, timeZone) < today) days.add(localDate(ran.at, timeZone));
    for (const day of [...days].sort()) {
      if (signal?.aborted) return { intervals: rebuilt, days: 0, archived };
      await rebuildDay(day);
    }
    if (dirty.length) await store.events.clearDirty(dirty);
    await store.settings.put(RAN_SETTING, { at: new Date(now).toISOString() });
    return { intervals: rebuilt, days: days.size, archived };
  }

  /**
   * The rollups a report reads: day rollups for the whole local days before today that have one, and
   * interval rollups for everything else (today, an hourly or interval report, a day not yet rolled up).
   */
  async function rollupsFor(dimension: Dimension, query: ReportQuery): Promise<Rollup[]> {
    const { from, to, groupBy } = query;
    const intervalsOnly = groupBy === 'interval' || groupBy === 'hour';
    const fromDate = localDate(from, timeZone);
    const today = localDate(clock.now(), timeZone);
    const days: Rollup[] = [];
    const covered = new Set<string>();
    if (!intervalsOnly) {
      for (const r of await store.rollups.list(dimension, 'day', fromDate, today)) {
        // Only whole days inside the range: a range starting mid-day reads that day's intervals.
        if (dayStartsIn(r.start, from, to)) {
          days.push(r);
          covered.add(r.start);
        }
      }
    }
    const intervals = (await store.rollups.list(dimension, 'interval', intervalOf(from), to)).filter(
      (r) => !covered.has(localDate(r.start, timeZone)),
    );
    return [...days, ...intervals];
  }

  function dayStartsIn(date: string, from: string, to: string): boolean {
    // The day is inside when its first and last intervals are: checked on local dates of the bounds.
    const fromMs = Date.parse(from);
    const toMs = Date.parse(to);
    const first = localDate(fromMs, timeZone);
    const last = localDate(toMs - 1, timeZone);
    const startsAtMidnight = localDate(fromMs - 1, timeZone) !== first;
    const endsAtMidnight = localDate(toMs, timeZone) !== last;
    return (
      (date > first || (date === first && startsAtMidnight)) &&
      (date < last || (date === last && endsAtMidnight))
    );
  }

  async function report(query: ReportQuery): Promise<Report> {
    const dimension = query.only ? query.only.dimension : dimensionFor(query.groupBy);
    const rollups = await rollupsFor(dimension, query);
    const picked = query.only
      ? rollups.map((r) => ({ ...r, values: pickValue(r.values, query.only?.value ?? '') }))
      : rollups;
    const byValue = buildReport(picked, query.groupBy, timeZone, query.options);
    if (dimension === 'center' || query.only) return byValue;
    // Per agent (queue, ...) rows; the total is the whole center's, which counts what no agent did (a
    // caller who hung up in the queue).
    const center = await rollupsFor('center', query);
    return { rows: byValue.rows, total: buildReport(center, 'day', timeZone, query.options).total };
  }

  /** Each value's figures per local day (e.g. every agent's time in each state, day by day). */
  async function byDayAndValue(
    dimension: Exclude<Dimension, 'center'>,
    from: string,
    to: string,
  ): Promise<{ day: string; value: string; measures: Measures }[]> {
    const rollups = await rollupsFor(dimension, { from, to, groupBy: 'day', options: DEFAULT_KPI_OPTIONS });
    const out = new Map<string, { day: string; value: string; measures: Measures }>();
    for (const r of rollups) {
      const day = timeKey(r, 'day', timeZone);
      for (const [value, m] of Object.entries(r.values)) {
        const key = `${day}|${value}`;
        const was = out.get(key);
        out.set(key, { day, value, measures: was ? mergeMeasures(was.measures, m) : m });
      }
    }
    return [...out.values()].sort((a, b) =>
      a.day === b.day ? (a.value < b.value ? -1 : 1) : a.day < b.day ? -1 : 1,
    );
  }

  /** The whole center's volume and handle time per interval: the planning forecast's history. */
  async function volumes(fromIso: string, toIso: string) {
    const rollups = await store.rollups.list('center', 'interval', intervalOf(fromIso), toIso);
    return rollups.map((r) => {
      const m = r.values['*'] ?? {};
      return {
        start: r.start,
        offered: m.offered ?? 0,
        handled: m.handled ?? 0,
        handleSeconds: (m.talkSeconds ?? 0) + (m.holdSeconds ?? 0) + (m.wrapSeconds ?? 0),
      };
    });
  }

  return { record, rollUp, report, byDayAndValue, volumes };
}

/** A report on one value (by time) reads that value as the whole center's figures. */
function pickValue(values: Readonly<Record<string, Measures>>, value: string): Record<string, Measures> {
  const m = values[value];
  return m ? { '*': m } : {};
}
