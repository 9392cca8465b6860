// Role-matrix rows for the channel routes (recordings, SMS, voicemail, dead letters, mail outbox) and the
// in-memory channel dependencies the harness gets for them. Rows past the guard answer their success status
// or a fixed, deliberate one (no live call: 404; an opted-out number: 422) so the matrix stays about roles.
import { createLocalOutbox } from '../../functions/adapters/mail/local-outbox.js';
import type { MediaStore } from '../../functions/domain/channel-ports.js';
import type { DeadLetter, Job } from '../../functions/domain/jobs.js';
import type { Clock, Store } from '../../functions/domain/ports.js';
import type { ChannelDeps } from '../../functions/http/channel-deps.js';
import type { MatrixRole, MatrixRow } from './agent-role-rows.js';

const ALL: readonly MatrixRole[] = ['agent', 'supervisor', 'admin'];
const ADMIN: readonly MatrixRole[] = ['admin'];

/** A recording of a call agent 1001 took, voicemails in the claims box (the harness agent has that skill). */
const RECORDING = `RE${'a'.repeat(32)}`;
const VOICEMAILS = ['b', 'c', 'd', 'e', 'f'].map((ch) => `RE${ch.repeat(32)}`);
/** Taken into the caller's own box, one per role, so no role finds another's message moved away. */
const TO_TAKE = ['7', '8', '9'].map((ch) => `RE${ch.repeat(32)}`);
const PHONE = '+8613800002222';
const NO_CALL = `CA${'0'.repeat(32)}`;
/** A fax routed to the harness agent: theirs to open and finish, and any lead's. */
const FAX = 'FXmatrix1';

export function fakeChannels(clock: Clock): ChannelDeps {
  const sent: Job[] = [];
  const letter: DeadLetter = {
    id: 'dl-1',
    job: { kind: 'sms-send', to: PHONE, body: 'hi', purpose: 'test', dedupeKey: 'dl-1' },
    attempts: 5,
  };
  const media: MediaStore = {
    async put() {},
    async head() {
      return undefined;
    },
    async read() {
      return undefined;
    },
    async digest() {
      return undefined;
    },
    async presignGet(key, ttl) {
      return `https://media.example.com/${key}?X-Amz-Expires=${ttl}`;
    },
  };
  return {
    jobs: {
      async send(job) {
        sent.push(job);
      },
    },
    // Replaying keeps the letter, so every admin call in the matrix finds it.
    deadLetters: { list: async () => [letter], replay: async (id) => id === letter.id },
    media,
    mail: createLocalOutbox(clock),
    playbackTtlSeconds: 300,
    smsFrom: '+18005550100',
    routing: { createTask: async () => `WT${'0'.repeat(32)}`, endTask: async () => {} },
  };
}

/** Stored items the rows act on. */
export async function seedChannelData(store: Store, agentId: string): Promise<void> {
  const base = {
    startedAt: '2026-03-01T08:00:00.000Z',
    durationSeconds: 30,
    channels: 1 as const,
    ticketNumbers: [],
    contentType: 'audio/wav',
    sizeBytes: 44,
    sha256: '0'.repeat(64),
    storedAt: '2026-03-01T08:01:00.000Z',
  };
  await store.recordings.save({
    ...base,
    sid: RECORDING,
    kind: 'call',
    channels: 2,
    source: 'DialVerb',
    agentId,
    s3Key: `recordings/2026/03/01/no-call/${RECORDING}.wav`,
  });
  for (const sid of [...VOICEMAILS, ...TO_TAKE]) {
    await store.voicemails.create({
      recordingSid: sid,
      callSid: `CA${'1'.repeat(32)}`,
      caller: PHONE,
      called: '+18005550100',
      queue: 'claims',
      language: 'zh',
      durationSeconds: 20,
      reason: 'after-hours',
    });
    await store.recordings.save({
      ...base,
      sid,
      kind: 'voicemail',
      voicemailId: sid,
      source: 'RecordVerb',
      s3Key: `voicemails/2026/03/01/no-call/${sid}.wav`,
    });
  }
  // They texted STOP: a thread to reply on (texts go only to known numbers), and opted out.
  await store.messaging.saveMessage({
    sid: `SM${'2'.repeat(32)}`,
    direction: 'inbound',
    phone: PHONE,
    body: 'STOP',
    at: '2026-03-01T08:02:00.000Z',
    status: 'received',
  });
  await store.messaging.suppress(PHONE, 'STOP');
  await store.faxes.save({
    id: FAX,
    from: '+862150001234',
    to: '+18005550100',
    receivedAt: '2026-03-01T08:03:00.000Z',
    s3Key: `faxes/2026/03/01/${FAX}.pdf`,
    sizeBytes: 100,
    sha256: '0'.repeat(64),
    agentId,
  });
}

