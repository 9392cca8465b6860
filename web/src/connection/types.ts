// The one interface the agent desktop talks to for calls and worker events. Two implementations (the
// Twilio SDKs and the local twin's WebSocket) emit the same events, so the UI cannot tell them apart.

/** What `POST /api/agent/token` returns. */
export interface AgentToken {
  readonly token: string;
  readonly identity: string;
  /** ISO 8601; the token must be replaced before then. */
  readonly expiresAt: string;
  /**
   * Its lifetime in seconds: the page's clock may differ from the center's (a simulated clock, a wrong
   * clock), so the refresh is timed from when the token arrived.
   */
  readonly ttlSeconds?: number;
  readonly mode: 'twilio' | 'local';
  /** Local mode: where the agent link listens, e.g. `/twin/agent-link`. */
  readonly linkUrl?: string;
}

/** The visible state of the link: one word the UI shows in the status bar. */
export type LinkState = 'connecting' | 'online' | 'reconnecting' | 'offline';

export interface IncomingCall {
  readonly callSid: string;
  readonly from: string;
  readonly to: string;
  readonly parameters: Readonly<Record<string, string>>;
}

/** Reservation lifecycle, as the Worker SDK names it (docs/twilio-behaviour.md §4.12). */
export type ReservationEventName =
  | 'created'
  | 'accepted'
  | 'rejected'
  | 'timeout'
  | 'canceled'
  | 'rescinded'
  | 'completed'
  | 'wrapup';

export type ConnectionEvent =
  | { readonly type: 'state'; readonly state: LinkState; readonly detail?: string }
  | { readonly type: 'incoming'; readonly call: IncomingCall }
  /** A ringing call stopped ringing this page without being answered here (canceled, rejected, timeout). */
  | { readonly type: 'ring-ended'; readonly callSid: string; readonly outcome: string }
  /** This page's call is live. */
  | { readonly type: 'connected'; readonly callSid: string }
  | { readonly type: 'disconnected'; readonly callSid: string }
  | {
      readonly type: 'reservation';
      readonly event: ReservationEventName;
      readonly reservationSid: string;
      readonly taskSid: string;
      readonly taskAttributes: Readonly<Record<string, unknown>>;
    }
  | { readonly type: 'activity'; readonly activityName: string }
  | { readonly type: 'error'; readonly message: string; readonly code?: number };

export type ConnectionListener = (event: ConnectionEvent) => void;

export interface AgentConnection {
  readonly mode: 'twilio' | 'local';
  readonly identity: string;
  readonly state: LinkState;
  /** Connects (or reconnects after stop); resolves once the first attempt has been made. */
  start(): Promise<void>;
  /** Answers a ringing call on this page. */
  accept(callSid: string): void;
  /** Declines a ringing call, so the caller is offered to someone else. */
  reject(callSid: string): void;
  /** Ends this page's leg of a live call. */
  hangup(callSid: string): void;
  /** The tab became visible or the network came back: check the link now instead of after the backoff. */
  nudge(): void;
  /** Subscribes to events; returns the unsubscribe function. */
  on(listener: ConnectionListener): () => void;
  /** Closes everything for good (sign-out, page unload). */
  stop(): void;
}

/** Where a fresh token comes from; a function so tests and both implementations share it. */
export type TokenFetcher = () => Promise<AgentToken>;

/** setTimeout and friends, injectable so tests run on fake time. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};
