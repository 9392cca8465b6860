// The field groups events carry (docs/twilio-behaviour.md §4.9 "Field Data"): Task, Worker, Worker Channel, Activity,
// TaskChannel, with Reservation events adding ReservationSid, TaskQueueSid and WorkflowSid.
import { iso8601 } from '../rest-common.js';
import { type Core, now } from './core.js';
import type { Activity, Reservation, Task, TaskChannel, Worker, WorkerChannel } from './model.js';

export function taskAgeMs(core: Core, task: Task): number {
  return Math.max(0, now(core) - task.dateCreated);
}

export function taskFields(core: Core, task: Task): Record<string, string> {
  const queue = task.routing?.queue ?? task.lastQueue;
  const out: Record<string, string> = {
    TaskSid: task.sid,
    TaskAttributes: task.attributesJson,
    TaskAge: String(Math.floor(taskAgeMs(core, task) / 1000)),
    TaskPriority: String(task.priority),
    TaskAssignmentStatus: task.status,
    TaskChannelSid: task.channel.sid,
    TaskChannelUniqueName: task.channel.uniqueName,
    TaskVersion: String(task.version),
  };
  if (task.status === 'canceled' && task.reason) out.TaskCanceledReason = task.reason;
  if (task.status === 'completed' && task.reason) out.TaskCompletedReason = task.reason;
  if (queue) {
    out.TaskQueueSid = queue.sid;
    out.TaskQueueName = queue.friendlyName;
  }
  if (task.routing) out.TaskQueueEnteredDate = iso8601(task.routing.enteredQueueAt);
  if (task.workflow) {
    out.WorkflowSid = task.workflow.sid;
    out.WorkflowName = task.workflow.friendlyName;
  }
  return out;
}

export function workerFields(worker: Worker): Record<string, string> {
  return {
    WorkerSid: worker.sid,
    WorkerName: worker.friendlyName,
    WorkerAttributes: worker.attributesJson,
    WorkerActivitySid: worker.activity.sid,
    WorkerActivityName: worker.activity.friendlyName,
    WorkerVersion: String(worker.version),
  };
}

export function workerChannelFields(wc: WorkerChannel, previousCapacity?: number): Record<string, string> {
  return {
    WorkerChannelAvailable: String(wc.available),
    WorkerChannelAvailableCapacity: String(availableCapacityPercentage(wc)),
    WorkerChannelPreviousCapacity: String(previousCapacity ?? wc.capacity),
    TaskChannelSid: wc.channel.sid,
    TaskChannelUniqueName: wc.channel.uniqueName,
    WorkerChannelTaskCount: String(wc.taskCount),
  };
}

export function availableCapacityPercentage(wc: WorkerChannel): number {
  if (wc.capacity <= 0 || !wc.available) return 0;
  return Math.max(0, Math.floor(((wc.capacity - wc.taskCount) / wc.capacity) * 100));
}

export function activityFields(activity: Activity): Record<string, string> {
  return {
    ActivitySid: activity.sid,
    ActivityName: activity.friendlyName,
    ActivityAvailable: String(activity.available),
  };
}

export function channelFields(channel: TaskChannel): Record<string, string> {
  return {
    TaskChannelSid: channel.sid,
    TaskChannelName: channel.friendlyName,
    TaskChannelUniqueName: channel.uniqueName,
    TaskChannelOptimizedRouting: String(channel.channelOptimizedRouting),
  };
}

export function reservationFields(core: Core, r: Reservation): Record<string, string> {
  return {
    ...taskFields(core, r.task),
    ...workerFields(r.worker),
    ReservationSid: r.sid,
    TaskQueueSid: r.queue.sid,
    TaskQueueName: r.queue.friendlyName,
    ...(r.task.workflow ? { WorkflowSid: r.task.workflow.sid } : {}),
  };
}
