// Ports for the media and messaging channels: the object store (S3), Twilio's recording media, mail
// (SES), and the repositories for recordings, SMS (suppressions, threads, bot sessions, surveys) and faxes.
import type { Language } from './model.js';
import type { Page, PageRequest } from './paging.js';
import type { NewStoredRecording, RecordingQuery, StoredRecording } from './recording.js';
import type { Answer, SurveyChannel } from './surveys.js';

export interface StoredObject {
  readonly size: number;
  /** Hex SHA-256 we stored as object metadata at upload. */
  readonly sha256?: string;
}

/** Private media: recordings, voicemails, faxes. S3 with SSE-KMS in AWS, s3rver locally. */
export interface MediaStore {
  put(
    key: string,
    body: Uint8Array,
    meta: { readonly contentType: string; readonly sha256: string },
  ): Promise<void>;
  head(key: string): Promise<StoredObject | undefined>;
  read(key: string): Promise<Uint8Array | undefined>;
  /**
   * The stored bytes' size and SHA-256 (hex), hashed as they stream in rather than held whole: checking a
   * recording need not hold megabytes of audio at once.
   */
  digest(key: string): Promise<{ readonly size: number; readonly sha256: string } | undefined>;
  /** A GET URL valid for `ttlSeconds`. */
  presignGet(key: string, ttlSeconds: number): Promise<string>;
}

/** The media of one Twilio recording and its removal (docs/twilio-behaviour.md §5.3). */
export interface TwilioRecordingMedia {
  /** WAV bytes; throws TwilioMediaError on HTTP errors and timeouts. */
  download(recordingSid: string, channels: 1 | 2): Promise<{ body: Uint8Array; contentType: string }>;
  /** 'gone' when Twilio no longer has it (404): deleted earlier, e.g. before a crash. */
  remove(recordingSid: string): Promise<'deleted' | 'gone'>;
}

export class TwilioMediaError extends Error {
  override readonly name = 'TwilioMediaError';
  constructor(
    readonly status: number | 'timeout' | 'network' | 'corrupt',
    message: string,
  ) {
    super(message);
  }
}

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}
export interface SentMail extends MailMessage {
  readonly id: string;
  readonly at: string;
}

/** Email: Amazon SES in AWS, a local outbox (files or memory) locally. */
export interface MailSender {
  send(message: MailMessage): Promise<{ readonly id: string }>;
}
/** The local outbox can be read back (for the developer and tests); SES cannot. */
export interface MailOutbox extends MailSender {
  list(): Promise<readonly SentMail[]>;
}

export interface RecordingRepo {
  get(sid: string): Promise<StoredRecording | undefined>;
  /** Writes the metadata and its index entries; idempotent on sid (a replay returns what is stored). */
  save(
    input: NewStoredRecording,
  ): Promise<{ readonly created: boolean; readonly recording: StoredRecording }>;
  markTwilioDeleted(sid: string, at: string): Promise<StoredRecording | undefined>;
  /** Newest first. */
  search(query: RecordingQuery, page?: PageRequest): Promise<Page<StoredRecording>>;
}

export type SmsDirection = 'inbound' | 'outbound';

export interface SmsMessage {
  readonly sid: string;
  readonly direction: SmsDirection;
  /** The customer's number, E.164. */
  readonly phone: string;
  readonly body: string;
  readonly at: string;
  readonly status: string;
  readonly customerId?: string;
  readonly agentId?: string;
  readonly purpose?: string;
  readonly errorCode?: string;
  readonly statusHistory?: readonly { readonly status: string; readonly at: string }[];
  /** A text of a bulk send (functions/domain/bulk-sms.ts): the send and recipient its reports go to. */
  readonly bulkSendId?: string;
  readonly bulkRecipientId?: string;
}

/** Where a customer's SMS dialogue stands: the bot, an agent conversation, or a survey. */
export interface SmsSession {
  readonly phone: string;
  readonly language: Language;
  readonly state: 'bot' | 'new-request' | 'agent' | 'survey';
  readonly customerId?: string;
  readonly taskSid?: string;
  readonly agentId?: string;
  /** In a survey: the call it is about, and the question (by its place among those texted) awaiting a reply. */
  readonly surveyCallSid?: string;
  readonly surveyQuestion?: number;
  readonly updatedAt: string;
}

/** A customer's answers to the questionnaire asked after one call (functions/domain/surveys.ts). */
export interface SurveyResponse {
  readonly callSid: string;
  readonly agentId?: string;
  readonly customerId?: string;
  readonly phone: string;
  /** The questionnaire's id; absent on answers kept before questionnaires existed (the service rating). */
  readonly questionnaire?: string;
  /** The hotline's flow the call came in on. */
  readonly hotline?: string;
  readonly channel?: SurveyChannel;
  readonly language?: Language;
  /** By question id. */
  readonly answers?: Readonly<Record<string, Answer>>;
  /** The CSAT (1-10) the answers give, once its question is answered. */
  readonly csat?: number;
  /** The CSAT question's answer as given (1-5 on the service rating). */
  readonly rating?: number;
  /** The first free-text answer. */
  readonly comment?: string;
  readonly askedAt: string;
  readonly answeredAt?: string;
  /** Every question asked was answered (or passed over on the keypad). */
  readonly completedAt?: string;
}

