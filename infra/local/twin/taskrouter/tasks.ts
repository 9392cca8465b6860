// Tasks (docs/twilio-behaviour.md §4.7): creation with TTL, attribute/priority updates (re-routing while pending), and
// the moves to canceled, wrapping, completed and deletion, each carried to the reservations.
import { newSid, TwilioRestError } from '../rest-common.js';
import { type Core, invalidParam, mustGet, now, parseAttributes, type Workspace } from './core.js';
import { matchWorker } from './matching.js';
import type { Task } from './model.js';
import { leaveRouting, refreshIndex } from './queue-place.js';
import { routeTask } from './routing.js';
import { findChannel } from './task-channels.js';
import { cancelTask, emitTask, finishTask } from './task-endings.js';

export interface TaskInput {
  readonly attributes?: string;
  readonly priority?: number;
  readonly timeout?: number;
  readonly taskChannel?: string;
  readonly workflowSid?: string;
  readonly virtualStartTime?: number;
}

const MAX_PRIORITY = 2 ** 31 - 1;
const TTL_EXCEEDED = 'Task TTL Exceeded';

function checkPriority(p: number): number {
  if (!Number.isInteger(p) || p < 0 || p > MAX_PRIORITY)
    throw invalidParam('Priority must be an integer from 0 to 2^31-1');
  return p;
}

export function createTask(core: Core, ws: Workspace, input: TaskInput): Task {
  let workflow = input.workflowSid ? mustGet(ws.workflows, input.workflowSid, 'Workflow') : undefined;
  if (!workflow) {
    if (ws.workflows.size !== 1)
      throw invalidParam('WorkflowSid is required when the Workspace does not have exactly one Workflow');
    workflow = [...ws.workflows.values()][0];
  }
  const attributesJson = input.attributes ?? '{}';
  const attributes = parseAttributes(attributesJson, 'Attributes');
  const channel = findChannel(ws, input.taskChannel ?? 'default');
  if (!channel) throw invalidParam(`TaskChannel ${input.taskChannel} does not exist`);
  const timeout = input.timeout ?? 86_400;
  if (!Number.isInteger(timeout) || timeout < 1 || timeout > 1_209_600)
    throw invalidParam('Timeout must be from 1 to 1209600 seconds');
  const t = now(core);
  const task: Task = {
    sid: newSid('WT'),
    workspaceSid: ws.sid,
    seq: core.nextSeq(),
    workflow,
    attributesJson,
    attributes,
    priority: checkPriority(input.priority ?? 0),
    timeout,
    channel,
    status: 'pending',
    reason: undefined,
    dateCreated: t,
    dateUpdated: t,
    virtualStartTime: input.virtualStartTime ?? t,
    routing: undefined,
    lastQueue: undefined,
    reservations: [],
    rejectedBy: new Set(),
    indexKey: undefined,
    indexedIn: undefined,
    ttlTimer: undefined,
    targetTimer: undefined,
    postWorkActivitySid: undefined,
    version: 0,
  };
  ws.tasks.set(task.sid, task);
  // The TTL counts from creation; a task still waiting then is canceled (§4.7).
  task.ttlTimer = core.deps.clock.at(t + timeout * 1000, () => {
    task.ttlTimer = undefined;
    if (task.status === 'pending' || task.status === 'reserved') cancelTask(core, ws, task, TTL_EXCEEDED);
  });
  emitTask(core, ws, task, 'task.created', `Task ${task.sid} created`);
  routeTask(core, ws, task);
  return task;
}

export interface TaskUpdate {
  readonly attributes?: string;
  readonly priority?: number;
  readonly assignmentStatus?: string;
  readonly reason?: string;
  readonly taskChannel?: string;
  readonly virtualStartTime?: number;
}

export function updateTask(core: Core, ws: Workspace, task: Task, input: TaskUpdate): Task {
  const attributes =
    input.attributes !== undefined ? parseAttributes(input.attributes, 'Attributes') : undefined;
  const channel = input.taskChannel !== undefined ? findChannel(ws, input.taskChannel) : undefined;
  if (input.taskChannel !== undefined && !channel)
    throw invalidParam(`TaskChannel ${input.taskChannel} does not exist`);
  if (input.priority !== undefined) checkPriority(input.priority);
  const waiting = task.status === 'pending' || task.status === 'reserved';
  const changed =
    attributes || input.priority !== undefined || channel || input.virtualStartTime !== undefined;
  if (changed && (task.status === 'completed' || task.status === 'canceled'))
    throw invalidParam(`Task ${task.sid} is ${task.status} and cannot be updated`);
  if (attributes && input.attributes !== undefined) {
    task.attributesJson = input.attributes;
    task.attributes = attributes;
  }
  if (input.priority !== undefined) task.priority = input.priority;
  if (channel && waiting && task.reservations.every((r) => r.status !== 'pending')) {
    leaveRouting(task);
    task.channel = channel;
  }
  if (input.virtualStartTime !== undefined && waiting) {
    leaveRouting(task);
    task.virtualStartTime = input.virtualStartTime;
  }
  if (changed) {
    task.version++;
    task.dateUpdated = now(core);
    emitTask(core, ws, task, 'task.updated', `Task ${task.sid} updated`);
    // A waiting task with no worker deciding on it goes through the workflow again with what changed.
    if (task.status === 'pending' && (attributes || !task.routing)) routeTask(core, ws, task);
    else if (task.routing) {
      task.routing.priority = task.routing.target.priority ?? task.priority;
      refreshIndex(task);
    }
  }
  if (input.assignmentStatus !== undefined) setStatus(core, ws, task, input.assignmentStatus, input.reason);
  return task;
}

function setStatus(core: Core, ws: Workspace, task: Task, status: string, reason: string | undefined): void {
  if (status === 'canceled') {
    cancelTask(core, ws, task, reason ?? 'canceled');
    return;
  }
  if (status === 'wrapping' || status === 'completed') {
    if (task.status !== 'assigned' && !(task.status === 'wrapping' && status === 'completed'))
      throw invalidParam(`Task ${task.sid} is ${task.status}; only an assigned task can go to ${status}`);
    finishTask(core, ws, task, status, reason);
    return;
  }
  throw invalidParam(`AssignmentStatus ${status} cannot be set; use canceled, wrapping or completed`);
}

export function deleteTask(core: Core, ws: Workspace, task: Task): void {
  if (task.status === 'pending' || task.status === 'reserved') cancelTask(core, ws, task, 'deleted');
  task.ttlTimer?.cancel();
  leaveRouting(task);
  // An assigned task deleted through the API frees its worker at once.
  const freed = new Set(
    task.reservations
      .filter((r) => r.worker.active.delete(r))
      .map((r) => {
        r.workerChannel.taskCount = Math.max(0, r.workerChannel.taskCount - 1);
        r.status = 'canceled';
        return r.worker;
      }),
  );
  emitTask(core, ws, task, 'task.deleted', `Task ${task.sid} deleted`);
  ws.tasks.delete(task.sid);
  for (const r of task.reservations) ws.reservations.delete(r.sid);
  for (const w of freed) matchWorker(core, ws, w);
}

export function taskOf(ws: Workspace, sid: string): Task {
  const task = ws.tasks.get(sid);
  if (!task) throw new TwilioRestError(404, 20404, `The requested resource /Tasks/${sid} was not found`);
  return task;
}
