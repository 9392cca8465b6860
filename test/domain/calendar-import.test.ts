// Reading holiday files: where a CSV row starts when a quoted name spans lines, dates as spreadsheets
// write them, iCalendar ranges (DTEND excluded, no DTEND: one day), repeating and over-long events named,
// and the calendar rules (real dates, one kind a day, names 1-60, the day limit).
import { describe, expect, it } from 'vitest';
import { readCalendarFile } from '../../functions/domain/calendar-import.js';
import { calendarIssues, mergeDays } from '../../functions/domain/holiday-calendar.js';

const file = (name: string, text: string) => ({ name, type: '', bytes: new TextEncoder().encode(text) });

describe('readCalendarFile', () => {
  it('numbers CSV rows by the line they start on, across a quoted name on two lines and blank lines', () => {
    const read = readCalendarFile(
      file(
        'x.csv',
        'date,name,kind\n\n"2027-01-01","New\nYear",holiday\n2027-1-2,Extra,放假\n2027/13/01,Bad,holiday\n',
      ),
    );
    expect(read).toMatchObject({
      ok: true,
      days: [
        { date: '2027-01-01', name: 'New\nYear', kind: 'holiday' },
        { date: '2027-01-02', name: 'Extra', kind: 'holiday' },
      ],
      problems: [{ line: 6, code: 'invalid-date' }],
    });
  });

  it('turns all-day events into their days and names the events it cannot take', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20271230',
      'DTEND;VALUE=DATE:20280102',
      'SUMMARY:New Year',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20270501',
      'RRULE:FREQ=YEARLY',
      'SUMMARY:Labour Day',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20270701',
      'DTEND;VALUE=DATE:20270901',
      'SUMMARY:Summer',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\n');
    const read = readCalendarFile(file('feed.txt', ics));
    if (!read.ok) throw new Error(read.message);
    expect(read.days.map((d) => d.date)).toEqual(['2027-12-30', '2027-12-31', '2028-01-01']);
    expect(read.problems).toEqual([
      expect.objectContaining({ line: 7, code: 'recurring' }),
      expect.objectContaining({ line: 12, code: 'too-long' }),
    ]);
  });

  it('refuses a file that is not iCalendar although named .ics', () => {
    expect(readCalendarFile(file('x.ics', 'date,name,kind\n'))).toMatchObject({
      ok: false,
      reason: 'unreadable-file',
    });
  });
});

describe('calendar rules', () => {
  it('accepts a leap day, refuses a day that does not exist', () => {
    const issues = calendarIssues({ holidays: { '2028-02-29': 'Leap', '2027-02-29': 'No' }, makeUpDays: {} });
    expect(issues).toEqual([expect.objectContaining({ path: 'holidays.2027-02-29', code: 'invalid-date' })]);
  });

  it('lets an imported day change kind, so the merged calendar never holds a day twice', () => {
    const merged = mergeDays({ holidays: { '2027-10-08': '国庆节' }, makeUpDays: {} }, [
      { date: '2027-10-08', name: '调休', kind: 'workday' },
    ]);
    expect(merged).toEqual({ holidays: {}, makeUpDays: { '2027-10-08': '调休' } });
    expect(calendarIssues(merged)).toEqual([]);
  });
});
