// The push channel's open connections: one item each under one partition, so the center's pages are one
// Query away (a few hundred desks fit in one page). DynamoDB's TTL removes a connection whose page went
// away without a disconnect; until then, and always in dynalite, reads skip the expired ones.
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../../domain/ports.js';
import type { PushConnection, PushConnectionRepo } from '../../domain/push.js';
import * as keys from './keys.js';
import { TTL_ATTRIBUTE } from './table.js';
import { fromItem, type Item, type TableAccess } from './table-access.js';

const epochSeconds = (iso: string) => Math.ceil(Date.parse(iso) / 1000);

export function createPushConnectionRepo(t: TableAccess, clock: Clock): PushConnectionRepo {
  const nowSeconds = () => Math.floor(clock.now() / 1000);
  // The expiry is stored once, as the TTL attribute (epoch seconds), and read back from it.
  const connectionOf = (item: Item): PushConnection => ({
    ...fromItem<Omit<PushConnection, 'expiresAt'>>(item),
    expiresAt: new Date(Number(item[TTL_ATTRIBUTE]) * 1000).toISOString(),
  });
  const live = (item: Item | undefined) =>
    item && Number(item[TTL_ATTRIBUTE]) > nowSeconds() ? connectionOf(item) : undefined;

  return {
    async put(connection) {
      await t.doc.send(
        new PutCommand({
          TableName: t.tableName,
          Item: {
            pk: keys.pushConnections,
            sk: connection.connectionId,
            entity: 'push-connection',
            connectionId: connection.connectionId,
            userId: connection.userId,
            roles: connection.roles,
            phone: connection.phone,
            connectedAt: connection.connectedAt,
            [TTL_ATTRIBUTE]: epochSeconds(connection.expiresAt),
          },
        }),
      );
    },

    async remove(connectionId) {
      const out = await t.doc.send(
        new DeleteCommand({
          TableName: t.tableName,
          Key: { pk: keys.pushConnections, sk: connectionId },
          ReturnValues: 'ALL_OLD',
        }),
      );
      return out.Attributes ? connectionOf(out.Attributes) : undefined;
    },

    async get(connectionId) {
      const out = await t.doc.send(
        new GetCommand({ TableName: t.tableName, Key: { pk: keys.pushConnections, sk: connectionId } }),
      );
      return live(out.Item);
    },

    async list(userId) {
      const found: PushConnection[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out = await t.doc.send(
          new QueryCommand({
            TableName: t.tableName,
            KeyConditionExpression: 'pk = :pk',
            FilterExpression: `#ttl > :now${userId ? ' AND userId = :user' : ''}`,
            ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
            ExpressionAttributeValues: {
              ':pk': keys.pushConnections,
              ':now': nowSeconds(),
              ...(userId ? { ':user': userId } : {}),
            },
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        for (const item of out.Items ?? []) found.push(connectionOf(item));
        start = out.LastEvaluatedKey;
      } while (start);
      return found;
    },
  };
}
