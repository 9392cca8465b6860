// Business hours: is a flow open at an instant, in its IANA time zone, given its weekly hours and a
// holiday calendar (public holidays close; make-up working days open with weekday hours).
import type { Language } from '../model.js';
import type { WeeklyHours } from './types.js';

export interface HolidayCalendar {
  /** YYYY-MM-DD -> name; closed all day. */
  readonly holidays: Readonly<Record<string, string>>;
  /** YYYY-MM-DD -> name; weekend days worked as weekdays (China's 调休). */
  readonly makeUpDays: Readonly<Record<string, string>>;
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
type Day = (typeof DAYS)[number];

export interface LocalTime {
  readonly date: string; // YYYY-MM-DD
  readonly day: Day;
  readonly minutes: number; // since local midnight
}

export function localTime(nowMs: number, timeZone: string): LocalTime {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(nowMs));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  const day = DAYS[new Date(`${date}T12:00:00Z`).getUTCDay()] ?? 'sun';
  return { date, day, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export type OpenCheck =
  | { readonly open: true }
  | { readonly open: false; readonly reason: 'holiday'; readonly holiday: string }
  | { readonly open: false; readonly reason: 'closed-day' | 'outside-hours' };

export function checkOpen(
  hours: WeeklyHours,
  calendar: HolidayCalendar | undefined,
  timeZone: string,
  nowMs: number,
): OpenCheck {
  const t = localTime(nowMs, timeZone);
  const holiday = calendar?.holidays[t.date];
  if (holiday) return { open: false, reason: 'holiday', holiday };
  const weekday = hours.mon ?? hours.tue ?? hours.wed ?? hours.thu ?? hours.fri;
  const span = calendar?.makeUpDays[t.date] ? (weekday ?? hours[t.day]) : hours[t.day];
  if (!span) return { open: false, reason: 'closed-day' };
  const inside = t.minutes >= toMinutes(span[0]) && t.minutes < toMinutes(span[1]);
  return inside ? { open: true } : { open: false, reason: 'outside-hours' };
}

const ZH_DAYS: Record<Day, string> = {
  mon: '周一',
  tue: '周二',
  wed: '周三',
  thu: '周四',
  fri: '周五',
  sat: '周六',
  sun: '周日',
};
const EN_DAYS: Record<Day, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** "every day from 06:00 to 22:00" / "每天早上6点到晚上10点"-style sentence of the weekly hours. */
export function describeHours(hours: WeeklyHours, language: Language): string {
  const order: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  const groups: { days: Day[]; span: readonly [string, string] }[] = [];
  for (const day of order) {
    const span = hours[day];
    if (!span) continue;
    const last = groups.at(-1);
    const prev = last?.days.at(-1);
    if (last && prev && order.indexOf(prev) === order.indexOf(day) - 1 && last.span.join() === span.join())
      last.days.push(day);
    else groups.push({ days: [day], span });
  }
  const names = language === 'zh' ? ZH_DAYS : EN_DAYS;
  return groups
    .map(({ days, span }) => {
      const first = days[0] ?? 'mon';
      const last = days.at(-1) ?? first;
      if (language === 'zh') {
        const when =
          days.length === 7 ? '每天' : days.length === 1 ? names[first] : `${names[first]}至${names[last]}`;
        return `${when}${span[0]}至${span[1]}`;
      }
      const when =
        days.length === 7
          ? 'every day'
          : days.length === 1
            ? `on ${names[first]}`
            : `${names[first]} to ${names[last]}`;
      return `${when} from ${span[0]} to ${span[1]}`;
    })
    .join(language === 'zh' ? '，' : ', and ');
}
