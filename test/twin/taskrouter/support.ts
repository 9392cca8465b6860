// Test bench for the TaskRouter engine: a manual clock, and fakes of Twilio's other side only (the
// customer's webhook server, the voice engine), recording what the engine asked of them.
import { createManualClock, type ManualClock } from '../../../functions/domain/manual-clock.js';
import type { VoicePort, WebhookResult, WebhookSender } from '../../../infra/local/twin/ports.js';
import {
  createTaskRouterEngine,
  type TaskRouterEngine,
} from '../../../infra/local/twin/taskrouter/engine.js';
import type {
  Activity,
  Task,
  TaskQueue,
  Worker,
  Workflow,
} from '../../../infra/local/twin/taskrouter/model.js';

export const ACCOUNT = { accountSid: `AC${'a'.repeat(32)}`, authToken: 'secret-token' };
export const START = Date.UTC(2026, 0, 5, 9, 0, 0);

type Request = Parameters<WebhookSender['send']>[0];
export interface FakeWebhooks extends WebhookSender {
  readonly requests: Request[];
  reply: (req: Request) => WebhookResult;
}

export function fakeWebhooks(): FakeWebhooks {
  const hooks: FakeWebhooks = {
    requests: [],
    reply: () => ({ ok: true, status: 204, contentType: 'application/json', body: '' }),
    async send(req) {
      hooks.requests.push(req);
      return hooks.reply(req);
    },
  };
  return hooks;
}

export const json = (body: unknown): WebhookResult => ({
  ok: true,
  status: 200,
  contentType: 'application/json',
  body: JSON.stringify(body),
});

export interface FakeVoice extends VoicePort {
  readonly calls: { op: string; input: Record<string, unknown> }[];
  /** The outcome callbacks the engine handed over, to play the call's side. */
  readonly outcomes: ((outcome: 'bridged' | 'no-answer' | 'caller-gone', conferenceSid?: string) => void)[];
}

export function fakeVoice(): FakeVoice {
  const voice: FakeVoice = {
    calls: [],
    outcomes: [],
    async dequeue(input) {
      voice.calls.push({ op: 'dequeue', input: { ...input } });
      voice.outcomes.push(input.onOutcome);
    },
    async conference(input) {
      voice.calls.push({ op: 'conference', input: { ...input } });
      voice.outcomes.push(input.onOutcome);
    },
    async redirect(callSid, url, method) {
      voice.calls.push({ op: 'redirect', input: { callSid, url, method } });
    },
    async call(input) {
      voice.calls.push({ op: 'call', input: { ...input } });
      return `CA${'c'.repeat(32)}`;
    },
  };
  return voice;
}

export interface Bench {
  readonly clock: ManualClock;
  readonly engine: TaskRouterEngine;
  readonly hooks: FakeWebhooks;
  readonly voice: FakeVoice;
  readonly ws: string;
  readonly available: Activity;
  readonly offline: Activity;
  worker(name: string, attributes?: Record<string, unknown>, available?: boolean): Worker;
  queue(name: string, targetWorkers?: string, extra?: Record<string, unknown>): TaskQueue;
  workflow(taskRouting: Record<string, unknown>, extra?: Record<string, unknown>): Workflow;
  task(attributes?: Record<string, unknown>, extra?: Record<string, unknown>): Task;
  setAvailable(worker: Worker, available: boolean): void;
  /** Event types recorded so far (all of them, callback or not). */
  events(): string[];
}

export function bench(workspace: Record<string, unknown> = {}): Bench {
  const clock = createManualClock(START);
  const hooks = fakeWebhooks();
  const voice = fakeVoice();
  const engine = createTaskRouterEngine({ account: ACCOUNT, clock, webhooks: hooks, voice });
  const ws = engine.createWorkspace({ friendlyName: 'Contact center', ...workspace }).sid;
  const available = engine.activityNamed(ws, 'Available');
  const offline = engine.activityNamed(ws, 'Offline');
  let workflow: Workflow | undefined;
  const b: Bench = {
    clock,
    engine,
    hooks,
    voice,
    ws,
    available,
    offline,
    worker: (name, attributes = {}, avail = true) =>
      engine.createWorker(ws, {
        friendlyName: name,
        attributes: JSON.stringify(attributes),
        activitySid: (avail ? available : offline).sid,
      }),
    queue: (name, targetWorkers, extra = {}) =>
      engine.createQueue(ws, { friendlyName: name, ...(targetWorkers ? { targetWorkers } : {}), ...extra }),
    workflow: (taskRouting, extra = {}) => {
      workflow = engine.createWorkflow(ws, {
        friendlyName: 'Routing',
        configuration: JSON.stringify({ task_routing: taskRouting }),
        ...extra,
      });
      return workflow;
    },
    task: (attributes = {}, extra = {}) =>
      engine.createTask(ws, {
        attributes: JSON.stringify(attributes),
        ...(workflow ? { workflowSid: workflow.sid } : {}),
        ...extra,
      }),
    setAvailable: (worker, avail) =>
      engine.updateWorker(ws, worker.sid, { activitySid: (avail ? available : offline).sid }),
    events: () => engine.workspace(ws).events.map((e) => e.type),
  };
  return b;
}

/** The worker each pending/accepted reservation of a task went to. */
export function reservedTo(task: Task, status = 'pending'): string[] {
  return task.reservations.filter((r) => r.status === status).map((r) => r.worker.friendlyName);
}
