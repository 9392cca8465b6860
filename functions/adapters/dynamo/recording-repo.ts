// Recording metadata, keyed by RecordingSid, with the lookups search needs: customer (gsi1), day (gsi2) and
// agent (gsi3) on the item, and index entries for caller number, ticket and queue (small items pointing
// at the recording). Index entries are written first, so a crash leaves at most a pointer to nothing,
// which search skips; the item itself is a conditional put, so a replay stores nothing twice.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RecordingRepo } from '../../domain/channel-ports.js';
import type { Clock, Page, PageRequest } from '../../domain/ports.js';
import { BadCursorError } from '../../domain/problems.js';
import type { RecordingQuery, StoredRecording } from '../../domain/recording.js';
import * as keys from './keys.js';
import {
  DEFAULT_PAGE,
  decodeCursorJson,
  encodeCursorJson,
  fromItem,
  getItem,
  type Item,
  MAX_PAGE,
  putIf,
  type QuerySpec,
  queryPage,
  type TableAccess,
} from './table-access.js';
import { compact } from './versioned.js';

/** Search over days without another key is bounded: at most this many day partitions per request. */
export const MAX_DAYS_SCANNED = 93;

function toItem(r: StoredRecording): Item {
  const sortKey = keys.byTime(r.startedAt, r.sid);
  return compact({
    ...r,
    pk: keys.recording(r.sid),
    sk: keys.ITEM_SK,
    entity: 'recording',
    gsi1pk: r.customerId ? keys.customerItems(r.customerId) : undefined,
    gsi1sk: r.customerId ? keys.listed('recording', sortKey) : undefined,
    gsi2pk: keys.recordingDay(keys.dayOf(r.startedAt)),
    gsi2sk: sortKey,
    gsi3pk: r.agentId ? keys.agent(r.agentId) : undefined,
    gsi3sk: r.agentId ? keys.listed('recording', sortKey) : undefined,
  });
}

function indexEntries(r: StoredRecording): Item[] {
  const partitions = [
    r.caller ? keys.recordingIndex('caller', r.caller) : undefined,
    r.queue ? keys.recordingIndex('queue', r.queue) : undefined,
    ...r.ticketNumbers.map((n) => keys.recordingIndex('ticket', n)),
  ].filter((k): k is string => k !== undefined);
  const sk = keys.byTime(r.startedAt, r.sid);
  return partitions.map((pk) => ({ pk, sk, entity: 'recording-index', sid: r.sid }));
}

function matches(r: StoredRecording, q: RecordingQuery): boolean {
  if (q.from && r.startedAt < q.from) return false;
  if (q.to && r.startedAt > q.to) return false;
  if (q.agentId && r.agentId !== q.agentId) return false;
  if (q.caller && r.caller !== q.caller) return false;
  if (q.customerId && r.customerId !== q.customerId) return false;
  if (q.ticket && !r.ticketNumbers.includes(q.ticket)) return false;
  if (q.queue && r.queue !== q.queue) return false;
  return true;
}

/** The most selective single key for the query; the other criteria filter its results. */
function primarySpec(q: RecordingQuery): { spec: QuerySpec; pointers: boolean } | undefined {
  const [from, to] = [q.from ?? '', q.to ?? '9999'];
  const range = keys.timeSpan(from, to);
  const listed = keys.timeSpan(from, to, 'recording');
  const pointer = (field: keys.RecordingIndexField, value: string) => ({
    spec: { pk: keys.recordingIndex(field, value), skBetween: range },
    pointers: true,
  });
  if (q.ticket) return pointer('ticket', q.ticket);
  if (q.customerId)
    return {
      spec: { index: 'gsi1', pk: keys.customerItems(q.customerId), skBetween: listed },
      pointers: false,
    };
  if (q.caller) return pointer('caller', q.caller);
  if (q.agentId)
    return { spec: { index: 'gsi3', pk: keys.agent(q.agentId), skBetween: listed }, pointers: false };
  if (q.queue) return pointer('queue', q.queue);
  return undefined;
}

function days(fromIso: string, toIso: string): string[] {
  const out: string[] = [];
  const first = Date.parse(`${keys.dayOf(fromIso)}T00:00:00Z`);
  for (let d = Date.parse(`${keys.dayOf(toIso)}T00:00:00Z`); d >= first; d -= 86_400_000) {
    out.push(keys.dayOf(new Date(d).toISOString()));
    if (out.length > MAX_DAYS_SCANNED) break;
  }
  return out;
}

