// The TaskRouter twin's records as plain JSON and back, so a restart of the local stack finds its workspace,
// workers (activity, attributes, channels), tasks (status, attributes, age, queue and workflow step) and
// reservations where it left them. Links are saved as SIDs; caches (which queues a worker matches, the
// queues' waiting lists) are rebuilt, and every timer is set again on the clock at its original deadline.
import { type Core, track, type Workspace } from './core.js';
import type { EventRecord } from './event-record.js';
import { compileExpression } from './expressions.js';
import { carryOut } from './instructions.js';
import type {
  Activity,
  Reservation,
  ReservationStatus,
  Task,
  TaskChannel,
  TaskOrder,
  TaskQueue,
  TaskStatus,
  Worker,
  WorkerChannel,
  Workflow,
} from './model.js';
import { QueueIndex } from './queue-index.js';
import { refreshIndex } from './queue-place.js';
import { endReservation } from './reservations.js';
import { scheduleTargetTimeout } from './routing.js';
import { cancelTask } from './task-endings.js';
import { refreshEligibility } from './workers.js';
import { compileWorkflowConfig } from './workflow-config.js';

/** Events kept across a restart: enough for the Events list; cumulative statistics start again from here. */
const EVENTS_KEPT = 1_000;

type Stamps = { readonly dateCreated: number; readonly dateUpdated: number };

interface SavedWorkerChannel extends Stamps {
  readonly sid: string;
  readonly channelSid: string;
  readonly capacity: number;
  readonly available: boolean;
}

interface SavedWorker extends Stamps {
  readonly sid: string;
  readonly friendlyName: string;
  readonly attributesJson: string;
  readonly activitySid: string;
  readonly dateStatusChanged: number;
  readonly version: number;
  readonly idleSince: number;
  readonly channels: readonly SavedWorkerChannel[];
}

interface SavedQueue extends Stamps {
  readonly sid: string;
  readonly friendlyName: string;
  readonly targetWorkers: string;
  readonly maxReservedWorkers: number;
  readonly taskOrder: TaskOrder;
  readonly reservationActivitySid?: string;
  readonly assignmentActivitySid?: string;
}

interface SavedWorkflow extends Stamps {
  readonly sid: string;
  readonly friendlyName: string;
  readonly configurationJson: string;
  readonly assignmentCallbackUrl?: string;
  readonly fallbackAssignmentCallbackUrl?: string;
  readonly taskReservationTimeout: number;
}

interface SavedRouting {
  readonly filterIndex: number;
  readonly targetIndex: number;
  readonly queueSid: string;
  readonly enteredQueueAt: number;
  readonly enteredWorkflowAt: number;
  readonly priority: number;
  readonly expired: boolean;
  readonly knownWorker?: { readonly by: 'sid' | 'name'; readonly value: string };
}

interface SavedTask extends Stamps {
  readonly sid: string;
  readonly seq: number;
  readonly workflowSid?: string;
  readonly attributesJson: string;
  readonly priority: number;
  readonly timeout: number;
  readonly channelSid: string;
  readonly status: TaskStatus;
  readonly reason?: string;
  readonly virtualStartTime: number;
  readonly routing?: SavedRouting;
  readonly lastQueueSid?: string;
  readonly rejectedBy: readonly string[];
  readonly postWorkActivitySid?: string;
  readonly version: number;
}

interface SavedReservation extends Stamps {
  readonly sid: string;
  readonly taskSid: string;
  readonly workerSid: string;
  readonly queueSid: string;
  readonly channelSid: string;
  readonly status: ReservationStatus;
  readonly instruction?: Reservation['instruction'];
}

export interface SavedWorkspace extends Stamps {
  readonly sid: string;
  readonly friendlyName: string;
  readonly eventCallbackUrl?: string;
  readonly eventsFilter?: readonly string[];
  readonly defaultActivitySid: string;
  readonly timeoutActivitySid: string;
  readonly multiTaskEnabled: boolean;
  readonly prioritizeQueueOrder: TaskOrder;
  readonly activities: readonly Activity[];
  readonly channels: readonly TaskChannel[];
  readonly queues: readonly SavedQueue[];
  readonly workflows: readonly SavedWorkflow[];
  readonly workers: readonly SavedWorker[];
  readonly tasks: readonly SavedTask[];
  readonly reservations: readonly SavedReservation[];
  readonly events: readonly EventRecord[];
}

