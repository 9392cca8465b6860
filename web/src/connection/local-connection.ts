// The local implementation: one WebSocket to the twin's agent link (infra/local/twin/agent-link),
// authenticated by the same Access Token the Twilio SDKs would get. It reconnects with backoff and a
// fresh token, pings to notice a half-open socket after the laptop slept, and refreshes the token
// before it expires so a reconnect never presents a stale one.
import { type BackoffOptions, backoffDelay } from './backoff.js';
import { createEmitter } from './emitter.js';
import type {
  AgentConnection,
  AgentToken,
  ConnectionEvent,
  LinkState,
  ReservationEventName,
  Timers,
  TokenFetcher,
} from './types.js';
import { realTimers } from './types.js';

/** The part of the browser's WebSocket this module uses (a fake in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}
export type SocketFactory = (url: string) => SocketLike;

export interface LocalConnectionOptions {
  readonly token: AgentToken;
  readonly fetchToken: TokenFetcher;
  /** `ws://host:port` of the page; default from `location`. */
  readonly origin?: string;
  readonly openSocket?: SocketFactory;
  readonly timers?: Timers;
  readonly backoff?: BackoffOptions;
  /** How often to ping; default 20 s. A pong missing for `pongTimeoutMs` (10 s) drops the socket. */
  readonly pingMs?: number;
  readonly pongTimeoutMs?: number;
  /** Fetch a new token this long before expiry; default 60 s. */
  readonly refreshBeforeMs?: number;
}

const OPEN = 1;
const RESERVATION_EVENTS = new Set<string>([
  'created',
  'accepted',
  'rejected',
  'timeout',
  'canceled',
  'rescinded',
  'completed',
  'wrapup',
]);

export function linkUrl(token: AgentToken, origin: string): string {
  const path = token.linkUrl ?? '/twin/agent-link';
  const url = new URL(path, origin.replace(/^http/, 'ws'));
  url.protocol = url.protocol.replace(/^http/, 'ws');
  url.searchParams.set('token', token.token);
  // As the Twilio connection asks the Worker SDK: presence is the heartbeat sweep's job, with its grace.
  url.searchParams.set('setWorkerOfflineIfDisconnected', 'false');
  return url.toString();
}

