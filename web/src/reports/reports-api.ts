// The report routes as the page sees them (/api/reports/*), and the URLs of their CSV exports: the same
// query with format=csv and the UI's language, fetched by the browser as a download.
import { call } from '../api.js';
import type { Lang } from '../lang.js';

export const TIME_GROUPS = ['interval', 'hour', 'day', 'week', 'month'] as const;
export const DIMENSION_GROUPS = ['hotline', 'queue', 'agent', 'region', 'language', 'tier'] as const;
export type GroupBy = (typeof TIME_GROUPS)[number] | (typeof DIMENSION_GROUPS)[number];
export const SL_SECONDS = [10, 15, 20, 30, 45, 60, 90, 120, 180, 300] as const;

export type KpiClass = 'service' | 'efficiency' | 'quality' | 'marketing';
export type KpiUnit = 'count' | 'percent' | 'seconds' | 'score' | 'per-hour';
export type KpiValues = Readonly<Record<string, number | null>>;

export interface KpiReport {
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly groupBy: GroupBy;
  readonly options: { readonly serviceLevelSeconds: number; readonly shortAbandonSeconds: number };
  readonly kpis: readonly {
    readonly id: string;
    readonly class: KpiClass;
    readonly en: string;
    readonly zh: string;
    readonly unit: KpiUnit;
  }[];
  readonly rows: readonly { readonly key: string; readonly values: KpiValues }[];
  readonly total: { readonly values: KpiValues };
}

export type CallOutcome = 'answered' | 'abandoned' | 'voicemail' | 'callback' | 'ivr' | 'missed' | 'outbound';

export interface CallLogItem {
  readonly callSid: string;
  readonly startedAt: string;
  readonly endedAt?: string;
  readonly direction: string;
  readonly from: string;
  readonly to: string;
  readonly hotline?: string;
  readonly customerId?: string;
  readonly queue?: string;
  readonly agentId?: string;
  readonly outcome: CallOutcome;
  readonly waitSeconds?: number;
  readonly talkSeconds?: number;
  readonly holdSeconds?: number;
  readonly wrapSeconds?: number;
  readonly recordingSids: readonly string[];
  readonly ticketNumbers: readonly string[];
  readonly disposition?: string;
  readonly path: readonly { at: string; type: string; agent?: string; queue?: string }[];
}

export interface AgentStateRow {
  readonly agent: string;
  readonly day: string;
  readonly availableSeconds: number;
  readonly busySeconds: number;
  readonly wrapSeconds: number;
  readonly awaySeconds: number;
  readonly loggedInSeconds: number;
  readonly handled: number;
  readonly handleSeconds: number;
}

export type Query = Readonly<Record<string, string | number | undefined>>;

/** `/reports/<what>?<query>` without the empty parameters; `csv` adds format=csv and the language. */
export function reportPath(what: 'kpis' | 'calls' | 'agent-states', query: Query, csv?: Lang): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  if (csv) {
    params.set('format', 'csv');
    params.set('lang', csv);
  }
  return `/reports/${what}?${params}`;
}

export const reportsApi = {
  kpis: (query: Query) => call<KpiReport>('GET', reportPath('kpis', query)),
  calls: (query: Query) => call<{ items: CallLogItem[]; cursor?: string }>('GET', reportPath('calls', query)),
  agentStates: (query: Query) => call<{ rows: AgentStateRow[] }>('GET', reportPath('agent-states', query)),
};
