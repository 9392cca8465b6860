// Login, logout, the current user and password change. Sessions are signed tokens returned in the
// body (for `Authorization: Bearer`) and in an HttpOnly, SameSite=Strict cookie for the web app; the
// rules are the sign-in use cases' (functions/app/sign-in.ts), the cookie is this door's.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { changeOwnPassword, type Session, signIn, signOut } from '../../app/sign-in.js';
import { publicUser } from '../../app/users.js';
import { PASSWORD_MIN_LENGTH } from '../../domain/password.js';
import { clientIp } from '../client-ip.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { CONFLICT, ErrorSchema, jsonBody, jsonOk, SECURED_ERRORS } from './common-schemas.js';
import { type Guard, SESSION_COOKIE } from './guard.js';
import { securedRoute } from './secured-route.js';
import { PublicUserSchema } from './user-view.js';

export const NewPassword = z.string().min(PASSWORD_MIN_LENGTH).max(200);

const SessionSchema = z
  .object({ token: z.string(), expiresAt: z.string(), user: PublicUserSchema })
  .openapi('Session');

/**
 * Whether the cookie travels over https: the public URL says so, or the request arrived that way (its
 * own URL, or X-Forwarded-Proto from CloudFront or API Gateway). Locally over plain http it cannot be
 * Secure, or the browser would drop it.
 */
function overHttps(c: Context, publicBaseUrl: string): boolean {
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return (
    publicBaseUrl.startsWith('https:') || forwarded === 'https' || new URL(c.req.url).protocol === 'https:'
  );
}

/** Hands the session to the web app as a cookie too; the body carries it for `Authorization: Bearer`. */
function withCookie(c: Context<ApiEnv>, deps: AppDeps, session: Session): Session {
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: overHttps(c, deps.config.publicBaseUrl),
    path: '/api',
    maxAge: deps.config.session.ttlSeconds,
  });
  return session;
}

export function registerAuthRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
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
    return c.json(
      withCookie(c, deps, await signIn(deps, id, password, clientIp(c, deps.secrets.originVerify))),
      200,
    );
  });

  const me = securedRoute(guard, 'auth.me', {
    method: 'get',
    path: '/auth/me',
    tags: ['auth'],
    responses: {
      200: jsonOk(
        z.object({
          user: PublicUserSchema,
          expiresAt: z.string(),
          timeZone: z.string().openapi({
            description: "The center's time zone: pages show times on its clock, not the browser's.",
          }),
          now: z.string().openapi({
            description:
              "The center's clock now (a simulated one when the center runs on one): pages count today, due and overdue from it.",
          }),
        }),
      ),
      ...SECURED_ERRORS,
    },
  });
  app.openapi(me, (c) =>
    c.json(
      {
        user: publicUser(c.var.user),
        expiresAt: new Date(c.var.session.exp * 1000).toISOString(),
        timeZone: deps.config.timeZone,
        now: new Date(deps.clock.now()).toISOString(),
      },
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
    await signOut(deps, c.var.session);
    guard.forget(c.var.user.id);
    deleteCookie(c, SESSION_COOKIE, { path: '/api', secure: overHttps(c, deps.config.publicBaseUrl) });
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
    const session = await changeOwnPassword(
      deps,
      c.var.user,
      clientIp(c, deps.secrets.originVerify),
      currentPassword,
      newPassword,
    );
    guard.forget(c.var.user.id);
    return c.json(withCookie(c, deps, session), 200);
  });
}
