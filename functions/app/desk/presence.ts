// Presence that cannot drift: the page's heartbeat is an expiring marker; the sweep (one of the periodic
// jobs) moves every Available worker without a live heartbeat to Offline and rejects its pending
// reservations, so TaskRouter offers the ringing call to the next agent instead of a sleeping tab.
import { HEARTBEAT_TIMEOUT_SECONDS } from '../../domain/agent-state.js';
import type { Clock, MarkerKey, Store } from '../../domain/ports.js';
import { type ProvisionedRouting, ROUTING_SETTING } from '../../domain/routing/provisioned.js';
import type { TaskRouterPort } from '../../domain/taskrouter-port.js';

export const heartbeatKey = (agentId: string): MarkerKey => ({ kind: 'heartbeat', agentId });

export interface Heartbeat {
  readonly expiresAt: string;
  /**
   * No live heartbeat was on record before this one: the page is new, or was silent long enough for the
   * sweep to have moved the agent out of Available.
   */
  readonly lapsed: boolean;
}

/** Records a heartbeat in one conditional write (it never shortens a later one that arrived first). */
export async function recordHeartbeat(store: Store, clock: Clock, agentId: string): Promise<Heartbeat> {
  const expiresAt = new Date(clock.now() + HEARTBEAT_TIMEOUT_SECONDS * 1000).toISOString();
  const value = new Date(clock.now()).toISOString();
  const outcome = await store.keys.renew(heartbeatKey(agentId), value, expiresAt);
  return { expiresAt, lapsed: outcome === 'started' };
}

export async function heartbeatAlive(store: Store, agentId: string): Promise<string | undefined> {
  return (await store.keys.get(heartbeatKey(agentId)))?.expiresAt;
}

export interface SweepResult {
  readonly checked: number;
  readonly movedOffline: readonly string[];
}

/** One sweep: every Available worker without a heartbeat goes Offline, its pending reservations rejected. */
export async function sweepPresence(deps: {
  readonly store: Store;
  readonly taskrouter: TaskRouterPort;
}): Promise<SweepResult> {
  const sids = await deps.store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
  const offline = sids?.activities.Offline;
  if (!sids?.workspaceSid || !offline) return { checked: 0, movedOffline: [] };
  const available = await deps.taskrouter.workers(sids.workspaceSid, { available: true });
  const moved: string[] = [];
  await Promise.all(
    available.map(async (w) => {
      if (await heartbeatAlive(deps.store, w.name)) return;
      await deps.taskrouter.updateWorker(sids.workspaceSid, w.sid, {
        activitySid: offline,
        rejectPendingReservations: true,
      });
      moved.push(w.name);
      await deps.store.audit.append({
        actor: 'system',
        action: 'presence.offline',
        target: w.name,
        detail: { reason: `no heartbeat for ${HEARTBEAT_TIMEOUT_SECONDS} s`, workerSid: w.sid },
      });
    }),
  );
  return { checked: available.length, movedOffline: moved };
}
