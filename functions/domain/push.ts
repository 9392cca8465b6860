// The push channel: the center tells open pages that something they show changed, so a desk asks again
// only then instead of polling. A message names topics, never data: the page reads what changed through
// the same API it always uses, with its own session, so a push cannot leak what its reader may not see.
// Connections are kept in the store (one code path for the local WebSocket server and API Gateway's
// WebSocket API); only sending to one connection differs.
import type { Role } from './model.js';
import type { PushMessage } from './push-topics.js';
import { PUSH_KEEPALIVE_MS } from './push-topics.js';
import { readToken, signToken } from './signed-token.js';

export {
  PUSH_KEEPALIVE_MS,
  PUSH_TOPICS,
  PUSHED_PANEL_POLL_MS,
  PUSHED_POLL_MS,
  type PushMessage,
  type PushTopic,
} from './push-topics.js';

/** Who is told: one agent's pages, or every agent's. */
export type PushAudience = { readonly agentId: string } | { readonly everyAgent: true };

export interface PushConnection {
  readonly connectionId: string;
  readonly userId: string;
  readonly roles: readonly Role[];
  /** The page holds the agent's phone: while it is connected the agent is present. */
  readonly phone: boolean;
  readonly connectedAt: string;
  /** Renewed by the page's keep-alive; a connection past it is treated as gone. */
  readonly expiresAt: string;
}

/** Open connections, stored so that any container (any Lambda) can reach every page. */
export interface PushConnectionRepo {
  put(connection: PushConnection): Promise<void>;
  /** The connection as it was before removal, if it was there. */
  remove(connectionId: string): Promise<PushConnection | undefined>;
  get(connectionId: string): Promise<PushConnection | undefined>;
  /** Live connections (not expired), of one user or of everyone. */
  list(userId?: string): Promise<PushConnection[]>;
}

/** Sends to one open connection: the local WebSocket server, or API Gateway's management API. */
export interface PushTransport {
  /** 'gone' when the connection no longer exists (closed without a disconnect being seen). */
  send(connectionId: string, message: PushMessage): Promise<'sent' | 'gone'>;
}

/**
 * How long a connection counts as open without a keep-alive: two keep-alives and a minute, so one lost
 * on the way does not end the agent's presence. A page that went away without a disconnect is caught
 * sooner by API Gateway, which closes a WebSocket idle for 10 minutes and reports the disconnect.
 */
export const PUSH_CONNECTION_TTL_SECONDS = (2 * PUSH_KEEPALIVE_MS) / 1000 + 60;

// Tickets: a browser cannot set headers on a WebSocket, and API Gateway's WebSocket endpoint is another
// origin than the page, so the page asks the API (with its session) for a ticket that names the user and
// lasts a minute, and opens the socket with it in the query string. A ticket is not a session: it opens
// only the push channel, so one seen in a log gives nothing else away.

const TICKET_PREFIX = 'push1';
export const PUSH_TICKET_TTL_SECONDS = 60;

export interface PushTicketClaims {
  readonly sub: string;
  /** The session the ticket was issued under: a revoked session's ticket is refused. */
  readonly sid: string;
  readonly exp: number;
}

export function issuePushTicket(claims: Omit<PushTicketClaims, 'exp'>, key: string, nowMs: number): string {
  return signToken(
    TICKET_PREFIX,
    { ...claims, exp: Math.floor(nowMs / 1000) + PUSH_TICKET_TTL_SECONDS },
    key,
  );
}

export type PushTicketCheck =
  | { readonly ok: true; readonly claims: PushTicketClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'bad-signature' | 'expired' };

export function verifyPushTicket(ticket: string, key: string, nowMs: number): PushTicketCheck {
  const read = readToken(ticket, TICKET_PREFIX, key);
  if (!read.ok) return read;
  const claims = read.claims;
  const c = claims as Partial<PushTicketClaims> | null;
  if (typeof c?.sub !== 'string' || typeof c.sid !== 'string' || !Number.isInteger(c.exp))
    return { ok: false, reason: 'malformed' };
  if (Math.floor(nowMs / 1000) >= (c.exp as number)) return { ok: false, reason: 'expired' };
  return { ok: true, claims: c as PushTicketClaims };
}

/** A page's keep-alive message, the only thing a page sends on the channel. */
export const PUSH_KEEPALIVE = 'keepalive';
