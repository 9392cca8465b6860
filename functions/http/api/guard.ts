// Authentication and role check for one /api operation: a valid, unexpired, unrevoked session token
// (Bearer header, else the cc_session cookie) for an enabled user holding one of the operation's roles.
// The user and the session's revocation are kept for a few seconds per warm container, so a desk polling
// every few seconds costs no reads for them: a change made through this container (logout, password,
// disabling) forgets them at once, one made elsewhere takes effect within IDENTITY_TTL_MS.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { createExpiringMap } from '../../app/expiring-map.js';
import { revocationKey } from '../../app/sign-in.js';
import type { User } from '../../domain/model.js';
import { passwordFingerprint, verifySession } from '../../domain/session.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { ForbiddenError, UnauthorizedError } from '../errors.js';
import { ACCESS, type Operation } from './access.js';

export const SESSION_COOKIE = 'cc_session';

export type Guard = ((operation: Operation) => MiddlewareHandler<ApiEnv>) & {
  /** The user changed here (logged out, new password, disabled): read them afresh on their next request. */
  forget(userId: string): void;
};

/** How long a container trusts what it read about a user and a session. */
export const IDENTITY_TTL_MS = 5_000;
/** Enough for every agent of a large center; the oldest entries go first. */
const MAX_ENTRIES = 2_000;

function tokenOf(authorization: string | undefined, cookie: string | undefined): string | undefined {
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw new UnauthorizedError('The Authorization header must be "Bearer <token>".');
    return match[1];
  }
  return cookie;
}

export function createGuard(
  deps: AppDeps,
  cache: { readonly ttlMs?: number; readonly now?: () => number } = {},
): Guard {
  const ttlMs = cache.ttlMs ?? IDENTITY_TTL_MS;
  const now = cache.now ?? Date.now;
  const users = createExpiringMap<User | null>(ttlMs, now, MAX_ENTRIES);
  // Revoked stays revoked, so only "not revoked" needs the time limit; both are kept the same way.
  const revocations = createExpiringMap<boolean>(ttlMs, now, MAX_ENTRIES);

  async function userOf(id: string, fingerprint: string): Promise<User | undefined> {
    const known = users.get(id);
    // A fingerprint that differs may be a password changed in another container: ask the table.
    if (known !== undefined && (known === null || passwordFingerprint(known.passwordHash) === fingerprint))
      return known ?? undefined;
    const user = await deps.store.users.get(id);
    users.set(id, user ?? null);
    return user;
  }

  async function revoked(claims: Parameters<typeof revocationKey>[0]): Promise<boolean> {
    const known = revocations.get(claims.jti);
    if (known !== undefined) return known;
    const value = (await deps.store.keys.get(revocationKey(claims))) !== undefined;
    revocations.set(claims.jti, value);
    return value;
  }

  const guard = ((operation: Operation): MiddlewareHandler<ApiEnv> =>
    async (c, next) => {
      const token = tokenOf(c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
      if (!token) throw new UnauthorizedError();
      const check = verifySession(token, deps.secrets.sessionKey, deps.clock.now());
      if (!check.ok) {
        throw new UnauthorizedError(
          check.reason === 'expired'
            ? 'The session has expired: log in again.'
            : 'The session token is not valid: log in again.',
        );
      }
      const { claims } = check;
      const [user, isRevoked] = await Promise.all([userOf(claims.sub, claims.pwd), revoked(claims)]);
      // A changed password, a disabled or deleted account and a logout all end the session.
      if (!user || user.disabled || passwordFingerprint(user.passwordHash) !== claims.pwd || isRevoked) {
        throw new UnauthorizedError('The session is no longer valid: log in again.');
      }
      const allowed: readonly string[] = ACCESS[operation];
      if (!user.roles.some((role) => allowed.includes(role))) {
        throw new ForbiddenError(
          `${operation} needs one of the roles ${allowed.join(', ')}; you have ${user.roles.join(', ') || 'none'}.`,
          { operation, requiredRoles: allowed },
        );
      }
      c.set('user', user);
      c.set('session', claims);
      await next();
    }) as Guard;
  // Rare (a logout, a password, a user changed), so every session's revocation is read again.
  guard.forget = (userId: string) => {
    users.delete(userId);
    revocations.clear();
  };
  return guard;
}
