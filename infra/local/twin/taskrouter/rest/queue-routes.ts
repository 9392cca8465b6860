// REST: TaskQueues and Workflows (docs/twilio-behaviour.md §4.4, §4.5).
import type { Hono } from 'hono';
import { type FormParams, param, paramBool, readParams } from '../../rest-common.js';
import { parseAttributes } from '../core.js';
import type { TaskRouterEngine } from '../engine.js';
import type { QueueInput } from '../queues.js';
import type { WorkflowInput } from '../workflows.js';
import { int, oneOf, page, required } from './paging.js';
import { renderQueue, renderWorkflow } from './render.js';

function compact<T>(o: Record<string, unknown>): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o as T;
}

const queueInput = (p: FormParams) =>
  compact<QueueInput>({
    friendlyName: param(p, 'FriendlyName'),
    targetWorkers: param(p, 'TargetWorkers'),
    maxReservedWorkers: int(p, 'MaxReservedWorkers'),
    taskOrder: oneOf(p, 'TaskOrder', ['FIFO', 'LIFO'] as const),
    reservationActivitySid: param(p, 'ReservationActivitySid'),
    assignmentActivitySid: param(p, 'AssignmentActivitySid'),
  });

const workflowInput = (p: FormParams) =>
  compact<WorkflowInput>({
    friendlyName: param(p, 'FriendlyName'),
    configuration: param(p, 'Configuration'),
    assignmentCallbackUrl: param(p, 'AssignmentCallbackUrl'),
    fallbackAssignmentCallbackUrl: param(p, 'FallbackAssignmentCallbackUrl'),
    taskReservationTimeout: int(p, 'TaskReservationTimeout'),
    reEvaluateTasks: paramBool(p, 'ReEvaluateTasks'),
  });

export function queueRoutes(app: Hono, engine: TaskRouterEngine): void {
  const core = engine.core;
  const queues = '/v1/Workspaces/:ws/TaskQueues';
  app.post(queues, async (c) => {
    const p = await readParams(c);
    const q = engine.createQueue(c.req.param('ws'), {
      ...queueInput(p),
      friendlyName: required(p, 'FriendlyName'),
    });
    return c.json(renderQueue(core, q), 201);
  });
  app.get(queues, async (c) => {
    const p = await readParams(c);
    const ws = engine.workspace(c.req.param('ws'));
    const name = param(p, 'FriendlyName');
    const workerSid = param(p, 'WorkerSid');
    const evaluate = param(p, 'EvaluateWorkerAttributes');
    const attrs = evaluate !== undefined ? parseAttributes(evaluate, 'EvaluateWorkerAttributes') : undefined;
    const worker = workerSid ? engine.worker(ws.sid, workerSid) : undefined;
    const list = [...ws.queues.values()].filter(
      (q) =>
        (!name || q.friendlyName === name) &&
        (!worker || worker.queues.has(q)) &&
        (!attrs || q.targetExpression.test(attrs)),
    );
    return c.json(
      page(
        c,
        p,
        list.map((q) => renderQueue(core, q)),
        'task_queues',
      ),
    );
  });
  app.get(`${queues}/:sid`, (c) =>
    c.json(renderQueue(core, engine.queue(c.req.param('ws'), c.req.param('sid')))),
  );
  app.post(`${queues}/:sid`, async (c) => {
    const q = engine.updateQueue(c.req.param('ws'), c.req.param('sid'), queueInput(await readParams(c)));
    return c.json(renderQueue(core, q));
  });
  app.delete(`${queues}/:sid`, (c) => {
    engine.deleteQueue(c.req.param('ws'), c.req.param('sid'));
    return c.body(null, 204);
  });

  const workflows = '/v1/Workspaces/:ws/Workflows';
  app.post(workflows, async (c) => {
    const p = await readParams(c);
    const wf = engine.createWorkflow(c.req.param('ws'), {
      ...workflowInput(p),
      friendlyName: required(p, 'FriendlyName'),
      configuration: required(p, 'Configuration'),
    });
    return c.json(renderWorkflow(core, wf), 201);
  });
  app.get(workflows, async (c) => {
    const p = await readParams(c);
    const name = param(p, 'FriendlyName');
    const list = [...engine.workspace(c.req.param('ws')).workflows.values()].filter(
      (w) => !name || w.friendlyName === name,
    );
    return c.json(
      page(
        c,
        p,
        list.map((w) => renderWorkflow(core, w)),
        'workflows',
      ),
    );
  });
  app.get(`${workflows}/:sid`, (c) =>
    c.json(renderWorkflow(core, engine.workflow(c.req.param('ws'), c.req.param('sid')))),
  );
  app.post(`${workflows}/:sid`, async (c) => {
    const wf = engine.updateWorkflow(
      c.req.param('ws'),
      c.req.param('sid'),
      workflowInput(await readParams(c)),
    );
    return c.json(renderWorkflow(core, wf));
  });
  app.delete(`${workflows}/:sid`, (c) => {
    engine.deleteWorkflow(c.req.param('ws'), c.req.param('sid'));
    return c.body(null, 204);
  });
}