interface DayCursor {
  readonly day: string;
  readonly inner?: string;
}

/** A day cursor this repository wrote, or a refusal; the inner cursor is checked by queryPage. */
function dayCursor(cursor: string): DayCursor {
  const c = decodeCursorJson(cursor) as Partial<DayCursor> | null;
  const ok =
    !!c &&
    typeof c === 'object' &&
    typeof c.day === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(c.day) &&
    (c.inner === undefined || typeof c.inner === 'string');
  if (!ok) throw new BadCursorError();
  return c as DayCursor;
}

export function createRecordingRepo(t: TableAccess, clock: Clock): RecordingRepo {
  async function get(sid: string): Promise<StoredRecording | undefined> {
    const item = await getItem(t, keys.recording(sid));
    return item ? fromItem<StoredRecording>(item) : undefined;
  }

  async function resolve(items: readonly Item[], q: RecordingQuery, pointers: boolean) {
    const recs = pointers
      ? await Promise.all(items.map((i) => get(String(i.sid))))
      : items.map((i) => fromItem<StoredRecording>(i));
    return recs.filter((r): r is StoredRecording => r !== undefined && matches(r, q));
  }

  async function searchDays(q: RecordingQuery, page: PageRequest): Promise<Page<StoredRecording>> {
    const now = new Date(clock.now()).toISOString();
    const to = q.to ?? now;
    const from = q.from ?? new Date(Date.parse(to) - 30 * 86_400_000).toISOString();
    const limit = Math.min(page.limit ?? DEFAULT_PAGE, MAX_PAGE);
    let cursor: DayCursor | undefined = page.cursor ? dayCursor(page.cursor) : undefined;
    const out: StoredRecording[] = [];
    for (const day of days(from, to)) {
      if (cursor && day > cursor.day) continue;
      let inner = cursor?.day === day ? cursor.inner : undefined;
      cursor = undefined;
      do {
        const res = await queryPage(
          t,
          {
            index: 'gsi2',
            pk: keys.recordingDay(day),
            skBetween: keys.timeSpan(from, to),
            newestFirst: true,
          },
          { limit: limit - out.length, ...(inner ? { cursor: inner } : {}) },
        );
        out.push(...(await resolve(res.items, q, false)));
        inner = res.cursor;
        if (out.length >= limit) {
          const next: DayCursor = inner ? { day, inner } : { day: prevDay(day) };
          return { items: out, cursor: encodeCursorJson(next) };
        }
      } while (inner);
    }
    return { items: out };
  }

  return {
    get,

    async save(input) {
      const now = new Date(clock.now()).toISOString();
      const recording: StoredRecording = compact({ ...input, createdAt: now, updatedAt: now, version: 1 });
      for (const entry of indexEntries(recording)) await putIf(t, entry, 'attribute_not_exists(pk)');
      if (await putIf(t, toItem(recording), 'attribute_not_exists(pk)')) return { created: true, recording };
      const existing = await get(input.sid);
      if (!existing) throw new Error(`recording ${input.sid} exists but cannot be read`);
      return { created: false, recording: existing };
    },

    // One conditional update: the copy worker marks every recording it finishes, and a read first
    // would be a second request per recording.
    async markTwilioDeleted(sid, at) {
      try {
        const out = await t.doc.send(
          new UpdateCommand({
            TableName: t.tableName,
            Key: { pk: keys.recording(sid), sk: keys.ITEM_SK },
            UpdateExpression: 'SET #d = :at, #u = :now ADD #v :one',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#d)',
            ExpressionAttributeNames: { '#d': 'twilioDeletedAt', '#u': 'updatedAt', '#v': 'version' },
            ExpressionAttributeValues: { ':at': at, ':now': new Date(clock.now()).toISOString(), ':one': 1 },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return fromItem<StoredRecording>(out.Attributes ?? {});
      } catch (err) {
        if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
      }
      // Not there, or marked already: as it stands.
      return get(sid);
    },

    async search(q, page = {}) {
      const primary = primarySpec(q);
      if (!primary) return searchDays(q, page);
      const res = await queryPage(t, { ...primary.spec, newestFirst: true }, page);
      return {
        items: await resolve(res.items, q, primary.pointers),
        ...(res.cursor ? { cursor: res.cursor } : {}),
      };
    },
  };
}

function prevDay(day: string): string {
  return keys.dayOf(new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString());
}
