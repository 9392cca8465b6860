// A stand-in for the domain's contact-list parser (functions/domain/campaigns/contact-list.ts), with the
// same shape, so the import use case and its routes can be built and tested before it lands; it reads the
// columns phone, name, customerId, timeZone, region, tier and language, keeps the rest as variables.
import { parse } from 'csv-parse/sync';
import type { CampaignContact } from '../../domain/campaigns/campaign.js';
import { normalisePhone } from '../../domain/phone.js';

export const REJECT_REASONS = [
  'missing-phone',
  'invalid-phone',
  'duplicate',
  'opted-out',
  'do-not-call',
  'bad-timezone',
  'malformed-row',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export type ContactDraft = Omit<
  CampaignContact,
  | 'campaignId'
  | 'id'
  | 'status'
  | 'attempts'
  | 'nextAt'
  | 'history'
  | 'version'
  | 'lastOutcome'
  | 'disposition'
  | 'agentId'
  | 'callSid'
> & { readonly row: number };

export interface RejectedRow {
  /** The row's line in the file, the header being line 1. */
  readonly row: number;
  readonly value: string;
  readonly reason: RejectReason;
}

export interface ContactListResult {
  readonly contacts: ContactDraft[];
  readonly rejected: RejectedRow[];
}

export interface ContactListOptions {
  readonly defaultCountry: string;
  readonly isOptedOut?: (e164: string) => boolean;
  readonly isDoNotCall?: (e164: string) => boolean;
}

const KNOWN = ['phone', 'name', 'customerId', 'timeZone', 'region', 'tier', 'language'] as const;

export function parseContactList(csvText: string, options: ContactListOptions): ContactListResult {
  const rows = parse(csvText.replace(/^\uFEFF/, ''), {
    relax_column_count: true,
    skip_empty_lines: true,
  }) as string[][];
  const [header = [], ...body] = rows;
  const names = header.map((h) => h.trim());
  const contacts: ContactDraft[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Set<string>();
  body.forEach((cells, i) => {
    const read = readRow(names, cells, i + 2, seen, options);
    if ('reason' in read) rejected.push(read);
    else contacts.push(read);
  });
  return { contacts, rejected };
}

function readRow(
  names: readonly string[],
  cells: readonly string[],
  row: number,
  seen: Set<string>,
  options: ContactListOptions,
): ContactDraft | RejectedRow {
  if (cells.length !== names.length) return { row, value: cells.join(','), reason: 'malformed-row' };
  const record = Object.fromEntries(names.map((n, j) => [n, (cells[j] ?? '').trim()]));
  const raw = record.phone ?? '';
  if (!raw) return { row, value: '', reason: 'missing-phone' };
  const phone = normalisePhone(raw, options.defaultCountry);
  if (!phone.ok) return { row, value: raw, reason: 'invalid-phone' };
  if (seen.has(phone.e164)) return { row, value: raw, reason: 'duplicate' };
  seen.add(phone.e164);
  if (options.isOptedOut?.(phone.e164)) return { row, value: raw, reason: 'opted-out' };
  if (options.isDoNotCall?.(phone.e164)) return { row, value: raw, reason: 'do-not-call' };
  const zone = record.timeZone;
  if (zone && !validZone(zone)) return { row, value: zone, reason: 'bad-timezone' };
  const vars = Object.fromEntries(
    Object.entries(record).filter(([k, v]) => v && !(KNOWN as readonly string[]).includes(k)),
  );
  return {
    row,
    phone: phone.e164,
    ...(record.name ? { name: record.name } : {}),
    ...(record.customerId ? { customerId: record.customerId } : {}),
    ...(zone ? { timeZone: zone } : {}),
    ...(record.region ? { region: record.region } : {}),
    ...(record.tier ? { tier: record.tier } : {}),
    ...(record.language === 'zh' || record.language === 'en' ? { language: record.language } : {}),
    vars,
  };
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
