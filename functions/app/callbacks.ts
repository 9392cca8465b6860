// Callbacks the center places itself: a caller who chose a callback while waiting, or a call an agent
// scheduled for later (tasks with autoDial). When one is due it becomes a TaskRouter task of type
// `callback` (the assignee first, then the queue's agents); the assignment answers with the `call`
// instruction, so Twilio rings the agent and, once they answer, /twilio/ivr/callback-connect dials the
// customer. The Dial's action reports how that went: answered is done; busy or no answer is tried again
// after routing.callbackRetryMinutes until maxAttempts, then the task stays open for a person, never lost.
// An agent who does not pick up costs the customer no attempt: the task is due again a minute later.
// The dialling policy is asked twice: when a callback is requested and again when it is due (the policy
// may have changed meanwhile); a callback it refuses when due is cancelled with the reason, never retried.

import { routing } from '../../flows/routing.js';
import { localTime } from '../domain/ivr/hours.js';
import type { Language, Task } from '../domain/model.js';
import type { Store } from '../domain/ports.js';
import { taskFor } from '../domain/routing/workflow.js';
import type { Center, CenterBasics } from './center.js';
import { checkOutbound, DialRefusedError, type GuardDeps, type OutboundActor } from './dial-guard.js';
import { recordFact } from './history/call-history.js';
import { callbackCallerId, hotlinesOf, lineOf } from './hotlines.js';
import { beginWrapUp } from './wrap-up.js';

/** How long the customer's phone rings when the center calls back. */
export const CUSTOMER_RING_SECONDS = 30;
/** How soon a callback an agent missed is offered again. */
const AGENT_MISSED_RETRY_MS = 60_000;
/** Due tasks read per query, and at most this many pages a round (the rest wait for the next round). */
const DISPATCH_PAGE = 100;
const MAX_PAGES = 50;

type TaskChange = Parameters<Store['tasks']['update']>[2];

/** Reads, changes and writes a task, again on a version conflict. Undefined when the task is gone. */
export async function changeTask(
  store: Store,
  id: string,
  change: (task: Task) => TaskChange | undefined,
): Promise<{ task: Task; changed: boolean } | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const task = await store.tasks.get(id);
    if (!task) return undefined;
    const patch = change(task);
    if (!patch) return { task, changed: false };
    const written = await store.tasks.update(id, task.version, patch);
    if (written.ok) return { task: written.value, changed: true };
    if (written.reason !== 'conflict') return undefined;
  }
  throw new Error(`task ${id} kept changing under the callback dispatcher`);
}

/** The desks listing a task reload it at once: its assignee's, or every agent's for a queue's task. */
export async function tellTaskLists(center: Pick<Center, 'publish'>, task: Task): Promise<void> {
  await center.publish(task.assigneeId ? { agentId: task.assigneeId } : { everyAgent: true }, ['tasks']);
}

function flowOfNumber(config: CenterBasics['config'], number: string): string {
  return lineOf(hotlinesOf(config), number).flow;
}

/**
 * A callback the center will dial must go to a number the policy allows, from one of our numbers: checked
 * when it is asked for (403 dial-refused, audited) so nobody learns of the refusal only when it is due.
 */
export async function guardCallbackRequest(
  deps: GuardDeps,
  actor: OutboundActor,
  task: { readonly phone: string; readonly callerId?: string | undefined },
): Promise<void> {
  const checked = await checkOutbound(deps, {
    actor,
    purpose: 'callback',
    number: task.phone,
    ...(task.callerId !== undefined ? { callerId: task.callerId } : {}),
  });
  if (!checked.ok) throw new DialRefusedError(checked, 'callback');
}

/**
 * Claims an open callback (status in-progress, so no other round or container takes it too) and puts it
 * into TaskRouter. `context` carries what the IVR knew about the caller; a scheduled callback routes on
 * the task alone, its assignee as the owner agent. Returns false when the task was not open any more.
 */
