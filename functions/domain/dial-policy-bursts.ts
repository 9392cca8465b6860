// Spotting a burst of refused dials: many refusals by one person in a short time is what a phished or
// rogue account trying premium destinations looks like, so the supervisors' list flags it.

/** Refusals by one actor within this long count towards one burst. */
export const BURST_WINDOW_MS = 10 * 60_000;
/** This many refusals by one actor within the window make a burst. */
export const BURST_THRESHOLD = 5;

export interface RefusalMark {
  readonly actor: string;
  readonly at: string;
}

/** Actors with a burst ending within the last window before `nowMs`, with their refusal count in it. */
export function refusalBursts(
  refusals: readonly RefusalMark[],
  nowMs: number,
  windowMs = BURST_WINDOW_MS,
  threshold = BURST_THRESHOLD,
): Readonly<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const r of refusals) {
    const at = Date.parse(r.at);
    if (at > nowMs - windowMs && at <= nowMs) counts[r.actor] = (counts[r.actor] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n >= threshold));
}
