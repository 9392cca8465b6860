// Call recordings kept in our own bucket: the metadata stored once the media is verified in S3, the
// object key (by date and call), and the record parameters the dialing side puts on agent calls.
import type { Stamped } from './model.js';

/** A recording copied from Twilio into S3 and verified there (size and SHA-256 read back). */
export interface StoredRecording extends Stamped {
  /** Twilio RecordingSid; also the id, so a replayed callback finds what it stored. */
  readonly sid: string;
  readonly kind: 'call' | 'voicemail';
  readonly callSid?: string;
  readonly conferenceSid?: string;
  readonly voicemailId?: string;
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly channels: 1 | 2;
  /** Twilio's RecordingSource: DialVerb, RecordVerb, Conference ... */
  readonly source: string;
  /** The customer's number (E.164 when known). */
  readonly caller?: string;
  readonly agentId?: string;
  readonly customerId?: string;
  readonly ticketNumbers: readonly string[];
  readonly queue?: string;
  readonly s3Key: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  /** Hex SHA-256 of the media, as downloaded and as read back from S3. */
  readonly sha256: string;
  readonly storedAt: string;
  /** Set once Twilio's copy was deleted, which only happens after verification. */
  readonly twilioDeletedAt?: string;
}

export type NewStoredRecording = Omit<StoredRecording, 'createdAt' | 'updatedAt' | 'version'>;

/** Search criteria; every one optional, combined with AND. Times are ISO 8601. */
export interface RecordingQuery {
  readonly from?: string;
  readonly to?: string;
  readonly agentId?: string;
  readonly caller?: string;
  readonly customerId?: string;
  readonly ticket?: string;
  readonly queue?: string;
}

/** `recordings/2026/03/02/CA…/RE….wav`: by UTC date, then call, so one call's files sit together. */
export function recordingKey(input: {
  readonly kind: StoredRecording['kind'];
  readonly startedAt: string;
  readonly callSid?: string;
  readonly sid: string;
}): string {
  const day = input.startedAt.slice(0, 10).replaceAll('-', '/');
  const prefix = input.kind === 'voicemail' ? 'voicemails' : 'recordings';
  return `${prefix}/${day}/${input.callSid ?? 'no-call'}/${input.sid}.wav`;
}

/** The webhook Twilio calls when a recording is ready (§5.2); `call` ties it to the customer's call. */
export const RECORDING_STATUS_PATH = '/twilio/recording-status';

export function recordingStatusCallbackUrl(
  publicBaseUrl: string,
  context: { readonly callSid?: string; readonly voicemailId?: string; readonly agentId?: string } = {},
): string {
  const query = new URLSearchParams();
  if (context.callSid) query.set('call', context.callSid);
  // Whose leg it is: the call record names only its latest agent, and a transfer moves it on.
  if (context.agentId) query.set('agent', context.agentId);
  if (context.voicemailId) query.set('voicemail', context.voicemailId);
  const qs = query.toString();
  return `${publicBaseUrl}${RECORDING_STATUS_PATH}${qs ? `?${qs}` : ''}`;
}

/**
 * Attributes for `<Dial>` on an agent call: dual channel (the calling leg on channel 1, the dialled one on
 * 2) from answer, with our status callback carrying the CallSid the recording is filed under.
 */
export function agentDialRecording(publicBaseUrl: string, customerCallSid: string) {
  const events: ('completed' | 'absent')[] = ['completed', 'absent'];
  return {
    record: 'record-from-answer-dual' as const,
    recordingStatusCallback: recordingStatusCallbackUrl(publicBaseUrl, { callSid: customerCallSid }),
    recordingStatusCallbackMethod: 'POST' as const,
    // A list, as TwiML builders take it; it is rendered space-separated.
    recordingStatusCallbackEvent: events,
  };
}

/** How a party dialled into a conference is recorded: its own leg, both directions on two channels. */
export interface ParticipantRecording {
  readonly channels: 'mono' | 'dual';
  readonly statusCallback: string;
  readonly statusCallbackEvent: readonly string[];
}

/**
 * A participant's own recording (Participants API `Record`, dual channel; a conference recording would be
 * mono). Without `customerCallSid` (the customer's leg is the one being added, so its SID is not known
 * yet) the callback's own CallSid is the customer's.
 */
export function participantRecording(
  publicBaseUrl: string,
  customerCallSid?: string,
  agentId?: string,
): ParticipantRecording {
  return {
    channels: 'dual',
    statusCallback: recordingStatusCallbackUrl(publicBaseUrl, {
      ...(customerCallSid ? { callSid: customerCallSid } : {}),
      ...(agentId ? { agentId } : {}),
    }),
    statusCallbackEvent: ['completed', 'absent'],
  };
}
