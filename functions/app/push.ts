// The push channel's use cases: a page opens it with a ticket, keeps it alive, closes it; the center
// publishes "this changed" to an agent's pages or to every agent's. A page holding the agent's phone is
// the agent's presence while it is connected, so an idle desk sends nothing but a keep-alive every few
// minutes; the presence sweep (desk/presence.ts) reads the same marker the HTTP heartbeat writes.
import { HEARTBEAT_TIMEOUT_SECONDS } from '../domain/agent-state.js';
import type { Logger } from '../domain/logger.js';
import type { Role } from '../domain/model.js';
import { type Clock, type Store, systemClock } from '../domain/ports.js';
import {
  issuePushTicket,
  PUSH_CONNECTION_TTL_SECONDS,
  type PushAudience,
  type PushConnection,
  type PushTopic,
  type PushTransport,
  verifyPushTicket,
} from '../domain/push.js';
import { heartbeatKey } from './desk/presence.js';

export interface PushDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Absent: nothing is pushed (pages poll). */
  readonly push?: PushTransport;
  /** The clock bounding the audience cache; default the system's. */
  readonly cacheClock?: Clock;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** What the page needs to open the channel: where, and a ticket good for a minute. */
export function pushTicket(
  deps: Pick<PushDeps, 'clock'> & { readonly sessionKey: string; readonly pushUrl: string },
  user: { readonly id: string },
  sessionId: string,
): { readonly url: string; readonly ticket: string } {
  return {
    url: deps.pushUrl,
    ticket: issuePushTicket({ sub: user.id, sid: sessionId }, deps.sessionKey, deps.clock.now()),
  };
}

export type ConnectRefusal = { readonly refused: string };

/**
 * A page connects: the ticket must be valid and its user still enabled. The connection is stored, and a
 * phone-holding page marks the agent present for as long as the connection lives.
 */
export async function connectPush(
  deps: PushDeps & {
    readonly sessionKey: string;
    readonly sessionRevoked: (sessionId: string) => Promise<boolean>;
  },
  input: { readonly connectionId: string; readonly ticket: string | undefined; readonly phone: boolean },
): Promise<PushConnection | ConnectRefusal> {
  if (!input.ticket) return { refused: 'The push channel needs a ticket: ask POST /api/push for one.' };
  const check = verifyPushTicket(input.ticket, deps.sessionKey, deps.clock.now());
  if (!check.ok)
    return {
      refused:
        check.reason === 'expired'
          ? 'The push ticket has expired (it lasts a minute): ask POST /api/push for a new one.'
          : 'The push ticket is not valid: ask POST /api/push for one.',
    };
  const [user, revoked] = await Promise.all([
    deps.store.users.get(check.claims.sub),
    deps.sessionRevoked(check.claims.sid),
  ]);
  if (!user || user.disabled || revoked) return { refused: 'The session is no longer valid: log in again.' };
  const now = deps.clock.now();
  const connection: PushConnection = {
    connectionId: input.connectionId,
    userId: user.id,
    roles: user.roles as readonly Role[],
    // Only an agent's page can hold an agent's phone.
    phone: input.phone && user.roles.includes('agent'),
    connectedAt: iso(now),
    expiresAt: iso(now + PUSH_CONNECTION_TTL_SECONDS * 1000),
  };
  // Stored before it counts as presence: a disconnect of the page this one replaces (a reload) looks
  // for other phone pages after its own write, and must find this one if its presence is already set.
  await deps.store.push.put(connection);
  if (connection.phone) await present(deps, connection);
  return connection;
}

/** The page's keep-alive: the connection (and the agent's presence) lives another TTL. */
export async function keepPushAlive(deps: PushDeps, connectionId: string): Promise<boolean> {
  const connection = await deps.store.push.get(connectionId);
  if (!connection) return false;
  const renewed = {
    ...connection,
    expiresAt: iso(deps.clock.now() + PUSH_CONNECTION_TTL_SECONDS * 1000),
  };
  await Promise.all([deps.store.push.put(renewed), renewed.phone ? present(deps, renewed) : undefined]);
  return true;
}

/**
 * The page went away. The agent stays present for the heartbeat's grace minute (a reload or a tab
 * taking the phone over reconnects within it), unless another phone page of theirs is still connected.
 */
export async function disconnectPush(deps: PushDeps, connectionId: string): Promise<void> {
  const gone = await deps.store.push.remove(connectionId);
  if (!gone?.phone) return;
  const phones = async () => (await deps.store.push.list(gone.userId)).filter((c) => c.phone);
  if ((await phones()).length > 0) return;
  await deps.store.keys.put(
    heartbeatKey(gone.userId),
    'push-closed',
    iso(deps.clock.now() + HEARTBEAT_TIMEOUT_SECONDS * 1000),
  );
  // A page that connected meanwhile may have set its presence just before that write shortened it.
  const [other] = await phones();
  if (other) await present(deps, other);
}

function present(deps: PushDeps, connection: PushConnection) {
  return deps.store.keys.renew(heartbeatKey(connection.userId), 'push', connection.expiresAt);
}

/** How long a container reuses the list of open connections before reading it again. */
export const PUSH_AUDIENCE_CACHE_MS = 2000;

export type Publish = (audience: PushAudience, topics: readonly PushTopic[]) => Promise<number>;

/**
 * Tells the audience's open pages that `topics` changed. Best effort: a page that missed a push reads
 * everything again when it reconnects, so a failure is logged and never fails the caller's request. The
 * open connections are read at most every PUSH_AUDIENCE_CACHE_MS per container (a busy call makes several
 * pushes a second); a page that connected within that time reads everything on opening anyway.
 */
export function createPublisher(deps: PushDeps, cacheMs = PUSH_AUDIENCE_CACHE_MS): Publish {
  let cached: { at: number; connections: Promise<PushConnection[]> } | undefined;
  const wall = deps.cacheClock ?? systemClock;
  const connections = () => {
    // The wall clock: the cache bounds staleness in real time, whatever a simulated clock does.
    if (!cached || wall.now() - cached.at >= cacheMs) {
      const read = deps.store.push.list();
      cached = { at: wall.now(), connections: read };
      read.catch(() => {
        if (cached?.connections === read) cached = undefined;
      });
    }
    return cached.connections;
  };
  return async (audience, topics) => {
    const transport = deps.push;
    if (!transport || topics.length === 0) return 0;
    try {
      const all = await connections();
      const to = all.filter((c) =>
        'agentId' in audience ? c.userId === audience.agentId : c.roles.includes('agent'),
      );
      const message = { type: 'changed', topics } as const;
      const results = await Promise.all(
        to.map(async (c) => {
          const sent = await transport.send(c.connectionId, message).catch((error: unknown) => {
            deps.logger.warn('push not delivered', {
              connectionId: c.connectionId,
              error: (error as Error).message,
            });
            return 'failed' as const;
          });
          if (sent === 'gone') {
            // Closed without a disconnect reaching us: forget it here and in the store.
            cached = undefined;
            await disconnectPush(deps, c.connectionId);
          }
          return sent;
        }),
      );
      return results.filter((r) => r === 'sent').length;
    } catch (error) {
      deps.logger.warn('push not published', { topics, error: (error as Error).message });
      return 0;
    }
  };
}

/** Whether a session was ended (logout, password change): read where the sign-in use case writes it. */
export function sessionRevokedIn(store: Store): (sessionId: string) => Promise<boolean> {
  return async (sessionId) => (await store.keys.get({ kind: 'session-revoked', sessionId })) !== undefined;
}
