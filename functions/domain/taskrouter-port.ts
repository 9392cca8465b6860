// The TaskRouter operations the center uses (workers, reservations, tasks, queue statistics), as one
// port. Its one adapter speaks Twilio's TaskRouter REST API, which locally is served by the twin, so
// the same contract suite pins both. Attributes travel parsed: JSON strings stop at the adapter.

import type { User } from './model.js';

export type Attributes = Readonly<Record<string, unknown>>;

export interface WorkerView {
  readonly sid: string;
  /** The agent id (TaskRouter's friendly name). */
  readonly name: string;
  readonly activity: string;
  readonly activitySid?: string;
  readonly available: boolean;
  /** When the activity last changed (ISO). */
  readonly since?: string;
  readonly attributes: Attributes;
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

export interface ReservationView {
  readonly sid: string;
  readonly taskSid: string;
  readonly workerSid: string;
  readonly workerName?: string;
  readonly status: ReservationStatus;
  /** When its status last changed (ISO). */
  readonly updatedAt?: string;
}

export type TaskStatus = 'pending' | 'reserved' | 'assigned' | 'wrapping' | 'completed' | 'canceled';

export interface TaskView {
  readonly sid: string;
  readonly status: TaskStatus;
  /** Empty in list answers (TaskRouter leaves them out there); fetch the task to read them. */
  readonly attributes: Attributes;
  readonly queue?: string;
  readonly queueSid?: string;
  /** Seconds since the task was created. */
  readonly age: number;
  readonly priority: number;
}

/**
 * The `conference` instruction: rings `to` and, once answered, accepts the reservation and joins the task's
 * caller and the worker in a conference named by the task.
 */
export interface ConferenceInstruction {
  readonly instruction: 'conference';
  readonly from: string;
  readonly to: string;
  /** How long the worker's leg rings. */
  readonly timeoutSeconds?: number;
  readonly endConferenceOnExit?: boolean;
  readonly endConferenceOnCustomerExit?: boolean;
  readonly beep?: boolean;
  readonly postWorkActivitySid?: string;
  /** Records the agent's leg (both sides when dual) and reports it to `statusCallback`. */
  readonly record?: {
    readonly channels: 'mono' | 'dual';
    readonly statusCallback: string;
    readonly statusCallbackEvents?: readonly string[];
  };
  /** Where the conference's events go, and which. */
  readonly conferenceStatusCallback?: { readonly url: string; readonly events: readonly string[] };
}

/** The fields of a reservation update the center sends: accept/reject, or an instruction. */
export type ReservationUpdate =
  | { readonly status: 'accepted' | 'rejected' | 'completed' | 'wrapping' }
  | ConferenceInstruction;

/** An instruction's fields as TaskRouter names them (the REST update's; the assignment's JSON snake-cases them). */
export function conferenceInstructionFields(i: ConferenceInstruction): Record<string, string> {
  const bool = (v: boolean | undefined) => (v === undefined ? undefined : String(v));
  const fields: Record<string, string | undefined> = {
    Instruction: i.instruction,
    From: i.from,
    To: i.to,
    Timeout: i.timeoutSeconds === undefined ? undefined : String(i.timeoutSeconds),
    EndConferenceOnExit: bool(i.endConferenceOnExit),
    EndConferenceOnCustomerExit: bool(i.endConferenceOnCustomerExit),
    Beep: bool(i.beep),
    PostWorkActivitySid: i.postWorkActivitySid,
    ...(i.record
      ? {
          Record: 'true',
          RecordingChannels: i.record.channels,
          RecordingStatusCallback: i.record.statusCallback,
          RecordingStatusCallbackMethod: 'POST',
          RecordingStatusCallbackEvent: i.record.statusCallbackEvents?.join(' '),
        }
      : {}),
    ...(i.conferenceStatusCallback
      ? {
          ConferenceStatusCallback: i.conferenceStatusCallback.url,
          ConferenceStatusCallbackEvent: i.conferenceStatusCallback.events.join(' '),
        }
      : {}),
  };
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined));
}

export interface QueueStatistics {
  readonly queueSid: string;
  /** Tasks not yet accepted: pending, or reserved (ringing an agent); the ones the longest wait is over. */
  readonly waiting: number;
  readonly longestWaitSeconds: number;
  readonly availableWorkers: number;
  readonly reservationsAccepted: number;
  readonly tasksCanceled: number;
  /** Per wait-time split asked for (seconds): reservations accepted and tasks canceled below it. */
  readonly below: Readonly<Record<number, { readonly accepted: number; readonly canceled: number }>>;
}

export interface TaskRouterPort {
  worker(workspaceSid: string, workerSid: string): Promise<WorkerView | undefined>;
  /** Workers, of one queue (those its expression takes) and in an available activity if asked. */
  workers(
    workspaceSid: string,
    filter?: { readonly available?: boolean; readonly queueSid?: string },
  ): Promise<WorkerView[]>;
  updateWorker(
    workspaceSid: string,
    workerSid: string,
    update: {
      readonly activitySid?: string;
      readonly attributes?: Attributes;
      readonly rejectPendingReservations?: boolean;
    },
  ): Promise<WorkerView>;
  reservations(
    workspaceSid: string,
    workerSid: string,
    status?: ReservationStatus,
  ): Promise<ReservationView[]>;
  reservation(workspaceSid: string, workerSid: string, reservationSid: string): Promise<ReservationView>;
  updateReservation(
    workspaceSid: string,
    workerSid: string,
    reservationSid: string,
    update: ReservationUpdate,
  ): Promise<void>;
  /** A task's pending reservations (who is being offered it now). */
  taskReservations(
    workspaceSid: string,
    taskSid: string,
    status?: ReservationStatus,
  ): Promise<ReservationView[]>;
  task(workspaceSid: string, taskSid: string): Promise<TaskView | undefined>;
  tasks(workspaceSid: string, statuses: readonly TaskStatus[]): Promise<TaskView[]>;
  createTask(
    workspaceSid: string,
    input: {
      readonly workflowSid: string;
      readonly taskChannel: string;
      readonly attributes: Attributes;
      readonly priority?: number;
      readonly timeoutSeconds?: number;
      /** Where the task's wait starts counting (ISO): a callback keeps its caller's place in the queue. */
      readonly virtualStartTime?: string;
    },
  ): Promise<TaskView>;
  updateTask(
    workspaceSid: string,
    taskSid: string,
    update: {
      readonly assignmentStatus?: 'canceled' | 'wrapping' | 'completed';
      readonly reason?: string;
      readonly attributes?: Attributes;
    },
  ): Promise<TaskView>;
  queueStatistics(
    workspaceSid: string,
    options: { readonly startDate: Date; readonly splitByWaitTimeSeconds?: readonly number[] },
  ): Promise<QueueStatistics[]>;
}

/** Keeps a user's TaskRouter worker in step with the user (created, updated, or set Offline). */
export interface AgentWorkerSync {
  /** The worker's SID, or undefined when TaskRouter is not provisioned yet or the user has no worker. */
  sync(user: User): Promise<string | undefined>;
}

/** Work routed that is not a call (a text conversation, a fax): an agent's at once, never rung for. */
export function isWorkItem(attributes: Readonly<Record<string, unknown>>): boolean {
  return attributes.type === 'sms' || attributes.type === 'fax';
}
