// The planning routes as the page sees them (/api/wfm/*).
import { call } from '../api.js';

export interface ShiftRules {
  readonly startTimes: readonly string[];
  readonly lengthsHours: readonly number[];
  readonly breakMinutes: number;
}

export type ForecastView =
  | {
      readonly ok: true;
      readonly startsAt: string;
      readonly intervals: readonly { start: string; offered: number; ahtSeconds: number | null }[];
      readonly historyDays: number;
      readonly excludedDays: readonly { date: string; offered: number; weekdayNorm: number }[];
      readonly trendPerWeek: number;
      readonly backtest:
        | {
            readonly ok: true;
            readonly holdoutDays: number;
            readonly wape: number;
            readonly mape: number;
            readonly days: readonly {
              date: string;
              forecast: number;
              actual: number;
              errorShare: number | null;
            }[];
          }
        | { readonly ok: false; readonly historyDays: number; readonly needDays: number };
    }
  | {
      readonly ok: false;
      readonly reason: 'not-enough-history';
      readonly historyDays: number;
      readonly needDays: number;
    };

export interface PlanRequest {
  readonly day?: string;
  readonly volumes?: readonly number[];
  readonly volumePercent?: number;
  readonly ahtSeconds?: number;
  readonly targetSeconds?: number;
  readonly targetServiceLevel?: number;
  readonly shrinkage?: number;
  readonly agentUsdPerHour?: number;
  readonly shiftRules?: ShiftRules;
}

export interface PlanView {
  readonly source: 'forecast' | 'manual';
  readonly day: string | null;
  readonly intervals: readonly {
    slot: number;
    offered: number;
    ahtSeconds: number;
    agents: number;
    required: number;
    scheduled: number;
    gap: number;
    serviceLevel: number;
  }[];
  readonly shifts: readonly {
    start: string;
    end: string;
    hours: number;
    breakStart: string;
    breakEnd: string;
    count: number;
  }[];
  readonly totals: {
    calls: number;
    agents: number;
    paidHours: number;
    requiredHours: number;
    overHours: number;
    underHours: number;
    shortIntervals: number;
  };
  readonly cost: {
    agentUsd: number;
    telephonyUsd: number;
    awsUsd: number;
    totalUsd: number;
    perCallUsd: number | null;
  };
}

export interface ErlangCView {
  erlangs: number;
  agents: number;
  serviceLevel: number;
  asaSeconds: number;
  occupancy: number;
  waitProbability: number;
  staff: number;
}

const query = (params: Record<string, number>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

export const planningApi = {
  forecast: (days = 14) => call<ForecastView>('GET', `/wfm/forecast?days=${days}`),
  plan: (request: PlanRequest) => call<PlanView>('POST', '/wfm/plan', request),
  erlangC: (params: Record<string, number>) => call<ErlangCView>('GET', `/wfm/erlang-c?${query(params)}`),
  erlangB: (params: { erlangs: number; blocking: number }) =>
    call<{ lines: number; blocking: number }>('GET', `/wfm/erlang-b?${query(params)}`),
};
