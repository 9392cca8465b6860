// Transcripts of recorded calls and the phrase checks run over them. When a call's recording is stored,
// a transcription job starts over a short-lived URL of our copy; the transcript is read when first asked
// for after the job is done, checked against the phrase rules (data, edited by supervisors, audited) and
// stored with its flags, so a flagged call shows in the review queue and the agent reports.
import type { MediaStore } from '../../domain/channel-ports.js';
import { isLead, type User } from '../../domain/model.js';
import type { Clock, Store } from '../../domain/ports.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/problems.js';
import {
  checkPhrases,
  DEFAULT_PHRASE_RULES,
  PHRASE_RULES_SETTING,
  type PhraseRules,
  ruleIssues,
} from '../../domain/quality/phrases.js';
import type { Transcript, TranscriptSentence } from '../../domain/quality/transcript.js';
import type { TranscriptionPort } from '../../domain/quality/transcription-port.js';
import type { StoredRecording } from '../../domain/recording.js';

export interface TranscriptDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** Absent where no transcription is configured: recordings then have no transcript. */
  readonly transcription?: TranscriptionPort;
}

/** The provider reads the audio within this long; an hour covers a busy queue of jobs. */
const MEDIA_URL_SECONDS = 3600;

export async function phraseRules(deps: Pick<TranscriptDeps, 'store'>): Promise<PhraseRules> {
  return (await deps.store.settings.get<PhraseRules>(PHRASE_RULES_SETTING)) ?? DEFAULT_PHRASE_RULES;
}

export async function replacePhraseRules(
  deps: Pick<TranscriptDeps, 'store'>,
  actor: User,
  rules: PhraseRules,
): Promise<PhraseRules> {
  const issues = ruleIssues(rules);
  if (issues.length)
    throw new ValidationError(
      issues.map((i) => ({ path: `body.${i.field}`, code: 'invalid-format', message: i.message })),
    );
  const before = await phraseRules(deps);
  await deps.store.settings.put(PHRASE_RULES_SETTING, rules);
  await deps.store.audit.append({
    actor: actor.id,
    action: 'quality.phrases.replace',
    target: PHRASE_RULES_SETTING,
    detail: { before, after: rules },
  });
  return rules;
}

/** Checks the sentences against today's rules and stores the finished transcript. */
export async function recordTranscript(
  deps: Pick<TranscriptDeps, 'store' | 'clock'>,
  rec: StoredRecording,
  sentences: readonly TranscriptSentence[],
  source: string,
  providerId?: string,
): Promise<Transcript> {
  const transcript: Transcript = {
    recordingSid: rec.sid,
    state: 'ready',
    ...(providerId ? { providerId } : {}),
    agentId: rec.agentId ?? '',
    callStartedAt: rec.startedAt,
    sentences,
    source,
    flags: checkPhrases(await phraseRules(deps), sentences),
    storedAt: new Date(deps.clock.now()).toISOString(),
  };
  await deps.store.quality.putTranscript(transcript);
  return transcript;
}

/**
 * Starts the transcription of an agent call's stored recording (the recording job's hook). Repeatable: a
 * recording with a transcript, pending or done, is left alone. `created`: the job's pass stored the
 * recording a moment ago, so no transcript can have been ordered for it and none is looked for.
 */
export async function startTranscript(
  deps: TranscriptDeps & { readonly media: Pick<MediaStore, 'presignGet'> },
  rec: StoredRecording,
  pass: { readonly created: boolean } = { created: false },
): Promise<void> {
  if (!deps.transcription || rec.kind !== 'call' || !rec.agentId) return;
  if (!pass.created && (await deps.store.quality.getTranscript(rec.sid))) return;
  const providerId = await deps.transcription.start({
    recordingSid: rec.sid,
    ...(rec.callSid ? { callSid: rec.callSid } : {}),
    mediaUrl: await deps.media.presignGet(rec.s3Key, MEDIA_URL_SECONDS),
  });
  await deps.store.quality.putTranscript({
    recordingSid: rec.sid,
    state: 'pending',
    providerId,
    agentId: rec.agentId,
    callStartedAt: rec.startedAt,
    sentences: [],
    source: 'transcription',
    flags: [],
    storedAt: new Date(deps.clock.now()).toISOString(),
  });
}

/** A recording's transcript (agents: of their own calls); a pending one is asked after once more. */
export async function transcriptOf(deps: TranscriptDeps, user: User, sid: string): Promise<Transcript> {
  const rec = await deps.store.recordings.get(sid);
  if (!rec) throw new NotFoundError('Recording', sid);
  if (!isLead(user.roles) && rec.agentId !== user.id)
    throw new ForbiddenError(`Recording "${sid}" is of another agent's call; agents read only their own.`);
  const stored = await deps.store.quality.getTranscript(sid);
  if (!stored) throw new NotFoundError('Transcript', sid);
  if (stored.state === 'ready' || !stored.providerId || !deps.transcription) return stored;
  const sentences = await deps.transcription.sentences(stored.providerId);
  return sentences ? recordTranscript(deps, rec, sentences, stored.source, stored.providerId) : stored;
}