export async function dispatchCallback(
  deps: CenterBasics,
  services: Center,
  taskId: string,
  context: { readonly flow?: string; readonly vars?: Readonly<Record<string, string>> } = {},
): Promise<boolean> {
  const now = new Date(deps.clock.now()).toISOString();
  const claimed = await changeTask(deps.store, taskId, (t) =>
    t.status === 'open' && t.phone ? { status: 'in-progress', lastAttemptAt: now } : undefined,
  );
  if (!claimed?.changed) return false;
  const { task } = claimed;
  const from = task.callerId ?? callbackCallerId(deps.config);
  const allowed = await checkOutbound(deps, {
    actor: 'system',
    purpose: 'callback',
    number: task.phone ?? '',
    callerId: from,
  });
  if (!allowed.ok) {
    await refuseDueCallback(deps, task.id, allowed.message);
    return false;
  }
  const vars: Record<string, string> = {
    ...(task.customerId ? { customerId: task.customerId } : {}),
    ...(task.ticketNumber ? { ticketNumber: task.ticketNumber } : {}),
    ...(task.assigneeId ? { ownerAgent: task.assigneeId } : {}),
    ...context.vars,
  };
  const routed = taskFor(routing, {
    queue: task.queue ?? 'general',
    flow: context.flow ?? flowOfNumber(deps.config, from),
    language: task.language ?? 'zh',
    caller: task.phone ?? '',
    called: from,
    priority: 0,
    vars,
    extra: { type: 'callback', callback_number: task.phone ?? '', from, callback_task_id: task.id },
  });
  const p = await services.provisioned();
  try {
    await services.taskrouter.createTask(p.workspaceSid, {
      workflowSid: p.workflowSid,
      attributes: routed.attributes,
      priority: routed.priority,
      taskChannel: 'voice',
      // A callback keeps the place its caller had in the queue; a scheduled one queues from its due time.
      virtualStartTime: task.enqueuedAt ?? task.dueAt,
    });
  } catch (err) {
    // Back to open, so the next round tries again rather than the callback being lost.
    await changeTask(deps.store, task.id, (t) =>
      t.status === 'in-progress' ? { status: 'open' } : undefined,
    );
    throw err;
  }
  await deps.store.audit.append({
    actor: 'system',
    action: 'callback.dispatched',
    target: task.id,
    detail: { queue: task.queue ?? 'general', ...(task.assigneeId ? { assignee: task.assigneeId } : {}) },
  });
  return true;
}

/** Cancels a callback the policy refuses: dialling it again would be refused again. */
async function refuseDueCallback(deps: CenterBasics, taskId: string, reason: string): Promise<void> {
  await changeTask(deps.store, taskId, (t) =>
    t.status === 'in-progress'
      ? { status: 'cancelled', autoDial: false, note: appendNote(t.note, `not dialled: ${reason}`) }
      : undefined,
  );
  await deps.store.audit.append({
    actor: 'system',
    action: 'callback.refused',
    target: taskId,
    detail: { reason },
  });
}

/** One round: every open autoDial task due by now goes to TaskRouter. Failures are logged per task. */
export async function dispatchDueCallbacks(
  deps: CenterBasics,
  services: Center,
): Promise<{ readonly dispatched: readonly string[]; readonly failed: readonly string[] }> {
  // Every due open task, page by page: manual ones (voicemail callbacks, follow-ups) share the index and
  // may pile up, and must not hide an automatic one behind them.
  const at = new Date(deps.clock.now()).toISOString();
  const due: Task[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const got = await deps.store.tasks.dueBefore(at, { limit: DISPATCH_PAGE, ...(cursor ? { cursor } : {}) });
    due.push(...got.items.filter((t) => t.autoDial && t.phone));
    cursor = got.cursor;
    if (!cursor) break;
  }
  const dispatched: string[] = [];
  const failed: string[] = [];
  for (const task of due) {
    try {
      if (await dispatchCallback(deps, services, task.id)) dispatched.push(task.id);
    } catch (err) {
      failed.push(task.id);
      deps.logger.error('callback dispatch failed', { task: task.id, error: String(err) });
    }
  }
  return { dispatched, failed };
}

