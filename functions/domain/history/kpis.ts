// The KPIs, defined once: each is a formula over an interval's (or a sum of intervals') measures. The
// reports, the CSV export, the planning page and docs/kpis.md all read this list, so a figure means
// the same wherever it is shown.
import type { CenterEventType } from './event.js';
import type { Measures } from './measures.js';

export const KPI_CLASSES = ['service', 'efficiency', 'quality', 'marketing'] as const;
export type KpiClass = (typeof KPI_CLASSES)[number];
export type KpiUnit = 'count' | 'percent' | 'seconds' | 'score' | 'per-hour';

export interface KpiOptions {
  /** Answered within this many seconds counts toward the service level (one of ANSWER_THRESHOLDS). */
  readonly serviceLevelSeconds: number;
  /** Abandons within this many seconds are short abandons (one of ABANDON_THRESHOLDS). */
  readonly shortAbandonSeconds: number;
}

export const DEFAULT_KPI_OPTIONS: KpiOptions = { serviceLevelSeconds: 20, shortAbandonSeconds: 5 };

export interface Kpi {
  readonly id: string;
  readonly class: KpiClass;
  readonly en: string;
  readonly zh: string;
  readonly unit: KpiUnit;
  /** The formula in words, over the measures' names. */
  readonly formula: string;
  readonly events: readonly CenterEventType[];
  /** null when the formula has nothing to divide by. */
  compute(m: Measures, options: KpiOptions): number | null;
}

const get = (m: Measures, key: string) => m[key] ?? 0;
const ratio = (top: number, bottom: number) => (bottom > 0 ? top / bottom : null);
const shortAbandons = (m: Measures, o: KpiOptions) => get(m, `abandonedWithin${o.shortAbandonSeconds}`);
const handleSeconds = (m: Measures) => get(m, 'talkSeconds') + get(m, 'holdSeconds') + get(m, 'wrapSeconds');

const kpi = (
  id: string,
  cls: KpiClass,
  en: string,
  zh: string,
  unit: KpiUnit,
  formula: string,
  events: readonly CenterEventType[],
  compute: Kpi['compute'],
): Kpi => ({ id, class: cls, en, zh, unit, formula, events, compute });

const count = (id: string, cls: KpiClass, en: string, zh: string, measure: string, event: CenterEventType) =>
  kpi(id, cls, en, zh, 'count', measure, [event], (m) => get(m, measure));

