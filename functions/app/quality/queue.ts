// The review queue: recent recorded calls of agents (voicemails are not scored), newest first, each with
// the scores it was given and its transcript's flags, so a supervisor sees what is waiting, what was
// scored already and what the phrase checks flagged.
import type { Page, PageRequest } from '../../domain/ports.js';
import { type SampleReason, sampleCalls } from '../../domain/quality/sampling.js';
import type { QaScore } from '../../domain/quality/score-record.js';
import type { PhraseFlag } from '../../domain/quality/transcript.js';
import type { StoredRecording } from '../../domain/recording.js';
import type { QualityDeps } from './forms.js';

export interface QueueItem {
  readonly recording: StoredRecording;
  readonly scores: readonly Pick<QaScore, 'id' | 'scoredBy' | 'scoredAt' | 'result' | 'dispute'>[];
  /** Why the sampling rule chose the call (only when the queue is sampled). */
  readonly reasons?: readonly SampleReason[];
  /** The transcript's state and its phrase-check flags; absent without a transcript. */
  readonly transcript?: { readonly state: 'pending' | 'ready'; readonly flags: readonly PhraseFlag[] };
}

export async function reviewQueue(
  deps: QualityDeps,
  q: { from: string; to: string; agentId?: string },
  page: PageRequest,
): Promise<Page<QueueItem>> {
  const found = await deps.store.recordings.search(
    { from: q.from, to: q.to, ...(q.agentId ? { agentId: q.agentId } : {}) },
    page,
  );
  const calls = found.items.filter((r) => r.kind === 'call' && r.agentId);
  const items = await withScores(deps, calls);
  return { items, ...(found.cursor ? { cursor: found.cursor } : {}) };
}

async function withScores(deps: QualityDeps, calls: readonly StoredRecording[]): Promise<QueueItem[]> {
  return Promise.all(
    calls.map(async (recording) => {
      const transcript = await deps.store.quality.getTranscript(recording.sid);
      return {
        recording,
        ...(transcript ? { transcript: { state: transcript.state, flags: transcript.flags } } : {}),
        scores: (await deps.store.quality.scoresOfRecording(recording.sid)).map(
          ({ id, scoredBy, scoredAt, result, dispute }) => ({
            id,
            scoredBy,
            scoredAt,
            result,
            ...(dispute ? { dispute } : {}),
          }),
        ),
      };
    }),
  );
}

/** A sampled queue reads at most this many recordings of the range; narrow the range for more. */
const SAMPLE_MAX_CALLS = 2000;

/**
 * The sampled review queue: `perAgentPerWeek` calls per agent per week drawn reproducibly from `seed`,
 * plus every call with a complaint ticket and every call the phrase checks flagged; newest first.
 */
export async function sampledQueue(
  deps: QualityDeps,
  q: { from: string; to: string; agentId?: string; perAgentPerWeek: number; seed: string },
): Promise<QueueItem[]> {
  const all: StoredRecording[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.recordings.search(
      { from: q.from, to: q.to, ...(q.agentId ? { agentId: q.agentId } : {}) },
      { limit: 200, ...(cursor ? { cursor } : {}) },
    );
    all.push(...page.items.filter((r) => r.kind === 'call' && r.agentId));
    cursor = page.cursor;
  } while (cursor && all.length < SAMPLE_MAX_CALLS);
  const flagged = new Set((await deps.store.quality.flaggedBetween(q.from, q.to)).map((t) => t.recordingSid));
  const complaints = new Set<string>();
  for (const number of new Set(all.flatMap((r) => r.ticketNumbers)))
    if ((await deps.store.tickets.get(number))?.type === 'complaint') complaints.add(number);
  const chosen = sampleCalls(
    all.map((r) => ({
      sid: r.sid,
      agentId: r.agentId ?? '',
      startedAt: r.startedAt,
      complaint: r.ticketNumbers.some((n) => complaints.has(n)),
      flagged: flagged.has(r.sid),
    })),
    { perAgentPerWeek: q.perAgentPerWeek, seed: q.seed },
  );
  const reasons = new Map(chosen.map((c) => [c.sid, c.reasons]));
  const items = await withScores(
    deps,
    all.filter((r) => reasons.has(r.sid)),
  );
  return items.map((item) => ({ ...item, reasons: reasons.get(item.recording.sid) ?? [] }));
}
