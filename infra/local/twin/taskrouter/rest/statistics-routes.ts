// REST: the Statistics resources of workspaces, queues, workers and workflows (docs/twilio-behaviour.md §4.11).
// Registered before the `/:sid` routes so `/TaskQueues/Statistics` is not read as a queue SID.
import type { Context, Hono } from 'hono';
import { type FormParams, param, readParams } from '../../rest-common.js';
import type { Workspace } from '../core.js';
import type { TaskRouterEngine } from '../engine.js';
import {
  activityDurations,
  cumulative,
  queueRealTime,
  type Scope,
  type Window,
  workersRealTime,
  workflowRealTime,
  workspaceRealTime,
} from '../statistics.js';
import { date, int, invalid, page } from './paging.js';
import { wsUrl } from './render.js';

function windowOf(engine: TaskRouterEngine, p: FormParams): Window {
  const end = date(p, 'EndDate') ?? engine.core.deps.clock.now();
  const start = date(p, 'StartDate') ?? end - (int(p, 'Minutes') ?? 15) * 60_000;
  if (start > end) throw invalid('StartDate must be before EndDate');
  return { start, end };
}

function splits(p: FormParams): number[] {
  const raw = param(p, 'SplitByWaitTime');
  if (!raw) return [];
  const out = raw.split(',').map((s) => Number(s.trim()));
  if (out.some((n) => !Number.isFinite(n) || n < 0))
    throw invalid('SplitByWaitTime must be a list of seconds');
  return out;
}

/** TaskChannel may be a SID or unique name; statistics filter on the unique name. */
function channelOf(engine: TaskRouterEngine, ws: Workspace, p: FormParams): string | undefined {
  const ch = param(p, 'TaskChannel');
  return ch ? engine.channel(ws.sid, ch).uniqueName : undefined;
}

