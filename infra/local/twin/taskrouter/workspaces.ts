// Workspaces and Activities (docs/twilio-behaviour.md §4.1, §4.2): the settings every routing
// decision reads. A new workspace gets the usual activities and channels so it routes at once.
import { newSid } from '../rest-common.js';
import { type Core, invalidParam, mustGet, now, type Workspace } from './core.js';
import { activityFields } from './event-fields.js';
import { emit } from './event-record.js';
import type { Activity, TaskChannel, TaskOrder } from './model.js';

export interface WorkspaceInput {
  readonly friendlyName?: string;
  readonly eventCallbackUrl?: string;
  readonly eventsFilter?: string;
  readonly multiTaskEnabled?: boolean;
  readonly prioritizeQueueOrder?: TaskOrder;
  readonly defaultActivitySid?: string;
  readonly timeoutActivitySid?: string;
}

/** [K] Twilio's stock activities; Offline is both the default and the timeout activity. */
const STOCK_ACTIVITIES = [
  ['Offline', false],
  ['Available', true],
  ['Unavailable', false],
  ['Break', false],
] as const;
const STOCK_CHANNELS = [
  ['default', 'Default'],
  ['voice', 'Voice'],
  ['sms', 'SMS'],
  ['chat', 'Chat'],
] as const;

export function createWorkspace(
  core: Core,
  input: WorkspaceInput & { readonly friendlyName: string },
): Workspace {
  const t = now(core);
  const sid = newSid('WS');
  const activities = new Map<string, Activity>();
  for (const [name, available] of STOCK_ACTIVITIES) {
    const a: Activity = {
      sid: newSid('WA'),
      workspaceSid: sid,
      friendlyName: name,
      available,
      dateCreated: t,
      dateUpdated: t,
    };
    activities.set(a.sid, a);
  }
  const offline = [...activities.values()][0] as Activity;
  const ws: Workspace = {
    sid,
    friendlyName: input.friendlyName,
    eventCallbackUrl: input.eventCallbackUrl || undefined,
    eventsFilter: parseFilter(input.eventsFilter),
    defaultActivity: offline,
    timeoutActivity: offline,
    multiTaskEnabled: input.multiTaskEnabled ?? true,
    prioritizeQueueOrder: input.prioritizeQueueOrder ?? 'FIFO',
    dateCreated: t,
    dateUpdated: t,
    activities,
    channels: new Map(),
    workers: new Map(),
    workersByName: new Map(),
    queues: new Map(),
    workflows: new Map(),
    tasks: new Map(),
    reservations: new Map(),
    events: [],
    delivery: Promise.resolve(),
  };
  core.workspaces.set(sid, ws);
  for (const [uniqueName, friendlyName] of STOCK_CHANNELS) {
    const c: TaskChannel = {
      sid: newSid('TC'),
      workspaceSid: sid,
      uniqueName,
      friendlyName,
      channelOptimizedRouting: false,
      dateCreated: t,
      dateUpdated: t,
    };
    ws.channels.set(c.sid, c);
  }
  emit(core, ws, {
    type: 'workspace.created',
    description: `Workspace ${ws.friendlyName} created`,
    resourceType: 'Workspace',
    resourceSid: sid,
    fields: {},
  });
  return ws;
}

function parseFilter(raw: string | undefined): string[] | undefined {
  const list = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length ? list : undefined;
}

export function updateWorkspace(core: Core, ws: Workspace, input: WorkspaceInput): Workspace {
  if (input.friendlyName !== undefined) ws.friendlyName = input.friendlyName;
  if (input.eventCallbackUrl !== undefined) ws.eventCallbackUrl = input.eventCallbackUrl || undefined;
  if (input.eventsFilter !== undefined) ws.eventsFilter = parseFilter(input.eventsFilter);
  if (input.multiTaskEnabled !== undefined) ws.multiTaskEnabled = input.multiTaskEnabled;
  if (input.prioritizeQueueOrder !== undefined) ws.prioritizeQueueOrder = input.prioritizeQueueOrder;
  if (input.defaultActivitySid)
    ws.defaultActivity = mustGet(ws.activities, input.defaultActivitySid, 'Activity');
  if (input.timeoutActivitySid)
    ws.timeoutActivity = mustGet(ws.activities, input.timeoutActivitySid, 'Activity');
  ws.dateUpdated = now(core);
  emit(core, ws, {
    type: 'workspace.updated',
    description: `Workspace ${ws.friendlyName} updated`,
    resourceType: 'Workspace',
    resourceSid: ws.sid,
    fields: {},
  });
  return ws;
}

export function deleteWorkspace(core: Core, ws: Workspace): void {
  for (const task of ws.tasks.values()) {
    task.ttlTimer?.cancel();
    task.targetTimer?.cancel();
  }
  for (const r of ws.reservations.values()) r.timer?.cancel();
  core.workspaces.delete(ws.sid);
}

export function createActivity(
  core: Core,
  ws: Workspace,
  friendlyName: string,
  available: boolean,
): Activity {
  if (friendlyName.length > 64) throw invalidParam('FriendlyName must be at most 64 characters');
  const t = now(core);
  const a: Activity = {
    sid: newSid('WA'),
    workspaceSid: ws.sid,
    friendlyName,
    available,
    dateCreated: t,
    dateUpdated: t,
  };
  ws.activities.set(a.sid, a);
  emit(core, ws, {
    type: 'activity.created',
    description: `Activity ${friendlyName} created`,
    resourceType: 'Activity',
    resourceSid: a.sid,
    fields: activityFields(a),
  });
  return a;
}

export function renameActivity(core: Core, ws: Workspace, a: Activity, friendlyName: string): Activity {
  if (friendlyName.length > 64) throw invalidParam('FriendlyName must be at most 64 characters');
  a.friendlyName = friendlyName;
  a.dateUpdated = now(core);
  emit(core, ws, {
    type: 'activity.updated',
    description: `Activity ${friendlyName} updated`,
    resourceType: 'Activity',
    resourceSid: a.sid,
    fields: activityFields(a),
  });
  return a;
}

export function deleteActivity(core: Core, ws: Workspace, a: Activity): void {
  if (a === ws.defaultActivity || a === ws.timeoutActivity)
    throw invalidParam(`Activity ${a.sid} is the workspace's default or timeout activity`);
  for (const w of ws.workers.values())
    if (w.activity === a) throw invalidParam(`Activity ${a.sid} still has workers in it`);
  for (const q of ws.queues.values())
    if (q.reservationActivity === a || q.assignmentActivity === a)
      throw invalidParam(`Activity ${a.sid} is used by TaskQueue ${q.sid}`);
  ws.activities.delete(a.sid);
  emit(core, ws, {
    type: 'activity.deleted',
    description: `Activity ${a.friendlyName} deleted`,
    resourceType: 'Activity',
    resourceSid: a.sid,
    fields: activityFields(a),
  });
}
