// Customers: the profile item, pointers for every phone and the unique id code, and name search through
// small name-key items (one per word of the name, see domain/name-search.ts), checked against the customer.

import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { normaliseIdCode } from '../../domain/identifiers.js';
import type { Customer } from '../../domain/model.js';
import { nameKeys, searchKey } from '../../domain/name-search.js';
import type {
  AssetRepo,
  Clock,
  CustomerLookup,
  CustomerRepo,
  NewCustomer,
  Page,
  PageRequest,
  PolicyRepo,
  WriteResult,
} from '../../domain/ports.js';
import { timeSortableId } from './ids.js';
import * as keys from './keys.js';
import {
  addPointer,
  claimUnique,
  releaseUnique,
  removePointer,
  resolvePointers,
  resolveUnique,
} from './lookups.js';
import { fromItem, getItem, type Item, mapPage, putIf, queryPage, type TableAccess } from './table-access.js';
import { compact, versionedReplace } from './versioned.js';

function toItem(c: Customer): Item {
  return compact({
    ...c,
    pk: keys.customer(c.id),
    sk: keys.ITEM_SK,
    entity: 'customer',
    gsi2pk: keys.CUSTOMERS,
    gsi2sk: keys.byName(c.name, c.id),
  });
}

export function createCustomerRepo(
  t: TableAccess,
  clock: Clock,
  related: { policies: () => PolicyRepo; assets: () => AssetRepo },
  /** Reads a phone number typed in a search box (national formats too); E.164 only when absent. */
  searchPhone: (text: string) => string | undefined,
): CustomerRepo {
  async function get(id: string): Promise<Customer | undefined> {
    const item = await getItem(t, keys.customer(id));
    return item ? fromItem<Customer>(item) : undefined;
  }

  const holdsIdCode = (code: string) => async (holder: string) => (await get(holder))?.idCode === code;

  const keysOf = (c: Customer | undefined) => (c ? nameKeys(c.name, c.company) : []);

  /** Name-key items: added for the new name before the old ones go, so the customer stays findable. */
  async function syncNameKeys(before: Customer | undefined, after: Customer): Promise<void> {
    const old = keysOf(before);
    const now = keysOf(after);
    for (const key of now.filter((k) => !old.includes(k))) {
      const item = {
        pk: keys.nameIndex(key),
        sk: keys.nameIndexEntry(key, after.id),
        entity: 'name-key',
        targetId: after.id,
      };
      await t.doc.send(new PutCommand({ TableName: t.tableName, Item: item }));
    }
    for (const key of old.filter((k) => !now.includes(k))) {
      await t.doc.send(
        new DeleteCommand({
          TableName: t.tableName,
          Key: { pk: keys.nameIndex(key), sk: keys.nameIndexEntry(key, after.id) },
        }),
      );
    }
  }

  async function syncPointers(before: Customer | undefined, after: Customer): Promise<void> {
    await syncNameKeys(before, after);
    for (const phone of after.phones) await addPointer(t, 'phone', phone, after.id);
    for (const phone of before?.phones ?? []) {
      if (!after.phones.includes(phone)) await removePointer(t, 'phone', phone, after.id);
    }
    if (before?.idCode && before.idCode !== after.idCode)
      await releaseUnique(t, 'idCode', before.idCode, after.id);
  }

  async function findIds(lookup: CustomerLookup): Promise<string[]> {
    switch (lookup.by) {
      case 'phone':
        return resolvePointers(t, 'phone', lookup.value);
      case 'idCode': {
        const id = await resolveUnique(t, 'idCode', normaliseIdCode(lookup.value));
        return id ? [id] : [];
      }
      case 'policy': {
        const policy = await related.policies().get(lookup.value);
        return policy ? [policy.customerId] : [];
      }
      case 'vin': {
        const asset = await related.assets().byVin(lookup.value);
        return asset ? [asset.customerId] : [];
      }
      case 'plate': {
        const asset = await related.assets().byPlate(lookup.value);
        return asset ? [asset.customerId] : [];
      }
    }
  }

  function stillMatches(c: Customer, lookup: CustomerLookup): boolean {
    if (lookup.by === 'phone') return c.phones.includes(lookup.value);
    if (lookup.by === 'idCode') return c.idCode === normaliseIdCode(lookup.value);
    return true; // policy and asset owners are checked by their own repositories
  }

  const repo: CustomerRepo = {
    get,

    async create(input: NewCustomer): Promise<WriteResult<Customer>> {
      const now = new Date(clock.now()).toISOString();
      const id = input.id ?? timeSortableId(clock.now());
      const idCode = input.idCode ? normaliseIdCode(input.idCode) : undefined;
      const customer: Customer = compact({
        ...input,
        id,
        idCode,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      if (idCode && !(await claimUnique(t, 'idCode', idCode, id, holdsIdCode(idCode)))) {
        return { ok: false, reason: 'duplicate', field: 'idCode', value: idCode };
      }
      if (!(await putIf(t, toItem(customer), 'attribute_not_exists(pk)'))) {
        return { ok: false, reason: 'duplicate', field: 'id', value: id };
      }
      await syncPointers(undefined, customer);
      return { ok: true, value: customer };
    },

    async update(id, expectedVersion, patch): Promise<WriteResult<Customer>> {
      const before = await get(id);
      if (!before) return { ok: false, reason: 'not-found' };
      const idCode = patch.idCode !== undefined ? normaliseIdCode(patch.idCode) : before.idCode;
      if (
        idCode &&
        idCode !== before.idCode &&
        !(await claimUnique(t, 'idCode', idCode, id, holdsIdCode(idCode)))
      ) {
        return { ok: false, reason: 'duplicate', field: 'idCode', value: idCode };
      }
      const now = new Date(clock.now()).toISOString();
      const result = await versionedReplace<Customer>(t, keys.customer(id), expectedVersion, (current) =>
        toItem({ ...current, ...patch, idCode, id, updatedAt: now } as Customer),
      );
      if (result.ok) await syncPointers(before, result.value);
      else if (idCode && idCode !== before.idCode) await releaseUnique(t, 'idCode', idCode, id);
      return result;
    },

    async find(lookup: CustomerLookup): Promise<Customer[]> {
      const ids = [...new Set(await findIds(lookup))];
      const found = await Promise.all(ids.map(get));
      return found.filter((c): c is Customer => c !== undefined && stillMatches(c, lookup));
    },

    async search(text: string, page?: PageRequest): Promise<Page<Customer>> {
      const q = text.trim();
      const key = searchKey(q);
      if (!key) return repo.list(page);
      if (!page?.cursor) {
        const keyed = await exactKeyMatches(q);
        if (keyed.length > 0) return { items: keyed };
      }
      const found = await byNameKey(key, page);
      if (found.items.length > 0 || page?.cursor) return found;
      // Customers saved before the name-key items existed are still found by the start of their name.
      return mapPage<Customer>(
        await queryPage(t, { index: 'gsi2', pk: keys.CUSTOMERS, skPrefix: keys.nameKey(q) }, page),
      );
    },

    async list(page?: PageRequest): Promise<Page<Customer>> {
      return mapPage<Customer>(await queryPage(t, { index: 'gsi2', pk: keys.CUSTOMERS }, page));
    },
  };

  /** One Query on the key's partition, then the customers named, each checked to still hold the key. */
  async function byNameKey(key: string, page?: PageRequest): Promise<Page<Customer>> {
    const entries = await queryPage(t, { pk: keys.nameIndex(key), skPrefix: key }, page);
    const ids = [...new Set(entries.items.map((i) => String(i.targetId)))];
    const found = await Promise.all(ids.map(get));
    const items = found.filter(
      (c): c is Customer => c !== undefined && keysOf(c).some((k) => k.startsWith(key)),
    );
    return { items, ...(entries.cursor ? { cursor: entries.cursor } : {}) };
  }

  async function exactKeyMatches(q: string): Promise<Customer[]> {
    const lookups: CustomerLookup[] = [
      { by: 'idCode', value: q },
      { by: 'policy', value: q },
      { by: 'vin', value: q },
      { by: 'plate', value: q },
    ];
    const phone = /^\+?[\d\s()-]{6,}$/.test(q) ? searchPhone(q) : undefined;
    if (phone) lookups.unshift({ by: 'phone', value: phone });
    const results = await Promise.all(lookups.map((l) => repo.find(l)));
    const seen = new Map<string, Customer>();
    for (const c of results.flat()) seen.set(c.id, c);
    return [...seen.values()];
  }

  return repo;
}
