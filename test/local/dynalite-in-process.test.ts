// DynamoDB requests handed to dynalite in process answer as they do over its HTTP socket: items, errors
// the SDK turns into its named exceptions, and dynalite's own check that a request is signed.
import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../functions/adapters/dynamo/store.js';
import { unverifiedSigner } from '../../infra/local/dynalite-in-process.js';
import {
  type DynaliteServer,
  startDynalite,
  startDynaliteThread,
} from '../../infra/local/dynalite-server.js';

const TABLE = 'in-process';
let dynamo: DynaliteServer;
let overHttp: DynamoDBClient;
let inProcess: DynamoDBClient;

const client = (extra: Partial<ConstructorParameters<typeof DynamoDBClient>[0]> = {}) =>
  new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    ...extra,
  });

// The same answers whether dynalite runs here or on a worker thread of its own (the load benchmark's).
describe.each([
  ['in process', startDynalite],
  ['on its own thread', startDynaliteThread],
])('dynalite %s', (_where, start) => {
  beforeAll(async () => {
    dynamo = await start();
    overHttp = client();
    inProcess = client({ requestHandler: dynamo.inProcess, signer: unverifiedSigner });
    await ensureTable(inProcess, TABLE);
  });
  afterAll(async () => {
    overHttp.destroy();
    inProcess.destroy();
    await dynamo.stop();
  });

  it('stores and reads what the HTTP path reads, byte for byte in every attribute', async () => {
    const item = {
      pk: { S: 'caller#1' },
      sk: { S: '张三 & =' },
      n: { N: '42' },
      b: { B: new Uint8Array([0, 255]) },
    };
    await inProcess.send(new PutItemCommand({ TableName: TABLE, Item: item }));
    const key = { pk: item.pk, sk: item.sk };
    const direct = await inProcess.send(new GetItemCommand({ TableName: TABLE, Key: key }));
    const viaHttp = await overHttp.send(new GetItemCommand({ TableName: TABLE, Key: key }));
    expect(direct.Item).toEqual(item);
    expect(direct.Item).toEqual(viaHttp.Item);
    const query = new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': item.pk },
    });
    expect((await inProcess.send(query)).Items).toEqual((await overHttp.send(query)).Items);
  });

  it('turns dynalite error answers into the SDK named exceptions', async () => {
    const put = new PutItemCommand({
      TableName: TABLE,
      Item: { pk: { S: 'caller#1' }, sk: { S: '张三 & =' } },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    await expect(inProcess.send(put)).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    await expect(
      inProcess.send(new GetItemCommand({ TableName: 'missing', Key: { pk: { S: 'x' } } })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 400 } });
  });

  it('still refuses a request that does not look signed', async () => {
    const unsigned = client({
      requestHandler: dynamo.inProcess,
      signer: { sign: async (request) => request },
    });
    await expect(
      unsigned.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: 'x' }, sk: { S: 'y' } } })),
    ).rejects.toMatchObject({ name: 'MissingAuthenticationTokenException' });
    unsigned.destroy();
  });

  it('refuses requests once stopped, as a closed port would, instead of reaching the closed database', async () => {
    const other = await start();
    const late = client({
      endpoint: other.endpoint,
      requestHandler: other.inProcess,
      signer: unverifiedSigner,
    });
    await other.stop();
    await expect(
      late.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: 'x' } } })),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    late.destroy();
  });

  it('lets the writes under way finish before it stops, so none meets a closed database', async () => {
    const other = await start();
    const busy = client({
      endpoint: other.endpoint,
      requestHandler: other.inProcess,
      signer: unverifiedSigner,
    });
    await ensureTable(busy, TABLE);
    const writes = Array.from({ length: 40 }, (_, i) =>
      busy.send(
        new PutItemCommand({
          TableName: TABLE,
          Item: { pk: { S: `w${i}` }, sk: { S: '#' }, n: { N: `${i}` } },
        }),
      ),
    );
    const results = Promise.allSettled(writes);
    // Some writes reach dynalite, some are still in the client when it stops. Without waiting, dynalite
    // throws "Database is closed" from a callback, an uncaught exception that fails this file.
    await new Promise((r) => setImmediate(r));
    await other.stop();
    const outcomes = await results;
    const refused = outcomes.filter((r) => r.status === 'rejected');
    for (const r of refused)
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'ECONNREFUSED' });
    expect(outcomes.length - refused.length).toBeGreaterThan(0);
    busy.destroy();
  });

  it('over its socket too: writes whose clients hung up finish before the database closes', async () => {
    // Items in all three indexes: dynalite writes the item, then each index entry, with no operation
    // under way between them for its own close to wait on.
    const item = (i: number) => {
      const attrs: Record<string, { S: string }> = { pk: { S: `h${i}` }, sk: { S: '#' } };
      for (const n of [1, 2, 3]) {
        attrs[`gsi${n}pk`] = { S: `p${i}` };
        attrs[`gsi${n}sk`] = { S: `s${i}` };
      }
      return attrs;
    };
    // How far the writes have got when the clients hang up varies with the machine: several moments.
    for (const afterMs of [0, 2, 5, 10, 20]) {
      const other = await start();
      const hasty = client({ endpoint: other.endpoint });
      await ensureTable(hasty, TABLE);
      const abort = new AbortController();
      const writes = Array.from({ length: 60 }, (_, i) =>
        hasty.send(new PutItemCommand({ TableName: TABLE, Item: item(i) }), { abortSignal: abort.signal }),
      );
      const results = Promise.allSettled(writes);
      await new Promise((r) => setTimeout(r, afterMs));
      // Every client hangs up, so the HTTP server's close has no connection left to wait for.
      abort.abort();
      await other.stop();
      await results;
      hasty.destroy();
    }
    // Without the wait, dynalite throws "Database is closed" from a callback: an uncaught exception that
    // fails this file, a few milliseconds after the stop.
    await new Promise((r) => setTimeout(r, 50));
  });
});