export interface TaskRouterState {
  readonly workspaces: readonly SavedWorkspace[];
}

const stamps = (r: Stamps): Stamps => ({ dateCreated: r.dateCreated, dateUpdated: r.dateUpdated });
const opt = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

export function snapshotTaskRouter(core: Core): TaskRouterState {
  return { workspaces: [...core.workspaces.values()].map(saveWorkspace) };
}

function saveWorkspace(ws: Workspace): SavedWorkspace {
  return {
    sid: ws.sid,
    friendlyName: ws.friendlyName,
    ...opt('eventCallbackUrl', ws.eventCallbackUrl),
    ...opt('eventsFilter', ws.eventsFilter),
    defaultActivitySid: ws.defaultActivity.sid,
    timeoutActivitySid: ws.timeoutActivity.sid,
    multiTaskEnabled: ws.multiTaskEnabled,
    prioritizeQueueOrder: ws.prioritizeQueueOrder,
    ...stamps(ws),
    activities: [...ws.activities.values()],
    channels: [...ws.channels.values()],
    queues: [...ws.queues.values()].map((q) => ({
      sid: q.sid,
      friendlyName: q.friendlyName,
      targetWorkers: q.targetWorkers,
      maxReservedWorkers: q.maxReservedWorkers,
      taskOrder: q.taskOrder,
      ...opt('reservationActivitySid', q.reservationActivity?.sid),
      ...opt('assignmentActivitySid', q.assignmentActivity?.sid),
      ...stamps(q),
    })),
    workflows: [...ws.workflows.values()].map((wf) => ({
      sid: wf.sid,
      friendlyName: wf.friendlyName,
      configurationJson: wf.configurationJson,
      ...opt('assignmentCallbackUrl', wf.assignmentCallbackUrl),
      ...opt('fallbackAssignmentCallbackUrl', wf.fallbackAssignmentCallbackUrl),
      taskReservationTimeout: wf.taskReservationTimeout,
      ...stamps(wf),
    })),
    workers: [...ws.workers.values()].map((w) => ({
      sid: w.sid,
      friendlyName: w.friendlyName,
      attributesJson: w.attributesJson,
      activitySid: w.activity.sid,
      dateStatusChanged: w.dateStatusChanged,
      version: w.version,
      idleSince: w.idleSince,
      ...stamps(w),
      channels: [...w.channels.values()].map((wc) => ({
        sid: wc.sid,
        channelSid: wc.channel.sid,
        capacity: wc.capacity,
        available: wc.available,
        ...stamps(wc),
      })),
    })),
    tasks: [...ws.tasks.values()].map(saveTask),
    reservations: [...ws.reservations.values()].map((r) => ({
      sid: r.sid,
      taskSid: r.task.sid,
      workerSid: r.worker.sid,
      queueSid: r.queue.sid,
      channelSid: r.workerChannel.channel.sid,
      status: r.status,
      ...opt('instruction', r.status === 'pending' ? r.instruction : undefined),
      ...stamps(r),
    })),
    events: ws.events.slice(-EVENTS_KEPT),
  };
}

function saveTask(t: Task): SavedTask {
  const r = t.routing;
  return {
    sid: t.sid,
    seq: t.seq,
    ...opt('workflowSid', t.workflow?.sid),
    attributesJson: t.attributesJson,
    priority: t.priority,
    timeout: t.timeout,
    channelSid: t.channel.sid,
    status: t.status,
    ...opt('reason', t.reason),
    virtualStartTime: t.virtualStartTime,
    ...opt(
      'routing',
      r && {
        filterIndex: r.filterIndex,
        targetIndex: r.targetIndex,
        queueSid: r.queue.sid,
        enteredQueueAt: r.enteredQueueAt,
        enteredWorkflowAt: r.enteredWorkflowAt,
        priority: r.priority,
        expired: r.expired,
        ...opt('knownWorker', r.knownWorker),
      },
    ),
    ...opt('lastQueueSid', t.lastQueue?.sid),
    rejectedBy: [...t.rejectedBy],
    ...opt('postWorkActivitySid', t.postWorkActivitySid),
    version: t.version,
    ...stamps(t),
  };
}

/** Brings the saved workspaces back into an engine that has none yet; timers restart at their deadlines. */
export function restoreTaskRouter(core: Core, state: TaskRouterState): void {
  let nextSeq = 0;
  for (const saved of state.workspaces) {
    const ws = restoreWorkspace(saved);
    core.workspaces.set(ws.sid, ws);
    for (const t of saved.tasks) nextSeq = Math.max(nextSeq, t.seq + 1);
    restoreWork(core, ws, saved);
  }
  core.continueSeqFrom(nextSeq);
}

