// The TaskRouter twin's in-memory records (docs/twilio-behaviour.md §4.1-4.10). They are mutable on purpose: the engine
// keeps cross-links (worker <-> queues, task <-> reservations) so matching never has to search everything.
import type { CompiledExpression } from './expressions.js';
import type { CompiledTarget, CompiledWorkflow } from './workflow-config.js';

export type Timer = { cancel(): void };

export interface Activity {
  readonly sid: string;
  readonly workspaceSid: string;
  friendlyName: string;
  /** Immutable after creation (§4.2). */
  readonly available: boolean;
  readonly dateCreated: number;
  dateUpdated: number;
}

export interface TaskChannel {
  readonly sid: string;
  readonly workspaceSid: string;
  readonly uniqueName: string;
  friendlyName: string;
  channelOptimizedRouting: boolean;
  readonly dateCreated: number;
  dateUpdated: number;
}

export interface WorkerChannel {
  readonly sid: string;
  readonly channel: TaskChannel;
  capacity: number;
  available: boolean;
  /** Pending, accepted and wrapping reservations on this channel: all of them hold capacity (§4.10). */
  taskCount: number;
  readonly dateCreated: number;
  dateUpdated: number;
}

export interface Worker {
  readonly sid: string;
  readonly workspaceSid: string;
  friendlyName: string;
  attributesJson: string;
  attributes: Record<string, unknown>;
  activity: Activity;
  dateStatusChanged: number;
  readonly dateCreated: number;
  dateUpdated: number;
  version: number;
  /** By task channel SID. */
  readonly channels: Map<string, WorkerChannel>;
  /** Queues whose target_workers match this worker: the eligibility cache. */
  readonly queues: Set<TaskQueue>;
  /** Pending, accepted and wrapping reservations. */
  readonly active: Set<Reservation>;
  /** When the worker last got work or became available: "longest idle" ordering. */
  idleSince: number;
}

export type TaskOrder = 'FIFO' | 'LIFO';

export interface TaskQueue {
  readonly sid: string;
  readonly workspaceSid: string;
  friendlyName: string;
  targetWorkers: string;
  targetExpression: CompiledExpression;
  maxReservedWorkers: number;
  taskOrder: TaskOrder;
  reservationActivity: Activity | undefined;
  assignmentActivity: Activity | undefined;
  readonly dateCreated: number;
  dateUpdated: number;
  /** Workers matching target_workers, whatever their activity. */
  readonly workers: Set<Worker>;
  /** Tasks waiting here that can still take a reservation, ordered for matching. */
  readonly index: TaskIndex;
}

/**
 * The waiting tasks of one queue, per task channel and best first (queue-index.ts is the implementation).
 * Declared here, next to the records it holds, so the records need not import the index that sorts them.
 */
export interface TaskIndex {
  readonly size: number;
  /** Channel SIDs that have waiting tasks. */
  channels(): IterableIterator<string>;
  /** Waiting tasks of a channel, best first. Do not mutate. */
  list(channelSid: string): readonly Task[];
  all(): Task[];
  setOrder(order: TaskOrder): void;
  insert(task: Task, priority: number): void;
  remove(task: Task): void;
}

export interface Workflow {
  readonly sid: string;
  readonly workspaceSid: string;
  friendlyName: string;
  configurationJson: string;
  config: CompiledWorkflow;
  assignmentCallbackUrl: string | undefined;
  fallbackAssignmentCallbackUrl: string | undefined;
  taskReservationTimeout: number;
  readonly dateCreated: number;
  dateUpdated: number;
}

export type TaskStatus = 'pending' | 'reserved' | 'assigned' | 'wrapping' | 'completed' | 'canceled';

