// The one worker behind the job queue (SQS in AWS, the local queue on the shared clock): dispatches each
// job by kind. Throwing means "retry later"; PermanentJobError sends the job straight to the dead letters.

import { processRecording } from '../app/copy-recording.js';
import { startTranscript } from '../app/quality/transcripts.js';
import { processSmsSend, SMS_STATUS_PATH, type TwilioMessages } from '../app/send-sms.js';
import { notifyVoicemail, processMailSend } from '../app/voicemail-notice.js';
import type { MailSender, MediaStore, TaskRouting, TwilioRecordingMedia } from '../domain/channel-ports.js';
import type { NewCenterEvent } from '../domain/history/event.js';
import { type Job, type JobQueue, PermanentJobError, type SmsTaskJob } from '../domain/jobs.js';
import type { Clock, Store } from '../domain/ports.js';
import type { TranscriptionPort } from '../domain/quality/transcription-port.js';
import type { StoredRecording } from '../domain/recording.js';
import { queueDelaySeconds, type ScheduledJob } from '../domain/scheduler.js';

export interface JobWorkerDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly media: MediaStore;
  readonly twilioMedia: TwilioRecordingMedia;
  readonly messages: TwilioMessages;
  readonly routing: TaskRouting;
  /** Our SMS sender number. */
  readonly smsFrom: string;
  /** The site's base URL, for links people open (a voicemail notice's link to the desk). */
  readonly publicBaseUrl: string;
  /** Where Twilio's callbacks go (an SMS's delivery status). */
  readonly webhookBaseUrl: string;
  /** With it, a stored voicemail notifies its mailbox's owner (functions/app/voicemail-notice.ts). */
  readonly jobs?: JobQueue;
  /** Sends mail-send jobs; without it they are dead letters. */
  readonly mail?: MailSender;
  /** Runs a Scheduler job that came due (end-wrap-up); without it `scheduled` jobs are dead letters. */
  readonly runScheduled?: (job: ScheduledJob) => Promise<void>;
  /** One presence sweep; without it `presence-sweep` jobs are dead letters. */
  readonly sweepPresence?: () => Promise<unknown>;
  /** Overrides that notification (tests). */
  readonly onVoicemailStored?: (recording: StoredRecording) => Promise<void>;
  /** Transcribes stored agent calls (functions/app/quality/transcripts.ts); absent, calls get no transcript. */
  readonly transcription?: TranscriptionPort;
  /** Writes facts into the event history (texts sent, surveys asked); absent, they are not counted. */
  readonly recordHistory?: (events: readonly NewCenterEvent[]) => Promise<void>;
}

/** Routes an SMS conversation to an agent on the sms channel and remembers the task on the session. */
export async function processSmsTask(
  deps: Pick<JobWorkerDeps, 'store' | 'clock' | 'routing'>,
  job: SmsTaskJob,
): Promise<string> {
  const session = await deps.store.messaging.getSession(job.phone);
  if (session?.taskSid) return session.taskSid; // a replayed job
  // An agent took the conversation by replying before its task existed: nobody else is to be offered it.
  if (session?.agentId) return '';
  const taskSid = await deps.routing.createTask({
    taskChannel: 'sms',
    attributes: {
      channel: 'sms',
      type: 'sms',
      from: job.phone,
      to: job.ourNumber,
      name: job.phone,
      language: job.language,
      skill: 'general',
      ...(job.customerId ? { customer_id: job.customerId } : {}),
      message_sid: job.messageSid,
      first_message: job.firstMessage.slice(0, 500),
    },
  });
  // Only the task is written: the assignment may already have given the conversation to an agent.
  const routed = await deps.store.messaging.routeSession(
    job.phone,
    { taskSid },
    new Date(deps.clock.now()).toISOString(),
  );
  if (!routed) {
    // Ended before its task existed, or a replay that raced the first run: nobody is to be offered it.
    await deps.routing.endTask(taskSid, 'the conversation is no longer waiting for a person');
    return (await deps.store.messaging.getSession(job.phone))?.taskSid ?? taskSid;
  }
  return taskSid;
}

export function createJobWorker(deps: JobWorkerDeps): (job: Job) => Promise<unknown> {
  const outbound = {
    store: deps.store,
    clock: deps.clock,
    messages: deps.messages,
    from: deps.smsFrom,
    statusCallbackUrl: `${deps.webhookBaseUrl}${SMS_STATUS_PATH}`,
    ...(deps.recordHistory ? { recordHistory: deps.recordHistory } : {}),
  };
  const { jobs } = deps;
  const onVoicemailStored =
    deps.onVoicemailStored ??
    (jobs
      ? async (recording: StoredRecording) => {
          await notifyVoicemail({ ...deps, jobs }, recording);
        }
      : undefined);
  const { transcription } = deps;
  const onCallStored = transcription
    ? (recording: StoredRecording, pass: { readonly created: boolean }) =>
        startTranscript({ ...deps, transcription }, recording, pass)
    : undefined;
  const recordings = {
    ...deps,
    ...(onVoicemailStored ? { onVoicemailStored } : {}),
    ...(onCallStored ? { onCallStored } : {}),
  };
  return async (job) => {
    switch (job.kind) {
      case 'recording':
        return processRecording(recordings, job);
      case 'sms-send':
        return processSmsSend(outbound, job);
      case 'sms-task':
        return processSmsTask(deps, job);
      case 'mail-send':
        return processMailSend(deps, job);
      case 'scheduled': {
        const delaySeconds = queueDelaySeconds(Date.parse(job.runAt), deps.clock.now());
        if (delaySeconds > 1 && jobs) return jobs.send(job, { delaySeconds }); // beyond SQS's 15 minutes
        if (!deps.runScheduled) throw new PermanentJobError('no runner for scheduled jobs');
        return deps.runScheduled(job.job);
      }
      case 'presence-sweep':
        if (!deps.sweepPresence) throw new PermanentJobError('no presence sweeper');
        return deps.sweepPresence();
    }
  };
}
