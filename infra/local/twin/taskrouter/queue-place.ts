// A task's place in its queue's index: there only while it is routed and can take another reservation.
// Kept apart from the workflow walk (routing.ts) because the reservation lifecycle updates it too, and
// the walk itself calls into reservations through matching.
import { holdingCount, type Task } from './model.js';

/** Puts the task where it belongs in its queue index: there only while it can take another reservation. */
export function refreshIndex(task: Task): void {
  const r = task.routing;
  const belongs =
    r !== undefined &&
    !r.expired &&
    (task.status === 'pending' || task.status === 'reserved') &&
    holdingCount(task) < r.queue.maxReservedWorkers;
  const at = task.indexedIn;
  if (at && (!belongs || at !== r?.queue || task.indexKey?.priority !== r.priority)) {
    at.index.remove(task);
    task.indexedIn = undefined;
  }
  if (belongs && !task.indexedIn) {
    r.queue.index.insert(task, r.priority);
    task.indexedIn = r.queue;
  }
}

/** Takes the task out of routing (assigned, canceled, re-evaluated), keeping the queue it was in. */
export function leaveRouting(task: Task): void {
  task.targetTimer?.cancel();
  task.targetTimer = undefined;
  if (task.routing) task.lastQueue = task.routing.queue;
  task.routing = undefined;
  refreshIndex(task);
}
