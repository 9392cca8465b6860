// IVR storage: blacklisted numbers (one item per number, read by key on every incoming call), voicemails
// keyed by RecordingSid (idempotent on replays, listed by status and by customer) and named settings
// such as the provisioned TaskRouter SIDs.
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { BlacklistEntry, Voicemail } from '../../domain/model.js';
import type { BlacklistRepo, Clock, SettingsRepo, VoicemailRepo } from '../../domain/ports.js';
import { mailboxOf } from '../../domain/voicemail-box.js';
import {
  fromItem,
  getItem,
  type Item,
  mapPage,
  putIf,
  queryAll,
  queryPage,
  type TableAccess,
} from './table-access.js';
import { compact, versionedReplace } from './versioned.js';

const blPk = (phone: string) => `BLACKLIST#${phone}`;

export function createBlacklistRepo(t: TableAccess, clock: Clock): BlacklistRepo {
  return {
    async put(entry) {
      const full: BlacklistEntry = compact({ ...entry, createdAt: new Date(clock.now()).toISOString() });
      await putIf(
        t,
        {
          ...full,
          pk: blPk(entry.phone),
          sk: '#',
          entity: 'blacklist',
          gsi2pk: 'BLACKLIST',
          gsi2sk: entry.phone,
        },
        'attribute_not_exists(pk) OR attribute_exists(pk)',
      );
      return full;
    },
    async get(phone) {
      const item = await getItem(t, blPk(phone));
      return item ? fromItem<BlacklistEntry>(item) : undefined;
    },
    async remove(phone) {
      await t.doc.send(new DeleteCommand({ TableName: t.tableName, Key: { pk: blPk(phone), sk: '#' } }));
    },
    async list(page) {
      return mapPage<BlacklistEntry>(await queryPage(t, { index: 'gsi2', pk: 'BLACKLIST' }, page));
    },
  };
}

const vmPk = (sid: string) => `VOICEMAIL#${sid}`;

function voicemailItem(v: Voicemail): Item {
  const sortKey = `${v.createdAt}#${v.recordingSid}`;
  return compact({
    ...v,
    pk: vmPk(v.recordingSid),
    sk: '#',
    entity: 'voicemail',
    gsi1pk: v.customerId ? `CUSTOMER#${v.customerId}` : undefined,
    gsi1sk: v.customerId ? `VOICEMAIL#${sortKey}` : undefined,
    gsi2pk: `VOICEMAILS#${v.status}`,
    gsi2sk: sortKey,
    gsi3pk: `MAILBOX#${mailboxOf(v)}`,
    gsi3sk: `VOICEMAIL#${sortKey}`,
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
      const stored = await getItem(t, vmPk(input.recordingSid));
      return { created: false, voicemail: stored ? fromItem<Voicemail>(stored) : voicemail };
    },
    async get(recordingSid) {
      const item = await getItem(t, vmPk(recordingSid));
      return item ? fromItem<Voicemail>(item) : undefined;
    },
    update(recordingSid, expectedVersion, patch) {
      const now = new Date(clock.now()).toISOString();
      return versionedReplace<Voicemail>(t, vmPk(recordingSid), expectedVersion, (current) =>
        voicemailItem(compact({ ...current, ...patch, updatedAt: now })),
      );
    },
    async byStatus(status, page) {
      return mapPage<Voicemail>(
        await queryPage(t, { index: 'gsi2', pk: `VOICEMAILS#${status}`, newestFirst: true }, page),
      );
    },
    async byMailbox(mailbox, page) {
      return mapPage<Voicemail>(
        await queryPage(t, { index: 'gsi3', pk: `MAILBOX#${mailbox}`, newestFirst: true }, page),
      );
    },
    async byCustomer(customerId) {
      const items = await queryAll(t, {
        index: 'gsi1',
        pk: `CUSTOMER#${customerId}`,
        skPrefix: 'VOICEMAIL#',
      });
      return items.map((i) => fromItem<Voicemail>(i));
    },
  };
}

export function createSettingsRepo(t: TableAccess, clock: Clock): SettingsRepo {
  return {
    async get<T>(name: string) {
      const item = await getItem(t, `SETTING#${name}`);
      return item ? (JSON.parse(String(item.value)) as T) : undefined;
    },
    async put<T>(name: string, value: T) {
      await putIf(
        t,
        {
          pk: `SETTING#${name}`,
          sk: '#',
          entity: 'setting',
          value: JSON.stringify(value),
          updatedAt: new Date(clock.now()).toISOString(),
        },
        'attribute_not_exists(pk) OR attribute_exists(pk)',
      );
    },
  };
}
