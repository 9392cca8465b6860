// What the recordings, SMS, voicemail and fax routes need beyond the foundation's deps: the job queue
// (webhooks only enqueue), dead letters (admin replay), the media store (presigned playback), mail (SES or
// the local outbox), the playback URL lifetime and the fax webhook's HMAC secret.
import type { MailOutbox, MailSender, MediaStore, TaskRouting } from '../domain/channel-ports.js';
import type { DeadLetterQueue, JobQueue } from '../domain/jobs.js';

export interface ChannelDeps {
  readonly jobs: JobQueue;
  readonly deadLetters: DeadLetterQueue;
  readonly media: MediaStore;
  readonly mail: MailSender | MailOutbox;
  /** Lifetime of presigned playback URLs. */
  readonly playbackTtlSeconds: number;
  /** HMAC-SHA256 key of the fax provider's webhook; absent = fax intake off (404). */
  readonly faxSecret?: string;
  /** Our SMS sender number (the hotline). */
  readonly smsFrom: string;
  /** TaskRouter tasks for faxes (the API has the Twilio client; webhooks enqueue instead). */
  readonly routing: TaskRouting;
}

export function isOutbox(mail: MailSender | MailOutbox): mail is MailOutbox {
  return typeof (mail as MailOutbox).list === 'function';
}
