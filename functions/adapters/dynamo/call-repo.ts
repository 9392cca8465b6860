// Call records keyed by Twilio's CallSid, so a replayed webhook finds the record it already wrote.
// Listed by customer, by day (reports) and by agent. Calls without an end also have a marker in the open
// set, written before the record and removed after its end is written, so a crash between the two leaves
// a marker to a call that is not open (skipped and removed on reading), never an open call without one.
// Updates are single UpdateItem expressions: every webhook of a call writes to its record, and a read
// before each write would double the work of the busiest item in the table.
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CallRecord } from '../../domain/model.js';
import type { CallRepo, Clock, NewCallRecord, Page, WriteResult } from '../../domain/ports.js';
import * as keys from './keys.js';
import { fromItem, getItem, type Item, putIf, queryPage, type TableAccess } from './table-access.js';
import { compact } from './versioned.js';

/**
 * The sort key the customer and agent indexes list a call under, kept on the item so an update that names
 * the agent (or the customer) can set that index's key from it without reading the record first.
 */
const LISTED_SK = 'listedSk';

function toItem(c: CallRecord): Item {
  const sortKey = keys.byTime(c.startedAt, c.callSid);
  return compact({
    ...c,
    pk: keys.call(c.callSid),
    sk: keys.ITEM_SK,
    entity: 'call',
    [LISTED_SK]: keys.listed('call', sortKey),
    gsi1pk: c.customerId ? keys.customerItems(c.customerId) : undefined,
    gsi1sk: c.customerId ? keys.listed('call', sortKey) : undefined,
    gsi2pk: keys.callDay(keys.dayOf(c.startedAt)),
    gsi2sk: sortKey,
    gsi3pk: c.agentId ? keys.agent(c.agentId) : undefined,
    gsi3sk: c.agentId ? keys.listed('call', sortKey) : undefined,
  });
}

const MAX_RETRIES = 5;

const openMarkerKey = (c: Pick<CallRecord, 'startedAt' | 'callSid'>) => ({
  pk: keys.OPEN_CALLS,
  sk: keys.byTime(c.startedAt, c.callSid),
});

function recordOf(item: Item): CallRecord {
  const { [LISTED_SK]: _listed, ...record } = fromItem<CallRecord & { [LISTED_SK]?: string }>(item);
  return record;
}

const callPage = (page: Page<Item>): Page<CallRecord> => ({
  items: page.items.map(recordOf),
  ...(page.cursor ? { cursor: page.cursor } : {}),
});

type CallPatch = Parameters<CallRepo['update']>[1];

/**
 * The patch as one update expression: fields given a value are set, fields given `undefined` removed
 * (as a merge would drop them), list additions appended unless already there, the version counted up.
 * Naming the agent or the customer sets that index's keys from the stored sort key, so the condition
 * asks for it; a record without it (written before it was kept) takes the read-modify-write path.
 */
