// A task's walk through its workflow (docs/twilio-behaviour.md §4.5): first matching filter (else default_filter), then
// targets in order, each left when the task's age reaches the sum of the timeouts so far, or by skip_if.
import { type Core, now, type Workspace } from './core.js';
import { taskAgeMs, taskFields } from './event-fields.js';
import { emit } from './event-record.js';
import { resolveValue } from './expressions.js';
import { matchTask, queueWorkerCounts } from './matching.js';
import { holdingCount, type Task, type TaskRouting } from './model.js';
import { leaveRouting, refreshIndex } from './queue-place.js';
import { cancelTask } from './task-endings.js';

/** Runs the task through its workflow's filters from the top (new task, new attributes, re-evaluation). */
export function routeTask(core: Core, ws: Workspace, task: Task): void {
  leaveRouting(task);
  const wf = task.workflow;
  if (!wf) return;
  const filterIndex = wf.config.filters.findIndex((f) => f.expression.test(task.attributes));
  const filter = wf.config.filters[filterIndex];
  const targets = filter ? filter.targets : wf.config.defaultTargets;
  const first = targets[0];
  // [K] With no default_filter a task that matches nothing waits, unrouted, until its TTL.
  if (!first) return;
  const queue = ws.queues.get(first.queueSid);
  if (!queue) return;
  task.routing = {
    filterIndex: filter ? filterIndex : -1,
    targets,
    targetIndex: -1,
    target: first,
    queue,
    enteredQueueAt: now(core),
    enteredWorkflowAt: now(core),
    priority: task.priority,
    expired: false,
    knownWorker: undefined,
  };
  emit(core, ws, {
    type: 'workflow.entered',
    description: `Task ${task.sid} entered Workflow ${wf.friendlyName}`,
    resourceType: 'Task',
    resourceSid: task.sid,
    fields: taskFields(core, task),
  });
  enterTarget(core, ws, task, 0);
}

function resolveKnownWorker(task: Task, routing: TaskRouting): TaskRouting['knownWorker'] {
  const { knownWorkerSid, knownWorkerFriendlyName } = routing.target;
  const source = knownWorkerSid ?? knownWorkerFriendlyName;
  if (!source) return undefined;
  const value = resolveValue(source, { task: task.attributes });
  // An expression that resolves to nothing matches no worker, so the target waits for its timeout.
  return { by: knownWorkerSid ? 'sid' : 'name', value: typeof value === 'string' ? value : '' };
}

function enterTarget(core: Core, ws: Workspace, task: Task, index: number): void {
  const routing = task.routing;
  if (!routing) return;
  for (let i = index; ; i++) {
    const target = routing.targets[i];
    const queue = target && ws.queues.get(target.queueSid);
    if (!target || !queue) {
      leaveWorkflow(core, ws, task, 'timeout');
      return;
    }
    // Already past this target's deadline (e.g. re-evaluated late): go straight on.
    if (target.leaveAtAge !== undefined && now(core) - routing.enteredWorkflowAt >= target.leaveAtAge * 1000)
      continue;
    const moved = routing.targetIndex >= 0 && routing.queue !== queue;
    routing.targetIndex = i;
    routing.target = target;
    routing.queue = queue;
    routing.priority = target.priority ?? task.priority;
    routing.enteredQueueAt = now(core);
    routing.expired = false;
    routing.knownWorker = resolveKnownWorker(task, routing);
    const fields = taskFields(core, task);
    emit(core, ws, {
      type: 'workflow.target-matched',
      description: `Task ${task.sid} matched target ${i} of its workflow`,
      resourceType: 'Task',
      resourceSid: task.sid,
      fields,
    });
    emit(core, ws, {
      type: 'task-queue.entered',
      description: `Task ${task.sid} entered TaskQueue ${queue.friendlyName}`,
      resourceType: 'Task',
      resourceSid: task.sid,
      fields,
      taskAgeMs: taskAgeMs(core, task),
    });
    if (moved)
      emit(core, ws, {
        type: 'task-queue.moved',
        description: `Task ${task.sid} moved to TaskQueue ${queue.friendlyName}`,
        resourceType: 'Task',
        resourceSid: task.sid,
        fields,
      });
    refreshIndex(task);
    // skip_if is looked at only when no reservation is made on entering the step (§4.5).
    const made = matchTask(core, ws, task);
    if (made === 0 && target.skipIf?.test({ workers: queueWorkerCounts(queue) })) {
      if (i === routing.targets.length - 1) {
        leaveWorkflow(core, ws, task, 'skipped');
        return;
      }
      continue;
    }
    scheduleTargetTimeout(core, ws, task);
    return;
  }
}

export function scheduleTargetTimeout(core: Core, ws: Workspace, task: Task): void {
  task.targetTimer?.cancel();
  task.targetTimer = undefined;
  const routing = task.routing;
  const leaveAt = routing?.target.leaveAtAge;
  if (!routing || leaveAt === undefined) return;
  task.targetTimer = core.deps.clock.at(routing.enteredWorkflowAt + leaveAt * 1000, () => {
    task.targetTimer = undefined;
    onTargetTimeout(core, ws, task);
  });
}

function onTargetTimeout(core: Core, ws: Workspace, task: Task): void {
  const routing = task.routing;
  if (!routing) return;
  // A task is not moved while a worker is deciding on it; it moves once the reservations end.
  if (task.reservations.some((r) => r.status === 'pending')) {
    routing.expired = true;
    refreshIndex(task);
    return;
  }
  advanceTarget(core, ws, task);
}

/** Leaves the current target for the next (after its timeout, possibly deferred by a reservation). */
export function advanceTarget(core: Core, ws: Workspace, task: Task): void {
  const routing = task.routing;
  if (!routing) return;
  emit(core, ws, {
    type: 'task-queue.timeout',
    description: `Task ${task.sid} timed out of TaskQueue ${routing.queue.friendlyName}`,
    resourceType: 'Task',
    resourceSid: task.sid,
    fields: taskFields(core, task),
  });
  routing.expired = true;
  refreshIndex(task);
  enterTarget(core, ws, task, routing.targetIndex + 1);
}

/** The last target timed out or was skipped: the task leaves the workflow and is canceled. */
function leaveWorkflow(core: Core, ws: Workspace, task: Task, why: 'timeout' | 'skipped'): void {
  emit(core, ws, {
    type: why === 'timeout' ? 'workflow.timeout' : 'workflow.skipped',
    description: `Task ${task.sid} ${why === 'timeout' ? 'timed out of' : 'skipped the last step of'} its workflow`,
    resourceType: 'Task',
    resourceSid: task.sid,
    fields: taskFields(core, task),
    taskAgeMs: taskAgeMs(core, task),
  });
  // [K] the cancel reason text is not documented.
  cancelTask(core, ws, task, why === 'timeout' ? 'Workflow Timeout' : 'Workflow Skipped');
}

/** After a reservation ended unaccepted: back to pending when none is left, then on or onward. */
export function afterReservationEnded(core: Core, ws: Workspace, task: Task): void {
  if (task.status !== 'reserved' && task.status !== 'pending') return;
  if (holdingCount(task) === 0) task.status = 'pending';
  const routing = task.routing;
  if (!routing) return;
  if (routing.expired && !task.reservations.some((r) => r.status === 'pending')) {
    advanceTarget(core, ws, task);
    return;
  }
  refreshIndex(task);
  matchTask(core, ws, task);
}
