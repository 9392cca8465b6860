// The page's end of the push channel: one WebSocket to the center (the local server's /push, or API
// Gateway's WebSocket API), opened with a one-minute ticket from POST /api/push. The center sends only
// "this changed" with topics; the page reads them again through the API. While the channel is up the desk
// polls nothing and, when it holds the phone, the open channel is the agent's presence; while it is down
// the desk falls back to polling and heartbeats, and the channel reconnects with backoff.
import { PUSH_TOPICS, type PushTopic } from '../../../functions/domain/push-topics.js';
import { backoffDelay } from './backoff.js';
import { realTimers, type Timers } from './types.js';

/** Longer than a container keeps its list of connections (PUSH_AUDIENCE_CACHE_MS, 2 s). */
const CATCH_UP_MS = 3000;

export interface PushTicket {
  readonly url: string;
  readonly ticket: string;
  readonly keepaliveSeconds: number;
}

export interface PushChannelOptions {
  readonly ticket: () => Promise<PushTicket>;
  /** This page holds the agent's phone: the center counts the agent present while it is connected. */
  readonly phone: boolean;
  readonly onChanged: (topics: readonly PushTopic[]) => void;
  /** Up: the channel opened (read everything again); down: it closed (poll until it is back). */
  readonly onState: (up: boolean) => void;
  readonly timers?: Timers;
  /** The WebSocket constructor; injectable for tests. */
  readonly socket?: (url: string) => WebSocket;
}

export interface PushChannel {
  stop(): void;
  /** The tab became visible or the network came back: reconnect now rather than after the backoff. */
  nudge(): void;
}

export function openPushChannel(options: PushChannelOptions): PushChannel {
  const timers = options.timers ?? realTimers;
  const open = options.socket ?? ((url: string) => new WebSocket(url));
  let socket: WebSocket | undefined;
  let stopped = false;
  let attempt = 0;
  let retry: unknown;
  let keepalive: unknown;
  let catchUp: unknown;
  let up = false;

  const setUp = (next: boolean) => {
    if (up === next) return;
    up = next;
    options.onState(next);
  };

  const schedule = () => {
    if (stopped) return;
    timers.clearTimeout(retry);
    retry = timers.setTimeout(() => void connect(), backoffDelay(attempt++));
  };

  async function connect(): Promise<void> {
    if (stopped || socket) return;
    let ticket: PushTicket;
    try {
      ticket = await options.ticket();
    } catch {
      schedule();
      return;
    }
    if (stopped) return;
    const url = `${ticket.url}?ticket=${encodeURIComponent(ticket.ticket)}&phone=${options.phone ? 1 : 0}`;
    const ws = open(url);
    socket = ws;
    const beat = () => {
      keepalive = timers.setTimeout(() => {
        if (ws.readyState === ws.OPEN) ws.send('keepalive');
        beat();
      }, ticket.keepaliveSeconds * 1000);
    };
    ws.onopen = () => {
      attempt = 0;
      beat();
      setUp(true);
      // A container that published in the seconds before this connect may not know of it yet (each keeps
      // its list of connections a moment): read once more when that moment has passed.
      catchUp = timers.setTimeout(() => {
        if (socket === ws) options.onChanged(PUSH_TOPICS);
      }, CATCH_UP_MS);
    };
    ws.onmessage = (event) => {
      try {
        const message = JSON.parse(String(event.data)) as { type?: string; topics?: PushTopic[] };
        if (message.type === 'changed' && Array.isArray(message.topics)) options.onChanged(message.topics);
      } catch {
        // Not ours: the channel carries only JSON change notices.
      }
    };
    ws.onclose = () => {
      timers.clearTimeout(keepalive);
      timers.clearTimeout(catchUp);
      if (socket === ws) socket = undefined;
      setUp(false);
      // A refused ticket (expired, or the session ended) is asked for anew like any retry, with backoff,
      // so a signed-out page does not knock in a loop.
      schedule();
    };
  }

  void connect();
  return {
    stop() {
      stopped = true;
      timers.clearTimeout(retry);
      timers.clearTimeout(keepalive);
      timers.clearTimeout(catchUp);
      const ws = socket;
      socket = undefined;
      ws?.close(1000);
      setUp(false);
    },
    nudge() {
      if (stopped || socket) return;
      attempt = 0;
      timers.clearTimeout(retry);
      void connect();
    },
  };
}
