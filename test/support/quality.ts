// Builders for quality-scoring tests: a stored dual-channel call recording of an agent's call, and marks
// for every criterion of a form.
import type { Store } from '../../functions/domain/ports.js';
import { criteriaOf, type QaFormDraft } from '../../functions/domain/quality/form.js';
import type { QaMark } from '../../functions/domain/quality/score.js';

export async function saveCallRecording(
  store: Store,
  sid: string,
  agentId: string,
  startedAt = '2026-03-01T08:30:00.000Z',
  extra: { callSid?: string; ticketNumbers?: string[] } = {},
): Promise<void> {
  await store.recordings.save({
    sid,
    kind: 'call',
    callSid: extra.callSid ?? `CA${sid.slice(2)}`,
    startedAt,
    durationSeconds: 95,
    channels: 2,
    source: 'DialVerb',
    caller: '+8613800138000',
    agentId,
    ticketNumbers: extra.ticketNumbers ?? [],
    s3Key: `recordings/2026/03/01/CA/${sid}.wav`,
    contentType: 'audio/wav',
    sizeBytes: 44,
    sha256: '0'.repeat(64),
    storedAt: startedAt,
  });
}

/** Every criterion `mark`, except the ones given. */
export function marksFor(
  form: QaFormDraft,
  mark: QaMark,
  except: Readonly<Record<string, QaMark>> = {},
): Record<string, QaMark> {
  return { ...Object.fromEntries(criteriaOf(form).map((c) => [c.id, mark])), ...except };
}

export const recordingSid = (n: number) => `RE${String(n).padStart(32, '0')}`;
