// Matching tasks and workers (docs/twilio-behaviour.md §4.4-4.5, §4.10). Two entry points, each touching only what
// changed: a task entering a target looks at that queue's workers; a worker that becomes available or
// frees capacity looks at the heads of its own queues' per-channel lists.

import type { Core, Workspace } from './core.js';
import { compareValues, readPath } from './expressions.js';
import {
  holdingCount,
  isHolding,
  type Task,
  type TaskQueue,
  type Worker,
  type WorkerChannel,
} from './model.js';
import { createReservation } from './reservations.js';

/** The channel a worker would take this task on, if it can take one more task now. */
export function freeChannel(ws: Workspace, worker: Worker, channelSid: string): WorkerChannel | undefined {
  if (!worker.activity.available) return undefined;
  // Single-tasking workspaces (legacy) give a worker one task at a time, whatever the channel.
  if (!ws.multiTaskEnabled && worker.active.size > 0) return undefined;
  const wc = worker.channels.get(channelSid);
  if (!wc?.available || wc.taskCount >= wc.capacity) return undefined;
  return wc;
}

const scopes = new WeakMap<
  Worker,
  { version: number; activitySid: string; scope: Record<string, unknown> }
>();

/** The `worker.` side of target expressions: attributes plus sid, friendly_name, activity_* (§4.5). */
export function workerScope(worker: Worker): Record<string, unknown> {
  const hit = scopes.get(worker);
  if (hit && hit.version === worker.version && hit.activitySid === worker.activity.sid) return hit.scope;
  const scope = {
    ...worker.attributes,
    sid: worker.sid,
    friendly_name: worker.friendlyName,
    activity_sid: worker.activity.sid,
    activity_name: worker.activity.friendlyName,
  };
  scopes.set(worker, { version: worker.version, activitySid: worker.activity.sid, scope });
  return scope;
}

/** Whether the task's current target lets this worker have it (target expression, known worker, history). */
function targetAllows(task: Task, worker: Worker): boolean {
  const routing = task.routing;
  if (!routing || task.rejectedBy.has(worker.sid)) return false;
  for (const r of task.reservations) if (r.worker === worker && isHolding(r.status)) return false;
  const known = routing.knownWorker;
  if (known) {
    const mine = known.by === 'sid' ? worker.sid : worker.friendlyName.toLowerCase();
    if (mine !== (known.by === 'sid' ? known.value : known.value.toLowerCase())) return false;
  }
  const expr = routing.target.expression;
  return !expr || expr.test({ task: task.attributes, worker: workerScope(worker) });
}

/** Offers a task to the best free workers of its queue; returns how many reservations it made. */
export function matchTask(core: Core, ws: Workspace, task: Task): number {
  const routing = task.routing;
  if (!routing || routing.expired || (task.status !== 'pending' && task.status !== 'reserved')) return 0;
  const need = routing.queue.maxReservedWorkers - holdingCount(task);
  if (need <= 0) return 0;
  const candidates: { worker: Worker; wc: WorkerChannel }[] = [];
  for (const worker of routing.queue.workers) {
    const wc = freeChannel(ws, worker, task.channel.sid);
    if (wc && targetAllows(task, worker)) candidates.push({ worker, wc });
  }
  if (candidates.length === 0) return 0;
  const orderBy = routing.target.orderBy;
  candidates.sort((a, b) => {
    for (const key of orderBy) {
      const va = readPath({ worker: workerScope(a.worker) }, key.path);
      const vb = readPath({ worker: workerScope(b.worker) }, key.path);
      // Workers lacking the key go last in either direction.
      if ((va === undefined) !== (vb === undefined)) return va === undefined ? 1 : -1;
      const c = compareValues(va, vb);
      if (c !== 0) return key.direction === 'DESC' ? -c : c;
    }
    return a.worker.idleSince - b.worker.idleSince;
  });
  let made = 0;
  for (const { worker, wc } of candidates.slice(0, need)) {
    createReservation(core, ws, task, worker, wc);
    made++;
  }
  return made;
}

/** Across queues: higher priority first, then the workspace's prioritize_queue_order on task age (§4.1). */
function better(ws: Workspace, a: Task, b: Task): boolean {
  const pa = a.routing?.priority ?? a.priority;
  const pb = b.routing?.priority ?? b.priority;
  if (pa !== pb) return pa > pb;
  if (a.virtualStartTime !== b.virtualStartTime)
    return ws.prioritizeQueueOrder === 'FIFO'
      ? a.virtualStartTime < b.virtualStartTime
      : a.virtualStartTime > b.virtualStartTime;
  return ws.prioritizeQueueOrder === 'FIFO' ? a.seq < b.seq : a.seq > b.seq;
}

/** Gives a worker the best waiting tasks it can take, until its capacity or the queues run out. */
export function matchWorker(core: Core, ws: Workspace, worker: Worker): number {
  let made = 0;
  for (;;) {
    if (!worker.activity.available) return made;
    let best: { task: Task; wc: WorkerChannel } | undefined;
    for (const queue of worker.queues) {
      for (const channelSid of queue.index.channels()) {
        const wc = freeChannel(ws, worker, channelSid);
        if (!wc) continue;
        for (const task of queue.index.list(channelSid)) {
          // Lists are sorted by priority first: nothing further down can beat a higher-priority best.
          if (best && (task.routing?.priority ?? 0) < (best.task.routing?.priority ?? 0)) break;
          if (!targetAllows(task, worker)) continue;
          if (!best || better(ws, task, best.task)) best = { task, wc };
          break;
        }
      }
    }
    if (!best) return made;
    createReservation(core, ws, best.task, worker, best.wc);
    made++;
  }
}

/** skip_if variables for a step's queue: workers.available, workers.unavailable, workers.WA… (§4.5). */
export function queueWorkerCounts(queue: TaskQueue): Record<string, number> {
  const counts: Record<string, number> = { available: 0, unavailable: 0 };
  for (const w of queue.workers) {
    if (w.activity.available) counts.available = (counts.available ?? 0) + 1;
    else counts.unavailable = (counts.unavailable ?? 0) + 1;
    counts[w.activity.sid] = (counts[w.activity.sid] ?? 0) + 1;
  }
  return counts;
}
