// Writes the demo data through the Store, the same path the API takes. Idempotent: everything has a
// stable key (ids, policy numbers, customer + subject for tickets), and what exists is skipped.

import { PROVIDERS_SETTING } from '../../functions/app/dispatch.js';
import type { TicketStatus } from '../../functions/domain/model.js';
import { hashPassword } from '../../functions/domain/password.js';
import type { Clock, Page, PageRequest, Store, WriteResult } from '../../functions/domain/ports.js';
import { DEMO_FORM } from '../../functions/domain/quality/demo-form.js';
import { SMS_TEMPLATES_SETTING } from '../../functions/domain/sms-templates.js';
import { checkTransition } from '../../functions/domain/ticket-workflow.js';
import { DEMO_CAMPAIGN, DEMO_CAMPAIGN_CONTACTS, DEMO_CAMPAIGN_ID } from './demo/campaigns.js';
import { DEMO_KB_ARTICLES } from './demo/kb-articles.js';
import type { DemoTicket } from './demo/types.js';
import { DEMO_DATA } from './demo-data.js';

export interface DemoDataReport {
  readonly created: number;
  readonly skipped: number;
}

/** The workflow steps from `new` to each status, each one checked against ticket-workflow. */
const PATH_TO: Record<TicketStatus, readonly TicketStatus[]> = {
  new: [],
  open: ['open'],
  pending: ['open', 'pending'],
  escalated: ['open', 'escalated'],
  resolved: ['open', 'resolved'],
  closed: ['open', 'resolved', 'closed'],
  cancelled: ['cancelled'],
};

async function all<T>(fetch: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch({ limit: 100, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
}

/** A write that reports `duplicate` lost a race with an earlier load: that counts as already there. */
function created<T>(result: WriteResult<T>, what: string): T | undefined {
  if (result.ok) return result.value;
  if (result.reason === 'duplicate') return undefined;
  throw new Error(`demo data: could not write ${what}: ${result.reason}`);
}

async function walkTicket(store: Store, demo: DemoTicket, number: string, version: number): Promise<void> {
  const by = demo.assigneeId ?? demo.by;
  let current = { status: 'new' as TicketStatus, version };
  const step = async (patch: { status?: TicketStatus; note?: string }) => {
    const result = await store.tickets.update(number, current.version, patch, by);
    if (!result.ok) throw new Error(`demo data: could not update ticket ${number}: ${result.reason}`);
    current = result.value;
  };
  for (const note of demo.notes ?? []) await step({ note });
  for (const status of PATH_TO[demo.status]) {
    const check = checkTransition(current.status, status);
    if (!check.ok) throw new Error(`demo data: ${current.status} -> ${status} is not a valid transition`);
    await step({ status });
  }
}

export async function loadDemoData(store: Store, clock: Clock): Promise<DemoDataReport> {
  let made = 0;
  let skipped = 0;
  const count = (wrote: unknown) => (wrote === undefined ? skipped++ : made++);

  for (const { password, ...user } of DEMO_DATA.users) {
    if (await store.users.get(user.id)) skipped++;
    else
      count(
        created(await store.users.create({ ...user, passwordHash: await hashPassword(password) }), user.id),
      );
  }
  for (const customer of DEMO_DATA.customers) {
    if (await store.customers.get(customer.id)) skipped++;
    else count(created(await store.customers.create(customer), customer.id));
  }
  for (const asset of DEMO_DATA.assets) {
    if (await store.assets.get(asset.id)) skipped++;
    else count(created(await store.assets.create(asset), asset.id));
  }
  for (const policy of DEMO_DATA.policies) {
    if (await store.policies.get(policy.number)) skipped++;
    else count(created(await store.policies.create(policy), policy.number));
  }

  const subjects = new Map<string, Set<string>>();
  for (const demo of DEMO_DATA.tickets) {
    let seen = subjects.get(demo.customerId);
    if (!seen) {
      const existing = await all((page) => store.tickets.byCustomer(demo.customerId, page));
      seen = new Set(existing.map((t) => t.subject));
      subjects.set(demo.customerId, seen);
    }
    if (seen.has(demo.subject)) {
      skipped++;
      continue;
    }
    const { status: _final, by, notes: _notes, ...input } = demo;
    const ticket = created(await store.tickets.create({ ...input, status: 'new' }, by), demo.subject);
    if (!ticket) throw new Error(`demo data: ticket number collision for "${demo.subject}"`);
    await walkTicket(store, demo, ticket.number, ticket.version);
    seen.add(demo.subject);
    made++;
  }

  if (await store.settings.get(PROVIDERS_SETTING)) skipped++;
  else {
    await store.settings.put(PROVIDERS_SETTING, { providers: DEMO_DATA.providers });
    made++;
  }
  // Written as the built-in starting point, not as a console change: the history starts with an admin's.
  if (await store.settings.get(SMS_TEMPLATES_SETTING)) skipped++;
  else {
    await store.settings.put(SMS_TEMPLATES_SETTING, DEMO_DATA.smsTemplates);
    made++;
  }

  for (const { dueInMinutes, ...task } of DEMO_DATA.tasks) {
    const existing = await store.tasks.byCustomer(task.customerId);
    if (existing.some((t) => t.note === task.note)) skipped++;
    else {
      const dueAt = new Date(clock.now() + dueInMinutes * 60_000).toISOString();
      count(created(await store.tasks.create({ ...task, dueAt }), task.note));
    }
  }
  for (const article of DEMO_KB_ARTICLES) {
    if (await store.kb.get(article.id)) skipped++;
    else count(created(await store.kb.put(article, null, article.owner), article.id));
  }
  // One scoring form to start from, which supervisors then copy or change.
  if (await store.quality.getForm(DEMO_FORM.id)) skipped++;
  else count(created(await store.quality.putForm(DEMO_FORM, null, 'system'), DEMO_FORM.id));
  // A draft campaign to open on /campaigns; it dials only once someone starts it.
  if (await store.campaigns.get(DEMO_CAMPAIGN_ID)) skipped++;
  else {
    await store.campaigns.create(DEMO_CAMPAIGN_ID, DEMO_CAMPAIGN, 'system');
    const added = await store.campaigns.addContacts(
      DEMO_CAMPAIGN_ID,
      DEMO_CAMPAIGN_CONTACTS,
      new Date(clock.now()).toISOString(),
    );
    await store.campaigns.count(DEMO_CAMPAIGN_ID, { contacts: added, pending: added });
    made++;
  }
  return { created: made, skipped };
}
