// The TaskRouter engine's front: resources addressed by SID, the TaskRouterPort used by the voice engine
// for <Enqueue workflowSid>, and `settle()` for tests. All logic lives in the modules it calls.
import type { TaskRouterPort, VoicePort } from '../ports.js';
import { sendAssignmentCallback } from './assignment.js';
import {
  type Core,
  createCore,
  type EngineDeps,
  mustGet,
  notFound,
  type Workspace,
  workspaceOf,
} from './core.js';
import type { EventRecord } from './event-record.js';
import { carryOut, type Instruction } from './instructions.js';
import { matchWorker } from './matching.js';
import type {
  Activity,
  Reservation,
  Task,
  TaskChannel,
  TaskQueue,
  Worker,
  WorkerChannel,
  Workflow,
} from './model.js';
import { createQueue, deleteQueue, type QueueInput, updateQueue } from './queues.js';
import { afterReservationEnded } from './routing.js';
import { findChannel, notFoundChannel } from './task-channels.js';
import { cancelTask } from './task-endings.js';
import { createTask, deleteTask, type TaskInput, type TaskUpdate, taskOf, updateTask } from './tasks.js';
import {
  createWorker,
  deleteWorker,
  findWorkerChannel,
  updateWorker,
  updateWorkerChannel,
  type WorkerInput,
} from './workers.js';
import { createWorkflow, deleteWorkflow, updateWorkflow, type WorkflowInput } from './workflows.js';
import {
  createActivity,
  createWorkspace,
  deleteWorkspace,
  updateWorkspace,
  type WorkspaceInput,
} from './workspaces.js';

export type { EngineDeps } from './core.js';

export class TaskRouterEngine implements TaskRouterPort {
  readonly core: Core;

  constructor(deps: EngineDeps) {
    // The reservation lifecycle's reactions, wired here because their modules import it.
    this.core = createCore(deps, {
      created: sendAssignmentCallback,
      released: afterReservationEnded,
      workerFree: matchWorker,
    });
  }

  get account() {
    return this.core.deps.account;
  }

  /** Calls `listener` with every workspace event as it happens; returns the unsubscribe function. */
  subscribe(listener: (workspaceSid: string, event: EventRecord) => void): () => void {
    this.core.listeners.add(listener);
    return () => this.core.listeners.delete(listener);
  }

  /** For the voice engine, built after this one because it needs this engine as its TaskRouterPort. */
  attachVoice(voice: VoicePort): void {
    this.core.voice = voice;
  }

  /** Resolves once callbacks and instructions started so far (and any they start) have finished. */
  async settle(): Promise<void> {
    while (this.core.inflight.size > 0) await Promise.allSettled([...this.core.inflight]);
  }

  workspace(sid: string): Workspace {
    return workspaceOf(this.core, sid);
  }
  createWorkspace(input: WorkspaceInput & { readonly friendlyName: string }): Workspace {
    return createWorkspace(this.core, input);
  }
  updateWorkspace(sid: string, input: WorkspaceInput): Workspace {
    return updateWorkspace(this.core, this.workspace(sid), input);
  }
  deleteWorkspace(sid: string): void {
    deleteWorkspace(this.core, this.workspace(sid));
  }

  activity(wsSid: string, sid: string): Activity {
    return mustGet(this.workspace(wsSid).activities, sid, 'Activity');
  }
  /** An activity by friendly name, e.g. 'Available'. */
  activityNamed(wsSid: string, name: string): Activity {
    for (const a of this.workspace(wsSid).activities.values()) if (a.friendlyName === name) return a;
    throw notFound('Activity', name);
  }
  createActivity(wsSid: string, friendlyName: string, available: boolean): Activity {
    return createActivity(this.core, this.workspace(wsSid), friendlyName, available);
  }

  channel(wsSid: string, sidOrName: string): TaskChannel {
    return findChannel(this.workspace(wsSid), sidOrName) ?? notFoundChannel(sidOrName);
  }

  worker(wsSid: string, sid: string): Worker {
    return mustGet(this.workspace(wsSid).workers, sid, 'Worker');
  }
  createWorker(wsSid: string, input: WorkerInput & { readonly friendlyName: string }): Worker {
    return createWorker(this.core, this.workspace(wsSid), input);
  }
  updateWorker(wsSid: string, sid: string, input: WorkerInput): Worker {
    return updateWorker(this.core, this.workspace(wsSid), this.worker(wsSid, sid), input);
  }
  deleteWorker(wsSid: string, sid: string): void {
    deleteWorker(this.core, this.workspace(wsSid), this.worker(wsSid, sid));
  }
  updateWorkerChannel(
    wsSid: string,
    workerSid: string,
    channel: string,
    input: { readonly capacity?: number; readonly available?: boolean },
  ): WorkerChannel {
    const ws = this.workspace(wsSid);
    const worker = this.worker(wsSid, workerSid);
    return updateWorkerChannel(this.core, ws, worker, findWorkerChannel(ws, worker, channel), input);
  }

