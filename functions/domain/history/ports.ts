// Where the event history and its rollups are kept (DynamoDB in both environments) and where the raw
// events are archived for SQL (S3 in AWS, a folder locally).
import type { CenterEvent, Dimension } from './event.js';
import type { Measures } from './measures.js';

export interface EventLog {
  /**
   * Writes each event once: an id already in the log keeps what was written first, whatever a retry
   * carries. Returns the events this call wrote.
   */
  append(events: readonly CenterEvent[]): Promise<readonly CenterEvent[]>;
  /** Every event whose time falls in the 15-minute interval starting at `start` (ISO UTC), oldest first. */
  inInterval(start: string): Promise<CenterEvent[]>;
  /** One call's events, oldest first. */
  ofCall(callSid: string): Promise<CenterEvent[]>;
  /** Intervals that late events changed after their rollup was last made (ISO UTC starts). */
  dirtyIntervals(): Promise<string[]>;
  markDirty(intervalStarts: readonly string[]): Promise<void>;
  clearDirty(intervalStarts: readonly string[]): Promise<void>;
}

export type Granularity = 'interval' | 'day';

/** One dimension's figures for one interval or local day: measures per value ('*' for the center). */
export interface Rollup {
  readonly dimension: Dimension;
  readonly granularity: Granularity;
  /** ISO UTC start of the interval, or the local date (YYYY-MM-DD) of the day. */
  readonly start: string;
  readonly values: Readonly<Record<string, Measures>>;
}

export interface RollupRepo {
  /** Replaces the rollup: rollups are always rebuilt whole from events, never incremented. */
  put(rollup: Rollup): Promise<void>;
  /** Rollups of one dimension and granularity with `from <= start < to`, oldest first. */
  list(dimension: Dimension, granularity: Granularity, from: string, to: string): Promise<Rollup[]>;
}

/** Raw events as files: `events/dt=YYYY-MM-DD/<interval>.jsonl.gz`, one JSON event per line. */
export interface EventArchive {
  /** Writes (or replaces) one file. */
  put(key: string, gzippedJsonLines: Uint8Array): Promise<void>;
}
