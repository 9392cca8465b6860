// The voice operations the center uses outside TwiML: place and end calls, and steer conference
// participants (hold, mute, coach, add, remove). Its one adapter speaks Twilio's Voice REST API, which
// locally is served by the twin.
import type { ParticipantRecording } from './recording.js';

export interface CallView {
  readonly sid: string;
  readonly from?: string;
  readonly to?: string;
  readonly status: string;
  /** When the call was answered (ISO); absent until then. */
  readonly startedAt?: string;
  /** When the call ended (ISO); absent while it is live. */
  readonly endedAt?: string;
  /** Seconds from answer to end, once ended. */
  readonly durationSeconds?: number;
}

/** A recording the provider holds for a call, in whatever state it is. */
export interface RecordingView {
  readonly sid: string;
  readonly callSid: string;
  readonly conferenceSid?: string;
  /** in-progress, paused, processing, completed, absent, failed or deleted, as the provider says. */
  readonly status: string;
  readonly durationSeconds: number;
  readonly channels: 1 | 2;
  readonly source: string;
  readonly startedAt?: string;
}

export interface ConferenceView {
  readonly sid: string;
  readonly name: string;
  readonly status: string;
}

export interface ParticipantView {
  readonly callSid: string;
  readonly label?: string;
  readonly hold: boolean;
  readonly muted: boolean;
  readonly coaching?: boolean;
  /** Whom a coaching leg speaks to. */
  readonly callSidToCoach?: string;
}

export interface NewParticipant {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  readonly endConferenceOnExit?: boolean;
  readonly beep?: boolean;
  readonly muted?: boolean;
  readonly coaching?: boolean;
  readonly callSidToCoach?: string;
  readonly timeoutSeconds?: number;
  readonly statusCallback?: string;
  readonly statusCallbackEvent?: readonly string[];
  /**
   * The conference's own status events, for a participant that may be the first to join: the first one's
   * settings are the conference's, whoever carries them.
   */
  readonly conferenceStatusCallback?: { readonly url: string; readonly events: readonly string[] };
  /** Records this participant's leg from answer to hang-up. */
  readonly record?: ParticipantRecording;
}

export interface ParticipantUpdate {
  /** Whether this participant's leaving ends the conference for everyone. */
  readonly endConferenceOnExit?: boolean;
  readonly hold?: boolean;
  readonly holdUrl?: string;
  readonly muted?: boolean;
  readonly coaching?: boolean;
  readonly callSidToCoach?: string;
  /** TwiML played to this participant only (the others hear nothing of it). */
  readonly announceUrl?: string;
}

/** The call progress events a status callback can ask for (Twilio's default is `completed` only). */
export type CallProgressEvent = 'initiated' | 'ringing' | 'answered' | 'completed';

/**
 * Answering-machine detection on a placed call. Without `asyncCallback` the call's document is fetched once
 * detection ends, with `AnsweredBy`; with it the document runs on answer and the result is posted there.
 */
export interface MachineDetection {
  readonly mode: 'Enable' | 'DetectMessageEnd';
  readonly asyncCallback?: string;
  /** Past this the result is `unknown`; the provider's default is 30 s. */
  readonly timeoutSeconds?: number;
}

/** What a placed call runs once answered: TwiML given now, or a URL the provider fetches; exactly one. */
export type CallDocument =
  | { readonly twiml: string; readonly url?: never }
  | { readonly url: string; readonly twiml?: never };

export type NewCall = CallDocument & {
  readonly from: string;
  readonly to: string;
  /** Told when the call is over (Twilio's default `completed` event), whoever ended it. */
  readonly statusCallback?: string;
  /** The events `statusCallback` hears; default `completed` only. */
  readonly statusCallbackEvents?: readonly CallProgressEvent[];
  /** How long it rings before giving up (Twilio's `Timeout`, default 60). */
  readonly timeoutSeconds?: number;
  readonly machineDetection?: MachineDetection;
};

export interface TelephonyPort {
  call(callSid: string): Promise<CallView | undefined>;
  /** Places a call that runs the given TwiML, or fetches the given URL, once answered. */
  createCall(input: NewCall): Promise<CallView>;
  /** Ends a call (status completed) or redirects it to new TwiML. */
  updateCall(
    callSid: string,
    update: { readonly status?: 'completed'; readonly twiml?: string },
  ): Promise<void>;
  /** Calls placed to `to` that are still being set up or ringing (not yet answered, not yet over). */
  ringing(to: string): Promise<CallView[]>;
  conferences(filter: { readonly name?: string; readonly status?: 'in-progress' }): Promise<ConferenceView[]>;
  endConference(conference: string): Promise<void>;
  participants(conference: string): Promise<ParticipantView[]>;
  /** Adds a participant; `conference` is the SID or, for a new one, the friendly name. */
  addParticipant(conference: string, input: NewParticipant): Promise<{ readonly callSid: string }>;
  updateParticipant(conference: string, callSid: string, update: ParticipantUpdate): Promise<void>;
  removeParticipant(conference: string, callSid: string): Promise<void>;
  /**
   * Pauses (with silence) or resumes a live recording of the call that owns it: the given recording, or
   * the call's current one. A call without a live recording is refused (404).
   */
  setRecording(callSid: string, action: 'pause' | 'resume', recordingSid?: string): Promise<void>;
  /** The recordings of a call (its own and its conferences'), newest first; none for an unknown call. */
  recordings(callSid: string): Promise<RecordingView[]>;
}

/** A refusal from the telephony provider (a 4xx from Twilio's REST API), with its status and code. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    message: string,
  ) {
    super(message);
  }
}
