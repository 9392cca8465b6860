// When a campaign may ring a contact: between the campaign's local start and end times on its weekdays,
// in the contact's own time, and never outside the legal 08:00-21:00. A contact placed in several zones
// (a number from a country that spans them) is callable only when every one of them is inside the window.
// Time comes in as epoch ms from the one clock; local times are read through Intl, so DST and the
// machine's own zone never matter.
import type { CampaignIssue } from './issues.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface CallingWindow {
  /** Local "HH:MM" the window opens, inclusive. */
  readonly start: string;
  /** Local "HH:MM" it closes, exclusive; after `start` (a window does not cross midnight). */
  readonly end: string;
  /** The local days it opens on; every day when absent. */
  readonly weekdays?: readonly Weekday[];
}

/** Consumer-protection rules in most markets: no unsolicited calls before 08:00 or after 21:00 local. */
export const LEGAL_HOURS = { start: '08:00', end: '21:00' } as const;

/** How far ahead the next opening is looked for: a week of weekdays and a day of slack. */
export const SEARCH_DAYS = 8;

export type WindowIssueCode = 'time-format' | 'window-order' | 'window-outside-legal-hours' | 'weekdays';

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const minutesOf = (hhmm: string): number | undefined => {
  const m = HHMM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
};
const LEGAL = { start: minutesOf(LEGAL_HOURS.start) ?? 0, end: minutesOf(LEGAL_HOURS.end) ?? 0 };

/** What is wrong with a window, each naming its field; empty when it can be saved. */
export function validateWindow(window: CallingWindow): CampaignIssue<WindowIssueCode>[] {
  const issues: CampaignIssue<WindowIssueCode>[] = [];
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  for (const [field, value] of [
    ['start', start],
    ['end', end],
  ] as const)
    if (value === undefined)
      issues.push({
        field,
        code: 'time-format',
        message: {
          en: 'a local time written HH:MM, 00:00 to 23:59',
          zh: '须为 HH:MM 格式的当地时间（00:00-23:59）',
        },
      });
  if (start !== undefined && end !== undefined && end <= start)
    issues.push({
      field: 'end',
      code: 'window-order',
      message: { en: 'must be after the start, on the same day', zh: '结束时间须晚于开始时间（同一天内）' },
    });
  if ((start !== undefined && start < LEGAL.start) || (end !== undefined && end > LEGAL.end))
    issues.push({
      field: start !== undefined && start < LEGAL.start ? 'start' : 'end',
      code: 'window-outside-legal-hours',
      message: {
        en: `contacts may be called only between ${LEGAL_HOURS.start} and ${LEGAL_HOURS.end} their time`,
        zh: `只能在对方当地时间 ${LEGAL_HOURS.start} 至 ${LEGAL_HOURS.end} 之间呼叫`,
      },
    });
  const days = window.weekdays;
  if (days && (days.length === 0 || days.some((d) => !WEEKDAYS.includes(d))))
    issues.push({
      field: 'weekdays',
      code: 'weekdays',
      message: {
        en: `at least one of ${WEEKDAYS.join(', ')}, or none given for every day`,
        zh: `至少选择一天（${WEEKDAYS.join('、')}），不填表示每天`,
      },
    });
  return issues;
}

interface LocalMoment {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly weekday: Weekday;
  /** Minutes since local midnight, with the seconds as a fraction. */
  readonly minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const UTC_DAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function localMoment(ms: number, timeZone: string): LocalMoment {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) p[part.type] = Number(part.value);
  const year = p.year ?? 0;
  const month = p.month ?? 1;
  const day = p.day ?? 1;
  return {
    year,
    month,
    day,
    weekday: UTC_DAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? 'sun',
    minutes: (p.hour ?? 0) * 60 + (p.minute ?? 0) + ((p.second ?? 0) + (ms % 1000) / 1000) / 60,
  };
}

/** The instant a local wall time falls at in a zone (the later one if DST skips it). */
function zonedInstant(year: number, month: number, day: number, minutes: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day) + minutes * 60_000;
  let guess = wall;
  // The zone's offset at the guess corrects it; twice settles a guess that crossed a DST change.
  for (let i = 0; i < 2; i++) {
    const seen = localMoment(guess, timeZone);
    const seenWall = Date.UTC(seen.year, seen.month - 1, seen.day) + Math.round(seen.minutes * 60_000);
    guess += wall - seenWall;
  }
  return guess;
}

/** The window as minutes, narrowed to the legal hours whatever was configured. */
function bounds(window: CallingWindow): { start: number; end: number } | undefined {
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  if (start === undefined || end === undefined) return undefined;
  return { start: Math.max(start, LEGAL.start), end: Math.min(end, LEGAL.end) };
}

function insideIn(zone: string, window: CallingWindow, span: { start: number; end: number }, atMs: number) {
  const t = localMoment(atMs, zone);
  if (window.weekdays && !window.weekdays.includes(t.weekday)) return false;
  return t.minutes >= span.start && t.minutes < span.end;
}

/** Whether a contact in these zones may be rung at this instant; no zones means no one knows: no. */
export function isCallable(contactZones: readonly string[], window: CallingWindow, atMs: number): boolean {
  const span = bounds(window);
  if (!span || contactZones.length === 0) return false;
  return contactZones.every((zone) => insideIn(zone, window, span, atMs));
}

/**
 * The first instant from `fromMs` on at which the contact is callable, `fromMs` itself when it already
 * is; undefined when the window does not open within SEARCH_DAYS (no weekday, zones with no overlap).
 * The zones' windows are intervals that each open at a local start time, so their overlap, if any,
 * opens at one of those starts: only they need trying, not every minute.
 */
export function nextCallableAt(
  contactZones: readonly string[],
  window: CallingWindow,
  fromMs: number,
): number | undefined {
  const span = bounds(window);
  if (!span || contactZones.length === 0 || span.end <= span.start) return undefined;
  if (isCallable(contactZones, window, fromMs)) return fromMs;
  const until = fromMs + SEARCH_DAYS * 86_400_000;
  const openings: number[] = [];
  for (const zone of contactZones) {
    const today = localMoment(fromMs, zone);
    for (let d = 0; d <= SEARCH_DAYS; d++) {
      const date = new Date(Date.UTC(today.year, today.month - 1, today.day + d));
      const at = zonedInstant(
        date.getUTCFullYear(),
        date.getUTCMonth() + 1,
        date.getUTCDate(),
        span.start,
        zone,
      );
      if (at > fromMs && at <= until) openings.push(at);
    }
  }
  openings.sort((a, b) => a - b);
  return openings.find((at) => isCallable(contactZones, window, at));
}
