// Background work handed from fast paths (webhooks) to a worker: the jobs, the queue port they travel
// on (SQS in AWS, an in-process queue on the shared clock locally) and the dead letters an admin replays.

/** A completed (or absent) recording to copy from Twilio into S3; built from the status callback. */
export interface RecordingJob {
  readonly kind: 'recording';
  readonly recordingSid: string;
  readonly callSid?: string;
  readonly conferenceSid?: string;
  readonly voicemailId?: string;
  /** The agent whose leg was recorded, when the center asked for the recording on it. */
  readonly agentId?: string;
  /** completed | absent | in-progress | failed, as Twilio sent it. */
  readonly status: string;
  readonly durationSeconds: number;
  readonly channels: 1 | 2;
  readonly source: string;
  readonly startedAt?: string;
  readonly receivedAt: string;
}

/** An SMS conversation to route to an agent through TaskRouter (the webhook has no REST client). */
export interface SmsTaskJob {
  readonly kind: 'sms-task';
  readonly phone: string;
  readonly ourNumber: string;
  readonly customerId?: string;
  readonly language: 'zh' | 'en';
  readonly firstMessage: string;
  readonly messageSid: string;
}

/** A text to send through Twilio (notification, survey question), checked against opt-outs first. */
export interface SmsSendJob {
  readonly kind: 'sms-send';
  readonly to: string;
  readonly body: string;
  readonly purpose: string;
  readonly customerId?: string;
  /** Idempotency: a replayed job with the same key sends nothing twice. */
  readonly dedupeKey: string;
  /** A post-call survey question: once sent, the sender's next texts answer it. */
  readonly survey?: {
    readonly callSid: string;
    readonly agentId?: string;
    /** The questionnaire and the hotline that asks it; absent on jobs queued before questionnaires. */
    readonly questionnaire?: string;
    readonly hotline?: string;
  };
  readonly language?: 'zh' | 'en';
  /** A text of a bulk send: its recipient follows what becomes of it. */
  readonly bulk?: BulkSmsRef;
}

/** The recipient of a bulk SMS send a text is for. */
export interface BulkSmsRef {
  readonly sendId: string;
  readonly recipientId: string;
}

/** An email (voicemail notice) through SES or the local outbox; its own job so a mail fault never holds up a recording. */
export interface MailSendJob {
  readonly kind: 'mail-send';
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** Idempotency: a replayed job with the same key mails nothing twice. */
  readonly dedupeKey: string;
}

/** Work a Scheduler (functions/domain/scheduler.ts) runs later: the end of an agent's wrap-up. */
export interface EndWrapUpJob {
  readonly kind: 'end-wrap-up';
  /** Empty for an agent who joined a call without a task of their own (a transfer or consult to them). */
  readonly taskSid: string;
  readonly workerSid: string;
}
/**
 * The end of the grace after an agent's leg left a call without the agent ending it (a reload, a lost
 * network): unless the agent rejoined, the customer goes back to the queue (or to voicemail when closed).
 */
export interface RejoinGraceJob {
  readonly kind: 'rejoin-grace';
  readonly taskSid: string;
  readonly workerSid: string;
  /** The customer's call. */
  readonly callSid: string;
  readonly conferenceSid: string;
  readonly conferenceName: string;
}
/**
 * A caller who joined the queue a few seconds ago: if no agent has taken them by now they are waiting,
 * and every agent's live queue is told (callers an agent takes at once are never announced).
 */
export interface AnnounceWaitingJob {
  readonly kind: 'announce-waiting';
  readonly callSid: string;
}
export type ScheduledJob = EndWrapUpJob | RejoinGraceJob | AnnounceWaitingJob;

/** A Scheduler job (functions/domain/scheduler.ts) travelling on the queue until `runAt`. */
export interface ScheduledQueueJob {
  readonly kind: 'scheduled';
  /** ISO time it is due; the worker re-sends it while it is more than a second early. */
  readonly runAt: string;
  readonly job: ScheduledJob;
}

/**
 * One presence sweep (functions/app/desk/presence.ts), queued by the scheduled-jobs function for 15, 30
 * and 45 s into each minute (functions/workers/scheduled-jobs.ts).
 */
export interface PresenceSweepJob {
  readonly kind: 'presence-sweep';
}

export type Job = RecordingJob | SmsTaskJob | SmsSendJob | MailSendJob | ScheduledQueueJob | PresenceSweepJob;

export interface JobQueue {
  /** Durable once it resolves; the worker may see a job more than once (at-least-once). */
  send(job: Job, options?: { readonly delaySeconds?: number }): Promise<void>;
}

export interface DeadLetter {
  readonly id: string;
  readonly job: Job;
  /** How many times the worker tried it. */
  readonly attempts: number;
  readonly lastError?: string;
  readonly failedAt?: string;
}

/** Jobs that exhausted their retries; an admin lists and replays them. */
export interface DeadLetterQueue {
  list(limit?: number): Promise<DeadLetter[]>;
  /** Sends the job back to the work queue and removes it here; false if no such dead letter. */
  replay(id: string): Promise<boolean>;
}

/** Thrown for a job that can never succeed (e.g. bad input): straight to the dead letters, no retries. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}
