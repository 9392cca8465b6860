// Scoring a recorded call: a supervisor marks each criterion of a form's latest version, pins comments to
// times in the recording and writes an overall comment; the score is computed here, never taken from the
// client, and audited. Agents read their own scores and may dispute one; a supervisor resolves it.

import { isLead, type User } from '../../domain/model.js';
import type { Clock } from '../../domain/ports.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnprocessableError,
  ValidationError,
} from '../../domain/problems.js';
import { checkMarks, computeScore, type QaMark } from '../../domain/quality/score.js';
import type { QaComment, QaDispute, QaScore } from '../../domain/quality/score-record.js';
import type { QualityDeps } from './forms.js';

export type ScoreDeps = QualityDeps & { readonly clock: Clock };

export interface ScoreInput {
  readonly recordingSid: string;
  readonly formId: string;
  readonly marks: Readonly<Record<string, QaMark>>;
  readonly comments: readonly QaComment[];
  readonly overall: string;
}

export async function scoreRecording(deps: ScoreDeps, actor: User, input: ScoreInput): Promise<QaScore> {
  const rec = await deps.store.recordings.get(input.recordingSid);
  if (!rec) throw new NotFoundError('Recording', input.recordingSid);
  if (rec.kind !== 'call' || !rec.agentId)
    throw new UnprocessableError(
      'not-an-agent-call',
      `Recording "${rec.sid}" is not of a call an agent took (a voicemail, or no agent): there is nobody to score.`,
    );
  const form = await deps.store.quality.getForm(input.formId);
  if (!form)
    throw new ValidationError([
      { path: 'body.formId', code: 'invalid-format', message: `no scoring form "${input.formId}"` },
    ]);
  const marks = checkMarks(form, input.marks);
  if (!marks.ok)
    throw new ValidationError(
      marks.issues.map((i) => ({ path: `body.${i.field}`, code: 'invalid-format', message: i.message })),
    );
  const late = input.comments.findIndex((c) => c.atSeconds > rec.durationSeconds);
  if (late >= 0)
    throw new ValidationError([
      {
        path: `body.comments.${late}.atSeconds`,
        code: 'out-of-range',
        message: `the recording lasts ${rec.durationSeconds} s`,
      },
    ]);
  const score = await deps.store.quality.addScore({
    recordingSid: rec.sid,
    ...(rec.callSid ? { callSid: rec.callSid } : {}),
    agentId: rec.agentId,
    callStartedAt: rec.startedAt,
    formId: form.id,
    formVersion: form.version,
    marks: input.marks,
    comments: [...input.comments].sort((a, b) => a.atSeconds - b.atSeconds),
    overall: input.overall,
    result: computeScore(form, input.marks),
    scoredBy: actor.id,
  });
  await deps.store.audit.append({
    actor: actor.id,
    action: 'quality.score',
    target: rec.sid,
    detail: { after: score },
  });
  return score;
}

/** Leads read every score; an agent only the scores of their own calls. */
export async function visibleScore(deps: QualityDeps, user: User, id: string): Promise<QaScore> {
  const score = await deps.store.quality.getScore(id);
  if (!score) throw new NotFoundError('Score', id);
  if (!isLead(user.roles) && score.agentId !== user.id)
    throw new ForbiddenError(`Score "${id}" is of another agent's call; agents read only their own.`);
  return score;
}

/** Every score a recording was given (two supervisors scoring one call is calibration). */
export async function scoresOfRecording(deps: QualityDeps, user: User, sid: string): Promise<QaScore[]> {
  const scores = await deps.store.quality.scoresOfRecording(sid);
  return isLead(user.roles) ? scores : scores.filter((s) => s.agentId === user.id);
}

export async function myScores(deps: QualityDeps, user: User, from: string, to: string): Promise<QaScore[]> {
  return deps.store.quality.scoresOfAgent(user.id, from, to);
}

async function replace(deps: ScoreDeps, actor: User, before: QaScore, after: QaScore, action: string) {
  const result = await deps.store.quality.updateScore(after, before.version);
  if (!result.ok) {
    if (result.reason === 'not-found') throw new NotFoundError('Score', before.id);
    throw new ConflictError('The score changed meanwhile: reload it and try again.', {
      current: result.current,
    });
  }
  await deps.store.audit.append({
    actor: actor.id,
    action,
    target: before.id,
    detail: { before: before.dispute ?? null, after: result.value.dispute ?? null },
  });
  return result.value;
}

function checkVersion(score: QaScore, version: number): void {
  if (score.version !== version)
    throw new ConflictError(`The score is at version ${score.version}, not ${version}: reload it.`, {
      current: score,
    });
}

export async function disputeScore(
  deps: ScoreDeps,
  actor: User,
  id: string,
  version: number,
  reason: string,
): Promise<QaScore> {
  const score = await visibleScore(deps, actor, id);
  if (score.agentId !== actor.id)
    throw new ForbiddenError(`Score "${id}" is of agent ${score.agentId}'s call: only they may dispute it.`);
  checkVersion(score, version);
  if (score.dispute)
    throw new UnprocessableError(
      'already-disputed',
      `Score "${id}" was disputed already (${score.dispute.state}); a score is disputed once.`,
    );
  const dispute: QaDispute = {
    reason,
    by: actor.id,
    at: new Date(deps.clock.now()).toISOString(),
    state: 'open',
  };
  return replace(deps, actor, score, { ...score, dispute }, 'quality.dispute');
}

export async function resolveDispute(
  deps: ScoreDeps,
  actor: User,
  id: string,
  version: number,
  outcome: 'upheld' | 'overturned',
  note: string,
): Promise<QaScore> {
  const score = await visibleScore(deps, actor, id);
  checkVersion(score, version);
  if (score.dispute?.state !== 'open')
    throw new UnprocessableError('no-open-dispute', `Score "${id}" has no open dispute to resolve.`);
  const dispute: QaDispute = {
    ...score.dispute,
    state: 'resolved',
    outcome,
    note,
    resolvedBy: actor.id,
    resolvedAt: new Date(deps.clock.now()).toISOString(),
  };
  return replace(deps, actor, score, { ...score, dispute }, 'quality.resolve');
}

export async function openDisputes(deps: QualityDeps): Promise<QaScore[]> {
  return deps.store.quality.openDisputes();
}
