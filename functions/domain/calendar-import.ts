// Reading a holiday file an admin uploads: a CSV of date,name,kind rows (or 日期,名称,类型 with 节假日/调休),
// or an iCalendar file whose all-day events are holidays (a multi-day event closes each of its days). The
// file is refused whole when it cannot be read at all; otherwise each row that cannot be taken is named by
// its line and why, and the rest are taken.
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { type CalendarDay, type DayKind, isRealDate, nameProblem } from './holiday-calendar.js';

/** Bigger than any country's holiday list for a decade; small enough to parse inside a request. */
export const MAX_IMPORT_BYTES = 200 * 1024;
/** An all-day event longer than this is not a holiday (a term, a season): named, not taken. */
export const MAX_EVENT_DAYS = 31;

export type ImportFormat = 'csv' | 'ics';

export type FileRefusal =
  | 'empty-file'
  | 'file-too-big'
  | 'not-utf8'
  | 'unknown-file-type'
  | 'unreadable-file'
  | 'missing-columns';

export type RowProblemCode =
  | 'invalid-date'
  | 'name-length'
  | 'invalid-kind'
  | 'both-kinds'
  | 'not-all-day'
  | 'recurring'
  | 'too-long';

export interface RowProblem {
  /** 1-based line of the file where the row (or the event's BEGIN:VEVENT) is. */
  readonly line: number;
  readonly code: RowProblemCode;
  readonly message: string;
}

export type ReadOutcome =
  | {
      readonly ok: true;
      readonly format: ImportFormat;
      readonly days: CalendarDay[];
      readonly problems: RowProblem[];
    }
  | { readonly ok: false; readonly reason: FileRefusal; readonly message: string };

