// The voice engine's data: calls and their statuses, what a caller heard, what a call is waiting for, and
// where control goes next. Plain records so the REST layer and sim API can render them.
import type { CallControl } from './call-control.js';
import type { HttpMethod, Navigation, Params, WaitingFor } from './navigation.js';
import type { XmlElement } from './xml.js';

// Re-exported: the voice modules take every call type from here.
export type { HttpMethod, Navigation, Params, WaitingFor } from './navigation.js';

export type CallStatus =
  | 'queued'
  | 'ringing'
  | 'in-progress'
  | 'completed'
  | 'busy'
  | 'failed'
  | 'no-answer'
  | 'canceled';
export type CallDirection = 'inbound' | 'outbound-api' | 'outbound-dial';
export type CallEvent = 'initiated' | 'ringing' | 'answered' | 'completed';
export const FINAL_STATUSES: readonly CallStatus[] = ['completed', 'busy', 'failed', 'no-answer', 'canceled'];

export interface Heard {
  readonly verb: 'say' | 'play' | 'beep' | 'dtmf';
  readonly text: string;
  readonly language?: string;
  readonly voice?: string;
  readonly loop?: number;
  readonly at: number;
}

export interface StatusCallbackConfig {
  readonly url: string;
  readonly method: HttpMethod;
  readonly events: ReadonlySet<CallEvent>;
}

export interface Call {
  readonly sid: string;
  readonly from: string;
  readonly to: string;
  readonly direction: CallDirection;
  readonly parentCallSid?: string;
  readonly dateCreated: number;
  status: CallStatus;
  dateUpdated: number;
  startTime?: number;
  endTime?: number;
  statusCallback?: StatusCallbackConfig;
  sequence: number;
  readonly heard: Heard[];
  waitingFor: WaitingFor;
  fallback?: { readonly url: string; readonly method: HttpMethod };
  applicationSid?: string;
  /** Extra parameters sent on every request of this call (e.g. SDK custom parameters). */
  extraParams: Params;
  readonly control: CallControl;
  /** Settings from Calls.create Record=true, recorded from answer to hang-up. */
  recordCall?: RecordSettings;
  /** Queue or conference the call is in, for REST and sim views. */
  queueSid?: string;
  conferenceSid?: string;
  /** The call this one is bridged to, if any. */
  bridgedTo?: string;
  answeredBy?: string;
  /** Where the call's main document stands, so a restarted twin can carry the call on from there. */
  position?: CallPosition;
}

export interface CallPosition {
  /** The request that fetched (or is fetching) the current main document. */
  readonly nav: Navigation;
  /** The document being run and the verb it is on, once fetched. */
  doc?: { readonly url: string | undefined; readonly verbs: readonly XmlElement[] };
  index?: number;
}

export interface RecordSettings {
  readonly statusCallback?: string;
  readonly statusCallbackMethod: HttpMethod;
  readonly statusCallbackEvents: readonly string[];
  readonly channels: 1 | 2;
  readonly source: 'OutboundAPI' | 'DialVerb' | 'RecordVerb' | 'Conference';
}

/** How a verb (or a document) hands back control. */
export type Flow =
  | { readonly kind: 'next' }
  | { readonly kind: 'goto'; readonly nav: Navigation }
  | { readonly kind: 'hangup'; readonly status?: CallStatus }
  | { readonly kind: 'leave' }
  /** The call was interrupted (hang-up, redirect, a state change) and the caller of runVerbs decides. */
  | { readonly kind: 'stop' };

/**
 * What a running document is for; waitUrl, holdUrl and whisper documents allow fewer verbs. `queue-reply` is a
 * document of the queue's wait loop other than waitUrl itself (a Gather's action, a Redirect): the same verbs,
 * but what it says answers the caller rather than filling the wait.
 */
export type DocMode = 'main' | 'queue-wait' | 'queue-reply' | 'conference-wait' | 'hold' | 'whisper';

/** A fetched and checked TwiML document. */
export interface LoadedDocument {
  readonly verbs: readonly XmlElement[];
  /** The document's URL (base for relative URLs); undefined for inline Twiml. */
  readonly url: string | undefined;
}
