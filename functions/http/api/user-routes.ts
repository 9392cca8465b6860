// User administration (admins): list, create with a password, change roles/skills/disabled, reset a
// password. Every change is audited; password hashes never leave the server.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { unwrap } from '../../app/write-result.js';
import { LANGUAGES, ROLES, USER_ID_PATTERN, USER_ID_RULE, type User } from '../../domain/model.js';
import { hashPassword } from '../../domain/password.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { NotFoundError, UnprocessableError } from '../errors.js';
import { NewPassword } from './auth-routes.js';
import {
  CONFLICT,
  jsonBody,
  jsonOk,
  NOT_FOUND,
  PageQuery,
  pageOf,
  SECURED_ERRORS,
  UNPROCESSABLE,
  Version,
} from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';
import { PublicUserSchema, publicUser } from './user-view.js';

const profile = {
  name: z.string().trim().min(1).max(200),
  roles: z.array(z.enum(ROLES)).min(1).max(3),
  skills: z.array(z.string().min(1).max(64)).max(50),
  languages: z.array(z.enum(LANGUAGES)).max(LANGUAGES.length),
  regions: z.array(z.string().min(1).max(64)).max(50),
  extension: z
    .string()
    .regex(/^\d{2,8}$/, '2-8 digits')
    .optional(),
  phone: z.string().min(3).max(40).optional(),
  disabled: z.boolean(),
};

const NewUserBody = z
  .object({
    id: z.string().regex(USER_ID_PATTERN, USER_ID_RULE),
    password: NewPassword,
    ...profile,
    skills: profile.skills.default([]),
    languages: profile.languages.default(['zh']),
    regions: profile.regions.default([]),
    disabled: profile.disabled.default(false),
  })
  .strict();

const UserPatchBody = z
  .object({
    version: Version,
    ...z.object(profile).partial().shape,
    // null removes the extension (an agent who no longer has a desk phone).
    extension: profile.extension.unwrap().nullable().optional(),
  })
  .strict();
const UserIdParam = z.object({ id: z.string().min(1).max(64) });

export function registerUserRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  const { store } = deps;
  /** The user is saved whatever Twilio says; a failed sync is logged and the next provisioning run repairs it. */
  const syncWorker = (user: User) =>
    deps.agentWorkers
      .sync(user)
      .catch((err: unknown) =>
        deps.logger.error('worker sync failed', { user: user.id, error: String(err) }),
      );
  const tags = ['users'];

  const list = securedRoute(guard, 'users.list', {
    method: 'get',
    path: '/users',
    tags,
    request: { query: PageQuery },
    responses: { 200: jsonOk(pageOf(PublicUserSchema)), ...SECURED_ERRORS },
  });
  app.openapi(list, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await store.users.list({ ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) });
    return c.json({ ...page, items: page.items.map(publicUser) }, 200);
  });

  const get = securedRoute(guard, 'users.get', {
    method: 'get',
    path: '/users/{id}',
    tags,
    request: { params: UserIdParam },
    responses: { 200: jsonOk(PublicUserSchema), ...SECURED_ERRORS, ...NOT_FOUND },
  });
  app.openapi(get, async (c) => {
    const { id } = c.req.valid('param');
    const user = await store.users.get(id);
    if (!user) throw new NotFoundError('user', id);
    return c.json(publicUser(user), 200);
  });

  const create = securedRoute(guard, 'users.create', {
    method: 'post',
    path: '/users',
    tags,
    request: { body: jsonBody(NewUserBody) },
    responses: { 201: jsonOk(PublicUserSchema, 'Created'), ...SECURED_ERRORS, ...CONFLICT },
  });
  app.openapi(create, async (c) => {
    const { password, ...body } = c.req.valid('json');
    const user = unwrap(
      await store.users.create({ ...body, passwordHash: await hashPassword(password) }),
      'user',
      body.id,
    );
    await store.audit.append({
      actor: c.var.user.id,
      action: 'user.create',
      target: user.id,
      detail: { roles: user.roles },
    });
    await syncWorker(user);
    return c.json(publicUser(user), 201);
  });

  const update = securedRoute(guard, 'users.update', {
    method: 'patch',
    path: '/users/{id}',
    tags,
    request: { params: UserIdParam, body: jsonBody(UserPatchBody) },
    responses: {
      200: jsonOk(PublicUserSchema),
      ...SECURED_ERRORS,
      ...NOT_FOUND,
      ...CONFLICT,
      ...UNPROCESSABLE,
    },
  });
  app.openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const { version, extension, ...rest } = c.req.valid('json');
    // The store drops absent attributes: an extension set to undefined is removed.
    const patch = extension === undefined ? rest : { ...rest, extension: extension ?? undefined };
    const actor = c.var.user;
    // An admin cannot lock themselves out; another admin must do it.
    if (id === actor.id && (patch.disabled === true || (patch.roles && !patch.roles.includes('admin')))) {
      throw new UnprocessableError(
        'self-lockout',
        'You cannot disable yourself or remove your own admin role.',
      );
    }
    const user = unwrap(await store.users.update(id, version, patch), 'user', id, publicUser);
    await store.audit.append({
      actor: actor.id,
      action: 'user.update',
      target: id,
      detail: { changed: Object.keys(patch) },
    });
    await syncWorker(user);
    return c.json(publicUser(user), 200);
  });

  const resetPassword = securedRoute(guard, 'users.resetPassword', {
    method: 'post',
    path: '/users/{id}/password',
    tags,
    request: { params: UserIdParam, body: jsonBody(z.object({ password: NewPassword }).strict()) },
    responses: {
      204: { description: "Reset; the user's sessions end." },
      ...SECURED_ERRORS,
      ...NOT_FOUND,
      ...CONFLICT,
    },
  });
  app.openapi(resetPassword, async (c) => {
    const { id } = c.req.valid('param');
    const { password } = c.req.valid('json');
    const target: User | undefined = await store.users.get(id);
    if (!target) throw new NotFoundError('user', id);
    const passwordHash = await hashPassword(password);
    unwrap(await store.users.update(id, target.version, { passwordHash }), 'user', id, publicUser);
    await store.audit.append({ actor: c.var.user.id, action: 'user.password-reset', target: id });
    return c.body(null, 204);
  });
}
