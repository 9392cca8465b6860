// Login, logout, the current user and password change. Sessions are signed tokens returned in the
// body (for `Authorization: Bearer`) and in an HttpOnly, SameSite=Strict cookie for the web app.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { unwrap } from '../../app/write-result.js';
import type { User } from '../../domain/model.js';
import {
  hashPassword,
  PASSWORD_MIN_LENGTH,
  UNKNOWN_USER_HASH,
  verifyPassword,
} from '../../domain/password.js';
import { issueSession } from '../../domain/session.js';
import { clientIp } from '../client-ip.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { ForbiddenError, HttpProblem, invalidField } from '../errors.js';
import { CONFLICT, ErrorSchema, jsonBody, jsonOk, SECURED_ERRORS } from './common-schemas.js';
import { type Guard, revocationKey, SESSION_COOKIE } from './guard.js';
import { clearIdFailures, loginAttempt, recordFailure, refuseIfThrottled } from './login-throttle.js';
import { securedRoute } from './secured-route.js';
import { PublicUserSchema, publicUser } from './user-view.js';

export const NewPassword = z.string().min(PASSWORD_MIN_LENGTH).max(200);

const SessionSchema = z
  .object({ token: z.string(), expiresAt: z.string(), user: PublicUserSchema })
  .openapi('Session');

class WrongCredentialsError extends HttpProblem {
  override readonly name = 'WrongCredentialsError';
  constructor() {
    super(401, 'wrong-credentials', 'The id or the password is wrong.');
  }
}

function startSession(c: Context<ApiEnv>, deps: AppDeps, user: User) {
  const ttl = deps.config.session.ttlSeconds;
  const { token, claims } = issueSession(user, deps.secrets.sessionKey, ttl, deps.clock.now());
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: deps.config.publicBaseUrl.startsWith('https:'),
    path: '/api',
    maxAge: ttl,
  });
  return { token, expiresAt: new Date(claims.exp * 1000).toISOString(), user: publicUser(user) };
}

export function registerAuthRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  const { store } = deps;

  const login = createRoute({
    method: 'post',
    path: '/auth/login',
    operationId: 'auth.login',
    tags: ['auth'],
    request: {
      body: jsonBody(z.object({ id: z.string().min(1).max(64), password: z.string().min(1).max(200) })),
    },
    responses: {
      200: jsonOk(SessionSchema, 'Logged in; the token is also set as the cc_session cookie.'),
      400: SECURED_ERRORS[400],
      401: { description: 'Wrong id or password.', content: { 'application/json': { schema: ErrorSchema } } },
      403: {
        description: 'The account is disabled.',
        content: { 'application/json': { schema: ErrorSchema } },
      },
      429: {
        description: 'Too many failures; see Retry-After.',
        content: { 'application/json': { schema: ErrorSchema } },
      },
    },
  });
  app.openapi(login, async (c) => {
    const { id, password } = c.req.valid('json');
    const ip = clientIp(c);
    const attempt = loginAttempt(id, ip, deps.clock.now());
    await refuseIfThrottled(store, attempt);
    const user = await store.users.get(id);
    // Always run scrypt, so an unknown id costs as long as a wrong password.
    const matches = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!user || !matches) {
      await recordFailure(store, attempt);
      await store.audit.append({ actor: id, action: 'auth.login-failed', detail: { ip: ip ?? null } });
      throw new WrongCredentialsError();
    }
    if (user.disabled) {
      await store.audit.append({ actor: id, action: 'auth.login-refused', detail: { reason: 'disabled' } });
      throw new ForbiddenError('This account is disabled; ask an administrator.');
    }
    await clearIdFailures(store, attempt);
    await store.audit.append({ actor: id, action: 'auth.login', detail: { ip: ip ?? null } });
    return c.json(startSession(c, deps, user), 200);
  });

  const me = securedRoute(guard, 'auth.me', {
    method: 'get',
    path: '/auth/me',
    tags: ['auth'],
    responses: {
      200: jsonOk(z.object({ user: PublicUserSchema, expiresAt: z.string() })),
      ...SECURED_ERRORS,
    },
  });
  app.openapi(me, (c) =>
    c.json(
      { user: publicUser(c.var.user), expiresAt: new Date(c.var.session.exp * 1000).toISOString() },
      200,
    ),
  );

  const logout = securedRoute(guard, 'auth.logout', {
    method: 'post',
    path: '/auth/logout',
    tags: ['auth'],
    responses: { 204: { description: 'The session is revoked and the cookie cleared.' }, ...SECURED_ERRORS },
  });
  app.openapi(logout, async (c) => {
    const { session } = c.var;
    await store.keys.putIfAbsent(revocationKey(session), '1', new Date(session.exp * 1000).toISOString());
    deleteCookie(c, SESSION_COOKIE, { path: '/api' });
    return c.body(null, 204);
  });

  const changePassword = securedRoute(guard, 'auth.changePassword', {
    method: 'post',
    path: '/auth/password',
    tags: ['auth'],
    request: {
      body: jsonBody(z.object({ currentPassword: z.string().min(1).max(200), newPassword: NewPassword })),
    },
    responses: {
      200: jsonOk(SessionSchema, 'Changed; older sessions end, and this new one replaces them.'),
      ...SECURED_ERRORS,
      ...CONFLICT,
      429: {
        description: 'Too many wrong current passwords.',
        content: { 'application/json': { schema: ErrorSchema } },
      },
    },
  });
  app.openapi(changePassword, async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json');
    const { user } = c.var;
    // A stolen session must not become a password oracle: wrong guesses count like failed logins.
    const attempt = loginAttempt(user.id, clientIp(c), deps.clock.now());
    await refuseIfThrottled(store, attempt);
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      await recordFailure(store, attempt);
      throw invalidField('body.currentPassword', 'does not match your current password');
    }
    if (newPassword === currentPassword) {
      throw invalidField('body.newPassword', 'must differ from the current password');
    }
    const patch = { passwordHash: await hashPassword(newPassword) };
    const updated = unwrap(
      await store.users.update(user.id, user.version, patch),
      'user',
      user.id,
      publicUser,
    );
    await store.audit.append({ actor: user.id, action: 'auth.password-change', target: user.id });
    return c.json(startSession(c, deps, updated), 200);
  });
}