function defaultOrigin(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

export function createLocalConnection(options: LocalConnectionOptions): AgentConnection {
  const timers = options.timers ?? realTimers;
  const openSocket = options.openSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const pingMs = options.pingMs ?? 20_000;
  const pongTimeoutMs = options.pongTimeoutMs ?? 10_000;
  const refreshBeforeMs = options.refreshBeforeMs ?? 60_000;
  const emitter = createEmitter();
  let token = options.token;
  let receivedAt = timers.now();
  let state: LinkState = 'offline';
  let socket: SocketLike | undefined;
  let attempt = 0;
  let stopped = true;
  let reconnectTimer: unknown;
  let pingTimer: unknown;
  let pongTimer: unknown;
  let refreshTimer: unknown;

  const setState = (next: LinkState, detail?: string) => {
    if (next === state) return;
    state = next;
    emitter.emit({ type: 'state', state: next, ...(detail ? { detail } : {}) });
  };
  const send = (message: unknown) => {
    if (socket && socket.readyState === OPEN) socket.send(JSON.stringify(message));
  };

  function scheduleRefresh(): void {
    timers.clearTimeout(refreshTimer);
    const expires =
      token.ttlSeconds !== undefined ? receivedAt + token.ttlSeconds * 1000 : Date.parse(token.expiresAt);
    const due = expires - refreshBeforeMs - timers.now();
    refreshTimer = timers.setTimeout(() => void refresh(), Math.max(5_000, due));
  }

  async function refresh(): Promise<void> {
    if (stopped) return;
    try {
      token = await options.fetchToken();
      receivedAt = timers.now();
      scheduleRefresh();
    } catch (error) {
      emitter.emit({ type: 'error', message: `token refresh failed: ${(error as Error).message}` });
      refreshTimer = timers.setTimeout(() => void refresh(), backoffDelay(1, options.backoff));
    }
  }

  function schedulePing(): void {
    timers.clearTimeout(pingTimer);
    pingTimer = timers.setTimeout(() => {
      send({ type: 'ping' });
      pongTimer = timers.setTimeout(() => drop('no answer to ping'), pongTimeoutMs);
    }, pingMs);
  }

  /** Gives up on the current socket and reconnects (its own onclose may never come on a dead network). */
  function drop(reason: string): void {
    const old = socket;
    socket = undefined;
    if (old) {
      old.onclose = null;
      old.onmessage = null;
      try {
        old.close(4000, reason);
      } catch {
        // already closing
      }
    }
    scheduleReconnect(reason);
  }

  function scheduleReconnect(reason: string): void {
    timers.clearTimeout(pingTimer);
    timers.clearTimeout(pongTimer);
    if (stopped) return;
    setState('reconnecting', reason);
    timers.clearTimeout(reconnectTimer);
    reconnectTimer = timers.setTimeout(() => void reconnect(), backoffDelay(attempt++, options.backoff));
  }

  async function reconnect(): Promise<void> {
    if (stopped) return;
    try {
      // A fresh token every time: the old one may have expired while the tab slept.
      token = await options.fetchToken();
      receivedAt = timers.now();
      scheduleRefresh();
    } catch (error) {
      scheduleReconnect(`token: ${(error as Error).message}`);
      return;
    }
    open();
  }

  function open(): void {
    if (stopped) return;
    const ws = openSocket(linkUrl(token, options.origin ?? defaultOrigin()));
    socket = ws;
    ws.onmessage = (event) => {
      if (socket !== ws) return;
      onMessage(String(event.data));
    };
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = undefined;
      scheduleReconnect(event.reason || `closed (${event.code})`);
    };
    ws.onerror = () => {
      // onclose follows and reconnects.
    };
  }

  function onMessage(text: string): void {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    const str = (key: string) => String(message[key] ?? '');
    switch (message.type) {
      case 'ready':
        attempt = 0;
        setState('online');
        schedulePing();
        return;
      case 'pong':
        timers.clearTimeout(pongTimer);
        schedulePing();
        return;
      case 'incoming':
        emitter.emit({
          type: 'incoming',
          call: {
            callSid: str('callSid'),
            from: str('from'),
            to: str('to'),
            parameters: (message.parameters ?? {}) as Record<string, string>,
          },
        });
        return;
      case 'ring-ended':
        emitter.emit({ type: 'ring-ended', callSid: str('callSid'), outcome: str('outcome') });
        return;
      case 'connected':
        emitter.emit({ type: 'connected', callSid: str('callSid') });
        return;
      case 'disconnected':
        emitter.emit({ type: 'disconnected', callSid: str('callSid') });
        return;
      case 'reservation': {
        const name = str('event');
        if (!RESERVATION_EVENTS.has(name)) return;
        const attributes = message.taskAttributes;
        emitter.emit({
          type: 'reservation',
          event: name as ReservationEventName,
          reservationSid: str('reservationSid'),
          taskSid: str('taskSid'),
          taskAttributes:
            attributes && typeof attributes === 'object' ? (attributes as Record<string, unknown>) : {},
        });
        return;
      }
      case 'activity':
        emitter.emit({ type: 'activity', activityName: str('activityName') });
        return;
      case 'error': {
        const event: ConnectionEvent = {
          type: 'error',
          message: str('message'),
          ...(typeof message.code === 'number' ? { code: message.code } : {}),
        };
        emitter.emit(event);
        return;
      }
    }
  }

  return {
    mode: 'local',
    get identity() {
      return token.identity;
    },
    get state() {
      return state;
    },
    async start() {
      if (!stopped) return;
      stopped = false;
      attempt = 0;
      setState('connecting');
      scheduleRefresh();
      open();
    },
    accept: (callSid) => send({ type: 'accept', callSid }),
    reject: (callSid) => send({ type: 'reject', callSid }),
    hangup: (callSid) => send({ type: 'hangup', callSid }),
    nudge() {
      // The tab woke up or the network came back: do not wait out the backoff.
      if (stopped || state !== 'reconnecting') return;
      timers.clearTimeout(reconnectTimer);
      void reconnect();
    },
    on: emitter.on,
    stop() {
      if (stopped) return;
      stopped = true;
      for (const t of [reconnectTimer, pingTimer, pongTimer, refreshTimer]) timers.clearTimeout(t);
      const old = socket;
      socket = undefined;
      if (old) {
        old.onclose = null;
        old.close(1000, 'signed out');
      }
      setState('offline');
    },
  };
}