/** The agent answered and the customer is being dialled: that is one attempt. */
export async function callbackDialling(deps: CenterBasics, taskId: string): Promise<Task | undefined> {
  const now = new Date(deps.clock.now()).toISOString();
  const result = await changeTask(deps.store, taskId, (t) => ({
    attempts: t.attempts + 1,
    lastAttemptAt: now,
  }));
  return result?.task;
}

/**
 * The agent's leg of a callback is the center's call to the customer: it is recorded (dual, agent and
 * customer) under its own CallSid, so it gets a call record naming the agent and the customer, which the
 * recording is filed with. Idempotent: a replayed webhook finds the record already there.
 */
export async function callbackCallOpened(
  deps: CenterBasics,
  input: {
    readonly callSid: string;
    readonly agentId?: string;
    readonly from: string;
    readonly to: string;
    readonly taskId?: string;
  },
): Promise<void> {
  const task = input.taskId ? await deps.store.tasks.get(input.taskId) : undefined;
  await deps.store.calls.record({
    callSid: input.callSid,
    direction: 'outbound',
    from: input.from,
    to: input.to,
    startedAt: new Date(deps.clock.now()).toISOString(),
    status: 'in-progress',
    ...(input.agentId ? { agentId: input.agentId } : {}),
    ...(task?.customerId ? { customerId: task.customerId } : {}),
  });
}

export type CallbackOutcome =
  | { readonly kind: 'done' }
  | { readonly kind: 'retry'; readonly at: string }
  | { readonly kind: 'gave-up'; readonly attempts: number }
  | { readonly kind: 'unknown-task' };

/**
 * The customer's leg is over (the Dial's DialCallStatus). Answered: the task is done and the agent wraps
 * up. Otherwise the TaskRouter task completes (there was no conversation to wrap up) and the callback is
 * due again later, or, after its last attempt, stays open without autoDial in its assignee's (or the
 * supervisors' due) list.
 */
export async function callbackDialed(
  deps: CenterBasics,
  services: Center,
  input: {
    readonly taskId: string;
    readonly taskSid?: string;
    readonly workerSid?: string;
    readonly status: string;
  },
): Promise<CallbackOutcome> {
  const answered = input.status === 'completed' || input.status === 'answered';
  if (input.taskSid && input.workerSid) {
    if (answered) await beginWrapUp(services, input.taskSid, input.workerSid);
    else await completeRouterTask(services, input.taskSid, `customer ${input.status}`);
  }
  const decided: { outcome: CallbackOutcome } = { outcome: { kind: 'unknown-task' } };
  const result = await changeTask(deps.store, input.taskId, (t) => {
    if (answered) {
      decided.outcome = { kind: 'done' };
      return { status: 'done' };
    }
    if (t.attempts < t.maxAttempts) {
      const at = new Date(deps.clock.now() + routing.callbackRetryMinutes * 60_000).toISOString();
      decided.outcome = { kind: 'retry', at };
      return {
        status: 'open',
        dueAt: at,
        note: appendNote(t.note, `attempt ${t.attempts}: ${input.status}`),
      };
    }
    decided.outcome = { kind: 'gave-up', attempts: t.attempts };
    return {
      status: 'open',
      autoDial: false,
      note: appendNote(t.note, `attempt ${t.attempts}: ${input.status}; no more automatic attempts`),
    };
  });
  if (result?.changed && decided.outcome.kind === 'done')
    await recordFact(deps, {
      id: `callback:${input.taskId}:completed`,
      type: 'callback.completed',
      ...(result.task.queue ? { queue: result.task.queue } : {}),
      ...(result.task.assigneeId ? { agent: result.task.assigneeId } : {}),
      ...(result.task.customerId ? { customerId: result.task.customerId } : {}),
    });
  if (result?.changed) await tellTaskLists(services, result.task);
  if (result?.changed)
    await deps.store.audit.append({
      actor: 'system',
      action: `callback.${decided.outcome.kind}`,
      target: input.taskId,
      detail: { dialStatus: input.status, attempts: result.task.attempts },
    });
  return result ? decided.outcome : { kind: 'unknown-task' };
}

