// Holiday calendars flows refer to by name, with their built-in days. `cn` is the mainland public-holiday
// schedule: holidays close the line, make-up working days (调休, weekend days worked) open it with weekday
// hours. The State Council publishes next year's dates each autumn: admins enter them on the console
// (/admin/calendar), whose saved version replaces these days; these are the default and the demo's dates.
import type { HolidayCalendar } from '../functions/domain/ivr/hours.js';

export const calendars = {
  cn: {
    holidays: {
      '2026-01-01': '元旦 New Year',
      '2026-05-01': '劳动节 Labour Day',
      '2026-05-04': '劳动节 Labour Day',
      '2026-05-05': '劳动节 Labour Day',
      '2026-10-01': '国庆节 National Day',
      '2026-10-02': '国庆节 National Day',
      '2026-10-05': '国庆节 National Day',
      '2026-10-06': '国庆节 National Day',
      '2026-10-07': '国庆节 National Day',
    },
    makeUpDays: {
      '2026-04-26': '劳动节调休 Labour Day make-up day',
      '2026-09-27': '国庆节调休 National Day make-up day',
      '2026-10-10': '国庆节调休 National Day make-up day',
    },
  },
} as const satisfies Record<string, HolidayCalendar>;

export type CalendarName = keyof typeof calendars;
