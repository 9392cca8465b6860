// Archives one ended 15-minute interval of the event history as a gzipped JSON-lines file, for SQL over
// raw events (DuckDB locally, Athena in AWS). The key is fixed by the interval, so running it again after a
// late event or a retry replaces the same file with the interval's whole, current content.
import { gzipSync } from 'node:zlib';
import { type CenterEvent, INTERVAL_MS } from '../domain/history/event.js';
import type { EventArchive, EventLog } from '../domain/history/ports.js';

export interface HistoryArchiveDeps {
  readonly log: Pick<EventLog, 'inInterval'>;
  readonly archive: EventArchive;
}

export type ArchiveOutcome =
  | { readonly written: true; readonly key: string; readonly events: number; readonly bytes: number }
  /**
   * Nothing to write. The log only ever gains events, so an interval that is empty now never had a file:
   * there is nothing to replace, and leaving it out keeps quiet nights from filling the bucket with
   * empty objects that Athena would still list.
   */
  | { readonly written: false; readonly reason: 'no-events' };

export class IntervalStartError extends Error {
  override readonly name = 'IntervalStartError';
}

/** `events/dt=2026-12-06/20261206T1015Z.jsonl.gz` for the interval starting 2026-12-06T10:15Z. */
export function archiveKey(start: string): string {
  const ms = Date.parse(start);
  if (Number.isNaN(ms) || ms % INTERVAL_MS !== 0)
    throw new IntervalStartError(`'${start}' is not the start of a 15-minute interval (ISO UTC)`);
  const iso = new Date(ms).toISOString(); // 2026-12-06T10:15:00.000Z
  const date = iso.slice(0, 10);
  const stamp = `${date.replaceAll('-', '')}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
  return `events/dt=${date}/${stamp}.jsonl.gz`;
}

/**
 * One line per event, the event as stored. Sorted by time then id, so the same events always make the same
 * bytes whatever order a store returns ties in (gzip's header carries no time, so the file is identical too).
 */
export function eventLines(events: readonly CenterEvent[]): string {
  const sorted = [...events].sort((a, b) =>
    a.at === b.at ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.at < b.at ? -1 : 1,
  );
  return sorted.map((e) => `${JSON.stringify(e)}\n`).join('');
}

export async function archiveInterval(deps: HistoryArchiveDeps, start: string): Promise<ArchiveOutcome> {
  const key = archiveKey(start);
  const events = await deps.log.inInterval(new Date(Date.parse(start)).toISOString());
  if (events.length === 0) return { written: false, reason: 'no-events' };
  const body = gzipSync(eventLines(events));
  await deps.archive.put(key, body);
  return { written: true, key, events: events.length, bytes: body.byteLength };
}

/** The archive step in the shape the minute job takes it: one interval start in, nothing out. */
export function intervalArchiver(deps: HistoryArchiveDeps): (start: string) => Promise<void> {
  return async (start) => {
    await archiveInterval(deps, start);
  };
}
