// Warranty policies, keyed by their number and listed under their holder.
import { normalisePolicyNumber } from '../../domain/identifiers.js';
import type { Policy } from '../../domain/model.js';
import type { Clock, NewPolicy, PolicyRepo, WriteResult } from '../../domain/ports.js';
import * as keys from './keys.js';
import { fromItem, getItem, type Item, putIf, queryAll, type TableAccess } from './table-access.js';
import { compact, versionedReplace } from './versioned.js';

function toItem(p: Policy): Item {
  return compact({
    ...p,
    pk: keys.policy(p.number),
    sk: keys.ITEM_SK,
    entity: 'policy',
    gsi1pk: keys.customerItems(p.customerId),
    gsi1sk: keys.listed('policy', p.number),
  });
}

export function createPolicyRepo(t: TableAccess, clock: Clock): PolicyRepo {
  return {
    async create(input: NewPolicy): Promise<WriteResult<Policy>> {
      const now = new Date(clock.now()).toISOString();
      const policy: Policy = compact({
        ...input,
        number: normalisePolicyNumber(input.number),
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      if (!(await putIf(t, toItem(policy), 'attribute_not_exists(pk)'))) {
        return { ok: false, reason: 'duplicate', field: 'number', value: policy.number };
      }
      return { ok: true, value: policy };
    },

    async get(number: string): Promise<Policy | undefined> {
      const item = await getItem(t, keys.policy(normalisePolicyNumber(number)));
      return item ? fromItem<Policy>(item) : undefined;
    },

    async byCustomer(customerId: string): Promise<Policy[]> {
      const items = await queryAll(t, {
        index: 'gsi1',
        pk: keys.customerItems(customerId),
        skPrefix: keys.listedPrefix('policy'),
      });
      return items.map((i) => fromItem<Policy>(i));
    },

    update(number, expectedVersion, patch): Promise<WriteResult<Policy>> {
      const now = new Date(clock.now()).toISOString();
      return versionedReplace<Policy>(
        t,
        keys.policy(normalisePolicyNumber(number)),
        expectedVersion,
        (current) => toItem({ ...current, ...patch, updatedAt: now }),
      );
    },
  };
}