export interface UploadedFile {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

export function readCalendarFile(file: UploadedFile): ReadOutcome {
  if (file.bytes.length === 0) return refuse('empty-file', 'the file is empty');
  if (file.bytes.length > MAX_IMPORT_BYTES)
    return refuse('file-too-big', `the file is over ${MAX_IMPORT_BYTES / 1024} KB`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(file.bytes);
  } catch {
    return refuse('not-utf8', 'the file is not UTF-8 text: save it as CSV UTF-8 (or .ics) and try again');
  }
  if (text.trim() === '') return refuse('empty-file', 'the file holds no rows');
  const format = formatOf(file, text);
  if (!format)
    return refuse('unknown-file-type', 'the file is neither CSV (.csv: date,name,kind) nor iCalendar (.ics)');
  return format === 'csv' ? readCsv(text) : readIcs(text);
}

const refuse = (reason: FileRefusal, message: string): ReadOutcome => ({ ok: false, reason, message });

function formatOf(file: UploadedFile, text: string): ImportFormat | undefined {
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  if (/^\s*BEGIN:VCALENDAR/i.test(text)) return 'ics';
  if (name.endsWith('.ics') || type.startsWith('text/calendar')) return 'ics';
  if (name.endsWith('.csv') || type.startsWith('text/csv')) return 'csv';
  return undefined;
}

const COLUMNS = {
  date: ['date', '日期'],
  name: ['name', '名称', '名字', '节日'],
  kind: ['kind', 'type', '类型'],
} as const;

const KINDS: Readonly<Record<string, DayKind>> = {
  holiday: 'holiday',
  节假日: 'holiday',
  假日: 'holiday',
  休息: 'holiday',
  放假: 'holiday',
  workday: 'workday',
  'make-up': 'workday',
  makeup: 'workday',
  'make-up day': 'workday',
  调休: 'workday',
  补班: 'workday',
  上班: 'workday',
};

/** 2027-1-1 and 2027/01/01 (as spreadsheets save them) written 2027-01-01; anything else as it was. */
function normalDate(text: string): string {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  return m ? `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` : text.trim();
}

function readCsv(text: string): ReadOutcome {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info` each record comes with where it ends; csv-parse's types do not follow the option.
    records = parseCsv(text, { bom: true, info: true, relax_column_count: true, trim: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return refuse('unreadable-file', `the CSV cannot be read${line ? ` at line ${line}` : ''}`);
  }
  const rows = records.map((r, i) => ({
    cells: r.record,
    // A quoted name may span lines: the row starts on the line after the previous record ended.
    line: (records[i - 1]?.info.lines ?? 0) + 1,
  }));
  const filled = rows.filter((r) => r.cells.some((c) => c !== ''));
  const header = filled[0]?.cells.map((c) => c.toLowerCase()) ?? [];
  const at = (aliases: readonly string[]) => header.findIndex((h) => aliases.includes(h));
  const col = { date: at(COLUMNS.date), name: at(COLUMNS.name), kind: at(COLUMNS.kind) };
  if (col.date < 0 || col.name < 0 || col.kind < 0)
    return refuse(
      'missing-columns',
      'the first line must name the columns date,name,kind (or 日期,名称,类型)',
    );
  const taken = new Taken();
  for (const row of filled.slice(1)) {
    const date = normalDate(row.cells[col.date] ?? '');
    const name = row.cells[col.name] ?? '';
    const kindText = (row.cells[col.kind] ?? '').toLowerCase();
    const kind = KINDS[kindText];
    if (!isRealDate(date)) {
      taken.problem(row.line, 'invalid-date', `"${date}" is not a real date written YYYY-MM-DD`);
      continue;
    }
    const problem = nameProblem(name);
    if (problem) {
      taken.problem(row.line, 'name-length', problem);
      continue;
    }
    if (!kind) {
      taken.problem(
        row.line,
        'invalid-kind',
        `"${kindText}" is not a kind: holiday or workday (节假日 or 调休)`,
      );
      continue;
    }
    taken.day(row.line, { date, name: name.trim(), kind });
  }
  return { ok: true, format: 'csv', days: taken.days(), problems: taken.problems };
}

function readIcs(text: string): ReadOutcome {
  let events: ICAL.Component[];
  try {
    events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
  } catch (error) {
    return refuse('unreadable-file', `the iCalendar file cannot be read: ${(error as Error).message}`);
  }
  // ical.js keeps no line numbers: the n-th event starts at the n-th BEGIN:VEVENT line.
  const starts = text.split(/\r?\n/).flatMap((l, i) => (/^BEGIN:VEVENT\s*$/i.test(l) ? [i + 1] : []));
  const taken = new Taken();
  events.forEach((event, i) => {
    const line = starts[i] ?? 0;
    const start = event.getFirstPropertyValue('dtstart');
    if (!(start instanceof ICAL.Time) || !start.isDate) {
      taken.problem(line, 'not-all-day', 'is not an all-day event: only whole days can close the line');
      return;
    }
    if (event.hasProperty('rrule')) {
      taken.problem(line, 'recurring', 'repeats: list each year’s dates as events of their own');
      return;
    }
    const name = String(event.getFirstPropertyValue('summary') ?? '').trim();
    const problem = nameProblem(name);
    if (problem) {
      taken.problem(line, 'name-length', `${problem} (SUMMARY)`);
      return;
    }
    const end = event.getFirstPropertyValue('dtend');
    const first = start.toString();
    // DTEND of an all-day event is the day after its last; without one the event is its one day.
    const after = end instanceof ICAL.Time ? end.toString() : nextDay(first);
    const dates: string[] = [];
    for (let d = first; d < after && dates.length <= MAX_EVENT_DAYS; d = nextDay(d)) dates.push(d);
    if (dates.length > MAX_EVENT_DAYS) {
      taken.problem(line, 'too-long', `lasts over ${MAX_EVENT_DAYS} days: not a holiday`);
      return;
    }
    for (const date of dates) taken.day(line, { date, name, kind: 'holiday' });
  });
  return { ok: true, format: 'ics', days: taken.days(), problems: taken.problems };
}

function nextDay(date: string): string {
  const t = new Date(`${date}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/** The days a file gives, in order; a date given again as the other kind is a problem, not a silent change. */
class Taken {
  readonly problems: RowProblem[] = [];
  private readonly byDate = new Map<string, CalendarDay & { line: number }>();

  problem(line: number, code: RowProblemCode, message: string): void {
    this.problems.push({ line, code, message });
  }

  day(line: number, day: CalendarDay): void {
    const earlier = this.byDate.get(day.date);
    if (earlier && earlier.kind !== day.kind) {
      this.problem(
        line,
        'both-kinds',
        `${day.date} is a ${earlier.kind === 'holiday' ? 'holiday' : 'make-up day'} on line ${earlier.line} already`,
      );
      return;
    }
    this.byDate.set(day.date, { ...day, line });
  }

  days(): CalendarDay[] {
    return [...this.byDate.values()].map(({ date, name, kind }) => ({ date, name, kind }));
  }
}
