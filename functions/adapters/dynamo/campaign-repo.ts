// Campaigns on the single table (keys in keys.ts). The campaign item holds its settings, status and running
// counts (changed by SET expressions that add, so concurrent attempts lose no count); its contacts are items
// of the same partition, each number claimed beside them once (campaign-contact-add.ts). A pending contact
// is also on the campaign's sparse due list (gsi2, by its next time), so the dialler reads the few due
// contacts, never the whole list.
import { BatchWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type {
  Campaign,
  CampaignContact,
  CampaignCounts,
  CampaignSettings,
} from '../../domain/campaigns/campaign.js';
import { ZERO_COUNTS } from '../../domain/campaigns/campaign.js';
import type { CampaignRepo, ContactChange, NewContact } from '../../domain/campaigns/ports.js';
import type { Clock } from '../../domain/ports.js';
import { addContact, contactItem, phoneItem } from './campaign-contact-add.js';
import {
  byTime,
  CAMPAIGNS,
  CONTACT_PREFIX,
  campaignDue,
  campaign as campaignPk,
  campaignsByStatus,
  contactSk,
  doNotCall,
  ITEM_SK,
} from './keys.js';
import {
  fromItem,
  getItem,
  getItems,
  type Item,
  mapPage,
  putIf,
  queryAll,
  queryPage,
  type TableAccess,
} from './table-access.js';
import { compact } from './versioned.js';

const strip = <T>(item: Item): T => fromItem<T>(item);

/** Settings a campaign may leave out. */
const OPTIONAL_SETTINGS = ['scriptId', 'questionnaireId', 'message', 'startAt', 'endAt'] as const;

function campaignItem(c: Campaign): Item {
  return compact({
    ...c,
    pk: campaignPk(c.id),
    sk: ITEM_SK,
    entity: 'campaign',
    gsi2pk: CAMPAIGNS,
    gsi2sk: byTime(c.createdAt, c.id),
    gsi3pk: campaignsByStatus(c.status),
    gsi3sk: c.id,
  });
}

export function createCampaignRepo(t: TableAccess, clock: Clock): CampaignRepo {
  const now = () => new Date(clock.now()).toISOString();
  const getContact = async (campaignId: string, id: string) => {
    const item = await getItem(t, campaignPk(campaignId), contactSk(id));
    return item ? strip<CampaignContact>(item) : undefined;
  };

  return {
    async create(id, settings: CampaignSettings, by) {
      const at = now();
      const c: Campaign = {
        ...settings,
        id,
        status: 'draft',
        counts: ZERO_COUNTS,
        dispositionCounts: {},
        dialRatio: 1,
        createdBy: by,
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      if (!(await putIf(t, campaignItem(c), 'attribute_not_exists(pk)')))
        throw new Error(`campaign ${id} already exists`);
      return c;
    },

    async get(id) {
      const item = await getItem(t, campaignPk(id));
      return item ? strip<Campaign>(item) : undefined;
    },

    async list() {
      const items = await queryAll(t, { index: 'gsi2', pk: CAMPAIGNS, newestFirst: true });
      return items.map((i) => strip<Campaign>(i));
    },

    async listByStatus(status) {
      const items = await queryAll(t, { index: 'gsi3', pk: campaignsByStatus(status) });
      return items.map((i) => strip<Campaign>(i));
    },

    async update(id, expectedVersion, change) {
      // SET, not a put of the item read: the counts change by adds that bump no version, and a put would
      // drop the ones made since the read.
      const fields: Record<string, unknown> = {
        ...(change.settings ?? {}),
        ...(change.status ? { status: change.status, gsi3pk: campaignsByStatus(change.status) } : {}),
        ...(change.dialRatio !== undefined ? { dialRatio: change.dialRatio } : {}),
        ...(change.pacing ? { pacing: change.pacing } : {}),
        updatedAt: now(),
        version: expectedVersion + 1,
      };
      const names: Record<string, string> = { '#ver': 'version' };
      const values: Record<string, unknown> = { ':expected': expectedVersion };
      const sets: string[] = [];
      const removes: string[] = [];
      Object.entries(fields).forEach(([key, value], i) => {
        names[`#f${i}`] = key;
        if (value === undefined) removes.push(`#f${i}`);
        else {
          values[`:f${i}`] = value;
          sets.push(`#f${i} = :f${i}`);
        }
      });
      // Optional settings left out of a new version are removed, as a replace would.
      if (change.settings)
        for (const key of OPTIONAL_SETTINGS)
          if (!(key in change.settings)) {
            names[`#o_${key}`] = key;
            removes.push(`#o_${key}`);
          }
      try {
        const out = await t.doc.send(
          new UpdateCommand({
            TableName: t.tableName,
            Key: { pk: campaignPk(id), sk: ITEM_SK },
            UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
            ConditionExpression: 'attribute_exists(pk) AND #ver = :expected',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        );
        return { ok: true, value: strip<Campaign>(out.Attributes ?? {}) };
      } catch (err) {
        if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
        const latest = await getItem(t, campaignPk(id));
        return latest
          ? { ok: false, reason: 'conflict', current: strip<Campaign>(latest) }
          : { ok: false, reason: 'not-found' };
      }
    },

    async count(id, deltas, disposition) {
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ':zero': 0 };
      const sets: string[] = [];
      let i = 0;
      for (const [key, by] of Object.entries(deltas) as [keyof CampaignCounts, number][]) {
        if (!by) continue;
        names[`#k${i}`] = key;
        values[`:v${i}`] = by;
        names['#c'] = 'counts';
        sets.push(`#c.#k${i} = if_not_exists(#c.#k${i}, :zero) + :v${i}`);
        i++;
      }
      if (disposition) {
        names['#d'] = 'dispositionCounts';
        names['#code'] = disposition;
        values[':one'] = 1;
        sets.push('#d.#code = if_not_exists(#d.#code, :zero) + :one');
      }
      if (sets.length === 0) return;
      await t.doc.send(
        new UpdateCommand({
          TableName: t.tableName,
          Key: { pk: campaignPk(id), sk: ITEM_SK },
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    },

    async addContacts(campaignId, contacts: readonly NewContact[], dueAt) {
      const contactItems = contacts.map((c) =>
        contactItem({
          ...c,
          campaignId,
          status: 'pending',
          attempts: 0,
          nextAt: dueAt,
          history: [],
          version: 1,
        }),
      );
      // Each number's claim names its first row; a batch may not hold one key twice.
      const claims = new Map<string, string>();
      for (const c of contacts) if (!claims.has(c.phone)) claims.set(c.phone, c.id);
      const items = [...contactItems, ...[...claims].map(([phone, id]) => phoneItem(campaignId, phone, id))];
      for (let i = 0; i < items.length; i += 25) {
        let batch = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
        // DynamoDB may leave writes unprocessed under load: they are sent again.
        for (let attempt = 0; batch.length > 0 && attempt < 10; attempt++) {
          const out = await t.doc.send(new BatchWriteCommand({ RequestItems: { [t.tableName]: batch } }));
          batch = (out.UnprocessedItems?.[t.tableName] ?? []) as typeof batch;
        }
        if (batch.length > 0) throw new Error(`${batch.length} contacts left unwritten after retries`);
      }
      return contactItems.length;
    },

    addContact: (campaignId, contact, dueAt) => addContact(t, campaignId, contact, dueAt),

    getContact,

    async listContacts(campaignId, page) {
      return mapPage<CampaignContact>(
        await queryPage(t, { pk: campaignPk(campaignId), skPrefix: CONTACT_PREFIX }, page),
      );
    },

    async dueContacts(campaignId, at, limit) {
      const page = await queryPage(
        t,
        { index: 'gsi2', pk: campaignDue(campaignId), skBetween: ['0', `${at}#~`] },
        { limit },
      );
      return page.items.map((i) => strip<CampaignContact>(i));
    },

    async updateContact(campaignId, contactId, expectedVersion, change: ContactChange) {
      const current = await getContact(campaignId, contactId);
      if (!current) return { ok: false, reason: 'not-found' };
      if (current.version !== expectedVersion) return { ok: false, reason: 'conflict', current };
      const next = applyContactChange(current, change);
      const written = await putIf(
        t,
        contactItem(next),
        '#v = :v',
        { ':v': expectedVersion },
        { '#v': 'version' },
      );
      if (written) return { ok: true, value: next };
      const latest = await getContact(campaignId, contactId);
      return latest ? { ok: false, reason: 'conflict', current: latest } : { ok: false, reason: 'not-found' };
    },

    async addDoNotCall(entry) {
      await putIf(
        t,
        { ...entry, pk: doNotCall(entry.phone), sk: ITEM_SK, entity: 'do-not-call' },
        'attribute_not_exists(pk)',
      );
    },

    async isDoNotCall(phone) {
      return (await getItem(t, doNotCall(phone))) !== undefined;
    },

    async doNotCallAmong(phones) {
      const unique = [...new Set(phones)];
      const found = new Set<string>();
      for (let i = 0; i < unique.length; i += 100) {
        const items = await getItems(t, unique.slice(i, i + 100).map(doNotCall));
        for (const item of items) found.add(String(item.phone));
      }
      return found;
    },
  };
}

function applyContactChange(c: CampaignContact, change: ContactChange): CampaignContact {
  const next: Record<string, unknown> = { ...c, version: c.version + 1 };
  if (change.status) next.status = change.status;
  if (change.nextAt === null) delete next.nextAt;
  else if (change.nextAt !== undefined) next.nextAt = change.nextAt;
  if (change.attempts !== undefined) next.attempts = change.attempts;
  if (change.lastOutcome) next.lastOutcome = change.lastOutcome;
  if (change.disposition) next.disposition = change.disposition;
  for (const key of ['agentId', 'callSid'] as const) {
    const v = change[key];
    if (v === null) delete next[key];
    else if (v !== undefined) next[key] = v;
  }
  // The last 20 attempts are kept on the contact; the history keeps every one.
  if (change.addAttempt) next.history = [...c.history, change.addAttempt].slice(-20);
  if (change.answers) next.answers = { ...(c.answers ?? {}), ...change.answers };
  return next as unknown as CampaignContact;
}