/**
 * The agent's leg ended (the `call` instruction's status callback). If the agent never answered, the
 * callback did not start: its TaskRouter task completes and the task is due again in a minute.
 */
export async function callbackAgentLegEnded(
  deps: CenterBasics,
  services: Center,
  input: { readonly taskId: string; readonly taskSid?: string; readonly status: string },
): Promise<boolean> {
  if (!['no-answer', 'busy', 'failed', 'canceled'].includes(input.status)) return false;
  if (input.taskSid) await completeRouterTask(services, input.taskSid, `agent ${input.status}`);
  const at = new Date(deps.clock.now() + AGENT_MISSED_RETRY_MS).toISOString();
  const result = await changeTask(deps.store, input.taskId, (t) =>
    t.status === 'in-progress' ? { status: 'open', dueAt: at } : undefined,
  );
  if (result?.changed)
    await deps.store.audit.append({
      actor: 'system',
      action: 'callback.agent-missed',
      target: input.taskId,
      detail: { agentLeg: input.status, dueAgainAt: at },
    });
  return Boolean(result?.changed);
}

async function completeRouterTask(services: Center, taskSid: string, reason: string): Promise<void> {
  const p = await services.provisioned();
  await services.taskrouter
    .updateTask(p.workspaceSid, taskSid, { assignmentStatus: 'completed', reason })
    .catch(() => undefined); // already completed or canceled: nothing left to do
}

export function appendNote(note: string | undefined, line: string): string {
  return (note ? `${note}\n${line}` : line).slice(-4000);
}

/** What the callback URLs carry: the customer and hotline numbers, the task, TaskRouter's SIDs, the language. */
export interface CallbackQuery {
  readonly to?: string;
  readonly from?: string;
  readonly task?: string;
  readonly tr?: string;
  readonly worker?: string;
  readonly lang?: string;
}

export function callbackQuery(query: Readonly<Record<string, string>>): CallbackQuery {
  const pick = (key: string) => (query[key] ? { [key]: query[key] } : {});
  return {
    ...pick('to'),
    ...pick('from'),
    ...pick('task'),
    ...pick('tr'),
    ...pick('worker'),
    ...pick('lang'),
  };
}

/** The `call` instruction for a callback reservation: ring the agent, then callback-connect dials out. */
export function callbackInstruction(
  base: string,
  input: {
    readonly taskSid: string;
    readonly workerSid: string;
    readonly to: string;
    readonly attributes: Readonly<Record<string, unknown>>;
  },
): Record<string, string | boolean> {
  const a = input.attributes;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const from = text(a.from);
  const ids = {
    ...(text(a.callback_task_id) ? { task: text(a.callback_task_id) } : {}),
    tr: input.taskSid,
    worker: input.workerSid,
    lang: text(a.language) || 'zh',
  };
  const connect = new URLSearchParams({ to: text(a.callback_number), from, ...ids });
  return {
    instruction: 'call',
    accept: true,
    from,
    to: input.to,
    timeout: String(routing.ringSeconds),
    url: `${base}/twilio/ivr/callback-connect?${connect}`,
    status_callback_url: `${base}/twilio/ivr/callback-agent-status?${new URLSearchParams(ids)}`,
  };
}

/** What the agent hears after the customer's leg: nothing when they talked, else what happens next. */
export function callbackOutcomeText(outcome: CallbackOutcome, lang: Language, timeZone: string): string {
  if (outcome.kind === 'retry') {
    const { minutes } = localTime(Date.parse(outcome.at), timeZone);
    const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    return lang === 'zh'
      ? `客户未接通，系统将于${hhmm}再次回拨。`
      : `The customer did not answer. We will call again at ${hhmm}.`;
  }
  if (outcome.kind === 'gave-up')
    return lang === 'zh'
      ? `已回拨${outcome.attempts}次均未接通，回电任务留在任务列表中。`
      : `No answer after ${outcome.attempts} attempts. The callback stays in the task list.`;
  return '';
}
