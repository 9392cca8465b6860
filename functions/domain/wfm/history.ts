// What the planner reads of the past: calls offered and handled per 15-minute interval, and the port
// through which a center hands them over (read from its rollups).

export interface IntervalVolume {
  readonly start: string; // ISO UTC, start of a 15-minute interval
  readonly offered: number; // calls offered to agents in it
  readonly handled: number; // calls agents finished in it
  readonly handleSeconds: number; // talk + hold + wrap-up of those calls
}

export type LoadVolumes = (fromIso: string, toIso: string) => Promise<readonly IntervalVolume[]>;

export const INTERVAL_MINUTES = 15;
export const INTERVAL_MS = INTERVAL_MINUTES * 60_000;
export const SLOTS_PER_DAY = (24 * 60) / INTERVAL_MINUTES;
