// The rows of a CSV file with the line each starts on, where a row that cannot be read (a stray or
// unclosed quote, more or fewer cells than the header) becomes a named row of its own instead of
// failing the whole file: one bad line in 50,000 should cost that line, not the upload.
import { parse as parseCsv } from 'csv-parse/sync';
import type { Bilingual } from './issues.js';

export type CsvRow =
  | { readonly kind: 'cells'; readonly row: number; readonly line: number; readonly cells: readonly string[] }
  | {
      readonly kind: 'malformed';
      readonly row: number;
      readonly line: number;
      readonly raw: string;
      readonly message: Bilingual;
    };

export interface RowReading {
  /** The first row; undefined when the file holds none. */
  readonly header?: readonly string[];
  /** The header's own problem, when the first row cannot be read. */
  readonly headerProblem?: Bilingual;
  readonly rows: readonly CsvRow[];
  /** More data rows than the limit: reading stopped there. */
  readonly tooMany: boolean;
}

/** Enough of a bad row to recognise it; an unclosed quote can swallow the rest of the file. */
const RAW_SHOWN = 200;

interface Parsed {
  readonly record: string[];
  readonly info: { readonly lines: number };
  readonly raw: string;
}

/** Lines a record's text spans beyond its first, blank lines before it left out. */
const extraLines = (raw: string) =>
  (
    raw
      .replace(/^(\r?\n)+/, '')
      .replace(/\r?\n$/, '')
      .match(/\n/g) ?? []
  ).length;

function problemOf(code: string | undefined, detail: string, line: number, lastLine: number): Bilingual {
  switch (code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const [, expected = '?', got = '?'] = /expect (\d+), got (\d+)/.exec(detail) ?? [];
      return {
        en: `has ${got} cells where the header has ${expected}: a comma inside a cell needs quotes`,
        zh: `有 ${got} 列，表头只有 ${expected} 列：单元格中的逗号需要用引号括起来`,
      };
    }
    case 'CSV_QUOTE_NOT_CLOSED': {
      const span = lastLine > line ? `${line}-${lastLine}` : `${line}`;
      return {
        en: `a quote opened on line ${line} is never closed, so ${lastLine > line ? 'lines' : 'line'} ${span} could not be read`,
        zh: `第 ${line} 行的引号没有闭合，第 ${span} 行无法读取`,
      };
    }
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return {
        en: 'has a quote in the middle of a cell: quote the whole cell and double the quotes inside ("")',
        zh: '单元格中间有引号：请用引号括起整个单元格，内部的引号写两次（""）',
      };
    default:
      return { en: `cannot be read as CSV (${detail})`, zh: `无法按 CSV 读取（${detail}）` };
  }
}

export function readRows(text: string, maxRows: number): RowReading {
  const events: (
    | { ok: Parsed }
    | { error: { code?: string; message: string; lines: number; chunk: string } }
  )[] = [];
  parseCsv(text, {
    bom: true,
    info: true,
    raw: true,
    trim: true,
    skip_empty_lines: true,
    // Spreadsheets leave rows of empty cells below the data; they are no one's contact.
    skip_records_with_empty_values: true,
    skip_records_with_error: true,
    // The header, the rows allowed and one more to know the limit was passed.
    to: maxRows + 2,
    on_record: (parsed) => {
      events.push({ ok: parsed as unknown as Parsed });
      return parsed;
    },
    on_skip: (error, chunk) => {
      const e = error as { code?: string; message?: string; lines?: number } | undefined;
      events.push({
        error: { code: e?.code, message: e?.message ?? '', lines: e?.lines ?? 0, chunk: chunk ?? '' },
      });
    },
  });
  const [first, ...rest] = events;
  if (!first) return { rows: [], tooMany: false };
  if ('error' in first)
    return {
      header: [],
      headerProblem: problemOf(first.error.code, first.error.message, 1, first.error.lines),
      rows: [],
      tooMany: false,
    };
  const rows: CsvRow[] = [];
  for (const event of rest) {
    if ('ok' in event) {
      const line = event.ok.info.lines - extraLines(event.ok.raw);
      rows.push({ kind: 'cells', row: rows.length + 1, line, cells: event.ok.record });
      continue;
    }
    const { code, message, lines, chunk } = event.error;
    const line = lines - extraLines(chunk);
    const last = rows.at(-1);
    // After a bad quote the parser may read on to a later line before it recovers, reporting the same
    // row again: it stays one row, and says which lines it took with it.
    const again = last?.kind === 'malformed' && last.line === line;
    const problem = problemOf(code, message, line, lines);
    const spans = lines > line && code !== 'CSV_QUOTE_NOT_CLOSED';
    const malformed: CsvRow = {
      kind: 'malformed',
      row: again ? last.row : rows.length + 1,
      line,
      raw: chunk.trim().slice(0, RAW_SHOWN),
      message: spans
        ? {
            en: `${problem.en}; lines ${line}-${lines} could not be read`,
            zh: `${problem.zh}；第 ${line}-${lines} 行无法读取`,
          }
        : problem,
    };
    if (again) rows[rows.length - 1] = malformed;
    else rows.push(malformed);
  }
  return { header: first.ok.record, rows: rows.slice(0, maxRows), tooMany: rows.length > maxRows };
}
