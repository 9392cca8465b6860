// What the reports page reads: KPIs by time or dimension, the call log (each call with its path through
// the IVR, the queue and the agents), and each agent's time per state and day; each also as CSV.

import { toCsv } from '../../domain/history/csv.js';
import type { CenterEvent, Dimension } from '../../domain/history/event.js';
import { KPIS, type KpiOptions } from '../../domain/history/kpis.js';
import { type GroupBy, localMidnight, nextDate } from '../../domain/history/report.js';
import type { CallRecord } from '../../domain/model.js';
import type { Store } from '../../domain/ports.js';
import type { History } from './history.js';

export type ReportLanguage = 'zh' | 'en';

/** The UTC instants a range of local dates covers, `to` included. */
export function dateRange(from: string, to: string, timeZone: string): { from: string; to: string } {
  return {
    from: new Date(localMidnight(from, timeZone)).toISOString(),
    to: new Date(localMidnight(nextDate(to), timeZone)).toISOString(),
  };
}

export interface KpiReportQuery {
  readonly from: string;
  readonly to: string;
  readonly groupBy: GroupBy;
  readonly only?: { readonly dimension: Exclude<Dimension, 'center'>; readonly value: string };
  readonly options: KpiOptions;
}

export async function kpiReport(history: History, timeZone: string, q: KpiReportQuery) {
  const range = dateRange(q.from, q.to, timeZone);
  const report = await history.report({
    ...range,
    groupBy: q.groupBy,
    options: q.options,
    ...(q.only ? { only: q.only } : {}),
  });
  return {
    from: range.from,
    to: range.to,
    timeZone,
    groupBy: q.groupBy,
    options: q.options,
    kpis: KPIS.map((k) => ({ id: k.id, class: k.class, en: k.en, zh: k.zh, unit: k.unit })),
    rows: report.rows.map((r) => ({ key: r.key, values: r.kpis })),
    total: { values: report.total.kpis },
  };
}

export function kpiCsv(report: Awaited<ReturnType<typeof kpiReport>>, lang: ReportLanguage): string {
  const group = lang === 'zh' ? GROUP_ZH[report.groupBy] : report.groupBy;
  const rows = [...report.rows, { key: lang === 'zh' ? '合计' : 'total', values: report.total.values }];
  return toCsv(
    [group, ...KPIS.map((k) => k[lang])],
    rows.map((r) => [r.key, ...KPIS.map((k) => rounded(r.values[k.id]))]),
  );
}

const GROUP_ZH: Record<GroupBy, string> = {
  interval: '时段',
  hour: '小时',
  day: '日期',
  week: '周',
  month: '月份',
  hotline: '热线',
  queue: '队列',
  agent: '座席',
  region: '地区',
  language: '语言',
  tier: '客户等级',
};

const rounded = (v: number | null | undefined) =>
  v === null || v === undefined ? '' : Math.round(v * 10_000) / 10_000;

export type CallOutcome = 'answered' | 'abandoned' | 'voicemail' | 'callback' | 'ivr' | 'missed' | 'outbound';

