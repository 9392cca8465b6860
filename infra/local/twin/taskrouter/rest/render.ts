// TaskRouter v1 JSON shapes (docs/twilio-behaviour.md §4.1-4.9): snake_case fields, ISO 8601 dates, and absolute
// `https://taskrouter.twilio.com/v1/...` urls, which the rebasing client sends back to the twin.
import { iso8601 } from '../../rest-common.js';
import type { Core, Workspace } from '../core.js';
import { availableCapacityPercentage } from '../event-fields.js';
import type { EventRecord } from '../event-record.js';
import { snakeFields } from '../event-record.js';
import type {
  Activity,
  Reservation,
  Task,
  TaskChannel,
  TaskQueue,
  Worker,
  WorkerChannel,
  Workflow,
} from '../model.js';

export const BASE = 'https://taskrouter.twilio.com/v1';
export const wsUrl = (ws: string) => `${BASE}/Workspaces/${ws}`;

const d = (ms: number) => iso8601(ms);

export function renderWorkspace(core: Core, ws: Workspace) {
  const url = wsUrl(ws.sid);
  return {
    account_sid: core.deps.account.accountSid,
    date_created: d(ws.dateCreated),
    date_updated: d(ws.dateUpdated),
    default_activity_name: ws.defaultActivity.friendlyName,
    default_activity_sid: ws.defaultActivity.sid,
    event_callback_url: ws.eventCallbackUrl ?? null,
    events_filter: ws.eventsFilter?.join(',') ?? null,
    friendly_name: ws.friendlyName,
    multi_task_enabled: ws.multiTaskEnabled,
    prioritize_queue_order: ws.prioritizeQueueOrder,
    sid: ws.sid,
    timeout_activity_name: ws.timeoutActivity.friendlyName,
    timeout_activity_sid: ws.timeoutActivity.sid,
    url,
    links: Object.fromEntries(
      [
        ['activities', 'Activities'],
        ['workflows', 'Workflows'],
        ['task_queues', 'TaskQueues'],
        ['workers', 'Workers'],
        ['tasks', 'Tasks'],
        ['task_channels', 'TaskChannels'],
        ['events', 'Events'],
        ['statistics', 'Statistics'],
        ['real_time_statistics', 'RealTimeStatistics'],
        ['cumulative_statistics', 'CumulativeStatistics'],
      ].map(([k, p]) => [k, `${url}/${p}`]),
    ),
  };
}

export function renderActivity(core: Core, a: Activity) {
  return {
    account_sid: core.deps.account.accountSid,
    available: a.available,
    date_created: d(a.dateCreated),
    date_updated: d(a.dateUpdated),
    friendly_name: a.friendlyName,
    sid: a.sid,
    workspace_sid: a.workspaceSid,
    url: `${wsUrl(a.workspaceSid)}/Activities/${a.sid}`,
    links: { workspace: wsUrl(a.workspaceSid) },
  };
}

export function renderTaskChannel(core: Core, c: TaskChannel) {
  return {
    account_sid: core.deps.account.accountSid,
    channel_optimized_routing: c.channelOptimizedRouting,
    date_created: d(c.dateCreated),
    date_updated: d(c.dateUpdated),
    friendly_name: c.friendlyName,
    sid: c.sid,
    unique_name: c.uniqueName,
    workspace_sid: c.workspaceSid,
    url: `${wsUrl(c.workspaceSid)}/TaskChannels/${c.sid}`,
    links: { workspace: wsUrl(c.workspaceSid) },
  };
}

/** Attributes only in single fetches; lists carry null (§4.3). */
export function renderWorker(core: Core, w: Worker, inList = false) {
  const url = `${wsUrl(w.workspaceSid)}/Workers/${w.sid}`;
  return {
    account_sid: core.deps.account.accountSid,
    activity_name: w.activity.friendlyName,
    activity_sid: w.activity.sid,
    attributes: inList ? null : w.attributesJson,
    available: w.activity.available,
    date_created: d(w.dateCreated),
    date_status_changed: d(w.dateStatusChanged),
    date_updated: d(w.dateUpdated),
    friendly_name: w.friendlyName,
    sid: w.sid,
    workspace_sid: w.workspaceSid,
    url,
    links: {
      activity: `${wsUrl(w.workspaceSid)}/Activities/${w.activity.sid}`,
      channels: `${url}/Channels`,
      reservations: `${url}/Reservations`,
      statistics: `${url}/Statistics`,
      workspace: wsUrl(w.workspaceSid),
    },
  };
}

export function renderWorkerChannel(core: Core, w: Worker, wc: WorkerChannel) {
  return {
    account_sid: core.deps.account.accountSid,
    assigned_tasks: wc.taskCount,
    available: wc.available,
    available_capacity_percentage: availableCapacityPercentage(wc),
    configured_capacity: wc.capacity,
    date_created: d(wc.dateCreated),
    date_updated: d(wc.dateUpdated),
    sid: wc.sid,
    task_channel_sid: wc.channel.sid,
    task_channel_unique_name: wc.channel.uniqueName,
    worker_sid: w.sid,
    workspace_sid: w.workspaceSid,
    url: `${wsUrl(w.workspaceSid)}/Workers/${w.sid}/Channels/${wc.sid}`,
  };
}