  queue(wsSid: string, sid: string): TaskQueue {
    return mustGet(this.workspace(wsSid).queues, sid, 'TaskQueue');
  }
  createQueue(wsSid: string, input: QueueInput & { readonly friendlyName: string }): TaskQueue {
    return createQueue(this.core, this.workspace(wsSid), input);
  }
  updateQueue(wsSid: string, sid: string, input: QueueInput): TaskQueue {
    return updateQueue(this.core, this.workspace(wsSid), this.queue(wsSid, sid), input);
  }
  deleteQueue(wsSid: string, sid: string): void {
    deleteQueue(this.core, this.workspace(wsSid), this.queue(wsSid, sid));
  }

  workflow(wsSid: string, sid: string): Workflow {
    return mustGet(this.workspace(wsSid).workflows, sid, 'Workflow');
  }
  createWorkflow(
    wsSid: string,
    input: WorkflowInput & { readonly friendlyName: string; readonly configuration: string },
  ): Workflow {
    return createWorkflow(this.core, this.workspace(wsSid), input);
  }
  updateWorkflow(wsSid: string, sid: string, input: WorkflowInput): Workflow {
    return updateWorkflow(this.core, this.workspace(wsSid), this.workflow(wsSid, sid), input);
  }
  deleteWorkflow(wsSid: string, sid: string): void {
    deleteWorkflow(this.core, this.workspace(wsSid), this.workflow(wsSid, sid));
  }

  task(wsSid: string, sid: string): Task {
    return taskOf(this.workspace(wsSid), sid);
  }
  createTask(wsSid: string, input: TaskInput): Task {
    return createTask(this.core, this.workspace(wsSid), input);
  }
  updateTask(wsSid: string, sid: string, input: TaskUpdate): Task {
    return updateTask(this.core, this.workspace(wsSid), this.task(wsSid, sid), input);
  }
  deleteTask(wsSid: string, sid: string): void {
    deleteTask(this.core, this.workspace(wsSid), this.task(wsSid, sid));
  }

  reservation(wsSid: string, sid: string): Reservation {
    return mustGet(this.workspace(wsSid).reservations, sid, 'Reservation');
  }
  /** Carries out an instruction (accept, reject, dequeue, ...) on a pending reservation. */
  instruct(wsSid: string, reservationSid: string, instruction: Instruction): Promise<void> {
    return carryOut(this.core, this.workspace(wsSid), this.reservation(wsSid, reservationSid), instruction);
  }

  /** TaskRouterPort: the voice engine's <Enqueue workflowSid> creates a voice task. */
  async createTaskForCall(input: Parameters<TaskRouterPort['createTaskForCall']>[0]) {
    const ws = [...this.core.workspaces.values()].find((w) => w.workflows.has(input.workflowSid));
    // Twilio answers an unknown workflowSid with a TwiML error; the voice engine logs this code.
    if (!ws)
      return { ok: false as const, errorCode: 20404, message: `Workflow ${input.workflowSid} not found` };
    try {
      const task = createTask(this.core, ws, {
        workflowSid: input.workflowSid,
        attributes: JSON.stringify({ ...input.attributes, call_sid: input.callSid }),
        taskChannel: 'voice',
        ...(input.priority !== undefined ? { priority: input.priority } : {}),
        ...(input.timeoutSeconds !== undefined ? { timeout: input.timeoutSeconds } : {}),
      });
      return { ok: true as const, taskSid: task.sid };
    } catch (err) {
      const e = err as { code?: number; message?: string };
      return { ok: false as const, errorCode: e.code ?? 20001, message: e.message ?? String(err) };
    }
  }

  /** TaskRouterPort: the caller left the queue; a task not yet assigned is canceled. */
  async cancelTaskForCall(taskSid: string, reason: string): Promise<void> {
    for (const ws of this.core.workspaces.values()) {
      const task = ws.tasks.get(taskSid);
      if (task && (task.status === 'pending' || task.status === 'reserved'))
        cancelTask(this.core, ws, task, reason);
    }
  }
}

export function createTaskRouterEngine(deps: EngineDeps): TaskRouterEngine {
  return new TaskRouterEngine(deps);
}