/** Where a task stands in its workflow. */
export interface TaskRouting {
  /** Index of the matched filter, or -1 for default_filter. */
  readonly filterIndex: number;
  readonly targets: readonly CompiledTarget[];
  targetIndex: number;
  target: CompiledTarget;
  queue: TaskQueue;
  enteredQueueAt: number;
  readonly enteredWorkflowAt: number;
  /** The target's priority override, else the task's own. */
  priority: number;
  /** Set when the target timed out while a reservation was pending: move on once it ends. */
  expired: boolean;
  /** SID the known_worker_* clause resolved to, if any. */
  knownWorker: { readonly by: 'sid' | 'name'; readonly value: string } | undefined;
}

export interface Task {
  readonly sid: string;
  readonly workspaceSid: string;
  readonly seq: number;
  workflow: Workflow | undefined;
  attributesJson: string;
  attributes: Record<string, unknown>;
  priority: number;
  readonly timeout: number;
  channel: TaskChannel;
  status: TaskStatus;
  reason: string | undefined;
  readonly dateCreated: number;
  dateUpdated: number;
  virtualStartTime: number;
  routing: TaskRouting | undefined;
  /** The queue a task was last in, kept after it leaves routing (assigned) for rendering and statistics. */
  lastQueue: TaskQueue | undefined;
  readonly reservations: Reservation[];
  /** Workers who rejected this task are not offered it again. */
  readonly rejectedBy: Set<string>;
  /** Key it was inserted under in its queue index, if it is there. */
  indexKey: { readonly priority: number; readonly vst: number } | undefined;
  /** The queue whose index holds it (the index is per queue, and routing moves between queues). */
  indexedIn: TaskQueue | undefined;
  ttlTimer: Timer | undefined;
  targetTimer: Timer | undefined;
  /** post_work_activity_sid of the instruction that bridged the call, applied when the task ends. */
  postWorkActivitySid: string | undefined;
  version: number;
}

/** What a workspace event is about; event-record.ts records and delivers them. */
export type ResourceType =
  | 'Task'
  | 'Reservation'
  | 'Worker'
  | 'Activity'
  | 'Workflow'
  | 'Workspace'
  | 'TaskQueue'
  | 'TaskChannel';

export interface EventRecord {
  readonly sid: string;
  readonly type: string;
  readonly ms: number;
  readonly description: string;
  readonly resourceType: ResourceType;
  readonly resourceSid: string;
  /** The event's field groups (TaskSid, WorkerSid, ...), as sent in the callback. */
  readonly fields: Readonly<Record<string, string>>;
  /** Numbers the statistics read without re-parsing strings. */
  readonly queueSid: string | undefined;
  readonly workflowSid: string | undefined;
  readonly workerSid: string | undefined;
  readonly channelUniqueName: string | undefined;
  readonly taskAgeMs: number | undefined;
  /** Time the task had spent in its current queue, on reservation events. */
  readonly queueWaitMs: number | undefined;
}

export type ReservationStatus =
  | 'pending'
  | 'accepted'
  | 'rejected'
  | 'timeout'
  | 'canceled'
  | 'rescinded'
  | 'wrapping'
  | 'completed';

export interface Reservation {
  readonly sid: string;
  readonly workspaceSid: string;
  readonly task: Task;
  readonly worker: Worker;
  readonly queue: TaskQueue;
  readonly workerChannel: WorkerChannel;
  status: ReservationStatus;
  readonly dateCreated: number;
  dateUpdated: number;
  timer: Timer | undefined;
  /** The dequeue or conference instruction being carried out while it is pending: a restart rings again. */
  instruction?: {
    readonly kind: 'dequeue' | 'conference';
    readonly fields: Readonly<Record<string, string>>;
  };
  /** Hangs up the agent leg an instruction is still ringing, when the reservation ends first. */
  cancelRing?: () => void;
}

export function isHolding(status: ReservationStatus): boolean {
  return status === 'pending' || status === 'accepted' || status === 'wrapping';
}

/** Reservations of the task that still hold a worker's capacity. */
export function holdingCount(task: Task): number {
  let n = 0;
  for (const r of task.reservations) if (isHolding(r.status)) n++;
  return n;
}
