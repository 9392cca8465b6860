// Call records keyed by Twilio's CallSid, so a replayed webhook finds the record it already wrote.
// Listed by customer, by day (reports) and by agent.
import type { CallRecord } from '../../domain/model.js';
import type { CallRepo, Clock, NewCallRecord, WriteResult } from '../../domain/ports.js';
import { fromItem, getItem, type Item, mapPage, putIf, queryPage, type TableAccess } from './table-access.js';
import { compact } from './versioned.js';

const pk = (sid: string) => `CALL#${sid}`;

function toItem(c: CallRecord): Item {
  const sortKey = `${c.startedAt}#${c.callSid}`;
  return compact({
    ...c,
    pk: pk(c.callSid),
    sk: '#',
    entity: 'call',
    gsi1pk: c.customerId ? `CUSTOMER#${c.customerId}` : undefined,
    gsi1sk: c.customerId ? `CALL#${sortKey}` : undefined,
    gsi2pk: `CALLDAY#${c.startedAt.slice(0, 10)}`,
    gsi2sk: sortKey,
    gsi3pk: c.agentId ? `AGENT#${c.agentId}` : undefined,
    gsi3sk: c.agentId ? `CALL#${sortKey}` : undefined,
  });
}

const MAX_RETRIES = 5;

export function createCallRepo(t: TableAccess, clock: Clock): CallRepo {
  async function get(callSid: string): Promise<CallRecord | undefined> {
    const item = await getItem(t, pk(callSid));
    return item ? fromItem<CallRecord>(item) : undefined;
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
      if (await putIf(t, toItem(call), 'attribute_not_exists(pk)')) return { created: true, call };
      const existing = await get(input.callSid);
      if (!existing) throw new Error(`call ${input.callSid} exists but cannot be read`);
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
          { index: 'gsi1', pk: `CUSTOMER#${customerId}`, skPrefix: 'CALL#', newestFirst: true },
          page,
        ),
      ),
    byDay: async (day, page) =>
      mapPage<CallRecord>(await queryPage(t, { index: 'gsi2', pk: `CALLDAY#${day}` }, page)),
    byAgent: async (agentId, page) =>
      mapPage<CallRecord>(
        await queryPage(
          t,
          { index: 'gsi3', pk: `AGENT#${agentId}`, skPrefix: 'CALL#', newestFirst: true },
          page,
        ),
      ),
  };
}
