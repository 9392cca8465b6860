// The TaskRouter twin's REST API driven by the official twilio client (docs/twilio-behaviour.md §4 base URL, paging,
// auth), served over HTTP on 127.0.0.1 with the sub-app mounted at /taskrouter.
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwilioClient, type TwilioClient } from '../../../functions/adapters/twilio/client.js';
import { createTaskRouterRestApp } from '../../../infra/local/twin/taskrouter/rest/app.js';
import { ACCOUNT, type Bench, bench } from './support.js';

let server: ServerType;
let baseUrl: string;
let b: Bench;
let client: TwilioClient;

beforeAll(async () => {
  b = bench();
  const app = new Hono();
  app.route('/taskrouter', createTaskRouterRestApp(b.engine, ACCOUNT));
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
  });
  baseUrl = `http://127.0.0.1:${port}`;
  client = createTwilioClient({ ...ACCOUNT, apiBaseUrl: baseUrl });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function failure(p: Promise<unknown>): Promise<{ status: number; code: number }> {
  try {
    await p;
  } catch (err) {
    const e = err as { status: number; code: number };
    return { status: e.status, code: e.code };
  }
  throw new Error('expected the request to fail');
}

describe('TaskRouter REST through the official client', () => {
  it('builds a workspace and routes, accepts and completes a task', async () => {
    // docs/twilio-behaviour.md §4.1-4.7: resources at Twilio's paths, form-encoded in, snake_case JSON out
    const ws = await client.taskrouter.v1.workspaces.create({
      friendlyName: 'REST center',
      multiTaskEnabled: true,
    });
    expect(ws.sid).toMatch(/^WS[0-9a-f]{32}$/);
    expect(ws.multiTaskEnabled).toBe(true);
    expect(ws.prioritizeQueueOrder).toBe('FIFO');
    const w = client.taskrouter.v1.workspaces(ws.sid);
    const activities = await w.activities.list();
    const available = activities.find((a) => a.friendlyName === 'Available');
    expect(available?.available).toBe(true);
    const queue = await w.taskQueues.create({
      friendlyName: 'Support',
      targetWorkers: "skills HAS 'support'",
    });
    expect(queue.maxReservedWorkers).toBe(1);
    expect(queue.taskOrder).toBe('FIFO');
    const config = JSON.stringify({ task_routing: { filters: [], default_filter: { queue: queue.sid } } });
    const wf = await w.workflows.create({ friendlyName: 'Main', configuration: config });
    expect(wf.taskReservationTimeout).toBe(120);
    const alice = await w.workers.create({
      friendlyName: 'alice',
      attributes: JSON.stringify({ skills: ['support'] }),
      activitySid: available?.sid ?? '',
    });
    expect(alice.available).toBe(true);
    const task = await w.tasks.create({
      attributes: JSON.stringify({ type: 'chat' }),
      workflowSid: wf.sid,
      priority: 3,
    });
    expect(task.assignmentStatus).toBe('reserved');
    expect(task.taskQueueSid).toBe(queue.sid);
    expect(task.timeout).toBe(86_400);
    const [reservation] = await w.tasks(task.sid).reservations.list();
    expect(reservation?.workerSid).toBe(alice.sid);
    const accepted = await w
      .tasks(task.sid)
      .reservations(reservation?.sid ?? '')
      .update({ reservationStatus: 'accepted' });
    expect(accepted.reservationStatus).toBe('accepted');
    expect((await w.tasks(task.sid).fetch()).assignmentStatus).toBe('assigned');
    const byWorker = await w.workers(alice.sid).reservations.list({ reservationStatus: 'accepted' });
    expect(byWorker.map((r) => r.sid)).toEqual([reservation?.sid]);
    const done = await w.tasks(task.sid).update({ assignmentStatus: 'completed', reason: 'resolved' });
    expect(done.assignmentStatus).toBe('completed');
    expect(done.reason).toBe('resolved');
  });

  it('hides attributes in lists and applies the worker list filters', async () => {
    // docs/twilio-behaviour.md §4.3: attributes only in single fetches; list filters incl. TargetWorkersExpression
    const ws = await client.taskrouter.v1.workspaces.create({ friendlyName: 'Filters' });
    const w = client.taskrouter.v1.workspaces(ws.sid);
    const available = (await w.activities.list({ available: 'true' }))[0];
    const q = await w.taskQueues.create({ friendlyName: 'zh', targetWorkers: "languages HAS 'zh'" });
    const zh = await w.workers.create({
      friendlyName: 'li',
      attributes: '{"languages":["zh"],"level":3}',
      activitySid: available?.sid ?? '',
    });
    await w.workers.create({ friendlyName: 'tom', attributes: '{"languages":["en"],"level":1}' });
    const listed = await w.workers.list();
    expect(listed).toHaveLength(2);
    expect(listed.every((x) => x.attributes === null)).toBe(true);
    expect((await w.workers(zh.sid).fetch()).attributes).toBe('{"languages":["zh"],"level":3}');
    const names = async (opts: Record<string, string>) =>
      (await w.workers.list(opts)).map((x) => x.friendlyName);
    expect(await names({ activityName: 'Offline' })).toEqual(['tom']);
    expect(await names({ available: 'true' })).toEqual(['li']);
    expect(await names({ targetWorkersExpression: 'level >= 2' })).toEqual(['li']);
    expect(await names({ taskQueueSid: q.sid })).toEqual(['li']);
    const queuesForAttrs = await w.taskQueues.list({ evaluateWorkerAttributes: '{"languages":["zh"]}' });
    expect(queuesForAttrs.map((x) => x.sid)).toEqual([q.sid]);
  });

  it('updates worker channels and pages through long lists', async () => {
    // docs/twilio-behaviour.md §4.10 WorkerChannels; §4 meta paging with PageSize and PageToken
    const ws = await client.taskrouter.v1.workspaces.create({ friendlyName: 'Paging' });
    const w = client.taskrouter.v1.workspaces(ws.sid);
    const sids: string[] = [];
    for (let i = 0; i < 7; i++) sids.push((await w.workers.create({ friendlyName: `agent${i}` })).sid);
    const first = await w.workers.page({ pageSize: 3 });
    expect(first.instances).toHaveLength(3);
    expect(first.nextPageUrl).toContain('PageToken=');
    expect((await w.workers.list({ pageSize: 3 })).map((x) => x.sid)).toEqual(sids);
    const sms = await w
      .workers(sids[0] ?? '')
      .workerChannels('sms')
      .update({ capacity: 3 });
    expect(sms.configuredCapacity).toBe(3);
    expect(sms.taskChannelUniqueName).toBe('sms');
    const channels = await w.workers(sids[0] ?? '').workerChannels.list();
    expect(channels.map((c) => c.taskChannelUniqueName).sort()).toEqual(['chat', 'default', 'sms', 'voice']);
    const taskChannels = await w.taskChannels.list();
    expect(taskChannels.map((c) => c.uniqueName).sort()).toEqual(['chat', 'default', 'sms', 'voice']);
  });

  it('lists tasks by status, rejects through the reservation, lists events and deletes', async () => {
    // docs/twilio-behaviour.md §4.7 list filters and reservation update; §4.9 Events resource
    const ws = await client.taskrouter.v1.workspaces.create({ friendlyName: 'Tasks' });
    const w = client.taskrouter.v1.workspaces(ws.sid);
    const q = await w.taskQueues.create({ friendlyName: 'all' });
    const config = JSON.stringify({ task_routing: { filters: [], default_filter: { queue: q.sid } } });
    await w.workflows.create({ friendlyName: 'only', configuration: config });
    const available = (await w.activities.list({ friendlyName: 'Available' }))[0];
    const offline = (await w.activities.list({ friendlyName: 'Offline' }))[0];
    const worker = await w.workers.create({ friendlyName: 'solo', activitySid: available?.sid ?? '' });
    // WorkflowSid may be left out when the workspace has exactly one workflow (§4.7).
    const t1 = await w.tasks.create({ attributes: '{"n":1}' });
    const t2 = await w.tasks.create({ attributes: '{"n":2}' });
    expect((await w.tasks.list({ assignmentStatus: ['pending'] })).map((t) => t.sid)).toEqual([t2.sid]);
    expect((await w.tasks.list({ evaluateTaskAttributes: 'n == 1' })).map((t) => t.sid)).toEqual([t1.sid]);
    expect((await w.tasks.list()).every((t) => t.attributes === null)).toBe(true);
    const [r] = await w.workers(worker.sid).reservations.list({ reservationStatus: 'pending' });
    const rejected = await w
      .workers(worker.sid)
      .reservations(r?.sid ?? '')
      .update({ reservationStatus: 'rejected', workerActivitySid: offline?.sid ?? '' });
    expect(rejected.reservationStatus).toBe('rejected');
    expect((await w.workers(worker.sid).fetch()).activityName).toBe('Offline');
    const events = await w.events.list({ eventType: 'reservation.rejected' });
    expect(events).toHaveLength(1);
    expect(events[0]?.eventData).toMatchObject({ reservation_sid: r?.sid, worker_sid: worker.sid });
    await w.tasks(t2.sid).remove();
    expect((await failure(w.tasks(t2.sid).fetch())).status).toBe(404);
  });

  it('serves the statistics resources', async () => {
    // docs/twilio-behaviour.md §4.11: workspace, queue, workers, worker and workflow statistics
    const ws = await client.taskrouter.v1.workspaces.create({ friendlyName: 'Stats' });
    const w = client.taskrouter.v1.workspaces(ws.sid);
    const q = await w.taskQueues.create({ friendlyName: 'all' });
    const config = JSON.stringify({ task_routing: { filters: [], default_filter: { queue: q.sid } } });
    const wf = await w.workflows.create({ friendlyName: 'only', configuration: config });
    const worker = await w.workers.create({ friendlyName: 'x' });
    await w.tasks.create({ attributes: '{}', priority: 4 });
    const rt = await w.realTimeStatistics().fetch();
    expect(rt.totalTasks).toBe(1);
    expect(rt.tasksByStatus).toMatchObject({ pending: 1 });
    expect((await w.cumulativeStatistics().fetch({ minutes: 60 })).tasksCreated).toBe(1);
    const stats = await w.statistics().fetch();
    expect(stats.realtime).toMatchObject({ total_workers: 1 });
    const qrt = await w.taskQueues(q.sid).realTimeStatistics().fetch();
    expect(qrt.totalEligibleWorkers).toBe(1);
    expect(qrt.tasksByPriority).toEqual({ '4': 1 });
    expect((await w.taskQueues(q.sid).cumulativeStatistics().fetch()).tasksEntered).toBe(1);
    expect((await w.taskQueues(q.sid).statistics().fetch()).cumulative).toMatchObject({ tasks_entered: 1 });
    expect((await w.taskQueues.statistics.list()).map((s) => s.taskQueueSid)).toEqual([q.sid]);
    expect((await w.workers.statistics().fetch()).realtime).toMatchObject({ total_workers: 1 });
    expect((await w.workers.realTimeStatistics().fetch()).totalWorkers).toBe(1);
    expect((await w.workers.cumulativeStatistics().fetch()).activityDurations).toHaveLength(4);
    expect((await w.workers(worker.sid).statistics().fetch()).cumulative).toHaveProperty(
      'activity_durations',
    );
    expect((await w.workflows(wf.sid).realTimeStatistics().fetch()).totalTasks).toBe(1);
    expect((await w.workflows(wf.sid).cumulativeStatistics().fetch()).tasksEntered).toBe(1);
    expect((await w.workflows(wf.sid).statistics().fetch()).realtime).toMatchObject({ total_tasks: 1 });
  });

  it('answers Twilio errors: 401/20003 for bad credentials, 404/20404, 400/20001', async () => {
    // docs/twilio-behaviour.md §4 (HTTP Basic auth) and the error JSON
    const stranger = createTwilioClient({
      accountSid: ACCOUNT.accountSid,
      authToken: 'wrong',
      apiBaseUrl: baseUrl,
    });
    expect(await failure(stranger.taskrouter.v1.workspaces.list())).toEqual({ status: 401, code: 20003 });
    expect(await failure(client.taskrouter.v1.workspaces(`WS${'0'.repeat(32)}`).fetch())).toEqual({
      status: 404,
      code: 20404,
    });
    const w = client.taskrouter.v1.workspaces(b.ws);
    expect(await failure(w.workers(`WK${'0'.repeat(32)}`).fetch())).toEqual({ status: 404, code: 20404 });
    expect(
      await failure(w.taskQueues.create({ friendlyName: 'bad', targetWorkers: "skills HAS 'a' AND" })),
    ).toEqual({ status: 400, code: 20001 });
    expect(
      await failure(
        w.workflows.create({
          friendlyName: 'bad',
          configuration:
            '{"task_routing":{"filters":[{"expression":"1==1","targets":[{"queue":"WQnope"}]}]}}',
        }),
      ),
    ).toEqual({ status: 400, code: 20001 });
  });
});
