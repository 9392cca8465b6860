// Storage for tests: an in-memory dynalite by default, or the DynamoDB at DYNAMODB_ENDPOINT (CI runs
// the storage suite again on Amazon's DynamoDB Local). Each call gets its own table.
import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoStore, ensureTable } from '../../functions/adapters/dynamo/store.js';
import { createManualClock, type ManualClock } from '../../functions/domain/manual-clock.js';
import { phoneSearch } from '../../functions/domain/phone.js';
import type { Store } from '../../functions/domain/ports.js';
import { startDynalite } from '../../infra/local/dynalite-server.js';

export interface TestStore {
  readonly store: Store;
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly clock: ManualClock;
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** 2026-03-01T09:00:00Z unless given; tests move it with `clock.advance`. */
export const TEST_EPOCH = Date.parse('2026-03-01T09:00:00Z');

export async function createTestStore(
  options: { startMs?: number; timeZone?: string } = {},
): Promise<TestStore> {
  const external = process.env.DYNAMODB_ENDPOINT;
  const local = external ? undefined : await startDynalite();
  const endpoint = external ?? local?.endpoint ?? '';
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const tableName = `test-${randomUUID().slice(0, 8)}`;
  await ensureTable(client, tableName);
  const clock = createManualClock(options.startMs ?? TEST_EPOCH);
  const store = createDynamoStore({
    client,
    tableName,
    clock,
    searchPhone: phoneSearch('CN'),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  return {
    store,
    client,
    tableName,
    clock,
    endpoint,
    async stop() {
      if (external)
        await client.send(new DeleteTableCommand({ TableName: tableName })).catch(() => undefined);
      client.destroy();
      await local?.stop();
    },
  };
}
