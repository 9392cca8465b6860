// Workers and their channels (docs/twilio-behaviour.md §4.3, §4.10): attributes, activity changes, capacity, and the
// cached set of queues each worker belongs to, refreshed only when attributes or target_workers change.
import { newSid, TwilioRestError } from '../rest-common.js';
import { type Core, invalidParam, mustGet, notFound, now, parseAttributes, type Workspace } from './core.js';
import { workerChannelFields, workerFields } from './event-fields.js';
import { emit } from './event-record.js';
import { matchWorker } from './matching.js';
import type { Activity, Worker, WorkerChannel } from './model.js';
import { endReservation } from './reservations.js';
import { changeActivity, newWorkerChannel } from './worker-state.js';

export interface WorkerInput {
  readonly friendlyName?: string;
  readonly activitySid?: string;
  readonly attributes?: string;
  readonly rejectPendingReservations?: boolean;
}

function checkName(ws: Workspace, name: string, self?: Worker): void {
  if (!name) throw invalidParam('FriendlyName is required');
  if (name.length > 64) throw invalidParam('FriendlyName must be at most 64 characters');
  const other = ws.workersByName.get(name.toLowerCase());
  if (other && other !== self)
    throw new TwilioRestError(
      409,
      20001,
      `A Worker with FriendlyName ${name} already exists in this Workspace`,
    );
}

export function createWorker(
  core: Core,
  ws: Workspace,
  input: WorkerInput & { readonly friendlyName: string },
): Worker {
  checkName(ws, input.friendlyName);
  const attributesJson = input.attributes ?? '{}';
  const attributes = parseAttributes(attributesJson, 'Attributes');
  const activity = input.activitySid
    ? mustGet(ws.activities, input.activitySid, 'Activity')
    : ws.defaultActivity;
  const t = now(core);
  const worker: Worker = {
    sid: newSid('WK'),
    workspaceSid: ws.sid,
    friendlyName: input.friendlyName,
    attributesJson,
    attributes,
    activity,
    dateStatusChanged: t,
    dateCreated: t,
    dateUpdated: t,
    version: 0,
    channels: new Map(),
    queues: new Set(),
    active: new Set(),
    idleSince: t,
  };
  for (const c of ws.channels.values()) worker.channels.set(c.sid, newWorkerChannel(core, c));
  ws.workers.set(worker.sid, worker);
  ws.workersByName.set(worker.friendlyName.toLowerCase(), worker);
  refreshEligibility(ws, worker);
  emit(core, ws, {
    type: 'worker.created',
    description: `Worker ${worker.friendlyName} created`,
    resourceType: 'Worker',
    resourceSid: worker.sid,
    fields: workerFields(worker),
  });
  matchWorker(core, ws, worker);
  return worker;
}

/** Recomputes which queues' target_workers this worker matches. */
export function refreshEligibility(ws: Workspace, worker: Worker): void {
  for (const q of ws.queues.values()) {
    if (q.targetExpression.test(worker.attributes)) {
      worker.queues.add(q);
      q.workers.add(worker);
    } else {
      worker.queues.delete(q);
      q.workers.delete(worker);
    }
  }
}

export function updateWorker(core: Core, ws: Workspace, worker: Worker, input: WorkerInput): Worker {
  const activity = input.activitySid ? mustGet(ws.activities, input.activitySid, 'Activity') : undefined;
  if (input.rejectPendingReservations && (activity?.available ?? true))
    throw invalidParam('RejectPendingReservations is only valid when moving to an unavailable Activity');
  const attributes =
    input.attributes !== undefined ? parseAttributes(input.attributes, 'Attributes') : undefined;
  if (input.friendlyName !== undefined && input.friendlyName !== worker.friendlyName) {
    checkName(ws, input.friendlyName, worker);
    ws.workersByName.delete(worker.friendlyName.toLowerCase());
    worker.friendlyName = input.friendlyName;
    ws.workersByName.set(worker.friendlyName.toLowerCase(), worker);
  }
  worker.dateUpdated = now(core);
  worker.version++;
  if (attributes && input.attributes !== undefined) {
    worker.attributesJson = input.attributes;
    worker.attributes = attributes;
    refreshEligibility(ws, worker);
    emit(core, ws, {
      type: 'worker.attributes.update',
      description: `Worker ${worker.friendlyName} attributes updated`,
      resourceType: 'Worker',
      resourceSid: worker.sid,
      fields: workerFields(worker),
    });
  }
  if (activity && activity !== worker.activity) {
    if (input.rejectPendingReservations)
      for (const r of [...worker.active]) if (r.status === 'pending') endReservation(core, ws, r, 'rejected');
    setActivity(core, ws, worker, activity);
  } else if (attributes) matchWorker(core, ws, worker);
  return worker;
}

/** Moves a worker to an activity; becoming available makes it look for work at once. */
export function setActivity(core: Core, ws: Workspace, worker: Worker, activity: Activity): void {
  if (changeActivity(core, ws, worker, activity) && activity.available) matchWorker(core, ws, worker);
}

export function deleteWorker(core: Core, ws: Workspace, worker: Worker): void {
  if (worker.active.size > 0) throw invalidParam(`Worker ${worker.sid} still holds reservations`);
  ws.workers.delete(worker.sid);
  ws.workersByName.delete(worker.friendlyName.toLowerCase());
  for (const q of worker.queues) q.workers.delete(worker);
  emit(core, ws, {
    type: 'worker.deleted',
    description: `Worker ${worker.friendlyName} deleted`,
    resourceType: 'Worker',
    resourceSid: worker.sid,
    fields: workerFields(worker),
  });
}

export function findWorkerChannel(_ws: Workspace, worker: Worker, sidOrName: string): WorkerChannel {
  for (const wc of worker.channels.values())
    if (wc.sid === sidOrName || wc.channel.sid === sidOrName || wc.channel.uniqueName === sidOrName)
      return wc;
  throw notFound('WorkerChannel', sidOrName);
}

export function updateWorkerChannel(
  core: Core,
  ws: Workspace,
  worker: Worker,
  wc: WorkerChannel,
  input: { readonly capacity?: number; readonly available?: boolean },
): WorkerChannel {
  if (input.capacity !== undefined && (!Number.isInteger(input.capacity) || input.capacity < 0))
    throw invalidParam('Capacity must be a non-negative integer');
  const previousCapacity = wc.capacity;
  wc.dateUpdated = now(core);
  if (input.capacity !== undefined && input.capacity !== wc.capacity) {
    wc.capacity = input.capacity;
    emit(core, ws, {
      type: 'worker.capacity.update',
      description: `Worker ${worker.friendlyName} capacity updated`,
      resourceType: 'Worker',
      resourceSid: worker.sid,
      fields: { ...workerFields(worker), ...workerChannelFields(wc, previousCapacity) },
    });
  }
  if (input.available !== undefined && input.available !== wc.available) {
    wc.available = input.available;
    emit(core, ws, {
      type: 'worker.channel.availability.update',
      description: `Worker ${worker.friendlyName} channel availability updated`,
      resourceType: 'Worker',
      resourceSid: worker.sid,
      fields: { ...workerFields(worker), ...workerChannelFields(wc, previousCapacity) },
    });
  }
  matchWorker(core, ws, worker);
  return wc;
}
