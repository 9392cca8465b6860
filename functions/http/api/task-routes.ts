// Follow-up tasks: create, my tasks, tasks due before a time (supervisors), get and update with
// optimistic locking. Agents touch only tasks assigned to them or to nobody (see access.ts).
import type { OpenAPIHono } from '@hono/zod-openapi';
import { routing } from '../../../flows/routing.js';
import { unwrap } from '../../app/write-result.js';
import type { Task, TaskKind, User } from '../../domain/model.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { ForbiddenError, invalidField, NotFoundError } from '../errors.js';
import { seesAllTasks } from './access.js';
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
import { normaliseOnePhone } from './phones.js';
import { securedRoute } from './secured-route.js';
import { DueQuery, NewTaskBody, TaskIdParam, TaskPatchBody, TaskSchema } from './task-schemas.js';

function mayAssign(user: User, assigneeId: string | undefined): boolean {
  return seesAllTasks(user.roles) || assigneeId === undefined || assigneeId === user.id;
}

const DIALLABLE: readonly TaskKind[] = ['callback', 'outbound-call'];

/** An autoDial task must be a call the center can place: a callback or outbound call, with a number. */
function checkAutoDial(task: { kind: TaskKind; phone?: string | undefined; queue?: string | undefined }) {
  if (!DIALLABLE.includes(task.kind))
    throw invalidField('body.autoDial', `only for kinds ${DIALLABLE.join(', ')}, not "${task.kind}"`);
  if (!task.phone) throw invalidField('body.phone', 'is required when autoDial is true');
  const queues: readonly string[] = routing.queues.map((q) => q.name);
  if (task.queue && !queues.includes(task.queue))
    throw invalidField('body.queue', `must be one of ${queues.join(', ')} when autoDial is true`);
}

function pageOfQuery(q: { limit?: number | undefined; cursor?: string | undefined }) {
  return { ...(q.limit ? { limit: q.limit } : {}), ...(q.cursor ? { cursor: q.cursor } : {}) };
}

export function registerTaskRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  const { store } = deps;
  const tags = ['tasks'];

  async function visibleTask(id: string, user: User): Promise<Task> {
    const task = await store.tasks.get(id);
    if (!task) throw new NotFoundError('task', id);
    if (!mayAssign(user, task.assigneeId)) {
      throw new ForbiddenError(`Task "${id}" is assigned to someone else; agents see only their own tasks.`);
    }
    return task;
  }

  const create = securedRoute(guard, 'tasks.create', {
    method: 'post',
    path: '/tasks',
    tags,
    request: { body: jsonBody(NewTaskBody) },
    responses: { 201: jsonOk(TaskSchema, 'Created'), ...SECURED_ERRORS },
  });
  app.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const { user } = c.var;
    if (!mayAssign(user, body.assigneeId)) {
      throw new ForbiddenError('Agents may assign a task only to themselves or leave it to a queue.');
    }
    if (body.customerId && !(await store.customers.get(body.customerId))) {
      throw invalidField('body.customerId', `no customer "${body.customerId}"`);
    }
    const phone = body.phone
      ? { phone: normaliseOnePhone(body.phone, deps.config.defaultPhoneRegion, 'body.phone') }
      : {};
    if (body.autoDial) checkAutoDial({ ...body, ...phone });
    const task = unwrap(await store.tasks.create({ ...body, ...phone }), 'task', body.kind);
    return c.json(task, 201);
  });

  // Registered before /tasks/{id} so "mine" and "due" are not read as ids.
  const mine = securedRoute(guard, 'tasks.mine', {
    method: 'get',
    path: '/tasks/mine',
    tags,
    request: { query: PageQuery },
    responses: { 200: jsonOk(pageOf(TaskSchema)), ...SECURED_ERRORS },
  });
  app.openapi(mine, async (c) =>
    c.json(await store.tasks.byAssignee(c.var.user.id, pageOfQuery(c.req.valid('query'))), 200),
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
    const before = new Date(query.before).toISOString();
    return c.json(await store.tasks.dueBefore(before, pageOfQuery(query)), 200);
  });

  const get = securedRoute(guard, 'tasks.get', {
    method: 'get',
    path: '/tasks/{id}',
    tags,
    request: { params: TaskIdParam },
    responses: { 200: jsonOk(TaskSchema), ...SECURED_ERRORS, ...NOT_FOUND },
  });
  app.openapi(get, async (c) => c.json(await visibleTask(c.req.valid('param').id, c.var.user), 200));

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
    const { user } = c.var;
    const current = await visibleTask(id, user);
    if (patch.autoDial) checkAutoDial(current);
    if (!mayAssign(user, patch.assigneeId)) {
      throw new ForbiddenError('Agents may assign a task only to themselves.');
    }
    const updated = unwrap(await store.tasks.update(id, version, patch), 'task', id);
    // Cancelling or moving someone's callback is a decision about a customer: on the record.
    await store.audit.append({
      actor: user.id,
      action: 'task.update',
      target: id,
      detail: { changed: Object.keys(patch), status: updated.status, dueAt: updated.dueAt },
    });
    return c.json(updated, 200);
  });
}
