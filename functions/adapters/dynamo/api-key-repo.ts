// Outside systems' API keys on the single table (keys in keys.ts): one item per key, listed through gsi2,
// with the requests made under it beside it. A request claim is a conditional put, so of two retries that
// arrive together exactly one does the work; its result is written onto the claim for the others.
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ApiKey } from '../../domain/integrations/api-key.js';
import type { ApiKeyRepo } from '../../domain/integrations/ports.js';
import type { Clock } from '../../domain/ports.js';
import { API_KEYS, apiKey, apiKeyRequestSk, byTime, ITEM_SK } from './keys.js';
import { TTL_ATTRIBUTE } from './table.js';
import { fromItem, getItem, putIf, queryAll, type TableAccess } from './table-access.js';

/** A use recorded less than this long ago is not recorded again. */
const USE_GRANULARITY_MS = 60_000;

const isConditionFailure = (err: unknown) => (err as Error).name === 'ConditionalCheckFailedException';

export function createApiKeyRepo(t: TableAccess, clock: Clock): ApiKeyRepo {
  const nowSeconds = () => Math.floor(clock.now() / 1000);
  const requestKey = (keyId: string, request: string) => ({
    pk: apiKey(keyId),
    sk: apiKeyRequestSk(request),
  });

  return {
    async create(key) {
      const item = {
        ...key,
        pk: apiKey(key.keyId),
        sk: ITEM_SK,
        entity: 'api-key',
        gsi2pk: API_KEYS,
        gsi2sk: byTime(key.createdAt, key.keyId),
      };
      if (!(await putIf(t, item, 'attribute_not_exists(pk)'))) throw new Error(`api key ${key.keyId} exists`);
    },

    async get(keyId) {
      const item = await getItem(t, apiKey(keyId));
      return item ? fromItem<ApiKey>(item) : undefined;
    },

    async list() {
      const items = await queryAll(t, { index: 'gsi2', pk: API_KEYS, newestFirst: true });
      return items.map((i) => fromItem<ApiKey>(i));
    },

    async revoke(keyId, by, at) {
      try {
        const out = await t.doc.send(
          new UpdateCommand({
            TableName: t.tableName,
            Key: { pk: apiKey(keyId), sk: ITEM_SK },
            UpdateExpression: 'SET revokedAt = :at, revokedBy = :by',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
            ExpressionAttributeValues: { ':at': at, ':by': by },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return { ok: true, value: fromItem<ApiKey>(out.Attributes ?? {}), changed: true };
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
        const current = await getItem(t, apiKey(keyId));
        return current
          ? { ok: true, value: fromItem<ApiKey>(current), changed: false }
          : { ok: false, reason: 'not-found' };
      }
    },

    async markUsed(keyId, at) {
      const before = new Date(Date.parse(at) - USE_GRANULARITY_MS).toISOString();
      try {
        await t.doc.send(
          new UpdateCommand({
            TableName: t.tableName,
            Key: { pk: apiKey(keyId), sk: ITEM_SK },
            UpdateExpression: 'SET lastUsedAt = :at',
            ConditionExpression:
              'attribute_exists(pk) AND (attribute_not_exists(lastUsedAt) OR lastUsedAt < :before)',
            ExpressionAttributeValues: { ':at': at, ':before': before },
          }),
        );
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
      }
    },

    async claimRequest(keyId, request, expiresAt) {
      const item = {
        ...requestKey(keyId, request),
        entity: 'api-key-request',
        [TTL_ATTRIBUTE]: Math.ceil(Date.parse(expiresAt) / 1000),
      };
      const claimed = await putIf(
        t,
        item,
        'attribute_not_exists(pk) OR #ttl <= :now',
        { ':now': nowSeconds() },
        { '#ttl': TTL_ATTRIBUTE },
      );
      if (claimed) return { claimed: true };
      const { pk, sk } = requestKey(keyId, request);
      const current = await getItem(t, pk, sk);
      const result = current?.result as Readonly<Record<string, string>> | undefined;
      return { claimed: false, ...(result ? { result } : {}) };
    },

    async completeRequest(keyId, request, result) {
      await t.doc.send(
        new UpdateCommand({
          TableName: t.tableName,
          Key: requestKey(keyId, request),
          UpdateExpression: 'SET #result = :result',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#result': 'result' },
          ExpressionAttributeValues: { ':result': result },
        }),
      );
    },

    async releaseRequest(keyId, request) {
      await t.doc.send(new DeleteCommand({ TableName: t.tableName, Key: requestKey(keyId, request) }));
    },
  };
}
