// Counts DynamoDB requests for benchmarks: a middleware on each DynamoDB client that sends while the
// counter is installed (the local stack builds its client inside, so the middleware is added to it on
// its first send; at the build step, where a DocumentClient command is already marshalled), reads and
// writes by command, and for writes the GSIs each one touches.
import { type DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { Client } from '@smithy/core/client';
import { INDEXES } from '../../functions/adapters/dynamo/table.js';

const READS = new Set([
  'GetItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'TransactGetItemsCommand',
]);
const WRITES = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);

type Attrs = Record<string, unknown>;
interface Input {
  readonly TableName?: string;
  readonly Item?: Attrs;
  readonly Key?: Attrs;
}

export interface DynamoCounts {
  reads: number;
  writes: number;
  readonly byCommand: Record<string, number>;
  /** Writes each GSI takes: puts by the item's own attributes, updates by the item as it stands afterwards. */
  readonly indexWrites: Record<string, number>;
  /** Deletes of items in an index cannot be attributed without reading first; counted apart. */
  deletes: number;
}

export interface DynamoCounter {
  /** Counting on or off; the middleware stays installed. */
  counting: boolean;
  readonly counts: DynamoCounts;
  reset(): void;
  /**
   * Adds the index writes of the updates counted so far: each updated item is read once, after the run and
   * uncounted, and an item in an index (every GSI projects all attributes) costs that index a write.
   */
  settleIndexWrites(): Promise<void>;
  uninstall(): void;
}

const inIndexes = (item: Attrs | undefined) =>
  Object.entries(INDEXES)
    .filter(([, ix]) => item && ix.pk in item && ix.sk in item)
    .map(([name]) => name);

/** The partition and sort key of a request, as text (a Query's key condition values). */
function traceKey(input: Input & { ExpressionAttributeValues?: Attrs }): string {
  const key = input.Key ?? input.Item;
  const pick = (a: Attrs | undefined) =>
    a ? Object.values(a).map((v) => (v as { S?: string }).S ?? JSON.stringify(v)) : [];
  if (key) return `${pick({ pk: key.pk, sk: key.sk }).join(' ')}`;
  return pick(input.ExpressionAttributeValues).join(' ');
}

export function installDynamoCounter(): DynamoCounter {
  const fresh = (): DynamoCounts => ({ reads: 0, writes: 0, byCommand: {}, indexWrites: {}, deletes: 0 });
  const counter = { counting: false, counts: fresh() } as DynamoCounter & { counts: DynamoCounts };
  const instrumented = new WeakSet<object>();
  // Updated items by table and key, with how many updates each took while counting.
  let updated = new Map<string, { client: DynamoDBClient; table: string; key: Attrs; times: number }>();

  const addIndexWrites = (names: readonly string[], times = 1) => {
    for (const name of names)
      counter.counts.indexWrites[name] = (counter.counts.indexWrites[name] ?? 0) + times;
  };

  const middleware =
    (client: DynamoDBClient) =>
    // biome-ignore lint/suspicious/noExplicitAny: smithy's handler types are generic over every command
    (next: any, context: { commandName?: string }) =>
    async (args: { input: Input }) => {
      const result = await next(args);
      const name = context.commandName ?? 'unknown';
      if (!counter.counting) return result;
      const c = counter.counts;
      c.byCommand[name] = (c.byCommand[name] ?? 0) + 1;
      if (READS.has(name)) c.reads++;
      if (WRITES.has(name)) c.writes++;
      const input = args.input;
      // DYNAMO_TRACE=1 prints each counted request's command and key (and a put's indexes), to see where a
      // figure comes from.
      if (process.env.DYNAMO_TRACE)
        console.log(
          'dynamo',
          name,
          traceKey(input),
          name === 'PutItemCommand' ? inIndexes(input.Item).join(',') : '',
        );
      if (name === 'PutItemCommand') addIndexWrites(inIndexes(input.Item));
      if (name === 'DeleteItemCommand') c.deletes++;
      if (name === 'UpdateItemCommand' && input.Key && input.TableName) {
        const id = `${input.TableName}|${JSON.stringify(input.Key)}`;
        const seen = updated.get(id);
        if (seen) seen.times++;
        else updated.set(id, { client, table: input.TableName, key: input.Key, times: 1 });
      }
      return result;
    };

  const send = Client.prototype.send;
  Client.prototype.send = function (this: Client<never, never, never, never>, ...args: unknown[]) {
    const self = this as unknown as DynamoDBClient;
    if (self.config?.serviceId === 'DynamoDB' && !instrumented.has(self.middlewareStack)) {
      instrumented.add(self.middlewareStack);
      self.middlewareStack.add(middleware(self) as never, { step: 'build', name: 'benchDynamoCounter' });
    }
    return (send as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof send;

  counter.reset = () => {
    counter.counts = fresh();
    updated = new Map();
  };
  counter.settleIndexWrites = async () => {
    const was = counter.counting;
    counter.counting = false;
    for (const { client, table, key, times } of updated.values()) {
      const { Item } = await client.send(new GetItemCommand({ TableName: table, Key: key as never }));
      addIndexWrites(inIndexes(Item), times);
    }
    updated = new Map();
    counter.counting = was;
  };
  counter.uninstall = () => {
    Client.prototype.send = send;
  };
  return counter;
}
