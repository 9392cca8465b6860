// Copies one recording from Twilio into S3 and only then deletes Twilio's copy. Every step can be repeated
// after a crash or a retry: the object key is fixed by date/call/sid, an object already in S3 is verified by
// reading it back (size and SHA-256) instead of downloading again, the metadata is a conditional put, and the
// delete happens only for a recording whose metadata exists and whose S3 object still matches it.
import { createHash } from 'node:crypto';
import type { MediaStore, TwilioRecordingMedia } from '../domain/channel-ports.js';
import type { RecordingJob } from '../domain/jobs.js';
import type { CallRecord } from '../domain/model.js';
import type { Clock, Store } from '../domain/ports.js';
import { recordingKey, type StoredRecording } from '../domain/recording.js';

export interface RecordingWorkerDeps {
  readonly store: Store;
  readonly media: MediaStore;
  readonly twilioMedia: TwilioRecordingMedia;
  readonly clock: Clock;
  /** Called for a stored voicemail until its job completes; must be idempotent (notifications). */
  readonly onVoicemailStored?: (recording: StoredRecording) => Promise<void>;
  /**
   * Called for a stored agent call until its job completes (starts its transcription); must be idempotent.
   * A failure retries the job, and Twilio's copy is kept until it succeeds. `created`: this pass stored the
   * recording's metadata, so nothing the hook does after it can have happened yet.
   */
  readonly onCallStored?: (recording: StoredRecording, pass: { readonly created: boolean }) => Promise<void>;
}

export type RecordingOutcome =
  | 'stored-and-deleted'
  | 'already-done'
  | 'deleted-after-earlier-store'
  | 'not-completed';

export class VerificationError extends Error {
  override readonly name = 'VerificationError';
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Reads the object back; its bytes must hash to what we expect. */
async function verify(media: MediaStore, key: string, expected?: { size: number; sha256: string }) {
  const head = await media.head(key);
  if (!head?.sha256) return undefined;
  const actual = await media.digest(key);
  if (!actual) return undefined;
  if (actual.size !== head.size || actual.sha256 !== head.sha256) return undefined;
  if (expected && (actual.size !== expected.size || actual.sha256 !== expected.sha256)) return undefined;
  return actual;
}

/** Lists recording `sid` on each ticket (the system's linking: no history entry, retried on a race). */
export async function linkTickets(
  store: Pick<Store, 'tickets'>,
  numbers: readonly string[],
  sid: string,
): Promise<void> {
  for (const number of numbers) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const ticket = await store.tickets.get(number);
      if (!ticket || ticket.recordingSids.includes(sid)) break;
      const res = await store.tickets.update(number, ticket.version, { addRecordingSid: sid }, 'system');
      if (res.ok || res.reason !== 'conflict') break;
    }
  }
}

