// Workspace events (docs/twilio-behaviour.md §4.9): each is recorded (for the Events list and cumulative statistics)
// and, if the workspace has an event_callback_url and the type passes events_filter, POSTed there in order.
import { newSid } from '../rest-common.js';
import { type Core, now, track, type Workspace } from './core.js';
import type { EventRecord, ResourceType } from './model.js';

// The record types live with the other records (model.ts), so the core can keep events without importing
// this module; re-exported for the readers of events (statistics, rendering, the agent link).
export type { EventRecord, ResourceType } from './model.js';

export interface EmitInput {
  readonly type: string;
  readonly description: string;
  readonly resourceType: ResourceType;
  readonly resourceSid: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly taskAgeMs?: number;
  readonly queueWaitMs?: number;
}

const DEFAULT_MAX_EVENTS = 200_000;

export function emit(core: Core, ws: Workspace, input: EmitInput): EventRecord {
  const ms = now(core);
  const record: EventRecord = {
    sid: newSid('EV'),
    type: input.type,
    ms,
    description: input.description,
    resourceType: input.resourceType,
    resourceSid: input.resourceSid,
    fields: input.fields,
    queueSid: input.fields.TaskQueueSid,
    workflowSid: input.fields.WorkflowSid,
    workerSid: input.fields.WorkerSid,
    channelUniqueName: input.fields.TaskChannelUniqueName,
    taskAgeMs: input.taskAgeMs,
    queueWaitMs: input.queueWaitMs,
  };
  ws.events.push(record);
  // Twilio keeps events for 30 days; the twin keeps the newest N to bound memory in long runs.
  const max = core.deps.maxEvents ?? DEFAULT_MAX_EVENTS;
  if (ws.events.length > max) ws.events.splice(0, ws.events.length - max);
  for (const listener of core.listeners) listener(ws.sid, record);
  deliver(core, ws, record);
  return record;
}

function deliver(core: Core, ws: Workspace, record: EventRecord): void {
  const url = ws.eventCallbackUrl;
  if (!url) return;
  if (ws.eventsFilter && !ws.eventsFilter.includes(record.type)) return;
  const params: Record<string, string> = {
    EventType: record.type,
    AccountSid: core.deps.account.accountSid,
    WorkspaceSid: ws.sid,
    WorkspaceName: ws.friendlyName,
    EventDescription: record.description,
    ResourceType: record.resourceType,
    ResourceSid: record.resourceSid,
    Timestamp: String(Math.floor(record.ms / 1000)),
    ...record.fields,
  };
  const correlationId = record.fields.TaskSid ?? record.resourceSid;
  // Chained so the callback sees events in the order they happened, whatever each reply takes.
  const next = ws.delivery.then(async () => {
    const result = await core.deps.webhooks.send({ url, method: 'POST', params, correlationId });
    if (!result.ok)
      core.deps.log?.append({
        kind: 'error',
        correlationId,
        summary: `Event callback ${record.type} to ${url} failed with HTTP ${result.status}`,
        ...(result.errorCode ? { code: result.errorCode } : {}),
      });
  });
  ws.delivery = next.catch(() => undefined);
  track(core, next, correlationId);
}

/** `TaskQueueSid` -> `task_queue_sid`, for the Events REST resource. */
export function snakeFields(fields: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields))
    out[k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()] = v;
  return out;
}
