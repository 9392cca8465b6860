// A worker's own state that sets off nothing else: its channels and its activity. Kept apart from the
// worker REST operations (workers.ts), which match the worker to waiting tasks afterwards, because the
// reservation lifecycle changes activities too and matching itself creates reservations.
import { newSid } from '../rest-common.js';
import { type Core, now, type Workspace } from './core.js';
import { activityFields, workerFields } from './event-fields.js';
import { emit } from './event-record.js';
import type { Activity, TaskChannel, Worker, WorkerChannel } from './model.js';

export function newWorkerChannel(core: Core, channel: TaskChannel): WorkerChannel {
  const t = now(core);
  // [K] every channel starts at capacity 1; sms/chat are raised per worker through WorkerChannels.
  return {
    sid: newSid('WC'),
    channel,
    capacity: 1,
    available: true,
    taskCount: 0,
    dateCreated: t,
    dateUpdated: t,
  };
}

export function addChannelToWorkers(core: Core, ws: Workspace, channel: TaskChannel): void {
  for (const w of ws.workers.values()) w.channels.set(channel.sid, newWorkerChannel(core, channel));
}

/**
 * Moves a worker to an activity and records the event; false if it was there already. Matching is left to
 * the caller: the reservation lifecycle moves a worker in the middle of its own changes and offers it work
 * only once they are done.
 */
export function changeActivity(core: Core, ws: Workspace, worker: Worker, activity: Activity): boolean {
  if (activity === worker.activity) return false;
  const t = now(core);
  const previous = worker.activity;
  const inPreviousMs = t - worker.dateStatusChanged;
  worker.activity = activity;
  worker.dateStatusChanged = t;
  worker.dateUpdated = t;
  worker.version++;
  if (activity.available && !previous.available) worker.idleSince = t;
  emit(core, ws, {
    type: 'worker.activity.update',
    description: `Worker ${worker.friendlyName} updated to ${activity.friendlyName} Activity`,
    resourceType: 'Worker',
    resourceSid: worker.sid,
    fields: {
      ...workerFields(worker),
      ...activityFields(activity),
      WorkerTimeInPreviousActivity: String(Math.floor(inPreviousMs / 1000)),
      WorkerTimeInPreviousActivityMs: String(inPreviousMs),
      WorkerPreviousActivitySid: previous.sid,
      WorkerPreviousActivityName: previous.friendlyName,
    },
  });
  return true;
}