export function statisticsRoutes(app: Hono, engine: TaskRouterEngine): void {
  const core = engine.core;
  const acct = () => core.deps.account.accountSid;
  const ctx = async (c: Context) => {
    const ws = engine.workspace(c.req.param('ws') ?? '');
    const p = await readParams(c);
    return { ws, p, channel: channelOf(engine, ws, p) };
  };
  const cum = (ws: Workspace, p: FormParams, scope: Scope) =>
    cumulative(ws, scope, windowOf(engine, p), splits(p));
  const W = '/v1/Workspaces/:ws';

  app.get(`${W}/RealTimeStatistics`, async (c) => {
    const { ws, channel } = await ctx(c);
    return c.json({
      ...workspaceRealTime(core, ws, channel),
      account_sid: acct(),
      workspace_sid: ws.sid,
      url: `${wsUrl(ws.sid)}/RealTimeStatistics`,
    });
  });
  app.get(`${W}/CumulativeStatistics`, async (c) => {
    const { ws, p, channel } = await ctx(c);
    return c.json({
      ...cum(ws, p, { ...(channel ? { channel } : {}) }),
      account_sid: acct(),
      workspace_sid: ws.sid,
      url: `${wsUrl(ws.sid)}/CumulativeStatistics`,
    });
  });
  app.get(`${W}/Statistics`, async (c) => {
    const { ws, p, channel } = await ctx(c);
    const scope = channel ? { channel } : {};
    return c.json({
      realtime: workspaceRealTime(core, ws, channel),
      cumulative: cum(ws, p, scope),
      account_sid: acct(),
      workspace_sid: ws.sid,
      url: `${wsUrl(ws.sid)}/Statistics`,
    });
  });

  const queueStats = (ws: Workspace, p: FormParams, sid: string, channel?: string) => {
    const q = engine.queue(ws.sid, sid);
    return {
      realtime: queueRealTime(core, ws, q, channel),
      cumulative: cum(ws, p, { queueSid: q.sid, ...(channel ? { channel } : {}) }),
      account_sid: acct(),
      task_queue_sid: q.sid,
      workspace_sid: ws.sid,
    };
  };
  app.get(`${W}/TaskQueues/Statistics`, async (c) => {
    const { ws, p, channel } = await ctx(c);
    const name = param(p, 'FriendlyName');
    const list = [...ws.queues.values()].filter((q) => !name || q.friendlyName === name);
    return c.json(
      page(
        c,
        p,
        list.map((q) => queueStats(ws, p, q.sid, channel)),
        'task_queues_statistics',
      ),
    );
  });
  app.post(`${W}/TaskQueues/RealTimeStatistics`, async (c) => {
    const ws = engine.workspace(c.req.param('ws'));
    const text = await c.req.text();
    // The bulk request is JSON; take every WQ SID in it, whatever the wrapper key (§4.11).
    const sids = [...new Set(text.match(/WQ[0-9a-f]{32}/g) ?? [])];
    if (sids.length > 50) throw invalid('At most 50 TaskQueue SIDs per request');
    const data = sids.map((sid) => ({
      ...queueRealTime(core, ws, engine.queue(ws.sid, sid)),
      task_queue_sid: sid,
      workspace_sid: ws.sid,
    }));
    return c.json(
      {
        account_sid: acct(),
        workspace_sid: ws.sid,
        task_queue_data: data,
        task_queue_response_count: data.length,
        url: `${wsUrl(ws.sid)}/TaskQueues/RealTimeStatistics`,
      },
      201,
    );
  });
  for (const kind of ['Statistics', 'RealTimeStatistics', 'CumulativeStatistics'] as const)
    app.get(`${W}/TaskQueues/:sid/${kind}`, async (c) => {
      const { ws, p, channel } = await ctx(c);
      const s = queueStats(ws, p, c.req.param('sid'), channel);
      const url = `${wsUrl(ws.sid)}/TaskQueues/${s.task_queue_sid}/${kind}`;
      const head = {
        account_sid: s.account_sid,
        task_queue_sid: s.task_queue_sid,
        workspace_sid: ws.sid,
        url,
      };
      if (kind === 'Statistics') return c.json({ ...head, realtime: s.realtime, cumulative: s.cumulative });
      return c.json({ ...(kind === 'RealTimeStatistics' ? s.realtime : s.cumulative), ...head });
    });

  const workersCumulative = (ws: Workspace, p: FormParams, workerSid?: string) => {
    const w = windowOf(engine, p);
    const {
      start_time,
      end_time,
      reservations_created,
      reservations_accepted,
      reservations_rejected,
      reservations_timed_out,
      reservations_canceled,
      reservations_rescinded,
    } = cumulative(ws, workerSid ? { workerSid } : {}, w);
    return {
      start_time,
      end_time,
      reservations_created,
      reservations_accepted,
      reservations_rejected,
      reservations_timed_out,
      reservations_canceled,
      reservations_rescinded,
      activity_durations: activityDurations(core, ws, w, workerSid),
    };
  };
  app.get(`${W}/Workers/Statistics`, async (c) => {
    const { ws, p } = await ctx(c);
    return c.json({
      realtime: workersRealTime(ws),
      cumulative: workersCumulative(ws, p),
      account_sid: acct(),
      workspace_sid: ws.sid,
      url: `${wsUrl(ws.sid)}/Workers/Statistics`,
    });
  });
  app.get(`${W}/Workers/RealTimeStatistics`, async (c) => {
    const { ws } = await ctx(c);
    return c.json({
      ...workersRealTime(ws),
      account_sid: acct(),
      workspace_sid: ws.sid,
      url: `${wsUrl(ws.sid)}/Workers/RealTimeStatistics`,
    });
  });
  app.get(`${W}/Workers/CumulativeStatistics`, async (c) => {
    const { ws, p } = await ctx(c);
    return c.json({
      ...workersCumulative(ws, p),
      account_sid: acct(),
      workspace_sid: ws.sid,
      url: `${wsUrl(ws.sid)}/Workers/CumulativeStatistics`,
    });
  });
  app.get(`${W}/Workers/:sid/Statistics`, async (c) => {
    const { ws, p } = await ctx(c);
    const worker = engine.worker(ws.sid, c.req.param('sid'));
    return c.json({
      cumulative: workersCumulative(ws, p, worker.sid),
      account_sid: acct(),
      worker_sid: worker.sid,
      workspace_sid: ws.sid,
      url: `${wsUrl(ws.sid)}/Workers/${worker.sid}/Statistics`,
    });
  });

  for (const kind of ['Statistics', 'RealTimeStatistics', 'CumulativeStatistics'] as const)
    app.get(`${W}/Workflows/:sid/${kind}`, async (c) => {
      const { ws, p, channel } = await ctx(c);
      const wf = engine.workflow(ws.sid, c.req.param('sid'));
      const realtime = workflowRealTime(core, ws, wf.sid, channel);
      const cumulativeStats = cum(ws, p, { workflowSid: wf.sid, ...(channel ? { channel } : {}) });
      const head = {
        account_sid: acct(),
        workflow_sid: wf.sid,
        workspace_sid: ws.sid,
        url: `${wsUrl(ws.sid)}/Workflows/${wf.sid}/${kind}`,
      };
      if (kind === 'Statistics') return c.json({ ...head, realtime, cumulative: cumulativeStats });
      return c.json({ ...(kind === 'RealTimeStatistics' ? realtime : cumulativeStats), ...head });
    });
}
