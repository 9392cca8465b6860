// Secondary keys (phone, policy number, VIN, plate, id code) as small pointer items. Without
// transactions a pointer can outlive its target after a crash, so readers verify every pointer
// against the target, and a claim on a unique key may take over a pointer whose target let it go.
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import * as keys from './keys.js';
import { getItem, type Item, putIf, queryAll, type TableAccess } from './table-access.js';

/** Adds a non-unique pointer (several customers may share a phone). Idempotent. */
export async function addPointer(
  t: TableAccess,
  kind: keys.LookupKind,
  value: string,
  targetId: string,
): Promise<void> {
  const item: Item = { pk: keys.lookup(kind, value), sk: targetId, entity: 'lookup', targetId };
  await putIf(t, item, 'attribute_not_exists(pk) OR targetId = :id', { ':id': targetId });
}

export async function removePointer(
  t: TableAccess,
  kind: keys.LookupKind,
  value: string,
  targetId: string,
): Promise<void> {
  await t.doc.send(
    new DeleteCommand({ TableName: t.tableName, Key: { pk: keys.lookup(kind, value), sk: targetId } }),
  );
}

/** Removes a unique pointer if it still names `targetId`. */
export async function releaseUnique(
  t: TableAccess,
  kind: keys.LookupKind,
  value: string,
  targetId: string,
): Promise<void> {
  await t.doc
    .send(
      new DeleteCommand({
        TableName: t.tableName,
        Key: { pk: keys.lookup(kind, value), sk: keys.ITEM_SK },
        ConditionExpression: 'attribute_not_exists(pk) OR targetId = :id',
        ExpressionAttributeValues: { ':id': targetId },
      }),
    )
    .catch((err: Error) => {
      if (err.name !== 'ConditionalCheckFailedException') throw err;
    });
}

/**
 * Claims a unique key for `targetId`. Returns false if another live target holds it.
 * `stillHolds(otherId)` says whether the current holder really has the key (stale pointers lose).
 */
export async function claimUnique(
  t: TableAccess,
  kind: keys.LookupKind,
  value: string,
  targetId: string,
  stillHolds: (holderId: string) => Promise<boolean>,
): Promise<boolean> {
  const pk = keys.lookup(kind, value);
  const item: Item = { pk, sk: keys.ITEM_SK, entity: 'lookup', targetId };
  if (await putIf(t, item, 'attribute_not_exists(pk) OR targetId = :id', { ':id': targetId })) return true;
  const existing = await getItem(t, pk);
  const holder = existing?.targetId;
  if (typeof holder !== 'string') return putIf(t, item, 'attribute_not_exists(pk)');
  if (await stillHolds(holder)) return false;
  return putIf(t, item, 'targetId = :old', { ':old': holder });
}

export async function resolveUnique(
  t: TableAccess,
  kind: keys.LookupKind,
  value: string,
): Promise<string | undefined> {
  const item = await getItem(t, keys.lookup(kind, value));
  return typeof item?.targetId === 'string' ? item.targetId : undefined;
}

export async function resolvePointers(
  t: TableAccess,
  kind: keys.LookupKind,
  value: string,
): Promise<string[]> {
  const items = await queryAll(t, { pk: keys.lookup(kind, value) });
  return items.map((i) => i.targetId).filter((id): id is string => typeof id === 'string');
}
