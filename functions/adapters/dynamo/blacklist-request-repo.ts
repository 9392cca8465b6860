// Agents' blacklist requests, one item each (a new request never rewrites another), pending ones in their
// own gsi2 partition so the supervisor's list is a Query; a decision is a put conditional on `pending`.
import type { BlacklistRequest } from '../../domain/model.js';
import type { BlacklistRequestRepo, Clock } from '../../domain/ports.js';
import { timeSortableId } from './ids.js';
import * as keys from './keys.js';
import { fromItem, getItem, type Item, mapPage, putIf, queryPage, type TableAccess } from './table-access.js';
import { compact } from './versioned.js';

function toItem(r: BlacklistRequest): Item {
  const pending = r.status === 'pending';
  return compact({
    ...r,
    pk: keys.blacklistRequest(r.id),
    sk: keys.ITEM_SK,
    entity: 'blacklist-request',
    gsi2pk: keys.blacklistRequests(pending ? 'pending' : 'decided'),
    gsi2sk: keys.byTime(pending ? r.requestedAt : (r.decidedAt ?? r.requestedAt), r.id),
  });
}

const isPending = {
  condition: '#s = :pending',
  values: { ':pending': 'pending' },
  names: { '#s': 'status' },
};

export function createBlacklistRequestRepo(t: TableAccess, clock: Clock): BlacklistRequestRepo {
  const get = async (id: string) => {
    const item = await getItem(t, keys.blacklistRequest(id));
    return item ? fromItem<BlacklistRequest>(item) : undefined;
  };
  return {
    async create(input) {
      // Ids carry 50 random bits per millisecond; a collision is retried rather than overwritten.
      for (let attempt = 0; attempt < 3; attempt++) {
        const request: BlacklistRequest = compact({
          ...input,
          id: timeSortableId(clock.now()),
          requestedAt: new Date(clock.now()).toISOString(),
          status: 'pending' as const,
        });
        if (await putIf(t, toItem(request), 'attribute_not_exists(pk)')) return request;
      }
      throw new Error('blacklist request id collided three times');
    },
    get,
    async pending(page) {
      return mapPage<BlacklistRequest>(
        await queryPage(t, { index: 'gsi2', pk: keys.blacklistRequests('pending') }, page),
      );
    },
    async decided(page) {
      return mapPage<BlacklistRequest>(
        await queryPage(t, { index: 'gsi2', pk: keys.blacklistRequests('decided'), newestFirst: true }, page),
      );
    },
    async decide(id, decision) {
      const current = await get(id);
      if (!current) return { ok: false, reason: 'not-found' };
      if (current.status !== 'pending') return { ok: false, reason: 'already-decided', current };
      const decided: BlacklistRequest = compact({
        ...current,
        ...decision,
        decidedAt: new Date(clock.now()).toISOString(),
      });
      if (await putIf(t, toItem(decided), isPending.condition, isPending.values, isPending.names))
        return { ok: true, value: decided };
      // Someone decided between our read and our write: theirs stands.
      const latest = await get(id);
      return latest
        ? { ok: false, reason: 'already-decided', current: latest }
        : { ok: false, reason: 'not-found' };
    },
    async restore(request) {
      return putIf(t, toItem(compact({ ...request })), 'attribute_not_exists(pk)');
    },
  };
}
