// The wallboard: today's figures per queue from TaskRouter's statistics and every agent's state, built
// once and shared by every console for a couple of seconds.
import { ON_CALL } from '../../domain/agent-state.js';
import type { ProvisionedRouting } from '../../domain/routing/provisioned.js';
import { customerNumberOf } from '../../domain/routing/workflow.js';
import type { Center } from '../center.js';
import { heartbeatKey } from '../desk/presence.js';

export const SERVICE_LEVEL_SECONDS = 20;
const WALLBOARD_CACHE_MS = 2000;

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

  async function currentOf(sids: ProvisionedRouting, workerSid: string) {
    const [r] = await taskrouter.reservations(sids.workspaceSid, workerSid, 'accepted');
    if (!r) return undefined;
    const t = await taskrouter.task(sids.workspaceSid, r.taskSid).catch(() => undefined);
    return {
      taskSid: r.taskSid,
      ...(typeof t?.attributes.call_sid === 'string' ? { callSid: t.attributes.call_sid } : {}),
      ...(t && customerNumberOf(t.attributes) ? { from: customerNumberOf(t.attributes) } : {}),
      ...(t?.queue ? { queue: t.queue } : {}),
    };
  }

  async function build() {
    const sids = await center.routing();
    const [stats, list, users] = await Promise.all([
      taskrouter.queueStatistics(sids.workspaceSid, {
        startDate: startOfDay(clock.now(), config.timeZone),
        splitByWaitTimeSeconds: SERVICE_LEVEL_SECONDS,
      }),
      taskrouter.workers(sids.workspaceSid),
      store.users.list({ limit: 200 }),
    ]);
    const names = new Map(users.items.map((u) => [u.id, u.name]));
    const queueNames = new Map(Object.entries(sids.queues).map(([name, sid]) => [sid, name]));
    const queues = stats.map((s) => {
      const answered = s.reservationsAccepted;
      const abandoned = s.tasksCanceled;
      const offered = answered + abandoned;
      return {
        queue: queueNames.get(s.queueSid) ?? s.queueSid,
        waiting: s.waiting,
        longestWaitSeconds: s.longestWaitSeconds,
        availableAgents: s.availableWorkers,
        answeredToday: answered,
        abandonedToday: abandoned,
        serviceLevelToday: offered ? s.acceptedWithinThreshold / offered : null,
      };
    });
    const now = clock.now();
    // One GetItem per agent for the heartbeat; busy agents' calls come from their reservations.
    const agents = await Promise.all(
      list.map(async (w) => {
        const [hb, call] = await Promise.all([
          store.keys.get(heartbeatKey(w.name)),
          // TaskRouter keeps an agent on a call Available (capacity, not activity, says busy): look there too.
          w.activity === 'Offline' || w.activity === 'Break' ? undefined : currentOf(sids, w.sid),
        ]);
        const name = names.get(w.name);
        return {
          agentId: w.name,
          ...(name ? { name } : {}),
          workerSid: w.sid,
          state: call ? ON_CALL : w.activity,
          activity: w.activity,
          ...(w.since
            ? { since: w.since, secondsInState: Math.max(0, Math.round((now - Date.parse(w.since)) / 1000)) }
            : {}),
          online: hb !== undefined,
          ...(call ? { call } : {}),
        };
      }),
    );
    return { at: new Date(now).toISOString(), serviceLevelSeconds: SERVICE_LEVEL_SECONDS, queues, agents };
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
