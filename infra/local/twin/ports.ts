// How the twin's parts talk to each other: the voice engine (calls, TwiML, conferences) and the
// TaskRouter engine (tasks, workers, reservations) each expose a small interface the other uses,
// so each can be built and tested alone. Both take time and timers from one TimerClock.
import type { TimerClock } from '../../../functions/domain/manual-clock.js';

export interface TwinAccount {
  readonly accountSid: string;
  readonly authToken: string;
}

/** Sends a signed, form-encoded (or JSON for TaskRouter assignment replies) request like Twilio does. */
export interface WebhookResult {
  readonly ok: boolean;
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  /** Twilio error code when the request failed (11200 HTTP retrieval failure, 11205 connection failed or timed out, 11210 unknown host ...). */
  readonly errorCode?: number;
}
export interface WebhookSender {
  send(request: {
    readonly url: string;
    readonly method: 'GET' | 'POST';
    readonly params: Readonly<Record<string, string | readonly string[]>>;
    /** Tag for the twin's log, usually the CallSid or TaskSid. */
    readonly correlationId?: string;
    readonly fallbackUrl?: string;
    readonly fallbackMethod?: 'GET' | 'POST';
  }): Promise<WebhookResult>;
}

/** What the TaskRouter engine asks of the voice engine when it carries out reservation instructions. */
export interface VoicePort {
  /** Bridges the caller parked in an Enqueue (workflowSid) to `to` (client:identity or number). */
  dequeue(input: {
    readonly callSid: string;
    readonly reservationSid: string;
    readonly to: string;
    readonly from: string;
    readonly timeoutSeconds?: number;
    readonly record?: string;
    readonly statusCallbackUrl?: string;
    /** Space- or comma-separated call events for the status callback; only `completed` when absent. */
    readonly statusCallbackEvents?: string;
    /** Receives a function that hangs up the agent leg while it still rings (the reservation ended). */
    readonly registerCancel?: (cancel: () => void) => void;
    readonly onOutcome: (outcome: 'bridged' | 'no-answer' | 'caller-gone') => void;
  }): Promise<void>;
  /** Puts the caller and `to` into a conference named after the task (Flex style). */
  conference(input: {
    readonly callSid: string;
    readonly reservationSid: string;
    readonly taskSid: string;
    readonly to: string;
    readonly from: string;
    readonly params: Readonly<Record<string, string>>;
    /** Whether the reservation is still pending when the agent answers (a late answer is hung up). */
    readonly isPending?: () => boolean;
    readonly registerCancel?: (cancel: () => void) => void;
    readonly onOutcome: (outcome: 'bridged' | 'no-answer' | 'caller-gone', conferenceSid?: string) => void;
  }): Promise<void>;
  /** Moves a queued call to new TwiML (redirect instruction). */
  redirect(callSid: string, url: string, method?: 'GET' | 'POST'): Promise<void>;
  /** Places a call to a worker and runs `url` when answered (call instruction). */
  call(input: {
    readonly from: string;
    readonly to: string;
    readonly url: string;
    /** Ring time of the worker's leg (the instruction's Timeout); 60 s when absent. */
    readonly timeoutSeconds?: number;
    /** Gets only `completed`: the call instruction has no event list (§1.3 default). */
    readonly statusCallbackUrl?: string;
  }): Promise<string>;
}

/** What the voice engine asks of the TaskRouter engine for `<Enqueue workflowSid>`. */
export interface TaskRouterPort {
  /** Creates the Task for a call entering an Enqueue; returns its SID. */
  createTaskForCall(input: {
    readonly workflowSid: string;
    readonly callSid: string;
    /** The `<Task>` JSON merged with the call's snake_case parameters (call_sid, from, to, ...). */
    readonly attributes: Readonly<Record<string, unknown>>;
    readonly priority?: number;
    readonly timeoutSeconds?: number;
  }): Promise<
    | { readonly ok: true; readonly taskSid: string }
    | { readonly ok: false; readonly errorCode: number; readonly message: string }
  >;
  /** The caller left the queue (hung up, <Leave>, redirect): cancel the Task if not yet assigned. */
  cancelTaskForCall(taskSid: string, reason: string): Promise<void>;
}

export interface TwinContext {
  readonly account: TwinAccount;
  readonly clock: TimerClock;
  readonly webhooks: WebhookSender;
  /** Appends to the twin's log, readable by correlation id (CallSid, TaskSid ...). */
  readonly log: TwinLog;
}

export interface TwinLogEntry {
  readonly at: string;
  readonly correlationId?: string;
  readonly kind: 'webhook' | 'error' | 'event' | 'rest';
  readonly summary: string;
  readonly detail?: Readonly<Record<string, unknown>>;
  /** Twilio error or warning code, e.g. 12100 (document parse failure), 11200. */
  readonly code?: number;
}
export interface TwinLog {
  append(entry: Omit<TwinLogEntry, 'at'>): void;
  byCorrelation(id: string): readonly TwinLogEntry[];
  all(): readonly TwinLogEntry[];
}
