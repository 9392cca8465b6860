// The benchmarks' DynamoDB counter: commands counted by name through a DocumentClient, GSI writes by
// the item's attributes, nothing counted while counting is off, and the SDK left as it was afterwards.
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from './dynamo.js';
import { installDynamoCounter } from './dynamo-counter.js';

describe('installDynamoCounter', () => {
  let ts: TestStore;
  beforeAll(async () => {
    ts = await createTestStore();
  });
  afterAll(() => ts.stop());

  it('counts reads, writes and the GSI writes of puts and updates while counting', async () => {
    const counter = installDynamoCounter();
    try {
      const doc = DynamoDBDocumentClient.from(ts.client);
      const TableName = ts.tableName;
      const key = { pk: 'BENCH#1', sk: 'A' };
      await doc.send(new GetCommand({ TableName, Key: key })); // before counting: not counted
      counter.counting = true;
      await doc.send(new PutCommand({ TableName, Item: { ...key, gsi2pk: 'S', gsi2sk: '1', n: 1 } }));
      await doc.send(new PutCommand({ TableName, Item: { pk: 'BENCH#2', sk: 'A' } }));
      await doc.send(
        new UpdateCommand({
          TableName,
          Key: key,
          UpdateExpression: 'SET gsi3pk = :p, gsi3sk = :s',
          ExpressionAttributeValues: { ':p': 'P', ':s': '1' },
        }),
      );
      await doc.send(new GetCommand({ TableName, Key: key }));
      await doc.send(new DeleteCommand({ TableName, Key: { pk: 'BENCH#2', sk: 'A' } }));
      counter.counting = false;
      await counter.settleIndexWrites();

      expect(counter.counts.reads).toBe(1);
      expect(counter.counts.writes).toBe(4);
      expect(counter.counts.byCommand).toEqual({
        PutItemCommand: 2,
        UpdateItemCommand: 1,
        GetItemCommand: 1,
        DeleteItemCommand: 1,
      });
      // The put's item is in gsi2; after the update it is in gsi2 and gsi3, so the update writes both.
      expect(counter.counts.indexWrites).toEqual({ gsi2: 2, gsi3: 1 });
      expect(counter.counts.deletes).toBe(1);
    } finally {
      counter.uninstall();
    }
  });

  it('adds its middleware to no client once uninstalled', async () => {
    const counter = installDynamoCounter();
    counter.uninstall();
    counter.counting = true;
    const other = await createTestStore();
    try {
      await DynamoDBDocumentClient.from(other.client).send(
        new GetCommand({ TableName: other.tableName, Key: { pk: 'X', sk: 'Y' } }),
      );
    } finally {
      await other.stop();
    }
    expect(counter.counts.reads).toBe(0);
  });
});
