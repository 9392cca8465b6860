// Reservation lifecycle (docs/twilio-behaviour.md §4.7): created pending with a timer; accepted (the task is assigned,
// parallel ones are rescinded), or rejected/timed out/canceled (capacity freed, the task re-routed).
// What a step sets off above this module (the assignment callback, re-routing, matching the freed worker)
// goes through `core.hooks`, because those modules create and end reservations themselves.
import { newSid } from '../rest-common.js';
import { type Core, invalidParam, now, type Workspace } from './core.js';
import { reservationFields } from './event-fields.js';
import { emit } from './event-record.js';
import type { Reservation, ReservationStatus, Task, Worker, WorkerChannel } from './model.js';
import { leaveRouting, refreshIndex } from './queue-place.js';
import { changeActivity } from './worker-state.js';

function emitFor(core: Core, ws: Workspace, r: Reservation, type: string, description: string): void {
  emit(core, ws, {
    type,
    description,
    resourceType: 'Reservation',
    resourceSid: r.sid,
    fields: reservationFields(core, r),
    taskAgeMs: now(core) - r.task.dateCreated,
    ...(r.task.routing ? { queueWaitMs: now(core) - r.task.routing.enteredQueueAt } : {}),
  });
}

export function createReservation(
  core: Core,
  ws: Workspace,
  task: Task,
  worker: Worker,
  wc: WorkerChannel,
): Reservation {
  const routing = task.routing;
  if (!routing) throw new Error(`task ${task.sid} has no target to be reserved from`);
  const t = now(core);
  const r: Reservation = {
    sid: newSid('WR'),
    workspaceSid: ws.sid,
    task,
    worker,
    queue: routing.queue,
    workerChannel: wc,
    status: 'pending',
    dateCreated: t,
    dateUpdated: t,
    timer: undefined,
  };
  ws.reservations.set(r.sid, r);
  task.reservations.push(r);
  task.status = 'reserved';
  task.dateUpdated = t;
  worker.active.add(r);
  wc.taskCount++;
  worker.idleSince = t;
  refreshIndex(task);
  // Legacy single-tasking: the queue may move the worker into a "reserved" activity.
  if (!ws.multiTaskEnabled && routing.queue.reservationActivity)
    changeActivity(core, ws, worker, routing.queue.reservationActivity);
  const timeoutS = task.workflow?.taskReservationTimeout ?? 120;
  r.timer = core.deps.clock.at(t + timeoutS * 1000, () => {
    r.timer = undefined;
    if (r.status === 'pending') endReservation(core, ws, r, 'timeout');
  });
  emitFor(
    core,
    ws,
    r,
    'reservation.created',
    `Reservation ${r.sid} created for Worker ${worker.friendlyName}`,
  );
  core.hooks.created(core, ws, r);
  return r;
}

function release(r: Reservation): void {
  if (!r.worker.active.delete(r)) return;
  r.workerChannel.taskCount = Math.max(0, r.workerChannel.taskCount - 1);
}

function settle(core: Core, r: Reservation, status: ReservationStatus): void {
  r.timer?.cancel();
  r.timer = undefined;
  const ringing = r.cancelRing;
  r.cancelRing = undefined;
  // [K] a reservation that ends unaccepted stops ringing its worker; an accepted one keeps its call.
  if (status !== 'accepted') ringing?.();
  r.status = status;
  r.dateUpdated = now(core);
}

export function notPending(r: Reservation) {
  return invalidParam(`Reservation ${r.sid} is no longer pending (status ${r.status})`);
}

export function acceptReservation(core: Core, ws: Workspace, r: Reservation): void {
  if (r.status !== 'pending') throw notPending(r);
  const task = r.task;
  settle(core, r, 'accepted');
  task.status = 'assigned';
  task.dateUpdated = now(core);
  task.version++;
  emitFor(
    core,
    ws,
    r,
    'reservation.accepted',
    `Reservation ${r.sid} accepted by Worker ${r.worker.friendlyName}`,
  );
  leaveRouting(task);
  // Multi-reservation: the first to accept wins, the others are rescinded (§4.4).
  for (const other of task.reservations)
    if (other !== r && other.status === 'pending') endReservation(core, ws, other, 'rescinded');
  if (!ws.multiTaskEnabled && r.queue.assignmentActivity)
    changeActivity(core, ws, r.worker, r.queue.assignmentActivity);
}

/** Ends a pending reservation without acceptance, freeing the worker and re-routing the task. */
export function endReservation(
  core: Core,
  ws: Workspace,
  r: Reservation,
  status: 'rejected' | 'timeout' | 'canceled' | 'rescinded',
  activitySid?: string,
): void {
  if (r.status !== 'pending') throw notPending(r);
  const activity = activitySid ? ws.activities.get(activitySid) : undefined;
  if (activitySid && !activity) throw invalidParam(`Activity ${activitySid} does not exist`);
  settle(core, r, status);
  release(r);
  if (status === 'rejected') r.task.rejectedBy.add(r.worker.sid);
  emitFor(core, ws, r, `reservation.${status}`, `Reservation ${r.sid} ${status}`);
  // A worker who lets a reservation time out is moved to the workspace's timeout activity (§4.1, §4.7).
  if (status === 'timeout') changeActivity(core, ws, r.worker, ws.timeoutActivity);
  if (activity) changeActivity(core, ws, r.worker, activity);
  if (status === 'rejected' || status === 'timeout') core.hooks.released(core, ws, r.task);
  core.hooks.workerFree(core, ws, r.worker);
}

/** wrapping or completed, following the task (§4.7); completing frees the worker's capacity. */
export function finishReservation(
  core: Core,
  ws: Workspace,
  r: Reservation,
  status: 'wrapping' | 'completed',
): void {
  if (r.status !== 'accepted' && r.status !== 'wrapping') return;
  if (r.status === status) return;
  settle(core, r, status);
  emitFor(
    core,
    ws,
    r,
    status === 'wrapping' ? 'reservation.wrapup' : 'reservation.completed',
    `Reservation ${r.sid} ${status}`,
  );
  const postWork = r.task.postWorkActivitySid ? ws.activities.get(r.task.postWorkActivitySid) : undefined;
  if (postWork) {
    r.task.postWorkActivitySid = undefined;
    changeActivity(core, ws, r.worker, postWork);
  }
  if (status === 'completed') {
    release(r);
    r.worker.idleSince = now(core);
    core.hooks.workerFree(core, ws, r.worker);
  }
}
