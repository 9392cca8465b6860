// TaskChannels (docs/twilio-behaviour.md §4.10): voice, sms, chat, default and custom channels; every worker gets a
// WorkerChannel for each, so capacity can be set per worker and channel.
import { newSid } from '../rest-common.js';
import { type Core, invalidParam, notFound, now, type Workspace } from './core.js';
import { channelFields } from './event-fields.js';
import { emit } from './event-record.js';
import type { TaskChannel } from './model.js';
import { addChannelToWorkers } from './worker-state.js';

/** A channel by SID or unique name (Tasks and WorkerChannels accept both). */
export function findChannel(ws: Workspace, sidOrName: string): TaskChannel | undefined {
  const bySid = ws.channels.get(sidOrName);
  if (bySid) return bySid;
  for (const c of ws.channels.values()) if (c.uniqueName === sidOrName) return c;
  return undefined;
}

export function notFoundChannel(sidOrName: string): never {
  throw notFound('TaskChannel', sidOrName);
}

export function createTaskChannel(
  core: Core,
  ws: Workspace,
  input: {
    readonly uniqueName: string;
    readonly friendlyName: string;
    readonly channelOptimizedRouting?: boolean;
  },
): TaskChannel {
  if (findChannel(ws, input.uniqueName)) throw invalidParam(`TaskChannel ${input.uniqueName} already exists`);
  const t = now(core);
  const c: TaskChannel = {
    sid: newSid('TC'),
    workspaceSid: ws.sid,
    uniqueName: input.uniqueName,
    friendlyName: input.friendlyName,
    channelOptimizedRouting: input.channelOptimizedRouting ?? false,
    dateCreated: t,
    dateUpdated: t,
  };
  ws.channels.set(c.sid, c);
  addChannelToWorkers(core, ws, c);
  emit(core, ws, {
    type: 'task-channel.created',
    description: `TaskChannel ${c.uniqueName} created`,
    resourceType: 'TaskChannel',
    resourceSid: c.sid,
    fields: channelFields(c),
  });
  return c;
}

export function updateTaskChannel(
  core: Core,
  ws: Workspace,
  c: TaskChannel,
  input: { readonly friendlyName?: string; readonly channelOptimizedRouting?: boolean },
): TaskChannel {
  if (input.friendlyName !== undefined) c.friendlyName = input.friendlyName;
  if (input.channelOptimizedRouting !== undefined) c.channelOptimizedRouting = input.channelOptimizedRouting;
  c.dateUpdated = now(core);
  emit(core, ws, {
    type: 'task-channel.updated',
    description: `TaskChannel ${c.uniqueName} updated`,
    resourceType: 'TaskChannel',
    resourceSid: c.sid,
    fields: channelFields(c),
  });
  return c;
}

export function deleteTaskChannel(core: Core, ws: Workspace, c: TaskChannel): void {
  for (const t of ws.tasks.values())
    if (t.channel === c) throw invalidParam(`TaskChannel ${c.uniqueName} still has tasks`);
  ws.channels.delete(c.sid);
  for (const w of ws.workers.values()) w.channels.delete(c.sid);
  emit(core, ws, {
    type: 'task-channel.deleted',
    description: `TaskChannel ${c.uniqueName} deleted`,
    resourceType: 'TaskChannel',
    resourceSid: c.sid,
    fields: channelFields(c),
  });
}
