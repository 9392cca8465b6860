// Wrap-up: after a call the task goes to wrapping and the worker to Wrap-up while the timer runs; when it
// ends (the timer or the agent), the task completes, the worker is Available again and today's count
// grows. One place for every door: the conference webhooks, the desk, the timer and the job worker.

import { routing } from '../../flows/routing.js';
import type { ProvisionedRouting } from '../domain/routing/provisioned.js';
import type { EndWrapUpJob } from '../domain/scheduler.js';
import type { ReservationView } from '../domain/taskrouter-port.js';
import { callTaskOf } from './call-task.js';
import type { Center } from './center.js';
import { keepDraftOnCall } from './desk/drafts.js';
import { hotlinesOf } from './hotlines.js';
import { providerStep } from './provider-step.js';
import { wrapUpSecondsFor } from './wrap-up-settings.js';

/**
 * A task's call is over: the task goes to wrapping, the worker to Wrap-up (a reservation accepted without a
 * post-work activity, as transfers and callbacks are, would otherwise leave them Available), and the
 * wrap-up timer starts. Returns false when the task was no longer assigned (someone else moved it first).
 */
export async function beginWrapUp(center: Center, taskSid: string, workerSid: string): Promise<boolean> {
  const p = await center.provisioned();
  const moved = await center.taskrouter
    .updateTask(p.workspaceSid, taskSid, { assignmentStatus: 'wrapping' })
    .catch(() => undefined);
  if (!moved) return false;
  const wrapUpSid = p.activities[routing.roles.wrapUp];
  const worker = await center.taskrouter.worker(p.workspaceSid, workerSid).catch(() => undefined);
  if (wrapUpSid && worker?.activity === routing.roles.available)
    await center.taskrouter.updateWorker(p.workspaceSid, workerSid, { activitySid: wrapUpSid });
  // The post-work activity may have moved the worker already: the desk hears of its wrap-up either way.
  else await tellWorker(center, p, workerSid);
  await scheduleEnd(center, { taskSid, workerSid }, flowOf(moved.attributes));
  return true;
}

const flowOf = (attributes: Readonly<Record<string, unknown>>) =>
  typeof attributes.flow === 'string' ? attributes.flow : undefined;

/**
 * The wrap-up ends after the hotline's wrap-up time (the console's setting, by the task's flow). A call
 * without a task of its own (a colleague's transfer, a click-to-dial) wraps up for the routing's time.
 */
async function scheduleEnd(
  center: Center,
  job: { readonly taskSid: string; readonly workerSid: string },
  flow: string | undefined,
): Promise<void> {
  const seconds = await wrapUpSecondsFor(center, flow);
  await center.scheduler.schedule({ kind: 'end-wrap-up', ...job }, center.clock.now() + seconds * 1000);
}

/** The worker's agent's pages hear that their state changed. */
async function tellWorker(center: Center, p: ProvisionedRouting, workerSid: string): Promise<void> {
  const agentId = Object.entries(p.workers).find(([, sid]) => sid === workerSid)?.[0];
  if (agentId) await center.publish({ agentId }, ['me']);
}

/**
 * An agent who was on a call without a task of their own (dialled in by a colleague's transfer or
 * consult, and kept Busy meanwhile) left it: Busy becomes Wrap-up and the wrap-up timer starts.
 */
export async function beginAgentWrapUp(center: Center, workerSid: string): Promise<void> {
  const p = await center.provisioned();
  const wrapUpSid = p.activities[routing.roles.wrapUp];
  const worker = await center.taskrouter.worker(p.workspaceSid, workerSid).catch(() => undefined);
  if (!wrapUpSid || worker?.activity !== 'Busy') return;
  await center.taskrouter.updateWorker(p.workspaceSid, workerSid, { activitySid: wrapUpSid });
  await scheduleEnd(center, { taskSid: '', workerSid }, undefined);
  // The page heard the call end when the agent's leg left, which can be before this: tell it again.
  await tellWorker(center, p, workerSid);
}

/** Completes a task still wrapping, puts the worker back to Available and counts the call for today. */
export async function endWrapUp(center: Center, job: EndWrapUpJob): Promise<void> {
  const p = await center.provisioned();
  const ws = p.workspaceSid;
  const task = job.taskSid ? await center.taskrouter.task(ws, job.taskSid) : undefined;
  if (task?.status === 'wrapping') {
    await center.taskrouter.updateTask(ws, task.sid, {
      assignmentStatus: 'completed',
      reason: 'wrap-up ended',
    });
    const kept = await keepDraft(center, p, job.workerSid, task.attributes.call_sid);
    await center.store.audit.append({
      actor: 'system',
      action: 'wrapup.ended',
      target: task.sid,
      detail: { by: 'timer', ...(kept ? { keptDraft: Object.keys(kept).join(',') } : {}) },
    });
  }
  const worker = await center.taskrouter.worker(ws, job.workerSid);
  if (!worker) return;
  const attrs = worker.attributes;
  const day = new Date(center.clock.now()).toISOString().slice(0, 10);
  const calls = attrs.calls_day === day ? Number(attrs.calls_today ?? 0) + 1 : 1;
  const available = p.activities[routing.roles.available];
  await center.taskrouter.updateWorker(ws, job.workerSid, {
    attributes: { ...attrs, calls_today: calls, calls_day: day },
    ...(worker.activity === routing.roles.wrapUp && available ? { activitySid: available } : {}),
  });
}

/** The timer ended the wrap-up: what the agent typed about the call is kept, not thrown away. */
async function keepDraft(center: Center, p: ProvisionedRouting, workerSid: string, callSid: unknown) {
  const agentId = Object.entries(p.workers).find(([, sid]) => sid === workerSid)?.[0];
  if (!agentId || typeof callSid !== 'string' || !callSid) return undefined;
  return keepDraftOnCall(center, hotlinesOf(center.config), agentId, callSid);
}

/** After a call bridged by the IVR's Dial: its task goes to wrapping and the timer ends it. */
export async function wrapUpBridgedCall(center: Center, callSid: string): Promise<void> {
  const marked = await callTaskOf(center.store, callSid);
  if (!marked) return;
  const { taskSid, workerSid } = marked;
  const p = await center.provisioned();
  const task = await center.taskrouter.task(p.workspaceSid, taskSid);
  if (task?.status !== 'assigned') return;
  await center.taskrouter.updateTask(p.workspaceSid, taskSid, { assignmentStatus: 'wrapping' });
  await tellWorker(center, p, workerSid);
  await scheduleEnd(center, { taskSid, workerSid }, flowOf(task.attributes));
}

/**
 * The agent ends their wrap-up before the timer: every task they are wrapping completes now. `wrapping`:
 * the worker's wrapping reservations, when the caller has just listed them.
 */
export async function completeWrapping(
  center: Center,
  sids: ProvisionedRouting,
  workerSid: string,
  wrapping?: readonly ReservationView[],
): Promise<void> {
  for (const r of wrapping ??
    (await center.taskrouter.reservations(sids.workspaceSid, workerSid, 'wrapping'))) {
    await providerStep('complete task', () =>
      center.taskrouter.updateTask(sids.workspaceSid, r.taskSid, {
        assignmentStatus: 'completed',
        reason: 'wrap-up ended',
      }),
    );
  }
}
