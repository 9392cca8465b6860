// Signing in and out and changing one's own password. A session is a signed token carrying a fingerprint
// of the password hash (a new password ends older sessions); signing out revokes the token's id until it
// would have expired anyway. Failed logins and wrong current passwords are throttled alike: each attempt is
// counted before its password is checked (login-throttle.ts).
import type { PublicUser, User } from '../domain/model.js';
import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from '../domain/password.js';
import type { MarkerKey } from '../domain/ports.js';
import { ForbiddenError, HttpProblem, invalidField } from '../domain/problems.js';
import { issueSession, type SessionClaims } from '../domain/session.js';
import type { CenterBasics } from './center.js';
import { admitAttempt, recordSuccess } from './login-throttle.js';
import { publicUser } from './users.js';
import { unwrap } from './write-result.js';

export interface SignInDeps extends Pick<CenterBasics, 'config' | 'store' | 'clock'> {
  /** The HMAC key that signs session tokens. */
  readonly secrets: { readonly sessionKey: string };
}

export interface Session {
  readonly token: string;
  /** ISO 8601. */
  readonly expiresAt: string;
  readonly user: PublicUser;
}

/** The same answer for an unknown id and a wrong password, so ids cannot be probed. */
export class WrongCredentialsError extends HttpProblem {
  override readonly name = 'WrongCredentialsError';
  constructor() {
    super(401, 'wrong-credentials', 'The id or the password is wrong.');
  }
}

/** The marker a revoked session leaves, looked up on every request that presents the token. */
export function revocationKey(claims: SessionClaims): MarkerKey {
  return { kind: 'session-revoked', sessionId: claims.jti };
}

function openSession(deps: SignInDeps, user: User): Session {
  const ttl = deps.config.session.ttlSeconds;
  const { token, claims } = issueSession(user, deps.secrets.sessionKey, ttl, deps.clock.now());
  return { token, expiresAt: new Date(claims.exp * 1000).toISOString(), user: publicUser(user) };
}

/** `ip` is the client's address when known: failures are also counted per address. */
export async function signIn(
  deps: SignInDeps,
  id: string,
  password: string,
  ip: string | undefined,
): Promise<Session> {
  const { store } = deps;
  const attempt = await admitAttempt(store, id, ip, deps.clock.now());
  const user = await store.users.get(id);
  // Always run scrypt, so an unknown id costs as long as a wrong password.
  const matches = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !matches) {
    await store.audit.append({ actor: id, action: 'auth.login-failed', detail: { ip: ip ?? null } });
    throw new WrongCredentialsError();
  }
  await recordSuccess(store, attempt);
  if (user.disabled) {
    await store.audit.append({ actor: id, action: 'auth.login-refused', detail: { reason: 'disabled' } });
    throw new ForbiddenError('This account is disabled; ask an administrator.');
  }
  await store.audit.append({ actor: id, action: 'auth.login', detail: { ip: ip ?? null } });
  return openSession(deps, user);
}

export async function signOut(deps: Pick<SignInDeps, 'store'>, session: SessionClaims): Promise<void> {
  await deps.store.keys.putIfAbsent(revocationKey(session), '1', new Date(session.exp * 1000).toISOString());
}

/** Returns a new session to replace the caller's, which the new password ends. */
export async function changeOwnPassword(
  deps: SignInDeps,
  user: User,
  ip: string | undefined,
  currentPassword: string,
  newPassword: string,
): Promise<Session> {
  const { store } = deps;
  // A stolen session must not become a password oracle: wrong guesses count like failed logins.
  const attempt = await admitAttempt(store, user.id, ip, deps.clock.now());
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    throw invalidField('body.currentPassword', 'wrong-password', 'does not match your current password');
  }
  await recordSuccess(store, attempt);
  if (newPassword === currentPassword) {
    throw invalidField('body.newPassword', 'same-password', 'must differ from the current password');
  }
  const patch = { passwordHash: await hashPassword(newPassword) };
  const updated = unwrap(await store.users.update(user.id, user.version, patch), 'user', user.id, publicUser);
  await store.audit.append({ actor: user.id, action: 'auth.password-change', target: user.id });
  return openSession(deps, updated);
}
