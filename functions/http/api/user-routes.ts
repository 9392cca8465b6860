// User administration (admins): list, create with a password, change roles/skills/disabled, reset a
// password. The rules and the audit are the user use cases' (functions/app/users.ts).
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  changeUser,
  createUser,
  existingUser,
  listUsers,
  publicUser,
  resetUserPassword,
} from '../../app/users.js';
import { LANGUAGES, ROLES, SKILL_LEVEL, USER_ID_PATTERN, USER_ID_RULE } from '../../domain/model.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
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
import { PublicUserSchema } from './user-view.js';

const profile = {
  name: z.string().trim().min(1).max(200),
  roles: z.array(z.enum(ROLES)).min(1).max(3),
  skills: z.array(z.string().min(1).max(64)).max(50),
  skillLevels: z
    .record(z.string().min(1).max(64), z.number().int().min(SKILL_LEVEL.min).max(SKILL_LEVEL.max))
    .openapi({
      description: `The agent's level in each of their skills, ${SKILL_LEVEL.min}-${SKILL_LEVEL.max}; the most proficient free agent is offered a caller first. A skill without one counts as ${SKILL_LEVEL.default}.`,
      example: { claims: 5, general: 2 },
    }),
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
    skillLevels: profile.skillLevels.optional(),
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
    const page = { ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) };
    return c.json(await listUsers(deps, page), 200);
  });

  const get = securedRoute(guard, 'users.get', {
    method: 'get',
    path: '/users/{id}',
    tags,
    request: { params: UserIdParam },
    responses: { 200: jsonOk(PublicUserSchema), ...SECURED_ERRORS, ...NOT_FOUND },
  });
  app.openapi(get, async (c) => c.json(publicUser(await existingUser(deps, c.req.valid('param').id)), 200));

  const create = securedRoute(guard, 'users.create', {
    method: 'post',
    path: '/users',
    tags,
    request: { body: jsonBody(NewUserBody) },
    responses: { 201: jsonOk(PublicUserSchema, 'Created'), ...SECURED_ERRORS, ...CONFLICT },
  });
  app.openapi(create, async (c) =>
    c.json(publicUser(await createUser(deps, c.var.user, c.req.valid('json'))), 201),
  );

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
    const { version, ...change } = c.req.valid('json');
    const changed = await changeUser(deps, c.var.user, id, version, change);
    guard.forget(id);
    return c.json(publicUser(changed), 200);
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
    await resetUserPassword(deps, c.var.user, id, c.req.valid('json').password);
    guard.forget(id);
    return c.body(null, 204);
  });
}
