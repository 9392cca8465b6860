// Who a bulk send goes to: a campaign's contacts, the rows of an uploaded list (read by the campaign list
// reader, so the same columns and the same bad rows), or the customers of a segment. Every candidate
// becomes a recipient, the ones that cannot be texted already skipped with the reason (a number repeated
// or not valid, on the do-not-call list, opted out, a text that cannot be filled), so the counts before
// starting say what the send will and will not do.
import type { AppConfig } from '../config.js';
import type { BulkAudience, Segment } from '../domain/bulk-sms.js';
import type { BulkIssue } from '../domain/bulk-sms-checks.js';
import type { NewRecipient } from '../domain/bulk-sms-port.js';
import { fillFor, recipientId, variablesOf } from '../domain/bulk-sms-recipients.js';
import { type ListRefusal, MAX_CONTACT_ROWS, readContactList } from '../domain/campaigns/contact-list.js';
import type { Customer } from '../domain/model.js';
import type { Store } from '../domain/ports.js';
import type { HandlerIssueCode } from '../domain/problems.js';
import type { TemplateText } from '../domain/sms-templates.js';

interface Candidate {
  readonly phone: string;
  /** Why it cannot be texted before anything is checked (a bad row of a list). */
  readonly invalid?: string;
  readonly name?: string;
  readonly customerId?: string;
  readonly timeZone?: string;
  readonly language?: 'zh' | 'en';
  readonly columns?: Readonly<Record<string, string>>;
}

export type AudienceReading =
  | { readonly ok: true; readonly candidates: readonly Candidate[] }
  | { readonly ok: false; readonly issues: BulkIssue[] };

const REFUSAL_CODES: Readonly<Record<ListRefusal, HandlerIssueCode>> = {
  'empty-file': 'empty-file',
  'not-utf8': 'not-utf8',
  'unreadable-header': 'unreadable-file',
  'no-phone-column': 'no-phone-column',
  'too-many-rows': 'too-many-rows',
  'duplicate-column': 'duplicate',
};

const issue = (path: string, code: HandlerIssueCode, en: string, zh: string): AudienceReading => ({
  ok: false,
  issues: [{ path, code, message: { en, zh } }],
});

type AudienceDeps = { readonly store: Store; readonly config: Pick<AppConfig, 'defaultPhoneRegion'> };

export async function readAudience(deps: AudienceDeps, audience: BulkAudience): Promise<AudienceReading> {
  switch (audience.kind) {
    case 'campaign':
      return campaignAudience(deps.store, audience.campaignId);
    case 'csv': {
      const list = readContactList(audience.csv, { defaultCountry: deps.config.defaultPhoneRegion });
      if (!list.ok)
        return issue('body.audience.csv', REFUSAL_CODES[list.reason], list.message.en, list.message.zh);
      const rows = [
        ...list.contacts.map((c) => ({
          row: c.row,
          candidate: {
            phone: c.phone,
            ...(c.name ? { name: c.name } : {}),
            ...(c.customerId ? { customerId: c.customerId } : {}),
            ...(c.timezone ? { timeZone: c.timezone } : {}),
            columns: c.variables,
          },
        })),
        ...list.rejected.map((r) => ({
          row: r.row,
          candidate: { phone: r.raw.slice(0, 64), invalid: r.reason },
        })),
      ];
      return { ok: true, candidates: rows.sort((a, b) => a.row - b.row).map((r) => r.candidate) };
    }
    case 'segment':
      return { ok: true, candidates: await segmentAudience(deps.store, audience) };
  }
}

