// A campaign's contacts: a CSV list previewed (every row the import would refuse, with why; nothing stored),
// imported (numbers on the do-not-call list left out, the rest stored due at once and counted), read a page
// at a time, and exported with each contact's outcome.
import { type CampaignContact, contactId } from '../../domain/campaigns/campaign.js';
import {
  type ContactCounts,
  type ContactDraft,
  type RejectedRow,
  readContactList,
} from '../../domain/campaigns/contact-list.js';
import type { NewContact } from '../../domain/campaigns/ports.js';
import { toCsv } from '../../domain/history/csv.js';
import type { User } from '../../domain/model.js';
import type { Page, PageRequest } from '../../domain/paging.js';
import { HttpProblem, invalidField } from '../../domain/problems.js';
import type { CampaignDeps } from './deps.js';
import { getCampaign } from './manage.js';

/** A list up to this size goes in one request (Lambda takes 6 MB). */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
/** The export reads at most this many contacts. */
const EXPORT_MAX = 100_000;

export interface ContactListPreview {
  readonly counts: ContactCounts;
  /** Every row not taken, with its row and line, the cell as written, the reason and a sentence. */
  readonly rejected: readonly RejectedRow[];
  /** Columns kept as the contacts' variables. */
  readonly variables: readonly string[];
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

/**
 * The list as the import would take it, numbers on the do-not-call list refused: read once to learn its
 * numbers, which are looked up in one batch, and again with the listed ones, so the rows, reasons and
 * counts are the domain's own.
 */
async function read(
  deps: CampaignDeps,
  csv: string | Uint8Array,
): Promise<ContactListPreview & { contacts: ContactDraft[] }> {
  checkCsvSize(typeof csv === 'string' ? Buffer.byteLength(csv, 'utf8') : csv.length);
  const options = { defaultCountry: deps.config.defaultPhoneRegion };
  const first = readContactList(csv, options);
  if (!first.ok) throw invalidField('body.csv', first.reason, first.message.en);
  const doNotCall = await deps.store.campaigns.doNotCallAmong(first.contacts.map((c) => c.phone));
  const list = doNotCall.size ? readContactList(csv, { ...options, doNotCall }) : first;
  if (!list.ok) throw invalidField('body.csv', list.reason, list.message.en);
  return { counts: list.counts, rejected: list.rejected, variables: list.variables, contacts: list.contacts };
}

export async function previewContacts(
  deps: CampaignDeps,
  id: string,
  csv: string | Uint8Array,
): Promise<ContactListPreview> {
  await getCampaign(deps, id);
  const { contacts: _contacts, ...preview } = await read(deps, csv);
  return preview;
}

function newContact(campaignId: string, id: string, c: ContactDraft): NewContact {
  return {
    campaignId,
    id,
    phone: c.phone,
    ...(c.name ? { name: c.name } : {}),
    ...(c.customerId ? { customerId: c.customerId } : {}),
    ...(c.timezone ? { timeZone: c.timezone } : {}),
    ...(c.region ? { region: c.region } : {}),
    ...(c.tier ? { tier: c.tier } : {}),
    vars: c.variables,
  };
}

export async function importContacts(
  deps: CampaignDeps,
  user: User,
  id: string,
  csv: string | Uint8Array,
): Promise<ContactImport> {
  const campaign = await getCampaign(deps, id);
  if ((CLOSED as readonly string[]).includes(campaign.status))
    throw new HttpProblem(
      409,
      'campaign-closed',
      `The campaign is ${campaign.status}: it takes no more contacts. Create a new campaign for this list.`,
      { status: campaign.status },
    );
  const { contacts, ...preview } = await read(deps, csv);
  // Ids continue after the contacts already there, so a second list adds to the first.
  const base = campaign.counts.contacts;
  const stored = contacts.map((c, i) => newContact(id, contactId(base + i + 1), c));
  const now = new Date(deps.clock.now()).toISOString();
  const added = stored.length ? await deps.store.campaigns.addContacts(id, stored, now) : 0;
  if (added) await deps.store.campaigns.count(id, { contacts: added, pending: added });
  await deps.store.audit.append({
    actor: user.id,
    action: 'campaign.import',
    target: id,
    detail: { added, counts: preview.counts },
  });
  return { ...preview, added };
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
