// Append-only audit log: who did what to whom, by day and by actor, newest first.
import type { AuditEntry } from '../../domain/model.js';
import type { AuditRepo, Clock } from '../../domain/ports.js';
import { timeSortableId } from './ids.js';
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
      const sortKey = `${entry.at}#${entry.id}`;
      const item: Item = {
        ...entry,
        pk: `AUDIT#${entry.at.slice(0, 10)}`,
        sk: sortKey,
        entity: 'audit',
        gsi3pk: `ACTOR#${entry.actor}`,
        gsi3sk: sortKey,
      };
      if (!(await putIf(t, item, 'attribute_not_exists(pk)')))
        throw new Error(`audit id collision ${entry.id}`);
      return entry;
    },
    byDay: async (day, page) =>
      mapPage<AuditEntry>(await queryPage(t, { pk: `AUDIT#${day}`, newestFirst: true }, page)),
    byActor: async (actor, page) =>
      mapPage<AuditEntry>(
        await queryPage(t, { index: 'gsi3', pk: `ACTOR#${actor}`, newestFirst: true }, page),
      ),
  };
}
