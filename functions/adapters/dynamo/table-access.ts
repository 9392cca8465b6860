// Thin helpers over the DocumentClient shared by every repository: keys in and out of items,
// conditional puts that report a lost race instead of throwing, and paged queries with opaque cursors
// that are checked against their query before they reach DynamoDB.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Page, PageRequest } from '../../domain/ports.js';
import { BadCursorError } from '../../domain/problems.js';
import { ITEM_SK } from './keys.js';
import { INDEXES, type IndexName, KEY, TTL_ATTRIBUTE } from './table.js';

export type Item = Record<string, unknown>;

const KEY_ATTRIBUTES = new Set<string>([
  KEY.pk,
  KEY.sk,
  TTL_ATTRIBUTE,
  'entity',
  ...Object.values(INDEXES).flatMap((ix) => [ix.pk, ix.sk]),
]);

/** The entity stored in an item, without its key and index attributes. */
export function fromItem<T>(item: Item): T {
  const out: Item = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRIBUTES.has(k)) out[k] = v;
  return out as T;
}

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;

/** The JSON inside a cursor this adapter wrote; anything that is not base64url JSON is refused. */
export function decodeCursorJson(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadCursorError();
  }
}

export function encodeCursorJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? encodeCursorJson(key) : undefined;
}

// DynamoDB's limits on key values (bytes; a character is at least one).
const MAX_PARTITION_KEY = 2048;
const MAX_SORT_KEY = 1024;

/**
 * The ExclusiveStartKey a cursor stands for, checked against the query it resumes: exactly the key
 * attributes a page of this query ends on, all strings within DynamoDB's limits, in the queried partition
 * and inside the sort-key condition. DynamoDB rejects anything else with a ValidationException, which
 * would surface as a server fault; a cursor is client input, so it is refused as one.
 */
function decodeCursor(cursor: string | undefined, spec: QuerySpec): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const parsed = decodeCursorJson(cursor);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new BadCursorError();
  const key = parsed as Record<string, unknown>;
  const names = spec.index ? INDEXES[spec.index] : KEY;
  const expected = new Set<string>([KEY.pk, KEY.sk, names.pk, names.sk]);
  const attributes = Object.keys(key);
  if (attributes.length !== expected.size || !attributes.every((a) => expected.has(a)))
    throw new BadCursorError();
  for (const a of attributes) {
    const value = key[a];
    const max = a === KEY.pk || a === names.pk ? MAX_PARTITION_KEY : MAX_SORT_KEY;
    if (typeof value !== 'string' || value.length === 0 || value.length > max) throw new BadCursorError();
  }
  const sk = key[names.sk] as string;
  const inRange =
    key[names.pk] === spec.pk &&
    (spec.skPrefix === undefined || sk.startsWith(spec.skPrefix)) &&
    (!spec.skBetween || (sk >= spec.skBetween[0] && sk <= spec.skBetween[1]));
  if (!inRange) throw new BadCursorError();
  return key as Record<string, string>;
}

export interface TableAccess {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
}

export async function getItem(t: TableAccess, pk: string, sk = ITEM_SK): Promise<Item | undefined> {
  const out = await t.doc.send(
    new GetCommand({ TableName: t.tableName, Key: { pk, sk }, ConsistentRead: true }),
  );
  return out.Item;
}

/** Items by partition key (sort key ITEM_SK) in one request, consistent; missing ones are left out. */
export async function getItems(t: TableAccess, pks: readonly string[]): Promise<Item[]> {
  const found: Item[] = [];
  let keys: Record<string, unknown>[] = pks.map((pk) => ({ pk, sk: ITEM_SK }));
  // DynamoDB may leave keys unprocessed under load: they are asked for again (at most 100 per request).
  for (let attempt = 0; keys.length > 0 && attempt < 10; attempt++) {
    const out = await t.doc.send(
      new BatchGetCommand({
        RequestItems: { [t.tableName]: { Keys: keys.slice(0, 100), ConsistentRead: true } },
      }),
    );
    found.push(...(out.Responses?.[t.tableName] ?? []));
    keys = [...(out.UnprocessedKeys?.[t.tableName]?.Keys ?? []), ...keys.slice(100)];
  }
  if (keys.length > 0) throw new Error(`${keys.length} items left unread after retries`);
  return found;
}

/**
 * Puts `item` if `condition` holds. Returns false when the condition failed (a lost race or a
 * duplicate), which callers turn into a domain outcome; every other error propagates.
 */
export async function putIf(
  t: TableAccess,
  item: Item,
  condition: string,
  values?: Record<string, unknown>,
  names?: Record<string, string>,
): Promise<boolean> {
  try {
    await t.doc.send(
      new PutCommand({
        TableName: t.tableName,
        Item: item,
        ConditionExpression: condition,
        ...(values ? { ExpressionAttributeValues: values } : {}),
        ...(names ? { ExpressionAttributeNames: names } : {}),
      }),
    );
    return true;
  } catch (err) {
    if (
      err instanceof ConditionalCheckFailedException ||
      (err as Error).name === 'ConditionalCheckFailedException'
    ) {
      return false;
    }
    throw err;
  }
}

export interface QuerySpec {
  readonly index?: IndexName;
  readonly pk: string;
  /** Sort key prefix (begins_with), or a range. */
  readonly skPrefix?: string;
  readonly skBetween?: readonly [string, string];
  readonly newestFirst?: boolean;
}

export async function queryPage(
  t: TableAccess,
  spec: QuerySpec,
  page: PageRequest = {},
): Promise<Page<Item>> {
  const names = spec.index ? INDEXES[spec.index] : KEY;
  const values: Record<string, unknown> = { ':pk': spec.pk };
  let condition = '#pk = :pk';
  if (spec.skPrefix !== undefined) {
    condition += ' AND begins_with(#sk, :skp)';
    values[':skp'] = spec.skPrefix;
  } else if (spec.skBetween) {
    condition += ' AND #sk BETWEEN :a AND :b';
    values[':a'] = spec.skBetween[0];
    values[':b'] = spec.skBetween[1];
  }
  const limit = Math.min(Math.max(page.limit ?? DEFAULT_PAGE, 1), MAX_PAGE);
  const startKey = decodeCursor(page.cursor, spec);
  const input: QueryCommandInput = {
    TableName: t.tableName,
    ...(spec.index ? { IndexName: spec.index } : {}),
    KeyConditionExpression: condition,
    ExpressionAttributeNames: condition.includes('#sk')
      ? { '#pk': names.pk, '#sk': names.sk }
      : { '#pk': names.pk },
    ExpressionAttributeValues: values,
    ScanIndexForward: !spec.newestFirst,
    Limit: limit,
    ...(startKey ? { ExclusiveStartKey: startKey } : {}),
  };
  const out = await t.doc.send(new QueryCommand(input));
  const cursor = encodeCursor(out.LastEvaluatedKey);
  return { items: out.Items ?? [], ...(cursor ? { cursor } : {}) };
}

/** Every item of a query, following pages; for bounded sets (one customer's assets). */
export async function queryAll(t: TableAccess, spec: QuerySpec): Promise<Item[]> {
  const all: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage(t, spec, { limit: MAX_PAGE, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
}

export function mapPage<T>(page: Page<Item>): Page<T> {
  return { items: page.items.map((i) => fromItem<T>(i)), ...(page.cursor ? { cursor: page.cursor } : {}) };
}
