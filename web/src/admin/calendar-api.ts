// Calls to the holiday calendar routes (admins only): the calendar in force, saving it whole, previewing
// an import (its versions and restore: settings-api.ts).
import type { RowProblem } from '../../../functions/domain/calendar-import.js';
import type { DayKind, HolidayCalendar } from '../../../functions/domain/holiday-calendar.js';
import { call } from '../api.js';

export type { DayKind, HolidayCalendar, RowProblem };

export interface CalendarView extends HolidayCalendar {
  readonly name: string;
  readonly source: 'console' | 'built-in';
}

export interface ImportPreview {
  readonly name: string;
  readonly format: 'csv' | 'ics';
  readonly calendar: HolidayCalendar;
  readonly days: number;
  readonly problems: readonly RowProblem[];
  readonly issues: readonly { path: string; code: string; message: string }[];
}

const path = (name: string) => `/admin/calendars/${encodeURIComponent(name)}`;

export const calendarApi = {
  get: (name: string) => call<CalendarView>('GET', path(name)),
  replace: (name: string, calendar: HolidayCalendar) =>
    call<CalendarView>('PUT', path(name), { holidays: calendar.holidays, makeUpDays: calendar.makeUpDays }),
  preview: (name: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return call<ImportPreview>('POST', `${path(name)}/import`, form);
  },
};

/** The calendar with one day set (a day is one kind at a time) or, with `kind` undefined, removed. */
export function withDay(
  calendar: HolidayCalendar,
  date: string,
  name: string,
  kind?: DayKind,
): HolidayCalendar {
  const holidays: Record<string, string> = { ...calendar.holidays };
  const makeUpDays: Record<string, string> = { ...calendar.makeUpDays };
  delete holidays[date];
  delete makeUpDays[date];
  if (kind === 'holiday') holidays[date] = name;
  if (kind === 'workday') makeUpDays[date] = name;
  return { holidays, makeUpDays };
}
