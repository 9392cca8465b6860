// How a task ends: canceled while it waits, or wrapping and completed once assigned, each
// carried to its reservations. Kept apart from the other task operations (tasks.ts) because the workflow
// walk cancels tasks too, and task creation and updates start that walk.
import { type Core, invalidParam, now, type Workspace } from './core.js';
import { taskAgeMs, taskFields } from './event-fields.js';
import { emit } from './event-record.js';
import type { Task } from './model.js';
import { leaveRouting } from './queue-place.js';
import { endReservation, finishReservation } from './reservations.js';

/** Records a task event with the task's fields and age; the other task operations (tasks.ts) use it too. */
export function emitTask(core: Core, ws: Workspace, task: Task, type: string, description: string): void {
  emit(core, ws, {
    type,
    description,
    resourceType: 'Task',
    resourceSid: task.sid,
    fields: taskFields(core, task),
    taskAgeMs: taskAgeMs(core, task),
  });
}

export function cancelTask(core: Core, ws: Workspace, task: Task, reason: string): void {
  if (task.status !== 'pending' && task.status !== 'reserved')
    throw invalidParam(`Task ${task.sid} is ${task.status}; only a pending or reserved task can be canceled`);
  task.status = 'canceled';
  task.reason = reason;
  task.dateUpdated = now(core);
  task.version++;
  task.ttlTimer?.cancel();
  leaveRouting(task);
  emitTask(core, ws, task, 'task.canceled', `Task ${task.sid} canceled: ${reason}`);
  for (const r of task.reservations) if (r.status === 'pending') endReservation(core, ws, r, 'canceled');
}

export function finishTask(
  core: Core,
  ws: Workspace,
  task: Task,
  status: 'wrapping' | 'completed',
  reason?: string,
): void {
  task.status = status;
  if (status === 'completed') {
    task.reason = reason ?? task.reason;
    task.ttlTimer?.cancel();
  }
  task.dateUpdated = now(core);
  task.version++;
  emitTask(
    core,
    ws,
    task,
    status === 'wrapping' ? 'task.wrapup' : 'task.completed',
    `Task ${task.sid} ${status}`,
  );
  for (const r of task.reservations) finishReservation(core, ws, r, status);
}
