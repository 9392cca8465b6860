// Authentication and role check for one /api operation: a valid, unexpired, unrevoked session token
// (Bearer header, else the cc_session cookie) for an enabled user holding one of the operation's roles.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { revocationKey } from '../../app/sign-in.js';
import { passwordFingerprint, verifySession } from '../../domain/session.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { ForbiddenError, UnauthorizedError } from '../errors.js';
import { ACCESS, type Operation } from './access.js';

export const SESSION_COOKIE = 'cc_session';

export type Guard = (operation: Operation) => MiddlewareHandler<ApiEnv>;

function tokenOf(authorization: string | undefined, cookie: string | undefined): string | undefined {
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw new UnauthorizedError('The Authorization header must be "Bearer <token>".');
    return match[1];
  }
  return cookie;
}

export function createGuard(deps: AppDeps): Guard {
  return (operation) => async (c, next) => {
    const token = tokenOf(c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
    if (!token) throw new UnauthorizedError();
    const now = deps.clock.now();
    const check = verifySession(token, deps.secrets.sessionKey, now);
    if (!check.ok) {
      throw new UnauthorizedError(
        check.reason === 'expired'
          ? 'The session has expired: log in again.'
          : 'The session token is not valid: log in again.',
      );
    }
    const { claims } = check;
    const [user, revoked] = await Promise.all([
      deps.store.users.get(claims.sub),
      deps.store.keys.get(revocationKey(claims)),
    ]);
    // A changed password, a disabled or deleted account and a logout all end the session at once.
    if (!user || user.disabled || passwordFingerprint(user.passwordHash) !== claims.pwd || revoked) {
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
  };
}
