// Tells a mailbox's owner about a voicemail once its media is safely in S3 (the recording worker's
// onVoicemailStored hook): SMS through the send job (suppression checked there, deduped on the key) and
// email (SES or the local outbox), each at most once per voicemail and recipient, retried with the job.
import type { MailSender } from '../domain/channel-ports.js';
import type { JobQueue } from '../domain/jobs.js';
import type { Clock, Store } from '../domain/ports.js';
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
  readonly mail: MailSender;
  readonly publicBaseUrl: string;
}

const MARK_MS = 30 * 86_400_000;

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
      dedupeKey: `voicemail#${sid}#${phone}`,
    });
  }
  for (const address of to.email) {
    const key = `voicemail-mail#${sid}#${address}`;
    if (await store.keys.get(key)) continue;
    const sent = await deps.mail.send({ to: address, subject: `New voicemail in ${mailbox}`, text });
    // Marked after sending: a crash in between may mail twice, never not at all.
    await store.keys.putIfAbsent(key, sent.id, new Date(deps.clock.now() + MARK_MS).toISOString());
  }
  return { mailbox, sms: to.sms, email: to.email };
}
