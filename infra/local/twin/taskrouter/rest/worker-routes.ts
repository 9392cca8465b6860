// REST: Workers, their Channels and Reservations (docs/twilio-behaviour.md §4.3, §4.7, §4.10).
import type { Hono } from 'hono';
import { type FormParams, param, paramBool, readParams } from '../../rest-common.js';
import { mustGet, type Workspace } from '../core.js';
import type { TaskRouterEngine } from '../engine.js';
import { compileExpression } from '../expressions.js';
import { workerScope } from '../matching.js';
import type { Worker } from '../model.js';
import { findWorkerChannel } from '../workers.js';
import { int, page, required } from './paging.js';
import { renderReservation, renderWorker, renderWorkerChannel } from './render.js';
import { filterReservations, updateReservation } from './reservation-update.js';

function workerInput(p: FormParams) {
  const out: {
    friendlyName?: string;
    activitySid?: string;
    attributes?: string;
    rejectPendingReservations?: boolean;
  } = {};
  const name = param(p, 'FriendlyName');
  const activity = param(p, 'ActivitySid');
  const attributes = param(p, 'Attributes');
  const reject = paramBool(p, 'RejectPendingReservations');
  if (name !== undefined) out.friendlyName = name;
  if (activity) out.activitySid = activity;
  if (attributes !== undefined) out.attributes = attributes;
  if (reject !== undefined) out.rejectPendingReservations = reject;
  return out;
}

/** Workers list filters (§4.3), TargetWorkersExpression included. */
function filterWorkers(ws: Workspace, p: FormParams): Worker[] {
  const activityName = param(p, 'ActivityName');
  const activitySid = param(p, 'ActivitySid');
  const available = paramBool(p, 'Available');
  const name = param(p, 'FriendlyName');
  const target = param(p, 'TargetWorkersExpression');
  const expr = target ? compileExpression(target, 'TargetWorkersExpression') : undefined;
  const queueSid = param(p, 'TaskQueueSid');
  const queueName = param(p, 'TaskQueueName');
  const queue = queueSid
    ? mustGet(ws.queues, queueSid, 'TaskQueue')
    : queueName
      ? [...ws.queues.values()].find((q) => q.friendlyName === queueName)
      : undefined;
  if (queueName && !queue) return [];
  const list = [...ws.workers.values()].filter(
    (w) =>
      (!activityName || w.activity.friendlyName === activityName) &&
      (!activitySid || w.activity.sid === activitySid) &&
      (available === undefined || w.activity.available === available) &&
      (!name || w.friendlyName.toLowerCase() === name.toLowerCase()) &&
      (!queue || queue.workers.has(w)) &&
      (!expr || expr.test(workerScope(w))),
  );
  const ordering = param(p, 'Ordering');
  if (ordering?.startsWith('DateStatusChanged')) {
    const dir = ordering.endsWith(':desc') ? -1 : 1;
    list.sort((a, b) => dir * (a.dateStatusChanged - b.dateStatusChanged));
  }
  return list;
}

export function workerRoutes(app: Hono, engine: TaskRouterEngine): void {
  const core = engine.core;
  const base = '/v1/Workspaces/:ws/Workers';
  app.post(base, async (c) => {
    const p = await readParams(c);
    const w = engine.createWorker(c.req.param('ws'), {
      ...workerInput(p),
      friendlyName: required(p, 'FriendlyName'),
    });
    return c.json(renderWorker(core, w), 201);
  });
  app.get(base, async (c) => {
    const p = await readParams(c);
    const list = filterWorkers(engine.workspace(c.req.param('ws')), p);
    return c.json(
      page(
        c,
        p,
        list.map((w) => renderWorker(core, w, true)),
        'workers',
      ),
    );
  });
  app.get(`${base}/:sid`, (c) =>
    c.json(renderWorker(core, engine.worker(c.req.param('ws'), c.req.param('sid')))),
  );
  app.post(`${base}/:sid`, async (c) => {
    const w = engine.updateWorker(c.req.param('ws'), c.req.param('sid'), workerInput(await readParams(c)));
    return c.json(renderWorker(core, w));
  });
  app.delete(`${base}/:sid`, (c) => {
    engine.deleteWorker(c.req.param('ws'), c.req.param('sid'));
    return c.body(null, 204);
  });

  app.get(`${base}/:sid/Channels`, async (c) => {
    const p = await readParams(c);
    const w = engine.worker(c.req.param('ws'), c.req.param('sid'));
    return c.json(
      page(
        c,
        p,
        [...w.channels.values()].map((wc) => renderWorkerChannel(core, w, wc)),
        'channels',
      ),
    );
  });
  app.get(`${base}/:sid/Channels/:ch`, (c) => {
    const ws = engine.workspace(c.req.param('ws'));
    const w = engine.worker(ws.sid, c.req.param('sid'));
    return c.json(renderWorkerChannel(core, w, findWorkerChannel(ws, w, c.req.param('ch'))));
  });
  app.post(`${base}/:sid/Channels/:ch`, async (c) => {
    const p = await readParams(c);
    const input: { capacity?: number; available?: boolean } = {};
    const capacity = int(p, 'Capacity');
    const available = paramBool(p, 'Available');
    if (capacity !== undefined) input.capacity = capacity;
    if (available !== undefined) input.available = available;
    const wc = engine.updateWorkerChannel(c.req.param('ws'), c.req.param('sid'), c.req.param('ch'), input);
    return c.json(renderWorkerChannel(core, engine.worker(c.req.param('ws'), c.req.param('sid')), wc));
  });

  app.get(`${base}/:sid/Reservations`, async (c) => {
    const p = await readParams(c);
    const ws = engine.workspace(c.req.param('ws'));
    const w = engine.worker(ws.sid, c.req.param('sid'));
    const mine = [...ws.reservations.values()].filter((r) => r.worker === w);
    return c.json(
      page(
        c,
        p,
        filterReservations(mine, p).map((r) => renderReservation(core, r, 'worker')),
        'reservations',
      ),
    );
  });
  const reservationOf = (wsSid: string, workerSid: string, sid: string) => {
    const r = engine.reservation(wsSid, sid);
    if (r.worker.sid !== workerSid) return mustGet(new Map(), sid, 'Reservation');
    return r;
  };
  app.get(`${base}/:sid/Reservations/:rs`, (c) => {
    const r = reservationOf(c.req.param('ws'), c.req.param('sid'), c.req.param('rs'));
    return c.json(renderReservation(core, r, 'worker'));
  });
  app.post(`${base}/:sid/Reservations/:rs`, async (c) => {
    const ws = engine.workspace(c.req.param('ws'));
    const r = reservationOf(ws.sid, c.req.param('sid'), c.req.param('rs'));
    await updateReservation(engine, ws, r, await readParams(c));
    return c.json(renderReservation(core, r, 'worker'));
  });
}
