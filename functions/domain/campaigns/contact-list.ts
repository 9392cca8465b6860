// Reading a campaign's contact list from an uploaded CSV: every number in E.164, and every row that
// cannot be called named by its row, its line and why, so an admin sees the bad rows and the counts
// before importing and the import takes exactly what the preview showed. The file is refused whole only
// when nothing in it could be used (empty, no phone column, too long to dial in a campaign).
import { normalisePhone } from '../phone.js';
import { COLUMN_ALIASES, type ContactField, mapColumns } from './contact-columns.js';
import { type RowReading, readRows } from './csv-rows.js';
import type { Bilingual } from './issues.js';
import { ianaZone } from './time-zones.js';

/** More than a day of dialling for a large team; a bigger list is better split into campaigns. */
export const MAX_CONTACT_ROWS = 50_000;

export interface ContactDraft {
  /** 1-based data row (the header is not a row) and the file line it starts on. */
  readonly row: number;
  readonly line: number;
  /** E.164. */
  readonly phone: string;
  /** ISO 3166 alpha-2 of the number, when it has one. */
  readonly country?: string;
  readonly name?: string;
  /** Canonical IANA zone, when the list gave one. */
  readonly timezone?: string;
  readonly region?: string;
  readonly tier?: string;
  readonly customerId?: string;
  /** Every other column by its header as written, for scripts and templates. */
  readonly variables: Readonly<Record<string, string>>;
}

