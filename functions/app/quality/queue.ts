// The review queue: recent recorded calls of agents (voicemails are not scored), newest first, each with
// the scores it was given and its transcript's flags, so a supervisor sees what is waiting, what was
// scored already and what the phrase checks flagged.
import type { Page, PageRequest } from '../../domain/ports.js';
import type { QaScore } from '../../domain/quality/score-record.js';
import type { PhraseFlag } from '../../domain/quality/transcript.js';
import type { StoredRecording } from '../../domain/recording.js';
import type { QualityDeps } from './forms.js';

export interface QueueItem {
  readonly recording: StoredRecording;
  readonly scores: readonly Pick<QaScore, 'id' | 'scoredBy' | 'scoredAt' | 'result' | 'dispute'>[];
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
  const items = await Promise.all(
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
  return { items, ...(found.cursor ? { cursor: found.cursor } : {}) };
}