export const KPIS: readonly Kpi[] = [
  // Service level
  count('received', 'service', 'Calls received', '来电总量', 'received', 'call.received'),
  count('offered', 'service', 'Offered to agents', '进入排队量', 'offered', 'call.queued'),
  count('answered', 'service', 'Answered', '人工接通量', 'answered', 'call.answered'),
  kpi(
    'answerRate',
    'service',
    'Answer rate',
    '人工接通率',
    'percent',
    'answered / offered',
    ['call.queued', 'call.answered'],
    (m) => ratio(get(m, 'answered'), get(m, 'offered')),
  ),
  count('abandoned', 'service', 'Abandoned', '放弃量', 'abandoned', 'call.abandoned'),
  kpi(
    'shortAbandoned',
    'service',
    'Short abandons',
    '短时放弃量',
    'count',
    'abandoned within the short-abandon threshold',
    ['call.abandoned'],
    shortAbandons,
  ),
  kpi(
    'abandonRate',
    'service',
    'Abandon rate',
    '放弃率',
    'percent',
    '(abandoned - short abandons) / (offered - short abandons)',
    ['call.queued', 'call.abandoned'],
    (m, o) => ratio(get(m, 'abandoned') - shortAbandons(m, o), get(m, 'offered') - shortAbandons(m, o)),
  ),
  kpi(
    'serviceLevel',
    'service',
    'Service level',
    '服务水平',
    'percent',
    'answered within the threshold / (answered + abandoned - short abandons)',
    ['call.answered', 'call.abandoned'],
    (m, o) =>
      ratio(
        get(m, `answeredWithin${o.serviceLevelSeconds}`),
        get(m, 'answered') + get(m, 'abandoned') - shortAbandons(m, o),
      ),
  ),
  kpi(
    'asa',
    'service',
    'Average speed of answer',
    '平均应答速度',
    'seconds',
    'waitAnsweredSeconds / answered',
    ['call.answered'],
    (m) => ratio(get(m, 'waitAnsweredSeconds'), get(m, 'answered')),
  ),
  kpi(
    'longestWait',
    'service',
    'Longest wait',
    '最长等待时间',
    'seconds',
    'max wait of answered or abandoned calls',
    ['call.answered', 'call.abandoned'],
    (m) => (get(m, 'answered') + get(m, 'abandoned') > 0 ? get(m, 'waitMaxSeconds') : null),
  ),
  count('missedOffers', 'service', 'Missed offers', '未接振铃次数', 'missedOffers', 'offer.missed'),
  count(
    'callbacksRequested',
    'service',
    'Callbacks requested',
    '预约回呼量',
    'callbacksRequested',
    'callback.requested',
  ),
  count(
    'callbacksCompleted',
    'service',
    'Callbacks completed',
    '回呼完成量',
    'callbacksCompleted',
    'callback.completed',
  ),
  count('voicemails', 'service', 'Voicemails', '留言量', 'voicemails', 'voicemail.left'),
  kpi(
    'voicemailHandleTime',
    'service',
    'Time to handle a voicemail',
    '留言平均处理时长',
    'seconds',
    'voicemailHandleSeconds / voicemailsHandled',
    ['voicemail.handled'],
    (m) => ratio(get(m, 'voicemailHandleSeconds'), get(m, 'voicemailsHandled')),
  ),
  // Efficiency
  count('handled', 'efficiency', 'Calls handled', '处理量', 'handled', 'call.handled'),
  kpi(
    'aht',
    'efficiency',
    'Average handle time',
    '平均处理时长',
    'seconds',
    '(talk + hold + wrap-up seconds) / handled',
    ['call.handled'],
    (m) => ratio(handleSeconds(m), get(m, 'handled')),
  ),
  kpi(
    'avgTalk',
    'efficiency',
    'Average talk time',
    '平均通话时长',
    'seconds',
    'talkSeconds / handled',
    ['call.handled'],
    (m) => ratio(get(m, 'talkSeconds'), get(m, 'handled')),
  ),
  kpi(
    'avgHold',
    'efficiency',
    'Average hold time',
    '平均保持时长',
    'seconds',
    'holdSeconds / handled',
    ['call.handled'],
    (m) => ratio(get(m, 'holdSeconds'), get(m, 'handled')),
  ),
  kpi(
    'avgWrap',
    'efficiency',
    'Average wrap-up time',
    '平均话后处理时长',
    'seconds',
    'wrapSeconds / handled',
    ['call.handled'],
    (m) => ratio(get(m, 'wrapSeconds'), get(m, 'handled')),
  ),
  kpi(
    'occupancy',
    'efficiency',
    'Occupancy',
    '占用率',
    'percent',
    'handle time (talk + hold + wrap-up) / time ready or working (Available, Busy, Wrap-up)',
    ['call.handled', 'agent.state'],
    (m) =>
      ratio(
        handleSeconds(m),
        get(m, 'stateAvailableSeconds') + get(m, 'stateBusySeconds') + get(m, 'stateWrapSeconds'),
      ),
  ),
  kpi(
    'utilisation',
    'efficiency',
    'Utilisation',
    '利用率',
    'percent',
    'handle time / logged-in time (breaks and missed included)',
    ['call.handled', 'agent.state'],
    (m) => ratio(handleSeconds(m), get(m, 'loggedInSeconds')),
  ),
  kpi(
    'callsPerAgentHour',
    'efficiency',
    'Calls per agent hour',
    '人均每小时处理量',
    'per-hour',
    'handled / (logged-in seconds / 3600)',
    ['call.handled', 'agent.state'],
    (m) => ratio(get(m, 'handled'), get(m, 'loggedInSeconds') / 3600),
  ),
  kpi(
    'transferRate',
    'efficiency',
    'Transfer rate',
    '转接率',
    'percent',
    'transfers / answered',
    ['call.transferred', 'call.answered'],
    (m) => ratio(get(m, 'transfers'), get(m, 'answered')),
  ),
  // Quality
  kpi(
    'repeat24h',
    'quality',
    'Repeat callers within 24 h',
    '24小时重复来电率',
    'percent',
    'calls from a number that called in the 24 h before / received',
    ['call.received'],
    (m) => ratio(get(m, 'repeat24h'), get(m, 'received')),
  ),
  kpi(
    'repeat7d',
    'quality',
    'Repeat callers within 7 days',
    '7天重复来电率',
    'percent',
    'calls from a number that called in the 7 days before / received',
    ['call.received'],
    (m) => ratio(get(m, 'repeat7d'), get(m, 'received')),
  ),
  kpi(
    'fcr',
    'quality',
    'First-contact resolution (proxy)',
    '首次解决率(估算)',
    'percent',
    '1 - repeat7d / received',
    ['call.received'],
    (m) => {
      const r = ratio(get(m, 'repeat7d'), get(m, 'received'));
      return r === null ? null : 1 - r;
    },
  ),
  kpi(
    'csat',
    'quality',
    'CSAT (average score, 1-10)',
    '满意度平均分',
    'score',
    'csatSum / csatCount',
    ['survey.answered'],
    (m) => ratio(get(m, 'csatSum'), get(m, 'csatCount')),
  ),
  kpi(
    'csatSatisfied',
    'quality',
    'Satisfied (score 8 or more)',
    '满意率',
    'percent',
    'csatSatisfied / csatCount',
    ['survey.answered'],
    (m) => ratio(get(m, 'csatSatisfied'), get(m, 'csatCount')),
  ),
  kpi(
    'surveyResponseRate',
    'quality',
    'Survey response rate',
    '调查回复率',
    'percent',
    'surveysAnswered / surveysOffered',
    ['survey.offered', 'survey.answered'],
    (m) => ratio(get(m, 'surveysAnswered'), get(m, 'surveysOffered')),
  ),
  count('ticketsOpened', 'quality', 'Tickets opened', '工单新建量', 'ticketsOpened', 'ticket.opened'),
  count('ticketsSolved', 'quality', 'Tickets solved', '工单解决量', 'ticketsSolved', 'ticket.solved'),
  kpi(
    'ticketsSolvedInSla',
    'quality',
    'Tickets solved within SLA',
    '工单按时解决率',
    'percent',
    'ticketsSolvedInSla / ticketsSolved',
    ['ticket.solved'],
    (m) => ratio(get(m, 'ticketsSolvedInSla'), get(m, 'ticketsSolved')),
  ),
  count(
    'ticketsEscalated',
    'quality',
    'Tickets escalated',
    '工单升级量',
    'ticketsEscalated',
    'ticket.escalated',
  ),
  // Marketing
  count(
    'outboundAttempts',
    'marketing',
    'Outbound attempts',
    '外呼次数',
    'outboundAttempts',
    'outbound.attempted',
  ),
  kpi(
    'contactRate',
    'marketing',
    'Contact rate',
    '外呼接通率',
    'percent',
    'outboundContacts / outboundAttempts',
    ['outbound.attempted'],
    (m) => ratio(get(m, 'outboundContacts'), get(m, 'outboundAttempts')),
  ),
  kpi(
    'conversionRate',
    'marketing',
    'Conversion rate',
    '营销成功率',
    'percent',
    'conversions / outboundContacts',
    ['outbound.attempted', 'outbound.converted'],
    (m) => ratio(get(m, 'conversions'), get(m, 'outboundContacts')),
  ),
  count('smsSent', 'marketing', 'SMS sent', '短信发送量', 'smsSent', 'sms.sent'),
  count('smsReceived', 'marketing', 'SMS received', '短信接收量', 'smsReceived', 'sms.received'),
];

export type KpiValues = Readonly<Record<string, number | null>>;

export function computeKpis(m: Measures, options: KpiOptions = DEFAULT_KPI_OPTIONS): KpiValues {
  return Object.fromEntries(KPIS.map((k) => [k.id, k.compute(m, options)]));
}
