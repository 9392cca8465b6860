// Vehicles and devices, listed under their owner; VIN and plate are unique keys.
import { normalisePlate, normaliseVin } from '../../domain/identifiers.js';
import type { Asset } from '../../domain/model.js';
import type { AssetRepo, Clock, NewAsset, WriteResult } from '../../domain/ports.js';
import { timeSortableId } from './ids.js';
import * as keys from './keys.js';
import { claimUnique, releaseUnique, resolveUnique } from './lookups.js';
import { fromItem, getItem, type Item, putIf, queryAll, type TableAccess } from './table-access.js';
import { compact } from './versioned.js';

function toItem(a: Asset): Item {
  return compact({
    ...a,
    pk: keys.asset(a.id),
    sk: keys.ITEM_SK,
    entity: 'asset',
    gsi1pk: keys.customerItems(a.customerId),
    gsi1sk: keys.listed('asset', a.id),
  });
}

export function createAssetRepo(t: TableAccess, clock: Clock): AssetRepo {
  async function get(id: string): Promise<Asset | undefined> {
    const item = await getItem(t, keys.asset(id));
    return item ? fromItem<Asset>(item) : undefined;
  }

  const holds = (field: 'vin' | 'plate', value: string) => async (holder: string) => {
    const a = await get(holder);
    return a?.kind === 'vehicle' && a[field] === value;
  };

  async function byUnique(field: 'vin' | 'plate', value: string): Promise<Asset | undefined> {
    const id = await resolveUnique(t, field, value);
    const asset = id ? await get(id) : undefined;
    return asset?.kind === 'vehicle' && asset[field] === value ? asset : undefined;
  }

  return {
    get,

    async create(input: NewAsset): Promise<WriteResult<Asset>> {
      const now = new Date(clock.now()).toISOString();
      const id = input.id ?? timeSortableId(clock.now());
      const base = { ...input, id, createdAt: now, updatedAt: now, version: 1 };
      const asset: Asset =
        base.kind === 'vehicle'
          ? compact({
              ...base,
              vin: normaliseVin(base.vin),
              plate: base.plate ? normalisePlate(base.plate) : undefined,
            })
          : compact(base);
      const claimed: Array<['vin' | 'plate', string]> = [];
      if (asset.kind === 'vehicle') {
        const uniques: Array<['vin' | 'plate', string | undefined]> = [
          ['vin', asset.vin],
          ['plate', asset.plate],
        ];
        for (const [field, value] of uniques) {
          if (!value) continue;
          if (!(await claimUnique(t, field, value, id, holds(field, value)))) {
            for (const [f, v] of claimed) await releaseUnique(t, f, v, id);
            return { ok: false, reason: 'duplicate', field, value };
          }
          claimed.push([field, value]);
        }
      }
      if (!(await putIf(t, toItem(asset), 'attribute_not_exists(pk)'))) {
        return { ok: false, reason: 'duplicate', field: 'id', value: id };
      }
      return { ok: true, value: asset };
    },

    async byCustomer(customerId: string): Promise<Asset[]> {
      const items = await queryAll(t, {
        index: 'gsi1',
        pk: keys.customerItems(customerId),
        skPrefix: keys.listedPrefix('asset'),
      });
      return items.map((i) => fromItem<Asset>(i));
    },

    byVin: (vin) => byUnique('vin', normaliseVin(vin)),
    byPlate: (plate) => byUnique('plate', normalisePlate(plate)),
  };
}