export interface CallLogEntry {
  readonly callSid: string;
  readonly startedAt: string;
  readonly endedAt?: string;
  readonly direction: CallRecord['direction'];
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

/** What a call came to, from its events: the furthest it got. */
export function callOutcome(call: CallRecord, events: readonly CenterEvent[]): CallOutcome {
  const has = (type: CenterEvent['type']) => events.some((e) => e.type === type);
  if (has('call.answered')) return 'answered';
  if (has('callback.requested')) return 'callback';
  if (has('voicemail.left')) return 'voicemail';
  if (has('call.abandoned')) return 'abandoned';
  if (has('offer.missed')) return 'missed';
  return call.direction === 'outbound' ? 'outbound' : 'ivr';
}

export function callLogEntry(call: CallRecord, events: readonly CenterEvent[]): CallLogEntry {
  const find = (type: CenterEvent['type']) => events.find((e) => e.type === type);
  const received = find('call.received');
  const answered = find('call.answered');
  const handled = find('call.handled');
  const abandoned = find('call.abandoned');
  const queued = find('call.queued');
  const wait = answered?.n?.waitSeconds ?? abandoned?.n?.waitSeconds;
  const hotline = received?.hotline ?? queued?.hotline;
  const queue = call.queue ?? queued?.queue;
  const agentId = call.agentId ?? answered?.agent;
  return {
    callSid: call.callSid,
    startedAt: call.startedAt,
    ...(call.endedAt ? { endedAt: call.endedAt } : {}),
    direction: call.direction,
    from: call.from,
    to: call.to,
    ...(hotline ? { hotline } : {}),
    ...(call.customerId ? { customerId: call.customerId } : {}),
    ...(queue ? { queue } : {}),
    ...(agentId ? { agentId } : {}),
    outcome: callOutcome(call, events),
    ...(wait !== undefined ? { waitSeconds: wait } : {}),
    ...(handled?.n?.talkSeconds !== undefined ? { talkSeconds: handled.n.talkSeconds } : {}),
    ...(handled?.n?.holdSeconds !== undefined ? { holdSeconds: handled.n.holdSeconds } : {}),
    ...(handled?.n?.wrapSeconds !== undefined ? { wrapSeconds: handled.n.wrapSeconds } : {}),
    recordingSids: call.recordingSids,
    ticketNumbers: call.ticketNumbers,
    ...(call.disposition ? { disposition: call.disposition } : {}),
    path: events
      .filter((e) => e.type !== 'agent.state')
      .map((e) => ({
        at: e.at,
        type: e.type,
        ...(e.agent ? { agent: e.agent } : {}),
        ...(e.queue ? { queue: e.queue } : {}),
      })),
  };
}

export interface CallLogQuery {
  readonly from: string;
  readonly to: string;
  readonly agent?: string;
  readonly queue?: string;
  readonly hotline?: string;
  readonly limit: number;
  readonly cursor?: string;
}

interface LogCursor {
  /** The UTC day being read, and the storage cursor within it. */
  readonly day: string;
  readonly page?: string;
}

const DAY_MS = 86_400_000;
const PAGE = 100;

/**
 * The calls of a range of local dates, newest day first, with their paths. Calls are read a UTC day at a
 * time (the calls' day partitions) and filtered here; a page may need several reads when a filter is narrow.
 */
export async function callLog(
  store: Pick<Store, 'calls' | 'events'>,
  timeZone: string,
  q: CallLogQuery,
): Promise<{ items: CallLogEntry[]; cursor?: string }> {
  const range = dateRange(q.from, q.to, timeZone);
  const firstDay = range.from.slice(0, 10);
  let position: LogCursor | undefined = q.cursor
    ? (JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8')) as LogCursor)
    : { day: new Date(Date.parse(range.to) - 1).toISOString().slice(0, 10) };
  const items: CallLogEntry[] = [];
  while (position && items.length < q.limit) {
    // Never more than the page still needs, so a page holds at most `limit` calls.
    const page = await store.calls.byDay(position.day, {
      limit: Math.min(PAGE, q.limit - items.length),
      ...(position.page ? { cursor: position.page } : {}),
    });
    const inRange = page.items.filter((c) => c.startedAt >= range.from && c.startedAt < range.to);
    const entries = await Promise.all(
      inRange.map(async (call) => callLogEntry(call, await store.events.ofCall(call.callSid))),
    );
    for (const e of entries)
      if (
        (!q.agent || e.agentId === q.agent) &&
        (!q.queue || e.queue === q.queue) &&
        (!q.hotline || e.hotline === q.hotline)
      )
        items.push(e);
    if (page.cursor) position = { day: position.day, page: page.cursor };
    else {
      const before = new Date(Date.parse(`${position.day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
      position = before >= firstDay ? { day: before } : undefined;
    }
  }
  items.sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1));
  return {
    items,
    ...(position ? { cursor: Buffer.from(JSON.stringify(position), 'utf8').toString('base64url') } : {}),
  };
}

const CALL_HEADERS: Record<ReportLanguage, readonly string[]> = {
  en: [
    'Started',
    'Ended',
    'Direction',
    'From',
    'To',
    'Hotline',
    'Customer',
    'Queue',
    'Agent',
    'Outcome',
    'Wait s',
    'Talk s',
    'Hold s',
    'Wrap-up s',
    'Recordings',
    'Tickets',
    'Disposition',
    'Path',
    'Call SID',
  ],
  zh: [
    '开始时间',
    '结束时间',
    '方向',
    '主叫',
    '被叫',
    '热线',
    '客户',
    '队列',
    '座席',
    '结果',
    '等待(秒)',
    '通话(秒)',
    '保持(秒)',
    '话后(秒)',
    '录音',
    '工单',
    '处理结果',
    '路径',
    '呼叫编号',
  ],
};

const OUTCOME_ZH: Record<CallOutcome, string> = {
  answered: '人工接通',
  abandoned: '放弃',
  voicemail: '留言',
  callback: '预约回呼',
  ivr: '自助服务',
  missed: '未接',
  outbound: '外呼',
};

export function callLogCsv(entries: readonly CallLogEntry[], lang: ReportLanguage): string {
  return toCsv(
    CALL_HEADERS[lang],
    entries.map((e) => [
      e.startedAt,
      e.endedAt,
      e.direction,
      e.from,
      e.to,
      e.hotline,
      e.customerId,
      e.queue,
      e.agentId,
      lang === 'zh' ? OUTCOME_ZH[e.outcome] : e.outcome,
      e.waitSeconds,
      e.talkSeconds,
      e.holdSeconds,
      e.wrapSeconds,
      e.recordingSids.join(' '),
      e.ticketNumbers.join(' '),
      e.disposition,
      e.path.map((p) => p.type + (p.agent ? `(${p.agent})` : p.queue ? `(${p.queue})` : '')).join(' > '),
      e.callSid,
    ]),
  );
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

export async function agentStates(
  history: History,
  timeZone: string,
  q: { from: string; to: string; agent?: string },
): Promise<AgentStateRow[]> {
  const range = dateRange(q.from, q.to, timeZone);
  const rows = await history.byDayAndValue('agent', range.from, range.to);
  const s = (m: Readonly<Record<string, number>>, k: string) => Math.round(m[k] ?? 0);
  return rows
    .filter((r) => !q.agent || r.value === q.agent)
    .map(({ day, value, measures: m }) => ({
      agent: value,
      day,
      availableSeconds: s(m, 'stateAvailableSeconds'),
      busySeconds: s(m, 'stateBusySeconds'),
      wrapSeconds: s(m, 'stateWrapSeconds'),
      awaySeconds: s(m, 'stateAwaySeconds'),
      loggedInSeconds: s(m, 'loggedInSeconds'),
      handled: s(m, 'handled'),
      handleSeconds: s(m, 'talkSeconds') + s(m, 'holdSeconds') + s(m, 'wrapSeconds'),
    }));
}

const STATE_HEADERS: Record<ReportLanguage, readonly string[]> = {
  en: [
    'Agent',
    'Day',
    'Available s',
    'Busy s',
    'Wrap-up s',
    'Away s',
    'Logged in s',
    'Calls handled',
    'Handle time s',
  ],
  zh: [
    '座席',
    '日期',
    '空闲(秒)',
    '忙碌(秒)',
    '话后处理(秒)',
    '离开(秒)',
    '在线(秒)',
    '处理量',
    '处理时长(秒)',
  ],
};

export function agentStatesCsv(rows: readonly AgentStateRow[], lang: ReportLanguage): string {
  return toCsv(
    STATE_HEADERS[lang],
    rows.map((r) => [
      r.agent,
      r.day,
      r.availableSeconds,
      r.busySeconds,
      r.wrapSeconds,
      r.awaySeconds,
      r.loggedInSeconds,
      r.handled,
      r.handleSeconds,
    ]),
  );
}
