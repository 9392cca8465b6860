// Thin helpers over the DocumentClient shared by every repository: keys in and out of items,
// conditional puts that report a lost race instead of throwing, and paged queries with opaque cursors.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Page, PageRequest } from '../../domain/ports.js';
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

export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  constructor() {
    super('cursor is not one this API returned');
  }
}

function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new InvalidCursorError();
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
  const startKey = decodeCursor(page.cursor);
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
