// A campaign's contacts: a CSV list previewed (every row the import would refuse, with why; nothing stored),
// imported (numbers on the do-not-call list left out, the rest stored due at once and counted), read a page
// at a time, and exported with each contact's outcome.
import { type CampaignContact, contactId } from '../../domain/campaigns/campaign.js';
import { toCsv } from '../../domain/history/csv.js';
import type { User } from '../../domain/model.js';
import type { Page, PageRequest } from '../../domain/paging.js';
import { HttpProblem } from '../../domain/problems.js';
import {
  type ContactDraft,
  type ContactListResult,
  parseContactList,
  type RejectedRow,
  type RejectReason,
} from './contact-list-interim.js';
import type { CampaignDeps } from './deps.js';
import { getCampaign } from './manage.js';

/** A list up to this size goes in one request (Lambda takes 6 MB). */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
/** The export reads at most this many contacts. */
const EXPORT_MAX = 100_000;

export interface ContactListPreview {
  /** Data rows read (the header not counted). */
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: readonly RejectedRow[];
  readonly byReason: Readonly<Partial<Record<RejectReason, number>>>;
}

export interface ContactImport extends ContactListPreview {
  /** Contacts stored by this import. */
  readonly added: number;
}

/** Campaigns that take no more contacts: a person ended them, or every contact is done. */
const CLOSED = ['stopped', 'completed'] as const;

export function checkCsvSize(bytes: number): void {
  if (bytes > MAX_CSV_BYTES)
    throw new HttpProblem(
      413,
      'too-large',
      `The list is ${(bytes / 1048576).toFixed(1)} MB; a contact list may be up to ${MAX_CSV_BYTES / 1048576} MB: split it and import the parts one after another.`,
      { limitBytes: MAX_CSV_BYTES },
    );
}

/** The list as the import would take it: parsed, and the do-not-call list's numbers refused. */
async function read(deps: CampaignDeps, csv: string): Promise<{ list: ContactListResult; rows: number }> {
  checkCsvSize(Buffer.byteLength(csv, 'utf8'));
  const parsed = parseContactList(csv, { defaultCountry: deps.config.defaultPhoneRegion });
  const listed = await deps.store.campaigns.doNotCallAmong(parsed.contacts.map((c) => c.phone));
  const contacts: ContactDraft[] = [];
  const rejected: RejectedRow[] = [...parsed.rejected];
  for (const c of parsed.contacts) {
    if (listed.has(c.phone)) rejected.push({ row: c.row, value: c.phone, reason: 'do-not-call' });
    else contacts.push(c);
  }
  rejected.sort((a, b) => a.row - b.row);
  return { list: { contacts, rejected }, rows: contacts.length + rejected.length };
}

function summary(list: ContactListResult, rows: number): ContactListPreview {
  const byReason: Partial<Record<RejectReason, number>> = {};
  for (const r of list.rejected) byReason[r.reason] = (byReason[r.reason] ?? 0) + 1;
  return { rows, accepted: list.contacts.length, rejected: list.rejected, byReason };
}

export async function previewContacts(
  deps: CampaignDeps,
  id: string,
  csv: string,
): Promise<ContactListPreview> {
  await getCampaign(deps, id);
  const { list, rows } = await read(deps, csv);
  return summary(list, rows);
}

export async function importContacts(
  deps: CampaignDeps,
  user: User,
  id: string,
  csv: string,
): Promise<ContactImport> {
  const campaign = await getCampaign(deps, id);
  if ((CLOSED as readonly string[]).includes(campaign.status))
    throw new HttpProblem(
      409,
      'campaign-closed',
      `The campaign is ${campaign.status}: it takes no more contacts. Create a new campaign for this list.`,
      { status: campaign.status },
    );
  const { list, rows } = await read(deps, csv);
  // Ids continue after the contacts already there, so a second list adds to the first.
  const base = campaign.counts.contacts;
  const contacts = list.contacts.map(({ row: _row, ...c }, i) => ({
    ...c,
    campaignId: id,
    id: contactId(base + i + 1),
  }));
  const now = new Date(deps.clock.now()).toISOString();
  const added = contacts.length ? await deps.store.campaigns.addContacts(id, contacts, now) : 0;
  if (added) await deps.store.campaigns.count(id, { contacts: added, pending: added });
  const result = { ...summary(list, rows), added };
  await deps.store.audit.append({
    actor: user.id,
    action: 'campaign.import',
    target: id,
    detail: { rows, added, rejected: list.rejected.length, byReason: result.byReason },
  });
  return result;
}

export async function campaignContacts(
  deps: CampaignDeps,
  id: string,
  page: PageRequest,
): Promise<Page<CampaignContact>> {
  await getCampaign(deps, id);
  return deps.store.campaigns.listContacts(id, page);
}

const EXPORT_HEADER = [
  'id',
  'phone',
  'name',
  'customerId',
  'status',
  'attempts',
  'lastOutcome',
  'disposition',
  'agentId',
  'lastAttemptAt',
] as const;

/** Every contact with its outcome, as a spreadsheet opens it (UTF-8 with BOM). */
export async function exportContacts(deps: CampaignDeps, id: string): Promise<string> {
  await getCampaign(deps, id);
  const rows: unknown[][] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.campaigns.listContacts(id, { limit: 500, ...(cursor ? { cursor } : {}) });
    for (const c of page.items)
      rows.push([
        c.id,
        c.phone,
        c.name,
        c.customerId,
        c.status,
        c.attempts,
        c.lastOutcome,
        c.disposition,
        c.agentId,
        c.history.at(-1)?.at,
      ]);
    cursor = page.cursor;
  } while (cursor && rows.length < EXPORT_MAX);
  return toCsv(EXPORT_HEADER, rows);
}