export async function processRecording(
  deps: RecordingWorkerDeps,
  job: RecordingJob,
): Promise<RecordingOutcome> {
  const { store, media, twilioMedia, clock } = deps;
  if (job.status !== 'completed') return 'not-completed';
  // Nothing is read first to find out whether an earlier pass stored the recording: the object's fixed
  // key and the metadata's conditional put tell a repeated pass (a retry, a duplicated callback) the
  // same at the cost of a check of the object, and the first pass, nearly every one, asks nothing.
  // The call is read only for a job without the recording's start (Twilio sends it): otherwise the update
  // that files the recording under its call returns the call's fields the metadata copies.
  const early: CallRecord | undefined =
    job.callSid && !job.startedAt ? await store.calls.get(job.callSid) : undefined;
  const kind = job.voicemailId ? 'voicemail' : 'call';
  const startedAt = job.startedAt ?? early?.startedAt ?? job.receivedAt;
  const key = recordingKey({
    kind,
    startedAt,
    sid: job.recordingSid,
    ...(job.callSid ? { callSid: job.callSid } : {}),
  });
  // A crash after the upload left a verified object: use it rather than download again.
  let stored = await verify(media, key);
  if (!stored) {
    const fetched = await twilioMedia.download(job.recordingSid, job.channels).catch(async (err) => {
      // A repeated pass whose object went under another key (a job without the recording's start, at
      // another time) and whose Twilio copy is gone: what an earlier pass stored is the recording.
      const earlier = await store.recordings.get(job.recordingSid);
      if (earlier) return earlier;
      throw err;
    });
    if (!('body' in fetched)) {
      if (fetched.twilioDeletedAt) return 'already-done';
      await finish(deps, fetched, false);
      return 'deleted-after-earlier-store';
    }
    const { body, contentType } = fetched;
    const expected = { size: body.byteLength, sha256: sha256(body) };
    await media.put(key, body, { contentType, sha256: expected.sha256 });
    stored = await verify(media, key, expected);
    if (!stored) throw new VerificationError(`S3 object ${key} does not match what was downloaded`);
  }
  // Filed under its call once its audio is safe in S3 and before its metadata: a crash in between leaves
  // the call naming a recording whose metadata the job's retry writes (playing it is a 404 until then).
  const call = job.callSid ? await fileUnderCall(store, job.callSid, job.recordingSid, early) : undefined;
  const caller = call ? (call.direction === 'inbound' ? call.from : call.to) : undefined;
  const { recording, created } = await store.recordings.save({
    sid: job.recordingSid,
    kind,
    ...(job.callSid ? { callSid: job.callSid } : {}),
    ...(job.conferenceSid ? { conferenceSid: job.conferenceSid } : {}),
    ...(job.voicemailId ? { voicemailId: job.voicemailId } : {}),
    startedAt,
    durationSeconds: job.durationSeconds,
    channels: job.channels,
    source: job.source,
    ...(caller ? { caller } : {}),
    // The leg's own agent first: after a transfer the call record names the colleague.
    ...(job.agentId || call?.agentId ? { agentId: job.agentId ?? call?.agentId } : {}),
    ...(call?.customerId ? { customerId: call.customerId } : {}),
    ticketNumbers: call?.ticketNumbers ?? [],
    ...(call?.queue ? { queue: call.queue } : {}),
    s3Key: key,
    contentType: 'audio/wav',
    sizeBytes: stored.size,
    sha256: stored.sha256,
    storedAt: new Date(clock.now()).toISOString(),
  });
  if (!created && recording.twilioDeletedAt) return 'already-done';
  if (call && created) await linkTickets(store, call.ticketNumbers, job.recordingSid);
  await finish(deps, recording, created);
  return created ? 'stored-and-deleted' : 'deleted-after-earlier-store';
}

/** The call with the recording added to its list; undefined for a call the center has no record of. */
async function fileUnderCall(
  store: Store,
  callSid: string,
  recordingSid: string,
  known: CallRecord | undefined,
): Promise<CallRecord | undefined> {
  if (known?.recordingSids.includes(recordingSid)) return known;
  const linked = await store.calls.update(callSid, { addRecordingSid: recordingSid });
  if (linked.ok) return linked.value;
  if (linked.reason === 'not-found') return undefined;
  // Lost to other webhooks of the call every time: the job's retry files it.
  throw new Error(`recording ${recordingSid} was not filed under call ${callSid}: ${linked.reason}`);
}

/** A stored recording's hooks, then Twilio's copy deleted once ours is checked again. */
async function finish(
  deps: RecordingWorkerDeps,
  recording: StoredRecording,
  created: boolean,
): Promise<void> {
  const { store, media, twilioMedia, clock } = deps;
  // On every pass until done, so a failed notification is retried; the notifier dedupes on the sid.
  if (recording.kind === 'voicemail') await deps.onVoicemailStored?.(recording);
  else await deps.onCallStored?.(recording, { created });

  // Never delete Twilio's copy unless ours is there and intact, checked again right before the delete.
  const intact = await verify(media, recording.s3Key, {
    size: recording.sizeBytes,
    sha256: recording.sha256,
  });
  if (!intact)
    throw new VerificationError(`S3 object ${recording.s3Key} is missing or altered; Twilio's copy kept`);
  await twilioMedia.remove(recording.sid);
  await store.recordings.markTwilioDeleted(recording.sid, new Date(clock.now()).toISOString());
}
