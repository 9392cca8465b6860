// The engine's shared state and dependencies: every engine module takes this `Core` as its first
// argument, so the modules stay plain functions and the wiring is visible in one place.
import type { TimerClock } from '../../../../functions/domain/manual-clock.js';
import type { TwinAccount, TwinLog, VoicePort, WebhookSender } from '../ports.js';
import { TwilioRestError } from '../rest-common.js';
import type {
  Activity,
  EventRecord,
  Reservation,
  Task,
  TaskChannel,
  TaskOrder,
  TaskQueue,
  Worker,
  Workflow,
} from './model.js';

export interface EngineDeps {
  readonly account: TwinAccount;
  readonly clock: TimerClock;
  /** Sends assignment and event callbacks, signed, as Twilio does. */
  readonly webhooks: WebhookSender;
  /** Carries out dequeue/conference/call/redirect instructions; without it those instructions fail. */
  readonly voice?: VoicePort;
  readonly log?: TwinLog;
  /** Most events kept per workspace for the Events list and cumulative statistics. */
  readonly maxEvents?: number;
}

export interface Workspace {
  readonly sid: string;
  friendlyName: string;
  eventCallbackUrl: string | undefined;
  /** Event types sent to the callback; undefined sends all (§4.9). */
  eventsFilter: readonly string[] | undefined;
  defaultActivity: Activity;
  timeoutActivity: Activity;
  multiTaskEnabled: boolean;
  prioritizeQueueOrder: TaskOrder;
  readonly dateCreated: number;
  dateUpdated: number;
  readonly activities: Map<string, Activity>;
  readonly channels: Map<string, TaskChannel>;
  readonly workers: Map<string, Worker>;
  /** Lower-cased friendly name -> worker: names are unique case-insensitively (§4.3). */
  readonly workersByName: Map<string, Worker>;
  readonly queues: Map<string, TaskQueue>;
  readonly workflows: Map<string, Workflow>;
  readonly tasks: Map<string, Task>;
  readonly reservations: Map<string, Reservation>;
  readonly events: EventRecord[];
  /** Event callbacks go out one after another, in the order the events happened. */
  delivery: Promise<void>;
}

/**
 * What the reservation lifecycle (reservations.ts) sets off in the modules above it. Those modules create
 * and end reservations, so reservations.ts cannot import them back; the engine wires them in here.
 */
export interface ReservationHooks {
  /** A reservation was created: the workflow's assignment callback hears of it. */
  readonly created: (core: Core, ws: Workspace, r: Reservation) => void;
  /** A reservation ended unaccepted (rejected, timed out): its task waits again or moves on. */
  readonly released: (core: Core, ws: Workspace, task: Task) => void;
  /** A worker freed capacity or ended a reservation: it is offered waiting work. */
  readonly workerFree: (core: Core, ws: Workspace, worker: Worker) => void;
}

export interface Core {
  readonly deps: EngineDeps;
  readonly hooks: ReservationHooks;
  /** Bound late: the voice engine itself needs the TaskRouter engine for <Enqueue workflowSid>. */
  voice: VoicePort | undefined;
  readonly workspaces: Map<string, Workspace>;
  /** Work started by the engine that has not finished (callbacks, instructions): `settle()` awaits it. */
  readonly inflight: Set<Promise<unknown>>;
  /** Told of every event as it is recorded (the agent link forwards a worker's own events to its browser). */
  readonly listeners: Set<(workspaceSid: string, event: EventRecord) => void>;
  nextSeq(): number;
  /** After a restore: the next task gets a sequence number after every restored one. */
  continueSeqFrom(next: number): void;
}

export function createCore(deps: EngineDeps, hooks: ReservationHooks): Core {
  let seq = 0;
  return {
    deps,
    hooks,
    voice: deps.voice,
    workspaces: new Map(),
    inflight: new Set(),
    listeners: new Set(),
    nextSeq: () => seq++,
    continueSeqFrom: (next) => {
      seq = Math.max(seq, next);
    },
  };
}

export function now(core: Core): number {
  return core.deps.clock.now();
}

/** Keeps a promise in `inflight` until it settles; failures are logged, never thrown at the caller. */
export function track(core: Core, work: Promise<unknown>, correlationId?: string): void {
  const p = work.catch((err: unknown) => {
    core.deps.log?.append({
      kind: 'error',
      summary: `TaskRouter background work failed: ${(err as Error)?.message ?? String(err)}`,
      ...(correlationId ? { correlationId } : {}),
    });
  });
  core.inflight.add(p);
  void p.finally(() => core.inflight.delete(p));
}

export function notFound(what: string, sid: string): TwilioRestError {
  return new TwilioRestError(404, 20404, `The requested resource ${what} ${sid} was not found`);
}

export function invalidParam(message: string): TwilioRestError {
  return new TwilioRestError(400, 20001, message);
}

export function mustGet<T>(map: ReadonlyMap<string, T>, sid: string, what: string): T {
  const v = map.get(sid);
  if (v === undefined) throw notFound(what, sid);
  return v;
}

export function workspaceOf(core: Core, sid: string): Workspace {
  return mustGet(core.workspaces, sid, '/Workspaces/');
}

/** Parses a JSON attributes string; Twilio requires a JSON object. */
export function parseAttributes(json: string, what: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    throw invalidParam(`${what} must be valid JSON`);
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    throw invalidParam(`${what} must be a JSON object`);
  return v as Record<string, unknown>;
}