function updateExpression(patch: CallPatch, now: string) {
  const { addTicketNumber, addRecordingSid, ...fields } = patch;
  const names: Record<string, string> = { '#v': 'version', '#u': 'updatedAt' };
  const values: Record<string, unknown> = { ':one': 1, ':now': now };
  const set = ['#u = :now'];
  const remove: string[] = [];
  const conditions = ['attribute_exists(pk)'];
  let i = 0;
  const name = (attr: string) => {
    const n = `#f${i++}`;
    names[n] = attr;
    return n;
  };
  const indexKeys = (given: string | undefined, pkAttr: string, skAttr: string, pkValue: string) => {
    const [pkName, skName] = [name(pkAttr), name(skAttr)];
    if (given === undefined) {
      remove.push(pkName, skName);
      return;
    }
    values[`:${pkAttr}`] = pkValue;
    names['#listed'] = LISTED_SK;
    set.push(`${pkName} = :${pkAttr}`, `${skName} = #listed`);
    if (!conditions.includes('attribute_exists(#listed)')) conditions.push('attribute_exists(#listed)');
  };
  for (const [field, value] of Object.entries(fields) as [string, string | undefined][]) {
    const n = name(field);
    if (value === undefined) remove.push(n);
    else {
      values[`:${field}`] = value;
      set.push(`${n} = :${field}`);
    }
    if (field === 'agentId') indexKeys(value, 'gsi3pk', 'gsi3sk', keys.agent(value ?? ''));
    if (field === 'customerId') indexKeys(value, 'gsi1pk', 'gsi1sk', keys.customerItems(value ?? ''));
  }
  const append = (attr: string, item: string | undefined) => {
    if (!item) return;
    const n = name(attr);
    values[`:${attr}Item`] = item;
    values[`:${attr}List`] = [item];
    set.push(`${n} = list_append(${n}, :${attr}List)`);
    conditions.push(`NOT contains(${n}, :${attr}Item)`);
  };
  append('ticketNumbers', addTicketNumber);
  append('recordingSids', addRecordingSid);
  return {
    UpdateExpression: `SET ${set.join(', ')} ADD #v :one${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
    ConditionExpression: conditions.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

export function createCallRepo(t: TableAccess, clock: Clock): CallRepo {
  async function get(callSid: string): Promise<CallRecord | undefined> {
    const item = await getItem(t, keys.call(callSid));
    return item ? recordOf(item) : undefined;
  }

  const openMarker = async (c: CallRecord) => {
    await t.doc.send(
      new PutCommand({
        TableName: t.tableName,
        Item: { ...openMarkerKey(c), entity: 'open-call', callSid: c.callSid },
      }),
    );
  };
  const closeMarker = async (c: Pick<CallRecord, 'startedAt' | 'callSid'>) => {
    await t.doc.send(new DeleteCommand({ TableName: t.tableName, Key: openMarkerKey(c) }));
  };

  // Webhooks for one call race each other; they merge rather than conflict, so this retries on a lost
  // race instead of returning 'conflict'.
  async function mergeUpdate(callSid: string, patch: CallPatch): Promise<WriteResult<CallRecord>> {
    const { addTicketNumber, addRecordingSid, ...fields } = patch;
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const current = await get(callSid);
      if (!current) return { ok: false, reason: 'not-found' };
      const add = (list: readonly string[], v: string | undefined) =>
        v && !list.includes(v) ? [...list, v] : list;
      const next: CallRecord = compact({
        ...current,
        ...fields,
        ticketNumbers: add(current.ticketNumbers, addTicketNumber),
        recordingSids: add(current.recordingSids, addRecordingSid),
        updatedAt: new Date(clock.now()).toISOString(),
        version: current.version + 1,
      });
      if (await putIf(t, toItem(next), '#v = :v', { ':v': current.version }, { '#v': 'version' })) {
        if (next.endedAt && !current.endedAt) await closeMarker(current);
        return { ok: true, value: next };
      }
    }
    const latest = await get(callSid);
    return latest ? { ok: false, reason: 'conflict', current: latest } : { ok: false, reason: 'not-found' };
  }

  return {
    get,

    async record(input: NewCallRecord) {
      const now = new Date(clock.now()).toISOString();
      const call: CallRecord = compact({
        ...input,
        ticketNumbers: [],
        recordingSids: [],
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      if (!call.endedAt) await openMarker(call);
      if (await putIf(t, toItem(call), 'attribute_not_exists(pk)')) return { created: true, call };
      const existing = await get(input.callSid);
      if (!existing) throw new Error(`call ${input.callSid} exists but cannot be read`);
      // A replay: the marker just written belongs to the stored record only if it is open and started then.
      if (!call.endedAt && (existing.endedAt || existing.startedAt !== call.startedAt))
        await closeMarker(call);
      return { created: false, call: existing };
    },

    async update(callSid, patch): Promise<WriteResult<CallRecord>> {
      try {
        const out = await t.doc.send(
          new UpdateCommand({
            TableName: t.tableName,
            Key: { pk: keys.call(callSid), sk: keys.ITEM_SK },
            ...updateExpression(patch, new Date(clock.now()).toISOString()),
            ReturnValues: 'ALL_NEW',
          }),
        );
        const next = recordOf(out.Attributes ?? {});
        // A replayed end deletes a marker already gone: harmless, and it saves reading the record first.
        if (patch.endedAt) await closeMarker(next);
        return { ok: true, value: next };
      } catch (err) {
        if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
      }
      // Not there, an addition already made, or a record from before the listed key was kept.
      return mergeUpdate(callSid, patch);
    },

    async progress(callSid, { status, at, answered, final }) {
      try {
        const out = await t.doc.send(
          new UpdateCommand({
            TableName: t.tableName,
            Key: { pk: keys.call(callSid), sk: keys.ITEM_SK },
            UpdateExpression: `SET #s = :s, #u = :now${answered ? ', #a = if_not_exists(#a, :at)' : ''}${
              final ? ', #e = :at' : ''
            } ADD #v :one`,
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#e)',
            ExpressionAttributeNames: {
              '#s': 'status',
              '#u': 'updatedAt',
              '#e': 'endedAt',
              '#v': 'version',
              ...(answered ? { '#a': 'answeredAt' } : {}),
            },
            ExpressionAttributeValues: {
              ':s': status,
              ':now': new Date(clock.now()).toISOString(),
              ':one': 1,
              ...(answered || final ? { ':at': at } : {}),
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        const call = recordOf(out.Attributes ?? {});
        if (final) await closeMarker(call);
        return { outcome: 'updated', call };
      } catch (err) {
        if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
      }
      // Rare: a late callback after the end, or one for a call never recorded.
      const call = await get(callSid);
      return call ? { outcome: 'ended', call } : { outcome: 'not-found' };
    },

    byCustomer: async (customerId, page) =>
      callPage(
        await queryPage(
          t,
          {
            index: 'gsi1',
            pk: keys.customerItems(customerId),
            skPrefix: keys.listedPrefix('call'),
            newestFirst: true,
          },
          page,
        ),
      ),
    async open(page) {
      const markers = await queryPage(t, { pk: keys.OPEN_CALLS }, page);
      const calls: CallRecord[] = [];
      for (const marker of markers.items) {
        const callSid = String(marker.callSid);
        const call = await get(callSid);
        if (call && !call.endedAt && openMarkerKey(call).sk === marker.sk) calls.push(call);
        else
          await t.doc.send(
            new DeleteCommand({ TableName: t.tableName, Key: { pk: marker.pk, sk: marker.sk } }),
          );
      }
      return { items: calls, ...(markers.cursor ? { cursor: markers.cursor } : {}) };
    },

    byDay: async (day, page) => callPage(await queryPage(t, { index: 'gsi2', pk: keys.callDay(day) }, page)),
    byAgent: async (agentId, page) =>
      callPage(
        await queryPage(
          t,
          { index: 'gsi3', pk: keys.agent(agentId), skPrefix: keys.listedPrefix('call'), newestFirst: true },
          page,
        ),
      ),
  };
}