export const REJECT_REASONS = [
  'missing-phone',
  'invalid-phone',
  'duplicate',
  'opted-out',
  'do-not-call',
  'bad-timezone',
  'too-long',
  'malformed-row',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface RejectedRow {
  readonly row: number;
  readonly line: number;
  /** The phone cell as written; the row's text for a malformed row. */
  readonly raw: string;
  readonly reason: RejectReason;
  readonly message: Bilingual;
  /** For a duplicate: the row that holds the number. */
  readonly duplicateOf?: number;
}

export interface ContactCounts {
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly missing: number;
  readonly invalid: number;
  readonly duplicate: number;
  readonly optedOut: number;
  readonly doNotCall: number;
  readonly badTimezone: number;
  readonly tooLong: number;
  readonly malformed: number;
}

export type ListRefusal =
  | 'empty-file'
  | 'not-utf8'
  | 'unreadable-header'
  | 'no-phone-column'
  | 'too-many-rows'
  | 'duplicate-column';

export type ContactListReading =
  | {
      readonly ok: true;
      readonly contacts: ContactDraft[];
      readonly rejected: RejectedRow[];
      readonly counts: ContactCounts;
      /** Headers kept as variables, in file order. */
      readonly variables: string[];
    }
  | {
      readonly ok: false;
      readonly reason: ListRefusal;
      readonly message: Bilingual;
      /** The headers the file has, for a refusal about its columns. */
      readonly columns?: string[];
    };

/** Numbers (E.164) the campaign must not call: a set, or a question for a larger store. */
export type NumberList = ReadonlySet<string> | ((e164: string) => boolean);

export interface ContactListOptions {
  /** The center's country (ISO 3166 alpha-2): numbers written without a country code are read in it. */
  readonly defaultCountry: string;
  readonly optedOut?: NumberList;
  readonly doNotCall?: NumberList;
}

const listed = (list: NumberList | undefined, e164: string): boolean =>
  list === undefined ? false : typeof list === 'function' ? list(e164) : list.has(e164);

const refuse = (reason: ListRefusal, en: string, zh: string, columns?: string[]): ContactListReading => ({
  ok: false,
  reason,
  message: { en, zh },
  ...(columns ? { columns } : {}),
});

/** The longest a contact's cell may be: a name, a note for the script, a policy number. */
export const MAX_CELL_CHARS = 1000;
/** And a whole row: well inside what one stored record holds, whatever the number of columns. */
export const MAX_ROW_CHARS = 20_000;

/** A cell as a refusal shows it: enough to find the row by, never the whole of a pasted document. */
const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

export function readContactList(file: string | Uint8Array, options: ContactListOptions): ContactListReading {
  let text: string;
  try {
    text = typeof file === 'string' ? file : new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    // Excel in China saves "CSV" in GBK unless told otherwise; the fix is one menu choice away.
    return refuse(
      'not-utf8',
      'the file is not UTF-8 text: save it as "CSV UTF-8" and upload it again',
      '文件不是 UTF-8 编码：请另存为“CSV UTF-8”后重新上传',
    );
  }
  const reading = readRows(text, MAX_CONTACT_ROWS);
  if (!reading.header) return refuse('empty-file', 'the file has no rows', '文件是空的');
  if (reading.headerProblem)
    return refuse(
      'unreadable-header',
      `the first line (the column names) cannot be read: ${reading.headerProblem.en}`,
      `第一行（列名）无法读取：${reading.headerProblem.zh}`,
    );
  return readContacts(reading, options);
}

function readContacts(reading: RowReading, options: ContactListOptions): ContactListReading {
  const header = reading.header ?? [];
  const columns = header.map((h) => h.trim()).filter((h) => h !== '');
  const map = mapColumns(header);
  const phoneAt = map.fields.phone;
  if (phoneAt === undefined)
    return refuse(
      'no-phone-column',
      `no phone column: the file has ${columns.join(', ') || 'no named columns'}; name one ${COLUMN_ALIASES.phone.join(', ')}`,
      `没有电话列：文件中的列为 ${columns.join('、') || '（无列名）'}；请将电话列命名为 ${COLUMN_ALIASES.phone.join('、')} 之一`,
      columns,
    );
  if (map.repeated.length > 0)
    return refuse(
      'duplicate-column',
      `the columns ${map.repeated.join(', ')} are named twice: give each column its own name`,
      `列名重复：${map.repeated.join('、')}；请为每一列取不同的名字`,
      columns,
    );
  if (reading.tooMany)
    return refuse(
      'too-many-rows',
      `the file has more than ${MAX_CONTACT_ROWS} rows: split it into several lists`,
      `文件超过 ${MAX_CONTACT_ROWS} 行：请拆分为多个名单`,
    );
  if (reading.rows.length === 0)
    return refuse('empty-file', 'the file has a header but no rows', '文件只有表头，没有数据');

  const contacts: ContactDraft[] = [];
  const rejected: RejectedRow[] = [];
  const firstRowOf = new Map<string, number>();
  const cell = (cells: readonly string[], field: ContactField) => {
    const at = map.fields[field];
    const value = at === undefined ? '' : (cells[at] ?? '');
    return value === '' ? undefined : value;
  };
  for (const r of reading.rows) {
    const reject = (reason: RejectReason, raw: string, message: Bilingual, extra = {}) =>
      rejected.push({ row: r.row, line: r.line, raw, reason, message, ...extra });
    if (r.kind === 'malformed') {
      reject('malformed-row', r.raw, r.message);
      continue;
    }
    // A contact is stored as one record: a cell this long is a pasted document, not a contact's detail,
    // and a few of them would not fit.
    const longAt = r.cells.findIndex((c) => c.length > MAX_CELL_CHARS);
    if (longAt >= 0) {
      const column = header[longAt]?.trim() || `#${longAt + 1}`;
      const length = (r.cells[longAt] ?? '').length.toLocaleString('en');
      reject('too-long', clip(r.cells[phoneAt] ?? ''), {
        en: `the ${column} column holds ${length} characters; a cell may hold at most ${MAX_CELL_CHARS.toLocaleString('en')}`,
        zh: `“${column}”列有 ${length} 个字符，每格最多 ${MAX_CELL_CHARS} 个字符`,
      });
      continue;
    }
    const rowLength = r.cells.reduce((n, c) => n + c.length, 0);
    if (rowLength > MAX_ROW_CHARS) {
      reject('too-long', clip(r.cells[phoneAt] ?? ''), {
        en: `the row holds ${rowLength.toLocaleString('en')} characters; a row may hold at most ${MAX_ROW_CHARS.toLocaleString('en')}`,
        zh: `该行共有 ${rowLength} 个字符，每行最多 ${MAX_ROW_CHARS} 个字符`,
      });
      continue;
    }
    const raw = r.cells[phoneAt] ?? '';
    if (raw === '') {
      reject('missing-phone', raw, { en: 'no phone number', zh: '缺少电话号码' });
      continue;
    }
    const phone = normalisePhone(raw, options.defaultCountry);
    if (!phone.ok) {
      reject('invalid-phone', raw, {
        en: `"${raw}" is not a valid phone number`,
        zh: `“${raw}”不是有效的电话号码`,
      });
      continue;
    }
    // Compliance first: a number on the do-not-call list is named as such even when it repeats.
    if (listed(options.doNotCall, phone.e164)) {
      reject('do-not-call', raw, {
        en: `${phone.e164} is on the do-not-call list`,
        zh: `${phone.e164} 在禁止呼叫名单中`,
      });
      continue;
    }
    if (listed(options.optedOut, phone.e164)) {
      reject('opted-out', raw, { en: `${phone.e164} has opted out`, zh: `${phone.e164} 已退订` });
      continue;
    }
    const zoneText = cell(r.cells, 'timezone');
    const timezone = zoneText === undefined ? undefined : ianaZone(zoneText);
    if (zoneText !== undefined && !timezone) {
      reject('bad-timezone', raw, {
        en: `"${zoneText}" is not an IANA time zone such as Asia/Shanghai`,
        zh: `“${zoneText}”不是有效的时区（例如 Asia/Shanghai）`,
      });
      continue;
    }
    // Only a contact taken holds its number: a later row may stand in for one refused for its zone.
    const first = firstRowOf.get(phone.e164);
    if (first !== undefined) {
      reject(
        'duplicate',
        raw,
        { en: `${phone.e164} is already in row ${first}`, zh: `${phone.e164} 与第 ${first} 行重复` },
        { duplicateOf: first },
      );
      continue;
    }
    firstRowOf.set(phone.e164, r.row);
    const variables: Record<string, string> = {};
    for (const v of map.variables) variables[v.name] = r.cells[v.index] ?? '';
    const optional = {
      name: cell(r.cells, 'name'),
      region: cell(r.cells, 'region'),
      tier: cell(r.cells, 'tier'),
      customerId: cell(r.cells, 'customerId'),
    };
    contacts.push({
      row: r.row,
      line: r.line,
      phone: phone.e164,
      ...(phone.country ? { country: phone.country } : {}),
      ...(timezone ? { timezone } : {}),
      ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
      variables,
    });
  }
  const count = (reason: RejectReason) => rejected.filter((r) => r.reason === reason).length;
  return {
    ok: true,
    contacts,
    rejected,
    counts: {
      rows: reading.rows.length,
      accepted: contacts.length,
      rejected: rejected.length,
      missing: count('missing-phone'),
      invalid: count('invalid-phone'),
      duplicate: count('duplicate'),
      optedOut: count('opted-out'),
      doNotCall: count('do-not-call'),
      badTimezone: count('bad-timezone'),
      tooLong: count('too-long'),
      malformed: count('malformed-row'),
    },
    variables: map.variables.map((v) => v.name),
  };
}
