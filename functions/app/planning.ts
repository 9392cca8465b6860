// Workforce planning for the center: the forecast of the next days from its history with a back-test,
// a day's staffing plan (from the forecast or from volumes typed in) with its what-if, and the Erlang
// calculators. Reads history through the LoadVolumes port; everything else is the domain's maths.
import type { Clock } from '../domain/ports.js';
import { type Backtest, backtest } from '../domain/wfm/backtest.js';
import type { Checked, InputProblem } from '../domain/wfm/checks.js';
import { DEFAULT_AWS_USD_PER_CALL, DEFAULT_TELEPHONY_USD_PER_CALL } from '../domain/wfm/cost-defaults.js';
import {
  checkErlangBInput,
  checkErlangCInput,
  type ErlangBInput,
  type ErlangCInput,
  linesFor,
  type Staffing,
  staffFor,
} from '../domain/wfm/erlang.js';
import { type Forecast, forecastVolumes, nextLocalMidnight } from '../domain/wfm/forecast.js';
import { type LoadVolumes, SLOTS_PER_DAY } from '../domain/wfm/history.js';
import { localSlot } from '../domain/wfm/local-time.js';
import { checkPlanInput, type Plan, type PlanInput, type PlanVolume, planDay } from '../domain/wfm/plan.js';
import type { ShiftRules } from '../domain/wfm/shifts.js';

const DAY_MS = 86_400_000;
/** Weeks of history the forecast learns from, and days the back-test holds out. */
export const HISTORY_WEEKS = 8;
export const HOLDOUT_DAYS = 7;

export const PLAN_DEFAULTS = {
  volumePercent: 100,
  defaultAhtSeconds: 300,
  targetSeconds: 20,
  targetServiceLevel: 0.8,
  shrinkage: 0.3,
  agentUsdPerHour: 10,
  telephonyUsdPerCall: DEFAULT_TELEPHONY_USD_PER_CALL,
  awsUsdPerCall: DEFAULT_AWS_USD_PER_CALL,
  shiftRules: {
    startTimes: ['07:00', '07:30', '08:00', '08:30', '09:00', '10:00', '11:00', '12:00', '13:00'],
    lengthsHours: [8],
    breakMinutes: 60,
  } satisfies ShiftRules,
} as const;

export type ForecastView =
  | (Extract<Forecast, { ok: true }> & { readonly startsAt: string; readonly backtest: Backtest })
  | Extract<Forecast, { ok: false }>;

export interface PlanRequest extends Partial<Omit<PlanInput, 'volumes' | 'shiftRules'>> {
  /** Local date of a forecast day to plan; the first forecast day when neither this nor volumes is given. */
  readonly day?: string;
  /** Offered calls for each of a day's 96 quarter hours, instead of the forecast. */
  readonly volumes?: readonly number[];
  readonly shiftRules?: ShiftRules;
}

export type PlanResult =
  | {
      readonly ok: true;
      readonly source: 'forecast' | 'manual';
      readonly day: string | null;
      readonly plan: Plan;
    }
  | Extract<Forecast, { ok: false }>
  | { readonly ok: false; readonly reason: 'invalid'; readonly problems: readonly InputProblem[] };

export interface PlanningDeps {
  readonly clock: Clock;
  readonly timeZone: string;
  readonly loadVolumes: LoadVolumes;
}

export function createPlanning(deps: PlanningDeps) {
  const { timeZone } = deps;

  async function forecastFromHistory(days: number, withBacktest: boolean) {
    const today = nextLocalMidnight(deps.clock.now() - DAY_MS + 1, timeZone);
    const startMs = nextLocalMidnight(deps.clock.now() + 1, timeZone);
    // The back-test learns from the weeks before its held-out days, so read that much further back.
    const from = today - (HISTORY_WEEKS * 7 + (withBacktest ? HOLDOUT_DAYS + 1 : 0)) * DAY_MS;
    // Today is not over: learn from the days before it, and forecast from tomorrow.
    const history = await deps.loadVolumes(new Date(from).toISOString(), new Date(today).toISOString());
    const result = forecastVolumes(history, {
      timeZone,
      startMs,
      days,
      historyEndMs: today,
      weeks: HISTORY_WEEKS,
    });
    return { result, history, today, startMs };
  }

  async function forecast(days = 14): Promise<ForecastView> {
    const { result, history, today, startMs } = await forecastFromHistory(days, true);
    if (!result.ok) return result;
    const test = backtest(history, {
      timeZone,
      endMs: today,
      holdoutDays: HOLDOUT_DAYS,
      weeks: HISTORY_WEEKS,
    });
    return { ...result, startsAt: new Date(startMs).toISOString(), backtest: test };
  }

  async function volumesFor(request: PlanRequest) {
    if (request.volumes) {
      return {
        ok: true as const,
        source: 'manual' as const,
        day: null,
        volumes: request.volumes.map((offered) => ({ offered, ahtSeconds: null })),
      };
    }
    const { result: f } = await forecastFromHistory(14, false);
    if (!f.ok) return f;
    // By local slot, so a day that changes clocks (92 or 100 quarter hours) still plans as 96: the
    // skipped hour has no calls, the repeated hour's calls add up.
    const byDay = new Map<string, PlanVolume[]>();
    for (const i of f.intervals) {
      const at = localSlot(Date.parse(i.start), timeZone);
      let slots = byDay.get(at.date);
      if (!slots) {
        slots = Array.from({ length: SLOTS_PER_DAY }, () => ({ offered: 0, ahtSeconds: null }));
        byDay.set(at.date, slots);
      }
      const before = slots[at.slot];
      slots[at.slot] = {
        offered: (before?.offered ?? 0) + i.offered,
        ahtSeconds: before?.ahtSeconds ?? i.ahtSeconds,
      };
    }
    const day = request.day ?? [...byDay.keys()][0] ?? '';
    const intervals = byDay.get(day);
    if (!intervals) {
      const problems = [
        {
          field: 'day',
          code: 'unknown-day' as const,
          message: `day must be one of the forecast's days, ${[...byDay.keys()][0]} to ${[...byDay.keys()].at(-1)}; got ${day}`,
        },
      ];
      return { ok: false as const, reason: 'invalid' as const, problems };
    }
    return { ok: true as const, source: 'forecast' as const, day, volumes: intervals };
  }

  async function plan(request: PlanRequest): Promise<PlanResult> {
    const volumes = await volumesFor(request);
    if (!volumes.ok) return volumes;
    const { day: _day, volumes: _v, ...overrides } = request;
    const input: PlanInput = { ...PLAN_DEFAULTS, ...overrides, volumes: volumes.volumes };
    const checked = checkPlanInput(input);
    if (!checked.ok) return { ok: false, reason: 'invalid', problems: checked.problems };
    return { ok: true, source: volumes.source, day: volumes.day, plan: planDay(checked.value) };
  }

  function erlangC(input: ErlangCInput): Checked<Staffing> {
    const checked = checkErlangCInput(input);
    return checked.ok ? { ok: true, value: staffFor(checked.value) } : checked;
  }

  function erlangB(input: ErlangBInput): Checked<ReturnType<typeof linesFor>> {
    const checked = checkErlangBInput(input);
    return checked.ok ? { ok: true, value: linesFor(checked.value) } : checked;
  }

  return { forecast, plan, erlangC, erlangB };
}

export type Planning = ReturnType<typeof createPlanning>;
