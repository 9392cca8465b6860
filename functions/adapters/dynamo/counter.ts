// Atomic counters for human-readable numbers (CLM-2026-000123): one ADD per allocation, no gaps
// from races, no transactions.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as keys from './keys.js';
import type { TableAccess } from './table-access.js';

export async function nextSequence(t: TableAccess, name: string): Promise<number> {
  const out = await t.doc.send(
    new UpdateCommand({
      TableName: t.tableName,
      Key: { pk: keys.counter(name), sk: keys.ITEM_SK },
      UpdateExpression: 'ADD #seq :one SET entity = :entity',
      ExpressionAttributeNames: { '#seq': 'seq' },
      ExpressionAttributeValues: { ':one': 1, ':entity': 'counter' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  const seq = out.Attributes?.seq;
  if (typeof seq !== 'number') throw new Error(`counter ${name} returned no sequence`);
  return seq;
}
