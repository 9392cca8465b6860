// Follow-up tasks: create, my tasks, tasks due before a time (supervisors), get and update with
// optimistic locking. Agents touch only tasks assigned to them or to nobody; the rules are the task use
// cases' (functions/app/tasks.ts).
import type { OpenAPIHono } from '@hono/zod-openapi';
import { changeTask, createTask, myTasks, tasksDueBefore, visibleTask } from '../../app/tasks.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import {
  CONFLICT,
  jsonBody,
  jsonOk,
  NOT_FOUND,
  PageQuery,
  pageOf,
  SECURED_ERRORS,
} from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';
import { DueQuery, NewTaskBody, TaskIdParam, TaskPatchBody, TaskSchema } from './task-schemas.js';

function pageOfQuery(q: { limit?: number | undefined; cursor?: string | undefined }) {
  return { ...(q.limit ? { limit: q.limit } : {}), ...(q.cursor ? { cursor: q.cursor } : {}) };
}

export function registerTaskRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  const tags = ['tasks'];

  const create = securedRoute(guard, 'tasks.create', {
    method: 'post',
    path: '/tasks',
    tags,
    request: { body: jsonBody(NewTaskBody) },
    responses: { 201: jsonOk(TaskSchema, 'Created'), ...SECURED_ERRORS },
  });
  app.openapi(create, async (c) => c.json(await createTask(deps, c.var.user, c.req.valid('json')), 201));

  // Registered before /tasks/{id} so "mine" and "due" are not read as ids.
  const mine = securedRoute(guard, 'tasks.mine', {
    method: 'get',
    path: '/tasks/mine',
    tags,
    request: { query: PageQuery },
    responses: { 200: jsonOk(pageOf(TaskSchema)), ...SECURED_ERRORS },
  });
  app.openapi(mine, async (c) =>
    c.json(await myTasks(deps, c.var.user, pageOfQuery(c.req.valid('query'))), 200),
  );

  const due = securedRoute(guard, 'tasks.due', {
    method: 'get',
    path: '/tasks/due',
    tags,
    request: { query: DueQuery },
    responses: { 200: jsonOk(pageOf(TaskSchema)), ...SECURED_ERRORS },
  });
  app.openapi(due, async (c) => {
    const query = c.req.valid('query');
    return c.json(await tasksDueBefore(deps, query.before, pageOfQuery(query)), 200);
  });

  const get = securedRoute(guard, 'tasks.get', {
    method: 'get',
    path: '/tasks/{id}',
    tags,
    request: { params: TaskIdParam },
    responses: { 200: jsonOk(TaskSchema), ...SECURED_ERRORS, ...NOT_FOUND },
  });
  app.openapi(get, async (c) => c.json(await visibleTask(deps, c.var.user, c.req.valid('param').id), 200));

  const update = securedRoute(guard, 'tasks.update', {
    method: 'patch',
    path: '/tasks/{id}',
    tags,
    request: { params: TaskIdParam, body: jsonBody(TaskPatchBody) },
    responses: { 200: jsonOk(TaskSchema), ...SECURED_ERRORS, ...NOT_FOUND, ...CONFLICT },
  });
  app.openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const { version, ...patch } = c.req.valid('json');
    return c.json(await changeTask(deps, c.var.user, id, version, patch), 200);
  });
}
