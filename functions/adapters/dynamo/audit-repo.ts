// Append-only audit log: who did what to whom, by day and by actor, newest first.
import type { AuditEntry } from '../../domain/model.js';
import type { AuditRepo, Clock } from '../../domain/ports.js';
import { timeSortableId } from './ids.js';
import * as keys from './keys.js';
import { type Item, mapPage, putIf, queryPage, type TableAccess } from './table-access.js';
import { compact } from './versioned.js';

export function createAuditRepo(t: TableAccess, clock: Clock): AuditRepo {
  return {
    async append(input): Promise<AuditEntry> {
      const nowMs = clock.now();
      const entry: AuditEntry = compact({
        ...input,
        id: timeSortableId(nowMs),
        at: new Date(nowMs).toISOString(),
      });
      const sortKey = keys.byTime(entry.at, entry.id);
      const item: Item = {
        ...entry,
        pk: keys.auditDay(keys.dayOf(entry.at)),
        sk: sortKey,
        entity: 'audit',
        gsi3pk: keys.actor(entry.actor),
        gsi3sk: sortKey,
      };
      if (!(await putIf(t, item, 'attribute_not_exists(pk)')))
        throw new Error(`audit id collision ${entry.id}`);
      return entry;
    },
    byDay: async (day, page) =>
      mapPage<AuditEntry>(await queryPage(t, { pk: keys.auditDay(day), newestFirst: true }, page)),
    byActor: async (actor, page) =>
      mapPage<AuditEntry>(
        await queryPage(t, { index: 'gsi3', pk: keys.actor(actor), newestFirst: true }, page),
      ),
  };
}