export interface Suppression {
  readonly phone: string;
  readonly keyword: string;
  readonly at: string;
}

export interface MessagingRepo {
  isSuppressed(phone: string): Promise<boolean>;
  suppress(phone: string, keyword: string): Promise<void>;
  unsuppress(phone: string): Promise<void>;
  /** Stores a message once (idempotent on sid). */
  saveMessage(message: SmsMessage): Promise<{ readonly created: boolean }>;
  getMessage(sid: string): Promise<SmsMessage | undefined>;
  /** Records a status callback; a late callback never moves a final status back. */
  recordStatus(sid: string, status: string, at: string, errorCode?: string): Promise<SmsMessage | undefined>;
  /** Oldest first. */
  thread(phone: string, page?: PageRequest): Promise<Page<SmsMessage>>;
  byCustomer(customerId: string, page?: PageRequest): Promise<Page<SmsMessage>>;
  getSession(phone: string): Promise<SmsSession | undefined>;
  putSession(session: SmsSession): Promise<void>;
  /**
   * Starts a conversation waiting for a person (`session.state` is 'agent'), unless one already waits or
   * is with an agent: of two texts arriving together only one starts it. True when this call did.
   * `stalledAt` names a stalled wait (no task, no agent, last changed then) that it may start over.
   */
  startWaiting(session: SmsSession, stalledAt?: string): Promise<boolean>;
  /**
   * Routes a conversation waiting for a person (state 'agent') in one write that changes only its task and,
   * when given, the agent it went to: the job that made the task and the assignment that gave it to an
   * agent can land in either order without one erasing the other. Refused (undefined) when there is no
   * such conversation, it is on another task, or (given an agent) another agent already holds it.
   */
  routeSession(
    phone: string,
    route: { readonly taskSid: string; readonly agentId?: string },
    at: string,
  ): Promise<SmsSession | undefined>;
  /**
   * Gives the conversation to `agentId` (a colleague's reply takes it over) in one write that changes only
   * the agent, so a task routed meanwhile is kept. Returns the conversation as it was before; undefined
   * when there is none.
   */
  takeSession(phone: string, agentId: string, at: string): Promise<SmsSession | undefined>;
  /**
   * Ends the person's part of a conversation (back to the bot, no task, no agent) in one write, so a task
   * or agent recorded meanwhile is not left behind on a conversation that looks over. Returns the
   * conversation as it was before (its task to withdraw, its agent to tell); undefined when there is none.
   */
  endSession(phone: string, at: string): Promise<SmsSession | undefined>;
  /** Claims a one-time key (e.g. a notification already sent); true when this call claimed it. */
  claimOnce(key: string): Promise<boolean>;
  getSurvey(callSid: string): Promise<SurveyResponse | undefined>;
  putSurvey(survey: SurveyResponse): Promise<void>;
  surveysByAgent(agentId: string, page?: PageRequest): Promise<Page<SurveyResponse>>;
  /** The surveys asked on a UTC day (YYYY-MM-DD), oldest first. */
  surveysOfDay(day: string, page?: PageRequest): Promise<Page<SurveyResponse>>;
}

export interface FaxRecord {
  /** The provider's fax id; also our id, so a re-delivered webhook stores nothing twice. */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly pages?: number;
  readonly receivedAt: string;
  readonly s3Key: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly customerId?: string;
  readonly ticketNumber?: string;
  readonly taskSid?: string;
  /** The agent it was routed to, and when. */
  readonly agentId?: string;
  readonly assignedAt?: string;
  /** When it was marked finished, and by whom. */
  readonly doneAt?: string;
  readonly doneBy?: string;
}

export interface FaxRepo {
  get(id: string): Promise<FaxRecord | undefined>;
  /** Idempotent on id. */
  save(fax: FaxRecord): Promise<{ readonly created: boolean; readonly fax: FaxRecord }>;
  update(
    id: string,
    patch: Partial<
      Pick<FaxRecord, 'taskSid' | 'ticketNumber' | 'agentId' | 'assignedAt' | 'doneAt' | 'doneBy'>
    >,
  ): Promise<void>;
  byCustomer(customerId: string): Promise<FaxRecord[]>;
}

/** TaskRouter tasks for work that is not a call (an SMS conversation, a fax). */
export interface TaskRouting {
  createTask(input: {
    readonly attributes: Readonly<Record<string, unknown>>;
    /** TaskChannel unique name: voice, sms, default ... */
    readonly taskChannel: string;
    readonly timeoutSeconds?: number;
  }): Promise<string>;
  /**
   * The work is over: a task still waiting or offered is canceled, one an agent took is completed; one
   * already ended (or unknown) is left as it is.
   */
  endTask(taskSid: string, reason: string): Promise<void>;
}
