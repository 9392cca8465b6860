// Importing a holiday file into a calendar, as a preview: the file's days laid over the calendar in force,
// each row that could not be taken named by its line, and nothing written. The admin confirms by saving the
// merged calendar (PUT), which checks and audits it like any other change.
import {
  type ImportFormat,
  type RowProblem,
  readCalendarFile,
  type UploadedFile,
} from '../domain/calendar-import.js';
import {
  type CalendarIssue,
  calendarIssues,
  type HolidayCalendar,
  mergeDays,
} from '../domain/holiday-calendar.js';
import type { SettingsRepo } from '../domain/ports.js';
import { invalidField } from '../domain/problems.js';
import { readCalendar } from './holiday-calendars.js';

export interface ImportPreview {
  readonly name: string;
  readonly format: ImportFormat;
  /** The calendar as saving it would leave it. */
  readonly calendar: HolidayCalendar;
  /** Days the file gave (a multi-day event counts each day). */
  readonly days: number;
  /** Rows not taken, by line. */
  readonly problems: readonly RowProblem[];
  /** What saving the merged calendar would be refused for (too many days in all); none: it can be saved. */
  readonly issues: readonly CalendarIssue[];
}

export async function previewCalendarImport(
  deps: { readonly store: { readonly settings: SettingsRepo } },
  name: string,
  file: UploadedFile,
): Promise<ImportPreview> {
  const current = await readCalendar(deps, name);
  const read = readCalendarFile(file);
  if (!read.ok) throw invalidField('body.file', read.reason, read.message);
  const calendar = mergeDays(current, read.days);
  return {
    name,
    format: read.format,
    calendar,
    days: read.days.length,
    problems: read.problems,
    issues: calendarIssues(calendar),
  };
}
