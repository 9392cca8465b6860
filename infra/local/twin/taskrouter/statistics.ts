// Statistics (docs/twilio-behaviour.md §4.11): real-time figures are counted from the live tasks and workers; cumulative
// ones are read from the workspace's event record over the requested window, filtered by scope.
import { iso8601 } from '../rest-common.js';
import { type Core, now, type Workspace } from './core.js';
import type { EventRecord } from './event-record.js';
import type { Task, TaskQueue, Worker } from './model.js';

export interface Scope {
  readonly queueSid?: string;
  readonly workflowSid?: string;
  readonly workerSid?: string;
  /** Task channel unique name. */
  readonly channel?: string;
}
export interface Window {
  readonly start: number;
  readonly end: number;
}

const LIVE = ['pending', 'reserved', 'assigned', 'wrapping'] as const;

function activityStatistics(ws: Workspace, workers: Iterable<Worker>) {
  const counts = new Map<string, number>();
  for (const w of workers) counts.set(w.activity.sid, (counts.get(w.activity.sid) ?? 0) + 1);
  return [...ws.activities.values()].map((a) => ({
    sid: a.sid,
    friendly_name: a.friendlyName,
    workers: counts.get(a.sid) ?? 0,
  }));
}

function taskFigures(core: Core, tasks: readonly Task[], queueAge?: (t: Task) => number) {
  const byStatus: Record<string, number> = { pending: 0, reserved: 0, assigned: 0, wrapping: 0 };
  const byPriority: Record<string, number> = {};
  let longest: Task | undefined;
  let longestRel: { task: Task; age: number } | undefined;
  for (const t of tasks) {
    byStatus[t.status] = (byStatus[t.status] ?? 0) + 1;
    byPriority[String(t.priority)] = (byPriority[String(t.priority)] ?? 0) + 1;
    if (t.status !== 'pending' && t.status !== 'reserved') continue;
    if (!longest || t.dateCreated < longest.dateCreated) longest = t;
    const rel = queueAge?.(t);
    if (rel !== undefined && (!longestRel || rel > longestRel.age)) longestRel = { task: t, age: rel };
  }
  return {
    longest_task_waiting_age: longest ? Math.floor((now(core) - longest.dateCreated) / 1000) : 0,
    longest_task_waiting_sid: longest?.sid ?? null,
    tasks_by_priority: byPriority,
    tasks_by_status: byStatus,
    total_tasks: tasks.length,
    ...(queueAge
      ? {
          longest_relative_task_age_in_queue: longestRel ? Math.floor(longestRel.age / 1000) : 0,
          longest_relative_task_sid_in_queue: longestRel?.task.sid ?? null,
        }
      : {}),
  };
}

function liveTasks(ws: Workspace, keep: (t: Task) => boolean, channel?: string): Task[] {
  const out: Task[] = [];
  for (const t of ws.tasks.values())
    if (
      (LIVE as readonly string[]).includes(t.status) &&
      (!channel || t.channel.uniqueName === channel) &&
      keep(t)
    )
      out.push(t);
  return out;
}

export function workspaceRealTime(core: Core, ws: Workspace, channel?: string) {
  return {
    activity_statistics: activityStatistics(ws, ws.workers.values()),
    ...taskFigures(
      core,
      liveTasks(ws, () => true, channel),
    ),
    total_workers: ws.workers.size,
  };
}

export function queueRealTime(core: Core, ws: Workspace, q: TaskQueue, channel?: string) {
  const tasks = liveTasks(ws, (t) => (t.routing?.queue ?? t.lastQueue) === q, channel);
  let available = 0;
  for (const w of q.workers) if (w.activity.available) available++;
  return {
    activity_statistics: activityStatistics(ws, q.workers),
    ...taskFigures(core, tasks, (t) => (t.routing ? now(core) - t.routing.enteredQueueAt : 0)),
    total_available_workers: available,
    total_eligible_workers: q.workers.size,
  };
}

export function workflowRealTime(core: Core, ws: Workspace, workflowSid: string, channel?: string) {
  const {
    longest_task_waiting_age,
    longest_task_waiting_sid,
    tasks_by_priority,
    tasks_by_status,
    total_tasks,
  } = taskFigures(
    core,
    liveTasks(ws, (t) => t.workflow?.sid === workflowSid, channel),
  );
  return {
    longest_task_waiting_age,
    longest_task_waiting_sid,
    tasks_by_priority,
    tasks_by_status,
    total_tasks,
  };
}