function need<T>(map: ReadonlyMap<string, T>, sid: string, what: string): T {
  const v = map.get(sid);
  if (v === undefined) throw new Error(`saved TaskRouter state names a missing ${what} ${sid}`);
  return v;
}

function restoreWorkspace(s: SavedWorkspace): Workspace {
  const activities = new Map(s.activities.map((a) => [a.sid, { ...a }]));
  const ws: Workspace = {
    sid: s.sid,
    friendlyName: s.friendlyName,
    eventCallbackUrl: s.eventCallbackUrl,
    eventsFilter: s.eventsFilter,
    defaultActivity: need(activities, s.defaultActivitySid, 'activity'),
    timeoutActivity: need(activities, s.timeoutActivitySid, 'activity'),
    multiTaskEnabled: s.multiTaskEnabled,
    prioritizeQueueOrder: s.prioritizeQueueOrder,
    dateCreated: s.dateCreated,
    dateUpdated: s.dateUpdated,
    activities,
    channels: new Map(s.channels.map((c) => [c.sid, { ...c }])),
    workers: new Map(),
    workersByName: new Map(),
    queues: new Map(),
    workflows: new Map(),
    tasks: new Map(),
    reservations: new Map(),
    events: [...s.events],
    delivery: Promise.resolve(),
  };
  for (const q of s.queues) {
    const queue: TaskQueue = {
      sid: q.sid,
      workspaceSid: ws.sid,
      friendlyName: q.friendlyName,
      targetWorkers: q.targetWorkers,
      targetExpression: compileExpression(q.targetWorkers, 'TargetWorkers'),
      maxReservedWorkers: q.maxReservedWorkers,
      taskOrder: q.taskOrder,
      reservationActivity: q.reservationActivitySid ? activities.get(q.reservationActivitySid) : undefined,
      assignmentActivity: q.assignmentActivitySid ? activities.get(q.assignmentActivitySid) : undefined,
      dateCreated: q.dateCreated,
      dateUpdated: q.dateUpdated,
      workers: new Set(),
      index: new QueueIndex(q.taskOrder),
    };
    ws.queues.set(queue.sid, queue);
  }
  for (const wf of s.workflows) {
    const workflow: Workflow = {
      sid: wf.sid,
      workspaceSid: ws.sid,
      friendlyName: wf.friendlyName,
      configurationJson: wf.configurationJson,
      config: compileWorkflowConfig(wf.configurationJson, (sid) => ws.queues.has(sid)),
      assignmentCallbackUrl: wf.assignmentCallbackUrl,
      fallbackAssignmentCallbackUrl: wf.fallbackAssignmentCallbackUrl,
      taskReservationTimeout: wf.taskReservationTimeout,
      dateCreated: wf.dateCreated,
      dateUpdated: wf.dateUpdated,
    };
    ws.workflows.set(workflow.sid, workflow);
  }
  for (const w of s.workers) {
    const worker: Worker = {
      sid: w.sid,
      workspaceSid: ws.sid,
      friendlyName: w.friendlyName,
      attributesJson: w.attributesJson,
      attributes: JSON.parse(w.attributesJson) as Record<string, unknown>,
      activity: need(activities, w.activitySid, 'activity'),
      dateStatusChanged: w.dateStatusChanged,
      dateCreated: w.dateCreated,
      dateUpdated: w.dateUpdated,
      version: w.version,
      channels: new Map(),
      queues: new Set(),
      active: new Set(),
      idleSince: w.idleSince,
    };
    for (const c of w.channels) {
      const wc: WorkerChannel = {
        sid: c.sid,
        channel: need(ws.channels, c.channelSid, 'task channel'),
        capacity: c.capacity,
        available: c.available,
        taskCount: 0,
        dateCreated: c.dateCreated,
        dateUpdated: c.dateUpdated,
      };
      worker.channels.set(c.channelSid, wc);
    }
    ws.workers.set(worker.sid, worker);
    ws.workersByName.set(worker.friendlyName.toLowerCase(), worker);
    refreshEligibility(ws, worker);
  }
  return ws;
}

