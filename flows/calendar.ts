// Holiday calendars flows refer to by name, with their built-in days. `cn` is the mainland public-holiday
// schedule: holidays close the line, make-up working days (调休, weekend days worked) open it with weekday
// hours. The State Council publishes next year's dates each autumn: admins enter them on the console
// (/admin/calendar), whose saved version replaces these days; these are the default and the demo's dates.
import type { HolidayCalendar } from '../functions/domain/ivr/hours.js';

export const calendars = {
  cn: {
    // 2026 as the State Council's notice (国务院办公厅关于2026年部分节假日安排的通知) gives it: every day of
    // each break, weekends inside it included, so a line open at weekends closes on them too.
    holidays: {
      '2026-01-01': '元旦 New Year',
      '2026-01-02': '元旦 New Year',
      '2026-01-03': '元旦 New Year',
      '2026-02-15': '春节 Spring Festival',
      '2026-02-16': '春节 Spring Festival',
      '2026-02-17': '春节 Spring Festival',
      '2026-02-18': '春节 Spring Festival',
      '2026-02-19': '春节 Spring Festival',
      '2026-02-20': '春节 Spring Festival',
      '2026-02-21': '春节 Spring Festival',
      '2026-02-22': '春节 Spring Festival',
      '2026-02-23': '春节 Spring Festival',
      '2026-04-04': '清明节 Qingming',
      '2026-04-05': '清明节 Qingming',
      '2026-04-06': '清明节 Qingming',
      '2026-05-01': '劳动节 Labour Day',
      '2026-05-02': '劳动节 Labour Day',
      '2026-05-03': '劳动节 Labour Day',
      '2026-05-04': '劳动节 Labour Day',
      '2026-05-05': '劳动节 Labour Day',
      '2026-06-19': '端午节 Dragon Boat Festival',
      '2026-06-20': '端午节 Dragon Boat Festival',
      '2026-06-21': '端午节 Dragon Boat Festival',
      '2026-09-25': '中秋节 Mid-Autumn Festival',
      '2026-09-26': '中秋节 Mid-Autumn Festival',
      '2026-09-27': '中秋节 Mid-Autumn Festival',
      '2026-10-01': '国庆节 National Day',
      '2026-10-02': '国庆节 National Day',
      '2026-10-03': '国庆节 National Day',
      '2026-10-04': '国庆节 National Day',
      '2026-10-05': '国庆节 National Day',
      '2026-10-06': '国庆节 National Day',
      '2026-10-07': '国庆节 National Day',
    },
    makeUpDays: {
      '2026-01-04': '元旦调休 New Year make-up day',
      '2026-02-14': '春节调休 Spring Festival make-up day',
      '2026-02-28': '春节调休 Spring Festival make-up day',
      '2026-05-09': '劳动节调休 Labour Day make-up day',
      '2026-09-20': '国庆节调休 National Day make-up day',
      '2026-10-10': '国庆节调休 National Day make-up day',
    },
  },
} as const satisfies Record<string, HolidayCalendar>;

export type CalendarName = keyof typeof calendars;
