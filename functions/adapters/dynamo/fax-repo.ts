// Inbound faxes keyed by the provider's fax id (a re-delivered webhook finds what it stored), listed on
// the customer they were attached to (gsi1).
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { FaxRecord, FaxRepo } from '../../domain/channel-ports.js';
import * as keys from './keys.js';
import { fromItem, getItem, type Item, putIf, queryAll, type TableAccess } from './table-access.js';
import { compact } from './versioned.js';

function toItem(f: FaxRecord): Item {
  return compact({
    ...f,
    pk: keys.fax(f.id),
    sk: keys.ITEM_SK,
    entity: 'fax',
    gsi1pk: f.customerId ? keys.customerItems(f.customerId) : undefined,
    gsi1sk: f.customerId ? keys.listed('fax', keys.byTime(f.receivedAt, f.id)) : undefined,
  });
}

export function createFaxRepo(t: TableAccess): FaxRepo {
  const get = async (id: string) => {
    const item = await getItem(t, keys.fax(id));
    return item ? fromItem<FaxRecord>(item) : undefined;
  };
  return {
    get,
    async save(fax) {
      if (await putIf(t, toItem(fax), 'attribute_not_exists(pk)')) return { created: true, fax };
      const existing = await get(fax.id);
      if (!existing) throw new Error(`fax ${fax.id} exists but cannot be read`);
      return { created: false, fax: existing };
    },
    async update(id, patch) {
      const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
      if (!entries.length) return;
      await t.doc.send(
        new UpdateCommand({
          TableName: t.tableName,
          Key: { pk: keys.fax(id), sk: keys.ITEM_SK },
          UpdateExpression: `SET ${entries.map((_, i) => `#k${i} = :v${i}`).join(', ')}`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: Object.fromEntries(entries.map(([k], i) => [`#k${i}`, k])),
          ExpressionAttributeValues: Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
        }),
      );
    },
    byCustomer: async (customerId) =>
      (
        await queryAll(t, {
          index: 'gsi1',
          pk: keys.customerItems(customerId),
          skPrefix: keys.listedPrefix('fax'),
        })
      ).map((i) => fromItem<FaxRecord>(i)),
  };
}
