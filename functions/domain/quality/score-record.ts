// A score given to one recorded call: the form version used, the marks, comments pinned to times in the
// recording, the computed result, and an agent's dispute with its resolution.
import type { QaMark, QaResult } from './score.js';

export interface QaComment {
  /** Seconds from the start of the recording. */
  readonly atSeconds: number;
  readonly text: string;
}

export interface QaDispute {
  readonly reason: string;
  readonly by: string;
  readonly at: string;
  readonly state: 'open' | 'resolved';
  /** upheld: the score stands; overturned: it no longer counts in the agent's figures. */
  readonly outcome?: 'upheld' | 'overturned';
  readonly note?: string;
  readonly resolvedBy?: string;
  readonly resolvedAt?: string;
}

export interface QaScore {
  readonly id: string;
  readonly recordingSid: string;
  readonly callSid?: string;
  readonly agentId: string;
  /** When the call's recording started: what report ranges are over. */
  readonly callStartedAt: string;
  readonly formId: string;
  readonly formVersion: number;
  readonly marks: Readonly<Record<string, QaMark>>;
  readonly comments: readonly QaComment[];
  readonly overall: string;
  readonly result: QaResult;
  readonly scoredBy: string;
  readonly scoredAt: string;
  readonly version: number;
  readonly dispute?: QaDispute;
}

export type NewQaScore = Omit<QaScore, 'id' | 'scoredAt' | 'version' | 'dispute'>;

/** Whether the score counts in the agent's figures (an overturned one does not). */
export const counts = (s: QaScore) => s.dispute?.outcome !== 'overturned';
