// Quality scoring's REST calls (/api/quality and /api/reports/quality), typed with the domain's shapes.
import type { QaForm, QaFormDraft } from '../../../functions/domain/quality/form.js';
import type { QaMark, QaResult } from '../../../functions/domain/quality/score.js';
import type { QaComment, QaScore } from '../../../functions/domain/quality/score-record.js';
import type { PhraseFlag, Transcript } from '../../../functions/domain/quality/transcript.js';
import type { StoredRecording } from '../../../functions/domain/recording.js';
import { call } from '../api.js';

export type {
  PhraseFlag,
  QaComment,
  QaForm,
  QaFormDraft,
  QaMark,
  QaResult,
  QaScore,
  StoredRecording,
  Transcript,
};

export interface QueueItem {
  readonly recording: StoredRecording;
  readonly scores: readonly Pick<QaScore, 'id' | 'scoredBy' | 'scoredAt' | 'result' | 'dispute'>[];
  readonly transcript?: { readonly state: 'pending' | 'ready'; readonly flags: readonly PhraseFlag[] };
  readonly reasons?: readonly ('random' | 'complaint' | 'flagged')[];
}

export interface QualityRow {
  readonly agent: string;
  readonly scored: number;
  readonly average: number | null;
  readonly autoFails: number;
  readonly openDisputes: number;
  readonly overturned: number;
  readonly flagged: number;
}

export interface NewScore {
  readonly recordingSid: string;
  readonly formId: string;
  readonly marks: Readonly<Record<string, QaMark>>;
  readonly comments: readonly QaComment[];
  readonly overall: string;
}

function query(params: Readonly<Record<string, string | undefined>>): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => !!e[1]);
  return new URLSearchParams(entries).toString();
}

export const qualityApi = {
  forms: () => call<{ items: QaForm[] }>('GET', '/quality/forms'),
  form: (id: string, version: number) =>
    call<QaForm>('GET', `/quality/forms/${encodeURIComponent(id)}?version=${version}`),
  createForm: (draft: QaFormDraft) => call<QaForm>('POST', '/quality/forms', draft),
  /** A new version from `version`, the one read: a 409 when someone saved another since. */
  updateForm: (version: number, { id, ...fields }: QaFormDraft) =>
    call<QaForm>('PUT', `/quality/forms/${encodeURIComponent(id)}`, { version, ...fields }),
  queue: (q: { from: string; to: string; agent?: string; sample?: string }) =>
    call<{ items: QueueItem[]; cursor?: string }>('GET', `/quality/queue?${query({ ...q, limit: '100' })}`),
  score: (input: NewScore) => call<QaScore>('POST', '/quality/scores', input),
  ofRecording: (sid: string) =>
    call<{ items: QaScore[] }>('GET', `/quality/recordings/${encodeURIComponent(sid)}/scores`),
  mine: (q: { from: string; to: string }) => call<{ items: QaScore[] }>('GET', `/quality/mine?${query(q)}`),
  dispute: (id: string, version: number, reason: string) =>
    call<QaScore>('POST', `/quality/scores/${encodeURIComponent(id)}/dispute`, { version, reason }),
  disputes: () => call<{ items: QaScore[] }>('GET', '/quality/disputes'),
  resolve: (id: string, version: number, outcome: 'upheld' | 'overturned', note: string) =>
    call<QaScore>('POST', `/quality/scores/${encodeURIComponent(id)}/resolve`, { version, outcome, note }),
  report: (q: { from: string; to: string }) =>
    call<{ rows: QualityRow[] }>('GET', `/reports/quality?${query(q)}`),
  transcript: (sid: string) =>
    call<Transcript>('GET', `/quality/recordings/${encodeURIComponent(sid)}/transcript`),
  playback: (sid: string) => call<{ url: string }>('POST', `/recordings/${encodeURIComponent(sid)}/playback`),
};