export function renderQueue(core: Core, q: TaskQueue) {
  const url = `${wsUrl(q.workspaceSid)}/TaskQueues/${q.sid}`;
  return {
    account_sid: core.deps.account.accountSid,
    assignment_activity_name: q.assignmentActivity?.friendlyName ?? null,
    assignment_activity_sid: q.assignmentActivity?.sid ?? null,
    date_created: d(q.dateCreated),
    date_updated: d(q.dateUpdated),
    friendly_name: q.friendlyName,
    max_reserved_workers: q.maxReservedWorkers,
    reservation_activity_name: q.reservationActivity?.friendlyName ?? null,
    reservation_activity_sid: q.reservationActivity?.sid ?? null,
    sid: q.sid,
    target_workers: q.targetWorkers,
    task_order: q.taskOrder,
    workspace_sid: q.workspaceSid,
    url,
    links: {
      statistics: `${url}/Statistics`,
      real_time_statistics: `${url}/RealTimeStatistics`,
      cumulative_statistics: `${url}/CumulativeStatistics`,
      list_statistics: `${wsUrl(q.workspaceSid)}/TaskQueues/Statistics`,
      workspace: wsUrl(q.workspaceSid),
    },
  };
}

export function renderWorkflow(core: Core, wf: Workflow) {
  const url = `${wsUrl(wf.workspaceSid)}/Workflows/${wf.sid}`;
  return {
    account_sid: core.deps.account.accountSid,
    assignment_callback_url: wf.assignmentCallbackUrl ?? null,
    configuration: wf.configurationJson,
    date_created: d(wf.dateCreated),
    date_updated: d(wf.dateUpdated),
    document_content_type: 'application/json',
    fallback_assignment_callback_url: wf.fallbackAssignmentCallbackUrl ?? null,
    friendly_name: wf.friendlyName,
    sid: wf.sid,
    task_reservation_timeout: wf.taskReservationTimeout,
    workspace_sid: wf.workspaceSid,
    url,
    links: {
      statistics: `${url}/Statistics`,
      real_time_statistics: `${url}/RealTimeStatistics`,
      cumulative_statistics: `${url}/CumulativeStatistics`,
    },
  };
}

/** Attributes only in single fetches; lists carry null (§4.7). */
export function renderTask(core: Core, t: Task, inList = false) {
  const url = `${wsUrl(t.workspaceSid)}/Tasks/${t.sid}`;
  const queue = t.routing?.queue ?? t.lastQueue;
  return {
    account_sid: core.deps.account.accountSid,
    addons: '{}',
    age: Math.floor((core.deps.clock.now() - t.dateCreated) / 1000),
    assignment_status: t.status,
    attributes: inList ? null : t.attributesJson,
    date_created: d(t.dateCreated),
    date_updated: d(t.dateUpdated),
    ignore_capacity: false,
    priority: t.priority,
    reason: t.reason ?? null,
    routing_target: null,
    sid: t.sid,
    task_channel_sid: t.channel.sid,
    task_channel_unique_name: t.channel.uniqueName,
    task_queue_entered_date: t.routing ? d(t.routing.enteredQueueAt) : null,
    task_queue_friendly_name: queue?.friendlyName ?? null,
    task_queue_sid: queue?.sid ?? null,
    timeout: t.timeout,
    virtual_start_time: d(t.virtualStartTime),
    workflow_friendly_name: t.workflow?.friendlyName ?? null,
    workflow_sid: t.workflow?.sid ?? null,
    workspace_sid: t.workspaceSid,
    url,
    links: {
      reservations: `${url}/Reservations`,
      ...(queue ? { task_queue: `${wsUrl(t.workspaceSid)}/TaskQueues/${queue.sid}` } : {}),
      ...(t.workflow ? { workflow: `${wsUrl(t.workspaceSid)}/Workflows/${t.workflow.sid}` } : {}),
      workspace: wsUrl(t.workspaceSid),
    },
  };
}

export function renderReservation(core: Core, r: Reservation, via: 'task' | 'worker') {
  const ws = wsUrl(r.workspaceSid);
  const parent = via === 'task' ? `${ws}/Tasks/${r.task.sid}` : `${ws}/Workers/${r.worker.sid}`;
  return {
    account_sid: core.deps.account.accountSid,
    date_created: d(r.dateCreated),
    date_updated: d(r.dateUpdated),
    reservation_status: r.status,
    sid: r.sid,
    task_sid: r.task.sid,
    worker_name: r.worker.friendlyName,
    worker_sid: r.worker.sid,
    workspace_sid: r.workspaceSid,
    url: `${parent}/Reservations/${r.sid}`,
    links: { task: `${ws}/Tasks/${r.task.sid}`, worker: `${ws}/Workers/${r.worker.sid}`, workspace: ws },
  };
}

export function renderEvent(core: Core, ws: Workspace, e: EventRecord) {
  const actorSid = e.fields.WorkerSid ?? e.resourceSid;
  return {
    account_sid: core.deps.account.accountSid,
    actor_sid: actorSid,
    actor_type: e.fields.WorkerSid ? 'worker' : 'workspace',
    actor_url: null,
    description: e.description,
    event_data: snakeFields(e.fields),
    event_date: d(e.ms),
    event_date_ms: e.ms,
    event_type: e.type,
    resource_sid: e.resourceSid,
    resource_type: e.resourceType,
    resource_url: null,
    sid: e.sid,
    source: 'twin',
    source_ip_address: '127.0.0.1',
    workspace_sid: ws.sid,
    url: `${wsUrl(ws.sid)}/Events/${e.sid}`,
  };
}
