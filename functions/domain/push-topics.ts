// What the push channel says, shared with the browser (this module imports nothing, so the web bundle can
// take it): the topics a page may be told changed, each one of the page's reads.
export const PUSH_TOPICS = ['me', 'queue', 'voicemails', 'tasks', 'missed'] as const;
export type PushTopic = (typeof PUSH_TOPICS)[number];

export interface PushMessage {
  readonly type: 'changed';
  readonly topics: readonly PushTopic[];
}

/**
 * How often a page reads the agent's own state on its own while the push channel is up, and each other
 * panel (queue, missed calls, voicemails, tasks): a safety net for a notice lost on the way. Every
 * reconnect reads everything too.
 */
export const PUSHED_POLL_MS = 15 * 60 * 1000;
export const PUSHED_PANEL_POLL_MS = 60 * 60 * 1000;

/**
 * How often the page sends its keep-alive. API Gateway closes a WebSocket idle for 10 minutes; the
 * connection (and the agent's presence) lives PUSH_CONNECTION_TTL_SECONDS from each one.
 */
export const PUSH_KEEPALIVE_MS = 8 * 60 * 1000;