function restoreWork(core: Core, ws: Workspace, s: SavedWorkspace): void {
  for (const t of s.tasks) ws.tasks.set(t.sid, restoreTask(ws, t));
  for (const saved of s.reservations) {
    const task = need(ws.tasks, saved.taskSid, 'task');
    const worker = need(ws.workers, saved.workerSid, 'worker');
    const r: Reservation = {
      sid: saved.sid,
      workspaceSid: ws.sid,
      task,
      worker,
      queue: need(ws.queues, saved.queueSid, 'queue'),
      workerChannel: need(worker.channels, saved.channelSid, 'worker channel'),
      status: saved.status,
      dateCreated: saved.dateCreated,
      dateUpdated: saved.dateUpdated,
      timer: undefined,
      ...(saved.instruction ? { instruction: saved.instruction } : {}),
    };
    ws.reservations.set(r.sid, r);
    task.reservations.push(r);
    if (r.status === 'pending' || r.status === 'accepted' || r.status === 'wrapping') {
      worker.active.add(r);
      r.workerChannel.taskCount++;
    }
  }
  const clock = core.deps.clock;
  for (const r of ws.reservations.values()) {
    if (r.status !== 'pending') continue;
    // The offer keeps the deadline it had before the restart.
    const timeoutS = r.task.workflow?.taskReservationTimeout ?? 120;
    r.timer = clock.at(r.dateCreated + timeoutS * 1000, () => {
      r.timer = undefined;
      if (r.status === 'pending') endReservation(core, ws, r, 'timeout');
    });
  }
  for (const task of ws.tasks.values()) {
    if (task.status !== 'pending' && task.status !== 'reserved') continue;
    task.ttlTimer = clock.at(task.dateCreated + task.timeout * 1000, () => {
      task.ttlTimer = undefined;
      if (task.status === 'pending' || task.status === 'reserved')
        cancelTask(core, ws, task, 'Task TTL Exceeded');
    });
    refreshIndex(task);
    if (task.routing && !task.routing.expired) scheduleTargetTimeout(core, ws, task);
  }
}

function restoreTask(ws: Workspace, t: SavedTask): Task {
  const workflow = t.workflowSid ? ws.workflows.get(t.workflowSid) : undefined;
  const r = t.routing;
  let routing: Task['routing'];
  if (r && workflow) {
    const filter = r.filterIndex >= 0 ? workflow.config.filters[r.filterIndex] : undefined;
    const targets = filter ? filter.targets : workflow.config.defaultTargets;
    const target = targets[r.targetIndex] ?? targets[0];
    const queue = ws.queues.get(r.queueSid);
    if (target && queue)
      routing = {
        filterIndex: r.filterIndex,
        targets,
        targetIndex: r.targetIndex,
        target,
        queue,
        enteredQueueAt: r.enteredQueueAt,
        enteredWorkflowAt: r.enteredWorkflowAt,
        priority: r.priority,
        expired: r.expired,
        knownWorker: r.knownWorker,
      };
  }
  return {
    sid: t.sid,
    workspaceSid: ws.sid,
    seq: t.seq,
    workflow,
    attributesJson: t.attributesJson,
    attributes: JSON.parse(t.attributesJson) as Record<string, unknown>,
    priority: t.priority,
    timeout: t.timeout,
    channel: need(ws.channels, t.channelSid, 'task channel'),
    status: t.status,
    reason: t.reason,
    dateCreated: t.dateCreated,
    dateUpdated: t.dateUpdated,
    virtualStartTime: t.virtualStartTime,
    routing,
    lastQueue: t.lastQueueSid ? ws.queues.get(t.lastQueueSid) : undefined,
    reservations: [],
    rejectedBy: new Set(t.rejectedBy),
    indexKey: undefined,
    indexedIn: undefined,
    ttlTimer: undefined,
    targetTimer: undefined,
    postWorkActivitySid: t.postWorkActivitySid,
    version: t.version,
  };
}

/**
 * Rings the agent again for each offer that was ringing when the twin stopped (its dequeue or conference
 * instruction), once the voice side has its callers back. The offer's timeout still counts from its creation.
 */
export function resumeInstructions(core: Core): number {
  let count = 0;
  for (const ws of core.workspaces.values())
    for (const r of ws.reservations.values()) {
      if (r.status !== 'pending' || !r.instruction) continue;
      track(
        core,
        carryOut(core, ws, r, { kind: r.instruction.kind, fields: r.instruction.fields }),
        r.task.sid,
      );
      count++;
    }
  return count;
}
