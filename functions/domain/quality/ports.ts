// Quality scoring's storage port: versioned forms (each version kept, so old scores keep theirs) and scores
// by recording, by agent over a time range, and with open disputes; transcripts and the flagged ones.
import type { QaForm, QaFormDraft } from './form.js';
import type { NewQaScore, QaScore } from './score-record.js';
import type { Transcript } from './transcript.js';

export type QaFormWriteResult =
  | { readonly ok: true; readonly value: QaForm }
  | { readonly ok: false; readonly reason: 'not-found' }
  | { readonly ok: false; readonly reason: 'conflict'; readonly current: QaForm }
  | { readonly ok: false; readonly reason: 'duplicate'; readonly field: 'id'; readonly value: string };

export type QaScoreWriteResult =
  | { readonly ok: true; readonly value: QaScore }
  | { readonly ok: false; readonly reason: 'not-found' }
  | { readonly ok: false; readonly reason: 'conflict'; readonly current: QaScore };

export interface QualityRepo {
  /** `expectedVersion` null creates the form; a number replaces it only from that version. */
  putForm(draft: QaFormDraft, expectedVersion: number | null, by: string): Promise<QaFormWriteResult>;
  /** The latest version, or the one asked for. */
  getForm(id: string, version?: number): Promise<QaForm | undefined>;
  /** The latest version of every form, by id. */
  listForms(): Promise<QaForm[]>;
  addScore(input: NewQaScore): Promise<QaScore>;
  getScore(id: string): Promise<QaScore | undefined>;
  /** Replaces the score if it is still at `expectedVersion` (disputes and their resolution). */
  updateScore(score: QaScore, expectedVersion: number): Promise<QaScoreWriteResult>;
  /** Oldest first. */
  scoresOfRecording(recordingSid: string): Promise<QaScore[]>;
  /** Scores of calls that started from `from` through `to` (ISO times), oldest first. */
  scoresOfAgent(agentId: string, from: string, to: string): Promise<QaScore[]>;
  /** Every agent's scores of calls in the range, oldest first (for reports). */
  scoresBetween(from: string, to: string): Promise<QaScore[]>;
  /** Scores with a dispute waiting for a supervisor, oldest dispute first. */
  openDisputes(): Promise<QaScore[]>;
  /** Stores (or replaces) a recording's transcript and its flags. */
  putTranscript(transcript: Transcript): Promise<void>;
  getTranscript(recordingSid: string): Promise<Transcript | undefined>;
  /** Transcripts with at least one flag, of calls that started in the range, oldest first. */
  flaggedBetween(from: string, to: string): Promise<Transcript[]>;
}