export function workersRealTime(ws: Workspace) {
  return { activity_statistics: activityStatistics(ws, ws.workers.values()), total_workers: ws.workers.size };
}

function inScope(e: EventRecord, scope: Scope, w: Window): boolean {
  return (
    e.ms >= w.start &&
    e.ms <= w.end &&
    (!scope.queueSid || e.queueSid === scope.queueSid) &&
    (!scope.workflowSid || e.workflowSid === scope.workflowSid) &&
    (!scope.workerSid || e.workerSid === scope.workerSid) &&
    (!scope.channel || e.channelUniqueName === scope.channel)
  );
}

function durations(ms: readonly number[]) {
  const s = ms.map((v) => Math.floor(v / 1000));
  const total = s.reduce((a, b) => a + b, 0);
  return {
    avg: s.length ? Math.round(total / s.length) : 0,
    min: s.length ? Math.min(...s) : 0,
    max: s.length ? Math.max(...s) : 0,
    total,
  };
}

export function cumulative(ws: Workspace, scope: Scope, w: Window, splitByWaitTime: readonly number[] = []) {
  const n: Record<string, number> = {};
  const accepted: number[] = [];
  const canceled: number[] = [];
  const inQueue: number[] = [];
  for (const e of ws.events) {
    if (!inScope(e, scope, w)) continue;
    n[e.type] = (n[e.type] ?? 0) + 1;
    if (e.type === 'reservation.accepted' && e.taskAgeMs !== undefined) accepted.push(e.taskAgeMs);
    if (e.type === 'reservation.accepted' && e.queueWaitMs !== undefined) inQueue.push(e.queueWaitMs);
    if (e.type === 'task.canceled' && e.taskAgeMs !== undefined) canceled.push(e.taskAgeMs);
  }
  const c = (t: string) => n[t] ?? 0;
  const split: Record<string, unknown> = {};
  for (const limit of splitByWaitTime) {
    const below = (xs: number[]) => xs.filter((v) => v < limit * 1000).length;
    split[String(limit)] = {
      above: {
        tasks_canceled: canceled.length - below(canceled),
        reservations_accepted: accepted.length - below(accepted),
      },
      below: { tasks_canceled: below(canceled), reservations_accepted: below(accepted) },
    };
  }
  const wait = durations(accepted);
  return {
    start_time: iso8601(w.start),
    end_time: iso8601(w.end),
    avg_task_acceptance_time: wait.avg,
    reservations_created: c('reservation.created'),
    reservations_accepted: c('reservation.accepted'),
    reservations_rejected: c('reservation.rejected'),
    reservations_timed_out: c('reservation.timeout'),
    reservations_canceled: c('reservation.canceled'),
    reservations_rescinded: c('reservation.rescinded'),
    split_by_wait_time: splitByWaitTime.length ? split : null,
    wait_duration_until_accepted: wait,
    wait_duration_until_canceled: durations(canceled),
    wait_duration_in_queue_until_accepted: durations(inQueue),
    tasks_canceled: c('task.canceled'),
    tasks_completed: c('task.completed'),
    tasks_created: c('task.created'),
    tasks_deleted: c('task.deleted'),
    tasks_moved: c('task-queue.moved'),
    tasks_entered: scope.queueSid ? c('task-queue.entered') : c('workflow.entered'),
    tasks_timed_out_in_workflow: c('workflow.timeout'),
  };
}

/** Time spent in each activity within the window, from activity-change events plus the current stretch. */
export function activityDurations(core: Core, ws: Workspace, w: Window, workerSid?: string) {
  const spans = new Map<string, number[]>();
  const add = (sid: string, ms: number) => spans.set(sid, [...(spans.get(sid) ?? []), ms]);
  for (const e of ws.events)
    if (
      e.type === 'worker.activity.update' &&
      e.ms >= w.start &&
      e.ms <= w.end &&
      (!workerSid || e.workerSid === workerSid)
    ) {
      const prev = e.fields.WorkerPreviousActivitySid;
      if (prev) add(prev, Math.min(Number(e.fields.WorkerTimeInPreviousActivityMs ?? 0), e.ms - w.start));
    }
  const end = Math.min(w.end, now(core));
  for (const worker of ws.workers.values())
    if (!workerSid || worker.sid === workerSid)
      add(worker.activity.sid, Math.max(0, end - Math.max(worker.dateStatusChanged, w.start)));
  return [...ws.activities.values()].map((a) => ({
    sid: a.sid,
    friendly_name: a.friendlyName,
    ...durations(spans.get(a.sid) ?? []),
  }));
}
