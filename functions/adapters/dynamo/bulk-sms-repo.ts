// Bulk SMS sends on the single table (keys in keys.ts). The send item holds its settings, status and counts
// (changed by SET expressions that add, so concurrent rounds and delivery reports lose no count); its
// recipients are items of the same partition. A recipient still to be sent is also on the send's sparse
// due list (gsi2, by the time it is due), so each round reads the next few, never the whole audience.
import { BatchWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { BulkSms, RecipientStatus } from '../../domain/bulk-sms.js';
import type { BulkSmsRepo, RecipientChange } from '../../domain/bulk-sms-port.js';
import type { BulkRecipient } from '../../domain/bulk-sms-recipients.js';
import type { Clock } from '../../domain/ports.js';
import {
  BULK_SMS_SENDS,
  bulkSms as bulkPk,
  bulkSmsByStatus,
  bulkSmsDue,
  byTime,
  ITEM_SK,
  RECIPIENT_PREFIX,
  recipientSk,
} from './keys.js';
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
import { compact } from './versioned.js';

const DUE: ReadonlySet<RecipientStatus> = new Set(['pending', 'waiting-quiet-hours']);

function sendItem(s: BulkSms): Item {
  return compact({
    ...s,
    pk: bulkPk(s.id),
    sk: ITEM_SK,
    entity: 'bulk-sms',
    gsi2pk: BULK_SMS_SENDS,
    gsi2sk: byTime(s.createdAt, s.id),
    gsi3pk: bulkSmsByStatus(s.status),
    gsi3sk: s.id,
  });
}

function recipientItem(r: BulkRecipient): Item {
  return compact({
    ...r,
    pk: bulkPk(r.sendId),
    sk: recipientSk(r.id),
    entity: 'bulk-sms-recipient',
    // Only recipients still to be sent are on the due list: the rest cost the round nothing.
    ...(DUE.has(r.status) && r.dueAt ? { gsi2pk: bulkSmsDue(r.sendId), gsi2sk: byTime(r.dueAt, r.id) } : {}),
  });
}

export function createBulkSmsRepo(t: TableAccess, clock: Clock): BulkSmsRepo {
  const now = () => new Date(clock.now()).toISOString();
  const getRecipient = async (sendId: string, id: string) => {
    const item = await getItem(t, bulkPk(sendId), recipientSk(id));
    return item ? fromItem<BulkRecipient>(item) : undefined;
  };

  return {
    async create(id, settings, counts, recipients, by) {
      const at = now();
      const send: BulkSms = {
        ...settings,
        id,
        status: 'draft',
        recipients,
        counts,
        createdBy: by,
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      if (!(await putIf(t, sendItem(send), 'attribute_not_exists(pk)')))
        throw new Error(`bulk SMS send ${id} already exists`);
      return send;
    },

    async get(id) {
      const item = await getItem(t, bulkPk(id));
      return item ? fromItem<BulkSms>(item) : undefined;
    },

    async list() {
      const items = await queryAll(t, { index: 'gsi2', pk: BULK_SMS_SENDS, newestFirst: true });
      return items.map((i) => fromItem<BulkSms>(i));
    },

    async listByStatus(status) {
      const items = await queryAll(t, { index: 'gsi3', pk: bulkSmsByStatus(status) });
      return items.map((i) => fromItem<BulkSms>(i));
    },

    async setStatus(id, expectedVersion, status, stamps = {}) {
      // SET, not a put of the item read: the counts change by adds that bump no version.
      const fields: Record<string, unknown> = {
        status,
        gsi3pk: bulkSmsByStatus(status),
        ...stamps,
        updatedAt: now(),
        version: expectedVersion + 1,
      };
      const names: Record<string, string> = { '#ver': 'version' };
      const values: Record<string, unknown> = { ':expected': expectedVersion };
      const sets = Object.entries(fields).map(([key, value], i) => {
        names[`#f${i}`] = key;
        values[`:f${i}`] = value;
        return `#f${i} = :f${i}`;
      });
      try {
        const out = await t.doc.send(
          new UpdateCommand({
            TableName: t.tableName,
            Key: { pk: bulkPk(id), sk: ITEM_SK },
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: 'attribute_exists(pk) AND #ver = :expected',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        );
        return { ok: true, value: fromItem<BulkSms>(out.Attributes ?? {}) };
      } catch (err) {
        if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
        const latest = await getItem(t, bulkPk(id));
        return latest
          ? { ok: false, reason: 'conflict', current: fromItem<BulkSms>(latest) }
          : { ok: false, reason: 'not-found' };
      }
    },

    async count(id, deltas) {
      const names: Record<string, string> = { '#c': 'counts' };
      const values: Record<string, unknown> = { ':zero': 0 };
      const sets: string[] = [];
      Object.entries(deltas).forEach(([key, by], i) => {
        if (!by) return;
        names[`#k${i}`] = key;
        values[`:v${i}`] = by;
        sets.push(`#c.#k${i} = if_not_exists(#c.#k${i}, :zero) + :v${i}`);
      });
      if (sets.length === 0) return;
      await t.doc.send(
        new UpdateCommand({
          TableName: t.tableName,
          Key: { pk: bulkPk(id), sk: ITEM_SK },
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    },

    async addRecipients(sendId, recipients) {
      const at = now();
      const items = recipients.map((r) => recipientItem({ ...r, sendId, updatedAt: at, version: 1 }));
      for (let i = 0; i < items.length; i += 25) {
        let batch = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
        // DynamoDB may leave writes unprocessed under load: they are sent again.
        for (let attempt = 0; batch.length > 0 && attempt < 10; attempt++) {
          const out = await t.doc.send(new BatchWriteCommand({ RequestItems: { [t.tableName]: batch } }));
          batch = (out.UnprocessedItems?.[t.tableName] ?? []) as typeof batch;
        }
        if (batch.length > 0) throw new Error(`${batch.length} recipients left unwritten after retries`);
      }
      return items.length;
    },

    getRecipient,

    async listRecipients(sendId, page) {
      return mapPage<BulkRecipient>(
        await queryPage(t, { pk: bulkPk(sendId), skPrefix: RECIPIENT_PREFIX }, page),
      );
    },

    async dueRecipients(sendId, at, limit) {
      const page = await queryPage(
        t,
        { index: 'gsi2', pk: bulkSmsDue(sendId), skBetween: ['0', `${at}#~`] },
        { limit },
      );
      return page.items.map((i) => fromItem<BulkRecipient>(i));
    },

    async updateRecipient(sendId, id, expectedVersion, change) {
      const current = await getRecipient(sendId, id);
      if (!current) return { ok: false, reason: 'not-found' };
      if (current.version !== expectedVersion) return { ok: false, reason: 'conflict', current };
      const next = applyChange(current, change, now());
      const written = await putIf(
        t,
        recipientItem(next),
        '#v = :v',
        { ':v': expectedVersion },
        { '#v': 'version' },
      );
      if (written) return { ok: true, value: next };
      const latest = await getRecipient(sendId, id);
      return latest ? { ok: false, reason: 'conflict', current: latest } : { ok: false, reason: 'not-found' };
    },
  };
}

function applyChange(r: BulkRecipient, change: RecipientChange, at: string): BulkRecipient {
  const next: Record<string, unknown> = { ...r, version: r.version + 1, updatedAt: at };
  if (change.status) next.status = change.status;
  if (change.messageSid) next.messageSid = change.messageSid;
  for (const key of ['dueAt', 'error'] as const) {
    const v = change[key];
    if (v === null) delete next[key];
    else if (v !== undefined) next[key] = v;
  }
  return next as unknown as BulkRecipient;
}
