// Presence that cannot drift: the page's heartbeat is an expiring marker; the sweep (one of the periodic
// jobs) moves every Available worker without a live heartbeat to Offline and rejects its pending
// reservations, so TaskRouter offers the ringing call to the next agent instead of a sleeping tab.
import { HEARTBEAT_TIMEOUT_SECONDS } from '../../domain/agent-state.js';
import type { Clock, MarkerKey, Store } from '../../domain/ports.js';
import { type ProvisionedRouting, ROUTING_SETTING } from '../../domain/routing/provisioned.js';
import type { TaskRouterPort } from '../../domain/taskrouter-port.js';

export const heartbeatKey = (agentId: string): MarkerKey => ({ kind: 'heartbeat', agentId });

/** Records a heartbeat; returns when it expires. Two writes: the marker port has no plain put. */
export async function recordHeartbeat(store: Store, clock: Clock, agentId: string): Promise<string> {
  const expiresAt = new Date(clock.now() + HEARTBEAT_TIMEOUT_SECONDS * 1000).toISOString();
  const value = new Date(clock.now()).toISOString();
  if (!(await store.keys.putIfAbsent(heartbeatKey(agentId), value, expiresAt))) {
    await store.keys.delete(heartbeatKey(agentId));
    await store.keys.putIfAbsent(heartbeatKey(agentId), value, expiresAt);
  }
  return expiresAt;
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