async function campaignAudience(store: Store, campaignId: string): Promise<AudienceReading> {
  const campaign = await store.campaigns.get(campaignId);
  if (!campaign)
    return issue(
      'body.audience.campaignId',
      'unknown-campaign',
      `"${campaignId}" is not a campaign`,
      `没有外呼活动“${campaignId}”`,
    );
  const candidates: Candidate[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.campaigns.listContacts(campaignId, {
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    for (const c of page.items)
      candidates.push({
        phone: c.phone,
        ...(c.name ? { name: c.name } : {}),
        ...(c.customerId ? { customerId: c.customerId } : {}),
        ...(c.timeZone ? { timeZone: c.timeZone } : {}),
        language: c.language ?? campaign.language,
        columns: c.vars,
      });
    cursor = page.cursor;
  } while (cursor && candidates.length <= MAX_CONTACT_ROWS);
  return { ok: true, candidates };
}

/** The latest call to or from the customer, the contact a segment's dates are about. */
async function lastContactAt(store: Store, customerId: string): Promise<number | undefined> {
  const latest = (await store.calls.byCustomer(customerId, { limit: 1 })).items[0];
  return latest ? Date.parse(latest.startedAt) : undefined;
}

async function inSegment(store: Store, c: Customer, s: Segment): Promise<boolean> {
  if (s.tier && c.vipTier !== s.tier) return false;
  if (s.region && c.region?.toLowerCase() !== s.region.trim().toLowerCase()) return false;
  if (!s.lastContactBefore && !s.lastContactAfter) return true;
  const last = await lastContactAt(store, c.id);
  // Never contacted counts as contacted long ago: in "before", never in "after".
  if (s.lastContactAfter && (last === undefined || last < Date.parse(s.lastContactAfter))) return false;
  if (s.lastContactBefore && last !== undefined && last >= Date.parse(s.lastContactBefore)) return false;
  return true;
}

// The customer list is read whole: a segment is a query over every customer, made once per send.
async function segmentAudience(store: Store, segment: Segment): Promise<Candidate[]> {
  const candidates: Candidate[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.customers.list({ limit: 200, ...(cursor ? { cursor } : {}) });
    for (const c of page.items) {
      const phone = c.phones[0];
      if (!phone || !(await inSegment(store, c, segment))) continue;
      candidates.push({ phone, name: c.name, customerId: c.id, language: c.language });
    }
    cursor = page.cursor;
  } while (cursor && candidates.length <= MAX_CONTACT_ROWS);
  return candidates;
}

export interface RecipientsInput {
  readonly texts: TemplateText;
  readonly language: 'zh' | 'en';
  readonly agentName: string;
  readonly hotline: string;
  readonly dueAt: string;
}

/** Each candidate as a recipient: pending with its filled text, or skipped with why. */
export async function toRecipients(
  store: Store,
  candidates: readonly Candidate[],
  input: RecipientsInput,
): Promise<NewRecipient[]> {
  const valid = candidates.filter((c) => !c.invalid).map((c) => c.phone);
  const dnc = await store.campaigns.doNotCallAmong(valid);
  const optedOut = new Set<string>();
  const unique = [...new Set(valid)].filter((p) => !dnc.has(p));
  for (let i = 0; i < unique.length; i += 25) {
    const chunk = unique.slice(i, i + 25);
    const flags = await Promise.all(chunk.map((p) => store.messaging.isSuppressed(p)));
    chunk.forEach((p, j) => {
      if (flags[j]) optedOut.add(p);
    });
  }
  const seen = new Set<string>();
  return candidates.slice(0, MAX_CONTACT_ROWS).map((c, i): NewRecipient => {
    const language = c.language ?? input.language;
    const base = {
      id: recipientId(i + 1),
      phone: c.phone,
      language,
      ...(c.name ? { name: c.name } : {}),
      ...(c.customerId ? { customerId: c.customerId } : {}),
      ...(c.timeZone ? { timeZone: c.timeZone } : {}),
    };
    const skip = (status: NewRecipient['status'], error: string): NewRecipient => ({
      ...base,
      status,
      error,
    });
    if (c.invalid) return skip('skipped-invalid', c.invalid);
    if (seen.has(c.phone)) return skip('skipped-invalid', 'duplicate');
    seen.add(c.phone);
    if (dnc.has(c.phone)) return skip('skipped-dnc', 'do-not-call');
    if (optedOut.has(c.phone)) return skip('skipped-opted-out', 'opted-out');
    const values = variablesOf(
      { ...(c.name ? { name: c.name } : {}), agentName: input.agentName, hotline: input.hotline },
      c.columns,
    );
    const filled = fillFor(input.texts, language, values);
    if (!filled.ok) return skip('skipped-invalid', filled.error);
    return { ...base, body: filled.body, status: 'pending', dueAt: input.dueAt };
  });
}
