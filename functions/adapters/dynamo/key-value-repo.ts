// Short-lived counters and markers (login throttling, webhook idempotency). DynamoDB's TTL removes
// them in AWS eventually, and dynalite never does, so every read treats an expired item as absent.
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Clock, KeyValueRepo } from '../../domain/ports.js';
import * as keys from './keys.js';
import { TTL_ATTRIBUTE } from './table.js';
import { getItem, putIf, type TableAccess } from './table-access.js';

const pk = keys.marker;
const epochSeconds = (iso: string) => Math.ceil(Date.parse(iso) / 1000);

export function createKeyValueRepo(t: TableAccess, clock: Clock): KeyValueRepo {
  const nowSeconds = () => Math.floor(clock.now() / 1000);

  return {
    async increment(key, by, expiresAt) {
      const exp = epochSeconds(expiresAt);
      // An expired counter restarts from `by`; a live one is added to and keeps its expiry.
      try {
        const out = await t.doc.send(
          new UpdateCommand({
            TableName: t.tableName,
            Key: { pk: pk(key), sk: keys.ITEM_SK },
            UpdateExpression: 'ADD n :by',
            ConditionExpression: 'attribute_exists(pk) AND #ttl > :now',
            ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
            ExpressionAttributeValues: { ':by': by, ':now': nowSeconds() },
            ReturnValues: 'UPDATED_NEW',
          }),
        );
        return Number(out.Attributes?.n);
      } catch (err) {
        if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
      }
      const fresh = { pk: pk(key), sk: keys.ITEM_SK, entity: 'kv', n: by, [TTL_ATTRIBUTE]: exp };
      if (
        await putIf(
          t,
          fresh,
          'attribute_not_exists(pk) OR #ttl <= :now',
          { ':now': nowSeconds() },
          { '#ttl': TTL_ATTRIBUTE },
        )
      ) {
        return by;
      }
      // Someone else restarted it between our two writes: add to theirs.
      return this.increment(key, by, expiresAt);
    },

    async get(key) {
      const item = await getItem(t, pk(key));
      const exp = Number(item?.[TTL_ATTRIBUTE]);
      if (!item || !(exp > nowSeconds())) return undefined;
      const value = typeof item.n === 'number' ? item.n : String(item.value);
      return { value, expiresAt: new Date(exp * 1000).toISOString() };
    },

    async delete(key) {
      await t.doc.send(new DeleteCommand({ TableName: t.tableName, Key: { pk: pk(key), sk: keys.ITEM_SK } }));
    },

    async put(key, value, expiresAt) {
      await t.doc.send(
        new PutCommand({
          TableName: t.tableName,
          Item: {
            pk: pk(key),
            sk: keys.ITEM_SK,
            entity: 'kv',
            value,
            [TTL_ATTRIBUTE]: epochSeconds(expiresAt),
          },
        }),
      );
    },

    async swap(key, value, expiresAt) {
      const out = await t.doc.send(
        new PutCommand({
          TableName: t.tableName,
          Item: {
            pk: pk(key),
            sk: keys.ITEM_SK,
            entity: 'kv',
            value,
            [TTL_ATTRIBUTE]: epochSeconds(expiresAt),
          },
          ReturnValues: 'ALL_OLD',
        }),
      );
      const old = out.Attributes;
      const exp = Number(old?.[TTL_ATTRIBUTE]);
      if (!old || !(exp > nowSeconds()) || old.value === undefined) return undefined;
      return { value: String(old.value), expiresAt: new Date(exp * 1000).toISOString() };
    },

    async putIfAbsent(key, value, expiresAt) {
      const item = {
        pk: pk(key),
        sk: keys.ITEM_SK,
        entity: 'kv',
        value,
        [TTL_ATTRIBUTE]: epochSeconds(expiresAt),
      };
      return putIf(
        t,
        item,
        'attribute_not_exists(pk) OR #ttl <= :now',
        { ':now': nowSeconds() },
        { '#ttl': TTL_ATTRIBUTE },
      );
    },

    async renew(key, value, expiresAt) {
      const exp = epochSeconds(expiresAt);
      const item = { pk: pk(key), sk: keys.ITEM_SK, entity: 'kv', value, [TTL_ATTRIBUTE]: exp };
      try {
        const out = await t.doc.send(
          new PutCommand({
            TableName: t.tableName,
            Item: item,
            ConditionExpression: 'attribute_not_exists(pk) OR #ttl <= :exp',
            ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
            ExpressionAttributeValues: { ':exp': exp },
            // The marker it replaced says whether it was live, without a read before the write.
            ReturnValues: 'ALL_OLD',
          }),
        );
        return Number(out.Attributes?.[TTL_ATTRIBUTE]) > nowSeconds() ? 'renewed' : 'started';
      } catch (err) {
        if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
        return 'kept';
      }
    },

    async replace(key, expected, value, expiresAt) {
      const Key = { pk: pk(key), sk: keys.ITEM_SK };
      const condition =
        expected === undefined
          ? { ConditionExpression: 'attribute_not_exists(pk) OR #ttl <= :now', values: {} }
          : { ConditionExpression: '#ttl > :now AND #value = :expected', values: { ':expected': expected } };
      const common = {
        TableName: t.tableName,
        ConditionExpression: condition.ConditionExpression,
        ExpressionAttributeNames: {
          '#ttl': TTL_ATTRIBUTE,
          ...(expected === undefined ? {} : { '#value': 'value' }),
        },
        ExpressionAttributeValues: { ':now': nowSeconds(), ...condition.values },
      };
      try {
        if (value === undefined) {
          // Nothing there and nothing to write: already as asked.
          if (expected === undefined) return (await this.get(key)) === undefined;
          await t.doc.send(new DeleteCommand({ ...common, Key }));
        } else
          await t.doc.send(
            new PutCommand({
              ...common,
              Item: { ...Key, entity: 'kv', value, [TTL_ATTRIBUTE]: epochSeconds(expiresAt) },
            }),
          );
        return true;
      } catch (err) {
        if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
        return false;
      }
    },
  };
}
