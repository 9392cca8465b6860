// TaskQueues (docs/twilio-behaviour.md §4.4): target_workers decides membership once per worker and queue, and is
// re-evaluated only when the expression or a worker's attributes change.
import { newSid } from '../rest-common.js';
import { type Core, invalidParam, mustGet, now, type Workspace } from './core.js';
import { emit } from './event-record.js';
import { compileExpression } from './expressions.js';
import { matchTask } from './matching.js';
import type { TaskOrder, TaskQueue } from './model.js';
import { QueueIndex } from './queue-index.js';
import { refreshIndex } from './queue-place.js';

export interface QueueInput {
  readonly friendlyName?: string;
  readonly targetWorkers?: string;
  readonly maxReservedWorkers?: number;
  readonly taskOrder?: TaskOrder;
  readonly reservationActivitySid?: string;
  readonly assignmentActivitySid?: string;
}

function checkMax(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 50) throw invalidParam('MaxReservedWorkers must be from 1 to 50');
  return n;
}

function queueEvent(core: Core, ws: Workspace, q: TaskQueue, type: string, description: string): void {
  emit(core, ws, {
    type,
    description,
    resourceType: 'TaskQueue',
    resourceSid: q.sid,
    fields: {
      TaskQueueSid: q.sid,
      TaskQueueName: q.friendlyName,
      TaskQueueTargetExpression: q.targetWorkers,
    },
  });
}

export function createQueue(
  core: Core,
  ws: Workspace,
  input: QueueInput & { readonly friendlyName: string },
): TaskQueue {
  const targetWorkers = input.targetWorkers || '1==1';
  const taskOrder = input.taskOrder ?? 'FIFO';
  const t = now(core);
  const q: TaskQueue = {
    sid: newSid('WQ'),
    workspaceSid: ws.sid,
    friendlyName: input.friendlyName,
    targetWorkers,
    targetExpression: compileExpression(targetWorkers, 'TargetWorkers'),
    maxReservedWorkers: checkMax(input.maxReservedWorkers ?? 1),
    taskOrder,
    reservationActivity: input.reservationActivitySid
      ? mustGet(ws.activities, input.reservationActivitySid, 'Activity')
      : undefined,
    assignmentActivity: input.assignmentActivitySid
      ? mustGet(ws.activities, input.assignmentActivitySid, 'Activity')
      : undefined,
    dateCreated: t,
    dateUpdated: t,
    workers: new Set(),
    index: new QueueIndex(taskOrder),
  };
  ws.queues.set(q.sid, q);
  refreshMembers(ws, q);
  queueEvent(core, ws, q, 'task-queue.created', `TaskQueue ${q.friendlyName} created`);
  return q;
}

function refreshMembers(ws: Workspace, q: TaskQueue): void {
  for (const w of ws.workers.values()) {
    if (q.targetExpression.test(w.attributes)) {
      q.workers.add(w);
      w.queues.add(q);
    } else {
      q.workers.delete(w);
      w.queues.delete(q);
    }
  }
}

/** Tasks routed to this queue right now, whether or not they can take another reservation. */
export function tasksInQueue(ws: Workspace, q: TaskQueue) {
  return [...ws.tasks.values()].filter((t) => t.routing?.queue === q);
}

export function updateQueue(core: Core, ws: Workspace, q: TaskQueue, input: QueueInput): TaskQueue {
  const targetExpression = input.targetWorkers
    ? compileExpression(input.targetWorkers, 'TargetWorkers')
    : undefined;
  const max = input.maxReservedWorkers !== undefined ? checkMax(input.maxReservedWorkers) : undefined;
  if (input.reservationActivitySid)
    q.reservationActivity = mustGet(ws.activities, input.reservationActivitySid, 'Activity');
  if (input.assignmentActivitySid)
    q.assignmentActivity = mustGet(ws.activities, input.assignmentActivitySid, 'Activity');
  if (input.friendlyName !== undefined) q.friendlyName = input.friendlyName;
  if (input.taskOrder) {
    q.taskOrder = input.taskOrder;
    q.index.setOrder(input.taskOrder);
  }
  if (max !== undefined) q.maxReservedWorkers = max;
  q.dateUpdated = now(core);
  if (targetExpression && input.targetWorkers) {
    q.targetWorkers = input.targetWorkers;
    q.targetExpression = targetExpression;
    refreshMembers(ws, q);
    queueEvent(
      core,
      ws,
      q,
      'task-queue.expression.updated',
      `TaskQueue ${q.friendlyName} target workers updated`,
    );
  }
  // New members or more parallel reservations may let waiting tasks go now.
  for (const task of tasksInQueue(ws, q)) {
    refreshIndex(task);
    matchTask(core, ws, task);
  }
  return q;
}

export function deleteQueue(core: Core, ws: Workspace, q: TaskQueue): void {
  for (const wf of ws.workflows.values())
    if (wf.config.queueSids.has(q.sid))
      throw invalidParam(`TaskQueue ${q.sid} is used by Workflow ${wf.sid}`);
  if (tasksInQueue(ws, q).length > 0) throw invalidParam(`TaskQueue ${q.sid} still has tasks`);
  ws.queues.delete(q.sid);
  for (const w of q.workers) w.queues.delete(q);
  queueEvent(core, ws, q, 'task-queue.deleted', `TaskQueue ${q.friendlyName} deleted`);
}
