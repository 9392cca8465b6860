// Call records keyed by Twilio's CallSid, so a replayed webhook finds the record it already wrote.
// Listed by customer, by day (reports) and by agent. Calls without an end also have a marker in the open
// set, written before the record and removed after its end is written, so a crash between the two leaves
// a marker to a call that is not open (skipped and removed on reading), never an open call without one.
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { CallRecord } from '../../domain/model.js';
import type { CallRepo, Clock, NewCallRecord, WriteResult } from '../../domain/ports.js';
import * as keys from './keys.js';
import { fromItem, getItem, type Item, mapPage, putIf, queryPage, type TableAccess } from './table-access.js';
import { compact } from './versioned.js';

function toItem(c: CallRecord): Item {
  const sortKey = keys.byTime(c.startedAt, c.callSid);
  return compact({
    ...c,
    pk: keys.call(c.callSid),
    sk: keys.ITEM_SK,
    entity: 'call',
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

export function createCallRepo(t: TableAccess, clock: Clock): CallRepo {
  async function get(callSid: string): Promise<CallRecord | undefined> {
    const item = await getItem(t, keys.call(callSid));
    return item ? fromItem<CallRecord>(item) : undefined;
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

    // Webhooks for one call (status, recording, agent events) race each other; they merge rather
    // than conflict, so this retries on a lost race instead of returning 'conflict'.
    async update(callSid, patch): Promise<WriteResult<CallRecord>> {
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
    },

    byCustomer: async (customerId, page) =>
      mapPage<CallRecord>(
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

    byDay: async (day, page) =>
      mapPage<CallRecord>(await queryPage(t, { index: 'gsi2', pk: keys.callDay(day) }, page)),
    byAgent: async (agentId, page) =>
      mapPage<CallRecord>(
        await queryPage(
          t,
          { index: 'gsi3', pk: keys.agent(agentId), skPrefix: keys.listedPrefix('call'), newestFirst: true },
          page,
        ),
      ),
  };
}
