// REST: Tasks and their Reservations (docs/twilio-behaviour.md §4.7): create, update (AssignmentStatus, Reason,
// Attributes, Priority), delete, list filters and Ordering.
import type { Hono } from 'hono';
import { type FormParams, param, paramList, readParams } from '../../rest-common.js';
import { mustGet, type Workspace } from '../core.js';
import type { TaskRouterEngine } from '../engine.js';
import { compileExpression } from '../expressions.js';
import type { Task } from '../model.js';
import type { TaskInput, TaskUpdate } from '../tasks.js';
import { date, int, invalid, page } from './paging.js';
import { renderReservation, renderTask } from './render.js';
import { filterReservations, updateReservation } from './reservation-update.js';

function taskInput(p: FormParams): TaskInput & TaskUpdate {
  const out: Record<string, unknown> = {
    attributes: param(p, 'Attributes'),
    priority: int(p, 'Priority'),
    timeout: int(p, 'Timeout'),
    taskChannel: param(p, 'TaskChannel'),
    workflowSid: param(p, 'WorkflowSid'),
    virtualStartTime: date(p, 'VirtualStartTime'),
    assignmentStatus: param(p, 'AssignmentStatus'),
    reason: param(p, 'Reason'),
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as TaskInput & TaskUpdate;
}

function orderingField(field: string): ((t: Task) => number) | undefined {
  if (field === 'DateCreated') return (t) => t.dateCreated;
  if (field === 'Priority') return (t) => t.priority;
  if (field === 'VirtualStartTime') return (t) => t.virtualStartTime;
  return undefined;
}

function sortTasks(list: Task[], ordering: string | undefined): Task[] {
  if (!ordering) return list.sort((a, b) => a.dateCreated - b.dateCreated || a.seq - b.seq);
  const keys = ordering.split(',').map((part) => {
    const [field = '', dir = 'asc'] = part.trim().split(':');
    const get = orderingField(field);
    if (!get || (dir !== 'asc' && dir !== 'desc')) throw invalid(`Invalid Ordering '${part}'`);
    return { get, sign: dir === 'desc' ? -1 : 1, field };
  });
  if (keys.some((k) => k.field === 'DateCreated') && keys.some((k) => k.field === 'VirtualStartTime'))
    throw invalid('Ordering cannot combine DateCreated and VirtualStartTime');
  return list.sort((a, b) => {
    for (const k of keys) {
      const d = k.sign * (k.get(a) - k.get(b));
      if (d !== 0) return d;
    }
    return a.seq - b.seq;
  });
}

function filterTasks(ws: Workspace, p: FormParams): Task[] {
  const statuses = paramList(p, 'AssignmentStatus').flatMap((s) => s.split(','));
  const priority = int(p, 'Priority');
  const workflowSid = param(p, 'WorkflowSid');
  const workflowName = param(p, 'WorkflowName');
  const queueSid = param(p, 'TaskQueueSid');
  const queueName = param(p, 'TaskQueueName');
  const evaluate = param(p, 'EvaluateTaskAttributes');
  const expr = evaluate ? compileExpression(evaluate, 'EvaluateTaskAttributes') : undefined;
  const list = [...ws.tasks.values()].filter((t) => {
    const q = t.routing?.queue ?? t.lastQueue;
    return (
      (statuses.length === 0 || statuses.includes(t.status)) &&
      (priority === undefined || t.priority === priority) &&
      (!workflowSid || t.workflow?.sid === workflowSid) &&
      (!workflowName || t.workflow?.friendlyName === workflowName) &&
      (!queueSid || q?.sid === queueSid) &&
      (!queueName || q?.friendlyName === queueName) &&
      (!expr || expr.test(t.attributes))
    );
  });
  return sortTasks(list, param(p, 'Ordering'));
}

export function taskRoutes(app: Hono, engine: TaskRouterEngine): void {
  const core = engine.core;
  const base = '/v1/Workspaces/:ws/Tasks';
  app.post(base, async (c) => {
    const task = engine.createTask(c.req.param('ws'), taskInput(await readParams(c)));
    return c.json(renderTask(core, task), 201);
  });
  app.get(base, async (c) => {
    const p = await readParams(c);
    const list = filterTasks(engine.workspace(c.req.param('ws')), p);
    return c.json(
      page(
        c,
        p,
        list.map((t) => renderTask(core, t, true)),
        'tasks',
      ),
    );
  });
  app.get(`${base}/:sid`, (c) =>
    c.json(renderTask(core, engine.task(c.req.param('ws'), c.req.param('sid')))),
  );
  app.post(`${base}/:sid`, async (c) => {
    const input = taskInput(await readParams(c));
    if (
      (input.assignmentStatus === 'canceled' || input.assignmentStatus === 'completed') &&
      input.reason === undefined
    )
      throw invalid(`Reason is required when AssignmentStatus is ${input.assignmentStatus}`);
    const task = engine.updateTask(c.req.param('ws'), c.req.param('sid'), input);
    return c.json(renderTask(core, task));
  });
  app.delete(`${base}/:sid`, (c) => {
    engine.deleteTask(c.req.param('ws'), c.req.param('sid'));
    return c.body(null, 204);
  });

  app.get(`${base}/:sid/Reservations`, async (c) => {
    const p = await readParams(c);
    const task = engine.task(c.req.param('ws'), c.req.param('sid'));
    const list = filterReservations(task.reservations, p);
    return c.json(
      page(
        c,
        p,
        list.map((r) => renderReservation(core, r, 'task')),
        'reservations',
      ),
    );
  });
  const reservationOf = (wsSid: string, taskSid: string, sid: string) => {
    const task = engine.task(wsSid, taskSid);
    return mustGet(new Map(task.reservations.map((r) => [r.sid, r])), sid, 'Reservation');
  };
  app.get(`${base}/:sid/Reservations/:rs`, (c) => {
    const r = reservationOf(c.req.param('ws'), c.req.param('sid'), c.req.param('rs'));
    return c.json(renderReservation(core, r, 'task'));
  });
  app.post(`${base}/:sid/Reservations/:rs`, async (c) => {
    const ws = engine.workspace(c.req.param('ws'));
    const r = reservationOf(ws.sid, c.req.param('sid'), c.req.param('rs'));
    await updateReservation(engine, ws, r, await readParams(c));
    return c.json(renderReservation(core, r, 'task'));
  });
}
