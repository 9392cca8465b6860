// The event history and its rollups in the single table. An event is one item keyed by its id, so the
// conditional put that writes it is also what makes a retried write a no-op; it is listed by interval
// (gsi2) for the rollups and the archive, and by call (gsi1) for the call log. Rollups are one item per
// dimension and interval (or local day), holding every value's measures, so a report over a range reads
// one item per interval or day, whatever the number of agents or queues.
import { gunzipSync, gzipSync } from 'node:zlib';
import { BatchWriteCommand, DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CenterEvent } from '../../domain/history/event.js';
import type { EventLog, Rollup, RollupRepo } from '../../domain/history/ports.js';
import * as keys from './keys.js';
import { fromItem, type Item, putIf, type TableAccess } from './table-access.js';

/** Every item of a query, in DynamoDB's own 1 MB pages (no item limit: rollups are few but large). */
async function queryEvery(
  t: TableAccess,
  input: {
    index?: 'gsi2';
    pk: string;
    between?: readonly [string, string];
  },
): Promise<Item[]> {
  const pkName = input.index ? `${input.index}pk` : 'pk';
  const skName = input.index ? `${input.index}sk` : 'sk';
  const out: Item[] = [];
  // DynamoDB refuses a BETWEEN whose bounds are reversed; a range that holds nothing reads nothing.
  if (input.between && input.between[0] > input.between[1]) return out;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await t.doc.send(
      new QueryCommand({
        TableName: t.tableName,
        ...(input.index ? { IndexName: input.index } : {}),
        KeyConditionExpression: input.between ? '#pk = :pk AND #sk BETWEEN :a AND :b' : '#pk = :pk',
        ExpressionAttributeNames: input.between ? { '#pk': pkName, '#sk': skName } : { '#pk': pkName },
        ExpressionAttributeValues: {
          ':pk': input.pk,
          ...(input.between ? { ':a': input.between[0], ':b': input.between[1] } : {}),
        },
        // The table's own partitions read what was just written (a call's events at its completion).
        ...(input.index ? {} : { ConsistentRead: true }),
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

const intervalOfEvent = (at: string) =>
  new Date(Math.floor(Date.parse(at) / 900_000) * 900_000).toISOString();

export function createEventLog(t: TableAccess): EventLog {
  const events = (items: Item[]) => items.map((i) => fromItem<CenterEvent>(i));
  return {
    async append(list) {
      const written = await Promise.all(
        list.map(async (event) => {
          // A call's events share its partition (read back in one consistent query, no index to write);
          // any other event is an item of its own. Either way the key is made from the id alone.
          const item: Item = {
            ...event,
            ...(event.callSid
              ? { pk: keys.historyCall(event.callSid), sk: keys.historyEventSk(event.id) }
              : { pk: keys.historyEvent(event.id), sk: keys.ITEM_SK }),
            entity: 'event',
            gsi2pk: keys.historyInterval(intervalOfEvent(event.at)),
            gsi2sk: keys.byTime(event.at, event.id),
          };
          return (await putIf(t, item, 'attribute_not_exists(pk)')) ? event : undefined;
        }),
      );
      return written.filter((e): e is CenterEvent => e !== undefined);
    },

    async inInterval(start) {
      return events(await queryEvery(t, { index: 'gsi2', pk: keys.historyInterval(start) }));
    },

    async ofCall(callSid) {
      const items = await queryEvery(t, { pk: keys.historyCall(callSid) });
      return events(items).sort((a, b) => (a.at === b.at ? (a.id < b.id ? -1 : 1) : a.at < b.at ? -1 : 1));
    },

    async dirtyIntervals() {
      return (await queryEvery(t, { pk: keys.historyDirty })).map((i) => String(i.sk));
    },

    async markDirty(starts) {
      const unique = [...new Set(starts)];
      for (let i = 0; i < unique.length; i += 25) {
        await t.doc.send(
          new BatchWriteCommand({
            RequestItems: {
              [t.tableName]: unique.slice(i, i + 25).map((start) => ({
                PutRequest: { Item: { pk: keys.historyDirty, sk: start, entity: 'events-dirty' } },
              })),
            },
          }),
        );
      }
    },

    async clearDirty(starts) {
      await Promise.all(
        starts.map((start) =>
          t.doc.send(
            new DeleteCommand({ TableName: t.tableName, Key: { pk: keys.historyDirty, sk: start } }),
          ),
        ),
      );
    },
  };
}

export function createRollupRepo(t: TableAccess): RollupRepo {
  return {
    async put(rollup) {
      await t.doc.send(
        new PutCommand({
          TableName: t.tableName,
          Item: {
            pk: keys.rollups(rollup.dimension, rollup.granularity),
            sk: rollup.start,
            entity: 'rollup',
            dimension: rollup.dimension,
            granularity: rollup.granularity,
            start: rollup.start,
            // Gzipped JSON, not a DynamoDB map: a day of 150 agents' figures is one small binary to read
            // and parse instead of tens of thousands of typed attributes, and a thousand agents still fit
            // in an item.
            values: gzipSync(JSON.stringify(rollup.values)),
          },
        }),
      );
    },

    async list(dimension, granularity, from, to) {
      const items = await queryEvery(t, {
        pk: keys.rollups(dimension, granularity),
        between: [from, to],
      });
      return items
        .filter((i) => String(i.sk) < to)
        .map((i) => ({
          dimension: i.dimension as Rollup['dimension'],
          granularity: i.granularity as Rollup['granularity'],
          start: String(i.start),
          values: JSON.parse(gunzipSync(i.values as Uint8Array).toString('utf8')) as Rollup['values'],
        }));
    },
  };
}
