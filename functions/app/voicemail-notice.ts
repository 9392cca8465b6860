// Tells a mailbox's owner about a voicemail once its media is safely in S3 (the recording worker's
// onVoicemailStored hook): SMS through the send job (suppression checked there) and email through the
// mail-send job (SES or the local outbox), each deduped per voicemail and recipient and retried on its own.
import type { MailSender } from '../domain/channel-ports.js';
import { type JobQueue, type MailSendJob, PermanentJobError } from '../domain/jobs.js';
import type { Clock, MarkerKey, Store } from '../domain/ports.js';
import type { StoredRecording } from '../domain/recording.js';
import {
  contactsFor,
  MAILBOX_SETTINGS,
  type MailboxDirectory,
  mailboxOf,
  voicemailNotice,
} from '../domain/voicemail-box.js';

export interface VoicemailNotifyDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly jobs: JobQueue;
  readonly publicBaseUrl: string;
}

const MARK_MS = 30 * 86_400_000;

/** The mail-send job: once per dedupe key; no sender configured is a permanent failure (a dead letter). */
export async function processMailSend(
  deps: { readonly store: Store; readonly clock: Clock; readonly mail?: MailSender },
  job: MailSendJob,
): Promise<'sent' | 'duplicate'> {
  if (!deps.mail) throw new PermanentJobError('no mail sender configured (MAIL_FROM)');
  const key: MarkerKey = { kind: 'mail-sent', dedupeKey: job.dedupeKey };
  if (await deps.store.keys.get(key)) return 'duplicate';
  const sent = await deps.mail.send({ to: job.to, subject: job.subject, text: job.text });
  // Marked after sending: a crash in between may mail twice, never not at all.
  await deps.store.keys.putIfAbsent(key, sent.id, new Date(deps.clock.now() + MARK_MS).toISOString());
  return 'sent';
}

export interface NotifyOutcome {
  readonly mailbox: string;
  readonly sms: readonly string[];
  readonly email: readonly string[];
}

/** How long the IVR's <Record> action has to write the voicemail item before the worker files it itself. */
export const UNFILED_AFTER_MS = 10_000;

/**
 * The <Record> action (which writes the voicemail) and the recording callback race: retry while the action
 * may still land; after that the action failed (e.g. the store was down), so the message is filed from the
 * recording and its call, in its call's queue, rather than lost to the desk.
 */
async function fileUnfiled(deps: VoicemailNotifyDeps, recording: StoredRecording, sid: string) {
  if (deps.clock.now() - Date.parse(recording.storedAt) < UNFILED_AFTER_MS)
    throw new Error(`voicemail ${sid} not stored yet`);
  const call = recording.callSid ? await deps.store.calls.get(recording.callSid) : undefined;
  const { voicemail } = await deps.store.voicemails.create({
    recordingSid: sid,
    callSid: recording.callSid ?? 'unknown',
    caller: recording.caller ?? call?.from ?? 'unknown',
    called: call?.to ?? 'unknown',
    queue: recording.queue ?? call?.queue ?? 'general',
    language: 'zh',
    durationSeconds: recording.durationSeconds,
    reason: 'unfiled',
    ...((recording.customerId ?? call?.customerId)
      ? { customerId: recording.customerId ?? call?.customerId }
      : {}),
  });
  return voicemail;
}

export async function notifyVoicemail(
  deps: VoicemailNotifyDeps,
  recording: StoredRecording,
): Promise<NotifyOutcome> {
  const { store } = deps;
  const sid = recording.voicemailId ?? recording.sid;
  let voicemail = (await store.voicemails.get(sid)) ?? (await fileUnfiled(deps, recording, sid));
  if (!voicemail.agentId && voicemail.customerId) {
    // A customer with an owner agent leaves the message in that agent's box.
    const owner = (await store.customers.get(voicemail.customerId))?.ownerAgentId;
    if (owner) {
      const moved = await store.voicemails.update(sid, voicemail.version, { agentId: owner });
      if (moved.ok) voicemail = moved.value;
      else if (moved.reason === 'conflict') voicemail = moved.current;
    }
  }
  const mailbox = mailboxOf(voicemail);
  const agent = voicemail.agentId ? await store.users.get(voicemail.agentId) : undefined;
  const directory = await store.settings.get<MailboxDirectory>(MAILBOX_SETTINGS);
  const to = contactsFor(mailbox, directory, agent);
  const text = voicemailNotice(voicemail, mailbox, `${deps.publicBaseUrl}/#/voicemails/${sid}`);

  for (const phone of to.sms) {
    await deps.jobs.send({
      kind: 'sms-send',
      to: phone,
      body: text,
      purpose: 'voicemail',
      dedupeKey: `voicemail:${sid}:${phone}`,
    });
  }
  for (const address of to.email) {
    await deps.jobs.send({
      kind: 'mail-send',
      to: address,
      subject: `New voicemail in ${mailbox}`,
      text,
      dedupeKey: `voicemail-mail:${sid}:${address}`,
    });
  }
  return { mailbox, sms: to.sms, email: to.email };
}