const row = (
  op: string,
  method: string,
  path: string | (() => string),
  ok: number,
  body?: unknown,
  roles = ALL,
): MatrixRow => ({
  op,
  method,
  path: typeof path === 'string' ? () => path : path,
  ...(body !== undefined ? { body: () => body } : {}),
  roles,
  ok,
});

/** Each call back takes a voicemail of its own, so every role's first call creates the task (201). */
let callbacks = 0;
const nextVoicemail = () => VOICEMAILS[callbacks++ % VOICEMAILS.length] ?? '';
let taken = 0;
const nextToTake = () => TO_TAKE[taken++ % TO_TAKE.length] ?? '';

export const CHANNEL_ROWS: readonly MatrixRow[] = [
  row('recordings.search', 'GET', '/api/recordings', 200),
  row('recordings.get', 'GET', `/api/recordings/${RECORDING}`, 200),
  row('recordings.playback', 'POST', `/api/recordings/${RECORDING}/playback`, 200),
  row('calls.recordingControl', 'POST', `/api/calls/${NO_CALL}/recording`, 404, { action: 'pause' }),
  row('agent.faxes', 'GET', '/api/agent/faxes', 200),
  row('faxes.document', 'POST', `/api/faxes/${FAX}/document`, 200),
  row('agent.finishFax', 'POST', `/api/agent/faxes/${FAX}/done`, 204),
  row('sms.thread', 'GET', `/api/sms/threads/${encodeURIComponent(PHONE)}`, 200),
  row('sms.reply', 'POST', `/api/sms/threads/${encodeURIComponent(PHONE)}/reply`, 422, { body: 'Hello' }),
  row('sms.close', 'POST', `/api/sms/threads/${encodeURIComponent(PHONE)}/close`, 204),
  row('voicemails.list', 'GET', '/api/voicemails', 200),
  row('voicemails.get', 'GET', `/api/voicemails/${VOICEMAILS[0]}`, 200),
  row('voicemails.playback', 'POST', `/api/voicemails/${VOICEMAILS[0]}/playback`, 200),
  row('voicemails.markHandled', 'POST', `/api/voicemails/${VOICEMAILS[1]}/handled`, 200),
  row('voicemails.callback', 'POST', () => `/api/voicemails/${nextVoicemail()}/callback`, 201),
  row('voicemails.assign', 'POST', () => `/api/voicemails/${nextToTake()}/assign`, 200, {}),
  row('jobs.deadLetters', 'GET', '/api/jobs/dead-letters', 200, undefined, ADMIN),
  row('jobs.replay', 'POST', '/api/jobs/dead-letters/dl-1/replay', 202, undefined, ADMIN),
  row('mail.outbox', 'GET', '/api/mail/outbox', 200, undefined, ADMIN),
  // Past the guard: a JSON body is not the multipart form the upload takes (415); no such ticket (404).
  row('tickets.attach', 'POST', '/api/tickets/CLM-2026-999999/attachments', 415, {}),
  row(
    'tickets.attachment',
    'GET',
    `/api/tickets/CLM-2026-999999/attachments/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
    404,
  ),
];
