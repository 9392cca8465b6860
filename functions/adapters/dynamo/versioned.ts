// Optimistic locking: read, check the version the caller saw, write with a condition on it.
// No transactions (dynalite has none); the condition makes concurrent writers lose cleanly.
import type { WriteResult } from '../../domain/ports.js';
import { fromItem, getItem, type Item, putIf, type TableAccess } from './table-access.js';

/**
 * Replaces the item at `pk` with `build(current)` if its version is `expectedVersion`.
 * `build` returns the full new item (keys included); the version is bumped here.
 */
export async function versionedReplace<T extends { version: number }>(
  t: TableAccess,
  pk: string,
  expectedVersion: number,
  build: (current: T, currentItem: Item) => Item,
): Promise<WriteResult<T>> {
  const currentItem = await getItem(t, pk);
  if (!currentItem) return { ok: false, reason: 'not-found' };
  const current = fromItem<T>(currentItem);
  if (current.version !== expectedVersion) return { ok: false, reason: 'conflict', current };
  const next = { ...build(current, currentItem), version: expectedVersion + 1 };
  const written = await putIf(t, next, '#v = :v', { ':v': expectedVersion }, { '#v': 'version' });
  if (written) return { ok: true, value: fromItem<T>(next) };
  const latest = await getItem(t, pk);
  if (!latest) return { ok: false, reason: 'not-found' };
  return { ok: false, reason: 'conflict', current: fromItem<T>(latest) };
}

/** Drops keys whose value is undefined, so optional attributes are absent rather than null. */
export function compact<T extends Item>(item: T): T {
  const out: Item = {};
  for (const [k, v] of Object.entries(item)) if (v !== undefined && v !== null) out[k] = v;
  return out as T;
}
