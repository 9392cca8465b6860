// A holiday calendar as admins keep it on the console: which days close the line (public holidays) and
// which weekend days open it (make-up working days, 调休), each with a name. The rules a stored calendar
// must meet, checked for a whole calendar at once so every bad day is named in one answer.
import type { HolidayCalendar } from './ivr/hours.js';

export type { HolidayCalendar } from './ivr/hours.js';

/** The settings document of calendar `name` (flows name their calendar: `cn`). */
export const calendarSetting = (name: string) => `calendar:${name}`;

export type DayKind = 'holiday' | 'workday';

/** Limits the console checks: a few years of a country's holidays fit easily. */
export const CALENDAR_LIMITS = { maxDays: 400, nameMin: 1, nameMax: 60 } as const;

export type CalendarIssueCode = 'invalid-date' | 'both-kinds' | 'name-length' | 'too-many-days';

export interface CalendarIssue {
  /** `holidays.<date>` or `makeUpDays.<date>`; the calendar itself for a count over the limit. */
  readonly path: string;
  readonly code: CalendarIssueCode;
  readonly message: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real day of the Gregorian calendar written YYYY-MM-DD (not 2027-02-30, not 2027-2-3). */
export function isRealDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** What is wrong with a day's name, or undefined. */
export function nameProblem(name: string): string | undefined {
  const length = [...name.trim()].length;
  if (length < CALENDAR_LIMITS.nameMin) return 'the name is empty';
  if (length > CALENDAR_LIMITS.nameMax) return `the name is over ${CALENDAR_LIMITS.nameMax} characters`;
  return undefined;
}

/** Every issue of a calendar; none means it can be stored as it is (names trimmed, days sorted). */
export function calendarIssues(calendar: HolidayCalendar): CalendarIssue[] {
  const issues: CalendarIssue[] = [];
  const check = (field: 'holidays' | 'makeUpDays', days: Readonly<Record<string, string>>) => {
    for (const [date, name] of Object.entries(days)) {
      const path = `${field}.${date}`;
      if (!isRealDate(date))
        issues.push({ path, code: 'invalid-date', message: 'is not a real date written YYYY-MM-DD' });
      const problem = nameProblem(name);
      if (problem)
        issues.push({
          path,
          code: 'name-length',
          message: `${problem}: a name has ${CALENDAR_LIMITS.nameMin} to ${CALENDAR_LIMITS.nameMax} characters`,
        });
    }
  };
  check('holidays', calendar.holidays);
  check('makeUpDays', calendar.makeUpDays);
  for (const date of Object.keys(calendar.makeUpDays))
    if (date in calendar.holidays)
      issues.push({
        path: `makeUpDays.${date}`,
        code: 'both-kinds',
        message: 'is a holiday too: a day is either closed or worked, not both',
      });
  const count = Object.keys(calendar.holidays).length + Object.keys(calendar.makeUpDays).length;
  if (count > CALENDAR_LIMITS.maxDays)
    issues.push({
      path: 'holidays',
      code: 'too-many-days',
      message: `holds ${count} days with the make-up days; at most ${CALENDAR_LIMITS.maxDays}: remove past years`,
    });
  return issues;
}

/** The calendar as stored: names trimmed, days in date order (so versions compare and read well). */
export function tidyCalendar(calendar: HolidayCalendar): HolidayCalendar {
  const tidy = (days: Readonly<Record<string, string>>) =>
    Object.fromEntries(
      Object.entries(days)
        .map(([date, name]) => [date, name.trim()] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  return { holidays: tidy(calendar.holidays), makeUpDays: tidy(calendar.makeUpDays) };
}

export interface CalendarDay {
  readonly date: string;
  readonly name: string;
  readonly kind: DayKind;
}

/**
 * `days` laid over `calendar`: a day named again takes its new name and kind (an imported make-up day
 * replaces the holiday the calendar had on that date), every other day stays.
 */
export function mergeDays(calendar: HolidayCalendar, days: readonly CalendarDay[]): HolidayCalendar {
  const holidays: Record<string, string> = { ...calendar.holidays };
  const makeUpDays: Record<string, string> = { ...calendar.makeUpDays };
  for (const day of days) {
    delete holidays[day.date];
    delete makeUpDays[day.date];
    if (day.kind === 'holiday') holidays[day.date] = day.name;
    else makeUpDays[day.date] = day.name;
  }
  return tidyCalendar({ holidays, makeUpDays });
}
