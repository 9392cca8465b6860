// IVR storage: blacklisted numbers (one item per number, read by key on every incoming call), voicemails
// keyed by RecordingSid (idempotent on replays, listed by status and by customer) and named settings
// such as the provisioned TaskRouter SIDs.
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { BlacklistEntry, Voicemail } from '../../domain/model.js';
import type { BlacklistRepo, Clock, SettingsRepo, VoicemailRepo } from '../../domain/ports.js';
import { mailboxOf } from '../../domain/voicemail-box.js';
import * as keys from './keys.js';
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
import { compact, versionedReplace } from './versioned.js';

export function createBlacklistRepo(t: TableAccess, clock: Clock): BlacklistRepo {
  return {
    async put(entry) {
      const full: BlacklistEntry = compact({ ...entry, createdAt: new Date(clock.now()).toISOString() });
      await putIf(
        t,
        {
          ...full,
          pk: keys.blacklisted(entry.phone),
          sk: keys.ITEM_SK,
          entity: 'blacklist',
          // Each list is its own index partition: the blacklist's page never shows a whitelisted number.
          gsi2pk: entry.action === 'allow' ? keys.WHITELIST : keys.BLACKLIST,
          gsi2sk: entry.phone,
        },
        'attribute_not_exists(pk) OR attribute_exists(pk)',
      );
      return full;
    },
    async get(phone) {
      const item = await getItem(t, keys.blacklisted(phone));
      return item ? fromItem<BlacklistEntry>(item) : undefined;
    },
    async remove(phone) {
      await t.doc.send(
        new DeleteCommand({ TableName: t.tableName, Key: { pk: keys.blacklisted(phone), sk: keys.ITEM_SK } }),
      );
    },
    async list(page) {
      return mapPage<BlacklistEntry>(await queryPage(t, { index: 'gsi2', pk: keys.BLACKLIST }, page));
    },
    async listAllowed(page) {
      return mapPage<BlacklistEntry>(await queryPage(t, { index: 'gsi2', pk: keys.WHITELIST }, page));
    },
  };
}

function voicemailItem(v: Voicemail): Item {
  const sortKey = keys.byTime(v.createdAt, v.recordingSid);
  return compact({
    ...v,
    pk: keys.voicemail(v.recordingSid),
    sk: keys.ITEM_SK,
    entity: 'voicemail',
    gsi1pk: v.customerId ? keys.customerItems(v.customerId) : undefined,
    gsi1sk: v.customerId ? keys.listed('voicemail', sortKey) : undefined,
    gsi2pk: keys.voicemailsByStatus(v.status),
    gsi2sk: sortKey,
    gsi3pk: keys.mailbox(mailboxOf(v)),
    gsi3sk: keys.listed('voicemail', sortKey),
  });
}

export function createVoicemailRepo(t: TableAccess, clock: Clock): VoicemailRepo {
  return {
    async create(input) {
      const now = new Date(clock.now()).toISOString();
      const voicemail = compact<Voicemail & Item>({
        ...input,
        status: 'new',
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      if (await putIf(t, voicemailItem(voicemail), 'attribute_not_exists(pk)'))
        return { created: true, voicemail };
      const stored = await getItem(t, keys.voicemail(input.recordingSid));
      return { created: false, voicemail: stored ? fromItem<Voicemail>(stored) : voicemail };
    },
    async get(recordingSid) {
      const item = await getItem(t, keys.voicemail(recordingSid));
      return item ? fromItem<Voicemail>(item) : undefined;
    },
    update(recordingSid, expectedVersion, patch) {
      const now = new Date(clock.now()).toISOString();
      return versionedReplace<Voicemail>(t, keys.voicemail(recordingSid), expectedVersion, (current) =>
        voicemailItem(compact({ ...current, ...patch, updatedAt: now })),
      );
    },
    async byStatus(status, page) {
      return mapPage<Voicemail>(
        await queryPage(t, { index: 'gsi2', pk: keys.voicemailsByStatus(status), newestFirst: true }, page),
      );
    },
    async byMailbox(mailbox, page) {
      return mapPage<Voicemail>(
        await queryPage(t, { index: 'gsi3', pk: keys.mailbox(mailbox), newestFirst: true }, page),
      );
    },
    async byCustomer(customerId) {
      const items = await queryAll(t, {
        index: 'gsi1',
        pk: keys.customerItems(customerId),
        skPrefix: keys.listedPrefix('voicemail'),
      });
      return items.map((i) => fromItem<Voicemail>(i));
    },
  };
}

export function createSettingsRepo(t: TableAccess, clock: Clock): SettingsRepo {
  return {
    async get<T>(name: string) {
      const item = await getItem(t, keys.setting(name));
      return item ? (JSON.parse(String(item.value)) as T) : undefined;
    },
    async getMany(names: readonly string[]) {
      const byKey = new Map(names.map((name) => [keys.setting(name), name]));
      const found = new Map<string, unknown>();
      for (const item of await getItems(t, [...byKey.keys()])) {
        const name = byKey.get(String(item.pk));
        if (name !== undefined) found.set(name, JSON.parse(String(item.value)));
      }
      return found;
    },
    async put<T>(name: string, value: T) {
      await putIf(
        t,
        {
          pk: keys.setting(name),
          sk: keys.ITEM_SK,
          entity: 'setting',
          value: JSON.stringify(value),
          updatedAt: new Date(clock.now()).toISOString(),
        },
        'attribute_not_exists(pk) OR attribute_exists(pk)',
      );
    },
    async change<T>(name: string, change: (current: T | undefined) => T | undefined) {
      for (let attempt = 0; attempt < 20; attempt++) {
        const item = await getItem(t, keys.setting(name));
        const before = item ? String(item.value) : undefined;
        const current = before === undefined ? undefined : (JSON.parse(before) as T);
        const next = change(current);
        if (next === undefined) return current;
        const written = await putIf(
          t,
          {
            pk: keys.setting(name),
            sk: keys.ITEM_SK,
            entity: 'setting',
            value: JSON.stringify(next),
            updatedAt: new Date(clock.now()).toISOString(),
          },
          // The document as read is its own version: a writer in between changed its text.
          before === undefined ? 'attribute_not_exists(pk)' : '#value = :before',
          before === undefined ? undefined : { ':before': before },
          before === undefined ? undefined : { '#value': 'value' },
        );
        if (written) return next;
      }
      throw new Error(`setting ${name} kept changing under a concurrent writer`);
    },
  };
}
