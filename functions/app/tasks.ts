// Follow-up tasks (callbacks, visits, outbound calls): creating one, changing one with optimistic locking
// and an audit entry, and the lists of mine and of everyone's due ones. Agents see and change only tasks
// assigned to them or to nobody; supervisors and admins plan for everyone.
import { routing } from '../../flows/routing.js';
import { isLead, type Task, type TaskKind, type User } from '../domain/model.js';
import type { NewTask, Page, PageRequest, TaskRepo } from '../domain/ports.js';
import { ForbiddenError, invalidField, NotFoundError } from '../domain/problems.js';
import { guardCallbackRequest } from './callbacks.js';
import type { CenterBasics } from './center.js';
import type { GuardDeps } from './dial-guard.js';
import { hotlinesOf } from './hotlines.js';
import { normaliseOnePhone } from './phone-input.js';
import { unwrap } from './write-result.js';

/** Storage, the region a number without a country code is read in, and what the dialling policy needs. */
export type TaskDeps = GuardDeps & { readonly store: CenterBasics['store'] };

/** The fields a change may carry: exactly those the store lets a versioned update touch. */
export type TaskChange = Parameters<TaskRepo['update']>[2];

/** The row-level rule of the access table: leads see every task, agents their own and unassigned ones. */
const seesAllTasks = (user: User): boolean => isLead(user.roles);

function mayAssign(user: User, assigneeId: string | undefined): boolean {
  return seesAllTasks(user) || assigneeId === undefined || assigneeId === user.id;
}

const DIALLABLE: readonly TaskKind[] = ['callback', 'outbound-call'];

/** An autoDial task must be a call the center can place: a callback or outbound call, with a number. */
function checkAutoDial(task: { kind: TaskKind; phone?: string | undefined; queue?: string | undefined }) {
  if (!DIALLABLE.includes(task.kind))
    throw invalidField(
      'body.autoDial',
      'autodial-not-a-call',
      `only for kinds ${DIALLABLE.join(', ')}, not "${task.kind}"`,
    );
  if (!task.phone)
    throw invalidField('body.phone', 'autodial-needs-phone', 'is required when autoDial is true');
  const queues: readonly string[] = routing.queues.map((q) => q.name);
  if (task.queue && !queues.includes(task.queue))
    throw invalidField(
      'body.queue',
      'autodial-unknown-queue',
      `must be one of ${queues.join(', ')} when autoDial is true`,
    );
}

/** The task, if this user may see it: 404 when there is none, 403 when it is someone else's. */
export async function visibleTask(deps: TaskDeps, user: User, id: string): Promise<Task> {
  const task = await deps.store.tasks.get(id);
  if (!task) throw new NotFoundError('task', id);
  if (!mayAssign(user, task.assigneeId)) {
    throw new ForbiddenError(`Task "${id}" is assigned to someone else; agents see only their own tasks.`);
  }
  return task;
}

/** A callback shows one of the center's own numbers; the error lists them. */
function checkTaskCallerId(deps: TaskDeps, callerId: string): void {
  const numbers = hotlinesOf(deps.config).map((n) => n.number);
  if (numbers.includes(callerId)) return;
  throw invalidField(
    'body.callerId',
    'invalid-caller-id',
    `"${callerId}" is not one of the center's numbers; allowed: ${numbers.join(', ')}`,
  );
}

/**
 * What a task points at must be there: a callback assigned to nobody who exists, left to a queue nobody
 * answers, or filed under a ticket that is not one, would wait unseen until its customer gave up.
 */
async function checkTaskRefs(
  deps: TaskDeps,
  refs: { assigneeId?: string | undefined; queue?: string | undefined; ticketNumber?: string | undefined },
): Promise<void> {
  const { store } = deps;
  const queues: readonly string[] = routing.queues.map((q) => q.name);
  if (refs.assigneeId && !(await store.users.get(refs.assigneeId)))
    throw invalidField('body.assigneeId', 'unknown-user', `no user "${refs.assigneeId}"`);
  if (refs.queue && !queues.includes(refs.queue))
    throw invalidField(
      'body.queue',
      'not-a-queue',
      `"${refs.queue}" is not a queue: choose from ${queues.join(', ')}`,
    );
  if (refs.ticketNumber && !(await store.tickets.get(refs.ticketNumber)))
    throw invalidField('body.ticketNumber', 'unknown-ticket', `no ticket "${refs.ticketNumber}"`);
}

export async function createTask(deps: TaskDeps, user: User, body: NewTask): Promise<Task> {
  const { store } = deps;
  if (!mayAssign(user, body.assigneeId)) {
    throw new ForbiddenError('Agents may assign a task only to themselves or leave it to a queue.');
  }
  if (body.customerId && !(await store.customers.get(body.customerId))) {
    throw invalidField('body.customerId', 'unknown-customer', `no customer "${body.customerId}"`);
  }
  const phone = body.phone
    ? { phone: normaliseOnePhone(body.phone, deps.config.defaultPhoneRegion, 'body.phone') }
    : {};
  if (body.callerId !== undefined) checkTaskCallerId(deps, body.callerId);
  if (body.autoDial) checkAutoDial({ ...body, ...phone });
  await checkTaskRefs(deps, body);
  if (body.autoDial)
    await guardCallbackRequest(deps, user, { phone: phone.phone ?? '', callerId: body.callerId });
  return unwrap(await store.tasks.create({ ...body, ...phone }), 'task', body.kind);
}

export async function myTasks(deps: TaskDeps, user: User, page: PageRequest): Promise<Page<Task>> {
  return deps.store.tasks.byAssignee(user.id, page);
}

/** Everyone's open tasks due by `before`, whatever offset it was written with. */
export async function tasksDueBefore(deps: TaskDeps, before: string, page: PageRequest): Promise<Page<Task>> {
  return deps.store.tasks.dueBefore(new Date(before).toISOString(), page);
}

export async function changeTask(
  deps: TaskDeps,
  user: User,
  id: string,
  version: number,
  patch: TaskChange,
): Promise<Task> {
  const { store } = deps;
  const current = await visibleTask(deps, user, id);
  if (patch.autoDial) {
    checkAutoDial(current);
    await guardCallbackRequest(deps, user, { phone: current.phone ?? '', callerId: current.callerId });
  }
  if (!mayAssign(user, patch.assigneeId)) {
    throw new ForbiddenError('Agents may assign a task only to themselves.');
  }
  await checkTaskRefs(deps, { assigneeId: patch.assigneeId ?? undefined });
  const updated = unwrap(await store.tasks.update(id, version, patch), 'task', id);
  // Cancelling or moving someone's callback is a decision about a customer: on the record.
  await store.audit.append({
    actor: user.id,
    action: 'task.update',
    target: id,
    detail: { changed: Object.keys(patch), status: updated.status, dueAt: updated.dueAt },
  });
  return updated;
}
