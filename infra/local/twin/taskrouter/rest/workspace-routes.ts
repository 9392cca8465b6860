// REST: Workspaces, Activities, TaskChannels and Events (docs/twilio-behaviour.md §4.1, §4.2, §4.9, §4.10).
import type { Hono } from 'hono';
import { param, paramBool, readParams } from '../../rest-common.js';
import { mustGet } from '../core.js';
import type { TaskRouterEngine } from '../engine.js';
import { createTaskChannel, deleteTaskChannel, updateTaskChannel } from '../task-channels.js';
import { deleteActivity, renameActivity, type WorkspaceInput } from '../workspaces.js';
import { date, int, oneOf, page, required } from './paging.js';
import { renderActivity, renderEvent, renderTaskChannel, renderWorkspace } from './render.js';

const ORDERS = ['FIFO', 'LIFO'] as const;

function workspaceInput(p: Awaited<ReturnType<typeof readParams>>): WorkspaceInput {
  const out: Record<string, unknown> = {
    friendlyName: param(p, 'FriendlyName'),
    eventCallbackUrl: param(p, 'EventCallbackUrl'),
    eventsFilter: param(p, 'EventsFilter'),
    multiTaskEnabled: paramBool(p, 'MultiTaskEnabled'),
    prioritizeQueueOrder: oneOf(p, 'PrioritizeQueueOrder', ORDERS),
    defaultActivitySid: param(p, 'DefaultActivitySid'),
    timeoutActivitySid: param(p, 'TimeoutActivitySid'),
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as WorkspaceInput;
}

export function workspaceRoutes(app: Hono, engine: TaskRouterEngine): void {
  const core = engine.core;
  app.post('/v1/Workspaces', async (c) => {
    const p = await readParams(c);
    const ws = engine.createWorkspace({ ...workspaceInput(p), friendlyName: required(p, 'FriendlyName') });
    return c.json(renderWorkspace(core, ws), 201);
  });
  app.get('/v1/Workspaces', async (c) => {
    const p = await readParams(c);
    const name = param(p, 'FriendlyName');
    const list = [...core.workspaces.values()].filter((w) => !name || w.friendlyName === name);
    return c.json(
      page(
        c,
        p,
        list.map((w) => renderWorkspace(core, w)),
        'workspaces',
      ),
    );
  });
  app.get('/v1/Workspaces/:ws', (c) => c.json(renderWorkspace(core, engine.workspace(c.req.param('ws')))));
  app.post('/v1/Workspaces/:ws', async (c) => {
    const ws = engine.updateWorkspace(c.req.param('ws'), workspaceInput(await readParams(c)));
    return c.json(renderWorkspace(core, ws));
  });
  app.delete('/v1/Workspaces/:ws', (c) => {
    engine.deleteWorkspace(c.req.param('ws'));
    return c.body(null, 204);
  });

  app.post('/v1/Workspaces/:ws/Activities', async (c) => {
    const p = await readParams(c);
    const a = engine.createActivity(
      c.req.param('ws'),
      required(p, 'FriendlyName'),
      paramBool(p, 'Available') ?? false,
    );
    return c.json(renderActivity(core, a), 201);
  });
  app.get('/v1/Workspaces/:ws/Activities', async (c) => {
    const p = await readParams(c);
    const name = param(p, 'FriendlyName');
    const available = paramBool(p, 'Available');
    const list = [...engine.workspace(c.req.param('ws')).activities.values()].filter(
      (a) => (!name || a.friendlyName === name) && (available === undefined || a.available === available),
    );
    return c.json(
      page(
        c,
        p,
        list.map((a) => renderActivity(core, a)),
        'activities',
      ),
    );
  });
  app.get('/v1/Workspaces/:ws/Activities/:sid', (c) =>
    c.json(renderActivity(core, engine.activity(c.req.param('ws'), c.req.param('sid')))),
  );
  app.post('/v1/Workspaces/:ws/Activities/:sid', async (c) => {
    const ws = engine.workspace(c.req.param('ws'));
    const a = engine.activity(ws.sid, c.req.param('sid'));
    const p = await readParams(c);
    // `available` cannot change after creation (§4.2); only the name can.
    return c.json(renderActivity(core, renameActivity(core, ws, a, required(p, 'FriendlyName'))));
  });
  app.delete('/v1/Workspaces/:ws/Activities/:sid', (c) => {
    const ws = engine.workspace(c.req.param('ws'));
    deleteActivity(core, ws, engine.activity(ws.sid, c.req.param('sid')));
    return c.body(null, 204);
  });

  app.post('/v1/Workspaces/:ws/TaskChannels', async (c) => {
    const p = await readParams(c);
    const ch = createTaskChannel(core, engine.workspace(c.req.param('ws')), {
      uniqueName: required(p, 'UniqueName'),
      friendlyName: required(p, 'FriendlyName'),
      ...(paramBool(p, 'ChannelOptimizedRouting') !== undefined
        ? { channelOptimizedRouting: paramBool(p, 'ChannelOptimizedRouting') }
        : {}),
    });
    return c.json(renderTaskChannel(core, ch), 201);
  });
  app.get('/v1/Workspaces/:ws/TaskChannels', async (c) => {
    const p = await readParams(c);
    const list = [...engine.workspace(c.req.param('ws')).channels.values()];
    return c.json(
      page(
        c,
        p,
        list.map((ch) => renderTaskChannel(core, ch)),
        'channels',
      ),
    );
  });
  app.get('/v1/Workspaces/:ws/TaskChannels/:sid', (c) =>
    c.json(renderTaskChannel(core, engine.channel(c.req.param('ws'), c.req.param('sid')))),
  );
  app.post('/v1/Workspaces/:ws/TaskChannels/:sid', async (c) => {
    const ws = engine.workspace(c.req.param('ws'));
    const p = await readParams(c);
    const input: { friendlyName?: string; channelOptimizedRouting?: boolean } = {};
    const name = param(p, 'FriendlyName');
    const optimized = paramBool(p, 'ChannelOptimizedRouting');
    if (name !== undefined) input.friendlyName = name;
    if (optimized !== undefined) input.channelOptimizedRouting = optimized;
    return c.json(
      renderTaskChannel(core, updateTaskChannel(core, ws, engine.channel(ws.sid, c.req.param('sid')), input)),
    );
  });
  app.delete('/v1/Workspaces/:ws/TaskChannels/:sid', (c) => {
    const ws = engine.workspace(c.req.param('ws'));
    deleteTaskChannel(core, ws, engine.channel(ws.sid, c.req.param('sid')));
    return c.body(null, 204);
  });

  app.get('/v1/Workspaces/:ws/Events', async (c) => {
    const ws = engine.workspace(c.req.param('ws'));
    const p = await readParams(c);
    const end = date(p, 'EndDate') ?? core.deps.clock.now();
    // The default window is the last 15 minutes (§4.9).
    const start = date(p, 'StartDate') ?? end - (int(p, 'Minutes') ?? 15) * 60_000;
    const want: [string, (e: (typeof ws.events)[number]) => string | undefined][] = [
      ['EventType', (e) => e.type],
      ['ReservationSid', (e) => e.fields.ReservationSid],
      ['TaskQueueSid', (e) => e.queueSid],
      ['TaskSid', (e) => e.fields.TaskSid],
      ['WorkerSid', (e) => e.workerSid],
      ['WorkflowSid', (e) => e.workflowSid],
      ['TaskChannel', (e) => e.channelUniqueName],
      ['Sid', (e) => e.sid],
    ];
    const list = ws.events.filter(
      (e) =>
        e.ms >= start &&
        e.ms <= end &&
        want.every(([k, get]) => param(p, k) === undefined || get(e) === param(p, k)),
    );
    return c.json(
      page(
        c,
        p,
        list.map((e) => renderEvent(core, ws, e)),
        'events',
      ),
    );
  });
  app.get('/v1/Workspaces/:ws/Events/:sid', (c) => {
    const ws = engine.workspace(c.req.param('ws'));
    const sid = c.req.param('sid');
    const e = mustGet(new Map(ws.events.map((ev) => [ev.sid, ev])), sid, 'Event');
    return c.json(renderEvent(core, ws, e));
  });
}
