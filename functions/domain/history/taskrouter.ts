// TaskRouter's workspace events as history events. TaskRouter knows when a caller was queued, answered
// or gave up, and how long each agent spent in each activity, with its own timestamps; the ids come from
// the task, reservation and worker version, so a redelivered event writes nothing new.
import { type CenterEvent, INTERVAL_MS, type NewCenterEvent } from './event.js';
import type { AgentStateBucket } from './measures.js';

/** The activities whose time counts, by name (flows/routing.ts); Offline counts as not logged in. */
const STATE_OF_ACTIVITY: Readonly<Record<string, AgentStateBucket>> = {
  Available: 'available',
  Busy: 'busy',
  'Wrap-up': 'wrap',
  Break: 'away',
  Missed: 'away',
};

export interface TaskRouterFacts {
  readonly type: string;
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly attributes: Readonly<Record<string, unknown>>;
  /** The previous activity's name when the event names only its SID. */
  readonly activityName?: (sid: string) => string | undefined;
  /** A canceled task whose caller chose to leave the queue (voicemail, callback): not an abandon. */
  readonly leftByChoice?: boolean;
  /** For a completed task: its call's events so far (answered, holds, wrap-up start). */
  readonly callEvents?: readonly CenterEvent[];
}

const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** The events TaskRouter's history events need to be recorded; the event types consumed for them. */
export const HISTORY_TASKROUTER_EVENTS = [
  'task.created',
  'task.canceled',
  'reservation.accepted',
  'task.wrapup',
  'task.completed',
  'worker.activity.update',
] as const;

export function historyFromTaskRouter(facts: TaskRouterFacts): NewCenterEvent[] {
  const { type, params: p, attributes: a } = facts;
  const atMs = Number(p.Timestamp) * 1000;
  if (!Number.isFinite(atMs) || atMs <= 0) return [];
  const at = new Date(atMs).toISOString();
  if (type === 'worker.activity.update') return stateTime(facts, atMs);

  const taskSid = p.TaskSid;
  // Calls the IVR queued (inbound); callbacks, voicemails and transfers are other kinds of work.
  if (!taskSid || text(a.type) !== 'inbound') return [];
  const callSid = text(a.call_sid);
  const base = {
    taskSid,
    ...(callSid ? { callSid } : {}),
    ...optional('queue', text(a.queue) ?? p.TaskQueueName),
    ...optional('hotline', text(a.flow)),
    ...optional('language', text(a.language)),
    ...optional('region', text(a.region)),
    ...optional('tier', text(a.vip)),
    ...optional('customerId', text(a.customer_id)),
    ...optional('from', text(a.from) ?? text(a.caller)),
  };
  const age = Math.max(0, Number(p.TaskAge) || 0);
  switch (type) {
    case 'task.created':
      return [{ id: `tr:${taskSid}:queued`, at, type: 'call.queued', ...base }];
    case 'reservation.accepted':
      return [
        {
          id: `tr:${taskSid}:answered`,
          at,
          type: 'call.answered',
          ...base,
          ...optional('agent', p.WorkerName),
          n: { waitSeconds: age },
        },
      ];
    case 'task.wrapup':
      return [{ id: `tr:${taskSid}:wrapping`, at, type: 'call.wrapping', ...base }];
    case 'task.completed': {
      const handled = handledCall(facts.callEvents ?? [], taskSid, atMs);
      if (!handled) return [];
      return [{ id: `tr:${taskSid}:handled`, at, type: 'call.handled', ...base, ...handled }];
    }
    case 'task.canceled':
      if (facts.leftByChoice) return [];
      return [
        { id: `tr:${taskSid}:abandoned`, at, type: 'call.abandoned', ...base, n: { waitSeconds: age } },
      ];
    default:
      return [];
  }
}

/** The previous activity's time, cut at interval edges so each interval's rollup counts its own part. */
function stateTime(facts: TaskRouterFacts, endMs: number): NewCenterEvent[] {
  const p = facts.params;
  const agent = p.WorkerName;
  const previousSid = p.WorkerPreviousActivitySid;
  const name = p.WorkerPreviousActivityName ?? (previousSid ? facts.activityName?.(previousSid) : undefined);
  const state = name ? STATE_OF_ACTIVITY[name] : undefined;
  const spentMs = Number(p.WorkerTimeInPreviousActivityMs ?? Number(p.WorkerTimeInPreviousActivity) * 1000);
  if (!agent || !state || !p.WorkerSid || !Number.isFinite(spentMs) || spentMs <= 0) return [];
  // The worker's version names this change; the end time stands in where a version is missing.
  const change = p.WorkerVersion ?? String(endMs);
  const out: NewCenterEvent[] = [];
  let from = endMs - spentMs;
  while (from < endMs) {
    const edge = Math.min(endMs, (Math.floor(from / INTERVAL_MS) + 1) * INTERVAL_MS);
    out.push({
      id: `tr:${p.WorkerSid}:${change}:${from}`,
      at: new Date(from).toISOString(),
      type: 'agent.state',
      agent,
      a: { state },
      n: { seconds: (edge - from) / 1000 },
    });
    from = edge;
  }
  return out;
}

/**
 * The times of a completed call from its events: talk from the agent's answer to the start of wrap-up
 * (less the hold), hold from each hold to its resume, wrap-up from its start to completion. Nothing when
 * no agent answered (a task completed without a call, e.g. canceled by the app after hours).
 */
export function handledCall(
  events: readonly CenterEvent[],
  taskSid: string,
  completedMs: number,
): Pick<NewCenterEvent, 'agent' | 'n'> | undefined {
  const answered = events.find((e) => e.type === 'call.answered' && e.taskSid === taskSid);
  if (!answered) return undefined;
  const answeredMs = Date.parse(answered.at);
  const wrapping = events.find((e) => e.type === 'call.wrapping' && e.taskSid === taskSid);
  const talkEndMs = Math.min(completedMs, wrapping ? Date.parse(wrapping.at) : completedMs);
  let holdMs = 0;
  let heldSince: number | undefined;
  for (const e of [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    const t = Math.min(Math.max(Date.parse(e.at), answeredMs), talkEndMs);
    if (e.type === 'call.held' && heldSince === undefined) heldSince = t;
    if (e.type === 'call.resumed' && heldSince !== undefined) {
      holdMs += t - heldSince;
      heldSince = undefined;
    }
  }
  if (heldSince !== undefined) holdMs += talkEndMs - heldSince;
  const seconds = (ms: number) => Math.max(0, Math.round(ms / 1000));
  return {
    ...(answered.agent ? { agent: answered.agent } : {}),
    n: {
      talkSeconds: seconds(talkEndMs - answeredMs - holdMs),
      holdSeconds: seconds(holdMs),
      wrapSeconds: seconds(wrapping ? completedMs - talkEndMs : 0),
    },
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}
