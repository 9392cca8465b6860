// Which recorded calls a supervisor reviews: n random calls per agent per week, the same n every time
// the queue is built (the draw is a hash of a seed and the call, not Math.random), plus every call with a
// complaint ticket and every call the phrase checks flagged.

export type SampleReason = 'random' | 'complaint' | 'flagged';

export interface SampleCandidate {
  readonly sid: string;
  readonly agentId: string;
  readonly startedAt: string;
  readonly complaint: boolean;
  readonly flagged: boolean;
}

export interface Sampled {
  readonly sid: string;
  readonly reasons: readonly SampleReason[];
}

/** FNV-1a, 32 bits: small, stable across runtimes, and enough to shuffle a week's calls. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The Monday (UTC, `YYYY-MM-DD`) of the ISO week an ISO time falls in. */
export function weekOf(iso: string): string {
  const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const back = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

export function sampleCalls(
  calls: readonly SampleCandidate[],
  options: { readonly perAgentPerWeek: number; readonly seed: string },
): Sampled[] {
  const groups = new Map<string, SampleCandidate[]>();
  for (const c of calls) {
    const key = `${c.agentId}|${weekOf(c.startedAt)}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const drawn = new Set<string>();
  for (const group of groups.values()) {
    const order = [...group].sort(
      (a, b) =>
        fnv1a(`${options.seed}|${a.sid}`) - fnv1a(`${options.seed}|${b.sid}`) || a.sid.localeCompare(b.sid),
    );
    for (const c of order.slice(0, Math.max(0, options.perAgentPerWeek))) drawn.add(c.sid);
  }
  return calls.flatMap((c) => {
    const reasons: SampleReason[] = [
      ...(drawn.has(c.sid) ? (['random'] as const) : []),
      ...(c.complaint ? (['complaint'] as const) : []),
      ...(c.flagged ? (['flagged'] as const) : []),
    ];
    return reasons.length ? [{ sid: c.sid, reasons }] : [];
  });
}
