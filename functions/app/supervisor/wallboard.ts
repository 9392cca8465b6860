// The wallboard: today's figures per queue from TaskRouter's statistics and every agent's real state, built
// once and shared by every console for a couple of seconds. Waiting callers and the longest wait come from
// the same statistics answer, so they always agree. Missed offers today, per queue and per agent, come
// from the center's own record of them.
import { routing as routingConfig } from '../../../flows/routing.js';
import type { ProvisionedRouting } from '../../domain/routing/provisioned.js';
import { customerNumberOf } from '../../domain/routing/workflow.js';
import type { ReservationView } from '../../domain/taskrouter-port.js';
import { agentState, serviceLevel } from '../../domain/wallboard-rules.js';
import type { Center } from '../center.js';
import { DIRECT_TASK_TYPES } from '../desk/calls.js';
import { missedOfferCounts } from '../desk/missed-offers.js';
import { heartbeatKey } from '../desk/presence.js';
import { serviceLevelThresholds } from '../queue-settings.js';

const WALLBOARD_CACHE_MS = 2000;
/** The reservation whose call the board shows: the live one, else the one ringing, else in wrap-up. */
const SHOWN: readonly ReservationView['status'][] = ['accepted', 'pending', 'wrapping'];

/** Midnight today in the center's time zone, as a UTC instant. */
export function startOfDay(nowMs: number, timeZone: string): Date {
  const now = new Date(nowMs);
  const local = new Date(now.toLocaleString('en-US', { timeZone }));
  const offset = local.getTime() - now.getTime();
  const startLocal = new Date(local);
  startLocal.setHours(0, 0, 0, 0);
  return new Date(startLocal.getTime() - offset);
}

export function createWallboard(center: Center) {
  const { store, clock, taskrouter, config } = center;
  let cache: { at: number; board: Awaited<ReturnType<typeof build>> } | undefined;
  let building: Promise<Awaited<ReturnType<typeof build>>> | undefined;

  async function callOf(sids: ProvisionedRouting, reservations: readonly ReservationView[]) {
    const r = SHOWN.map((status) => reservations.find((x) => x.status === status)).find(Boolean);
    if (!r) return undefined;
    const t = await taskrouter.task(sids.workspaceSid, r.taskSid).catch(() => undefined);
    return {
      taskSid: r.taskSid,
      // Only a live call in a conference can be listened to or taken over: not one still ringing or in
      // wrap-up, nor a callback or a previewed campaign call (the agent's leg is bridged straight to the
      // customer).
      status: (r.status === 'accepted' ? 'live' : r.status === 'pending' ? 'ringing' : 'wrapping') as
        | 'live'
        | 'ringing'
        | 'wrapping',
      ...(DIRECT_TASK_TYPES.includes(t?.attributes.type) ? { direct: true } : {}),
      ...(typeof t?.attributes.call_sid === 'string' ? { callSid: t.attributes.call_sid } : {}),
      ...(t && customerNumberOf(t.attributes) ? { from: customerNumberOf(t.attributes) } : {}),
      ...(t?.queue ? { queue: t.queue } : {}),
    };
  }

  async function build() {
    const sids = await center.routing();
    const queueNames = new Map(Object.entries(sids.queues).map(([name, sid]) => [sid, name]));
    const threshold = await serviceLevelThresholds(center);
    const [stats, list, users, missed] = await Promise.all([
      taskrouter.queueStatistics(sids.workspaceSid, {
        startDate: startOfDay(clock.now(), config.timeZone),
        splitByWaitTimeSeconds: Object.keys(sids.queues).map(threshold),
      }),
      taskrouter.workers(sids.workspaceSid),
      store.users.list({ limit: 200 }),
      missedOfferCounts(center),
    ]);
    const people = new Map(users.items.map((u) => [u.id, u]));
    const now = clock.now();
    // Per agent: one GetItem for the heartbeat and one list of their reservations (plus the task shown).
    const agents = await Promise.all(
      list.map(async (w) => {
        const [hb, reservations] = await Promise.all([
          store.keys.get(heartbeatKey(w.name)),
          taskrouter.reservations(sids.workspaceSid, w.sid),
        ]);
        const state = agentState(
          {
            activity: w.activity,
            available: w.available,
            ...(w.since ? { since: w.since } : {}),
            reservations,
          },
          routingConfig.roles,
        );
        const call = state === 'Offline' || state === 'Away' ? undefined : await callOf(sids, reservations);
        const name = people.get(w.name)?.name;
        // On a call or ringing, the activity (still Available) is not what changed: the offer's own status is.
        const offer = state === 'On call' ? 'accepted' : state === 'Ringing' ? 'pending' : undefined;
        const since = (offer && reservations.find((r) => r.status === offer)?.updatedAt) || w.since;
        return {
          agentId: w.name,
          ...(name ? { name } : {}),
          workerSid: w.sid,
          state,
          activity: w.activity,
          ...(since
            ? { since, secondsInState: Math.max(0, Math.round((now - Date.parse(since)) / 1000)) }
            : {}),
          online: hb !== undefined,
          ...(call ? { call } : {}),
          missedToday: missed.byAgent[w.name] ?? 0,
          available: w.available,
        };
      }),
    );
    const queues = stats.map((s) => {
      const queue = queueNames.get(s.queueSid) ?? s.queueSid;
      const seconds = threshold(queue);
      const below = s.below[seconds] ?? { accepted: 0, canceled: 0 };
      return {
        queue,
        waiting: s.waiting,
        longestWaitSeconds: s.longestWaitSeconds,
        // TaskRouter counts a worker in an available activity as available even on a call; the board
        // counts the agents with this queue's skill who could take a call now.
        availableAgents: agents.filter(
          (a) =>
            (a.state === 'Available' || (a.state === 'Missed' && a.available)) &&
            people.get(a.agentId)?.skills.includes(queue),
        ).length,
        answeredToday: s.reservationsAccepted,
        abandonedToday: s.tasksCanceled,
        // Offers that rang out or were declined today; the caller went on, so they are not abandoned.
        missedToday: missed.byQueue[queue] ?? 0,
        serviceLevelSeconds: seconds,
        serviceLevelToday: serviceLevel({
          accepted: s.reservationsAccepted,
          acceptedBelow: below.accepted,
          canceled: s.tasksCanceled,
          canceledBelow: below.canceled,
        }),
      };
    });
    return { at: new Date(now).toISOString(), queues, agents: agents.map(({ available: _, ...a }) => a) };
  }

  return {
    async read() {
      const now = clock.now();
      if (cache && now - cache.at < WALLBOARD_CACHE_MS) return { ...cache.board, cached: true };
      building ??= build().finally(() => {
        building = undefined;
      });
      const board = await building;
      cache = { at: now, board };
      return { ...board, cached: false };
    },
    /** A supervisor changed something the board shows: the next read builds afresh. */
    invalidate() {
      cache = undefined;
    },
  };
}
