// Presence that cannot drift: the page's heartbeat is an expiring key; the sweep (one of the periodic jobs,
// functions/workers/periodic-jobs.ts: locally every 5 s, in AWS every 15 s) moves every
// Available worker without a live heartbeat to Offline and rejects its pending reservations, so TaskRouter
// offers the ringing call to the next agent instead of letting it ring a sleeping tab.
import type { TwilioClient } from '../../adapters/twilio/client.js';
import { HEARTBEAT_TIMEOUT_SECONDS } from '../../domain/agent-state.js';
import type { Clock, MarkerKey, Store } from '../../domain/ports.js';
import { activitySid, ROUTING_SETTING_NAME, type RoutingSids } from './routing-sids.js';

export const heartbeatKey = (agentId: string): MarkerKey => ({ kind: 'heartbeat', agentId });

/** Records a heartbeat; returns when it expires. Two writes: the KV port has no plain put. */
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
  readonly twilio: TwilioClient;
}): Promise<SweepResult> {
  const sids = await deps.store.settings.get<RoutingSids>(ROUTING_SETTING_NAME);
  if (!sids?.workspaceSid || !sids.activities.Offline) return { checked: 0, movedOffline: [] };
  const ws = deps.twilio.taskrouter.v1.workspaces(sids.workspaceSid);
  const available = await ws.workers.list({ available: 'true', limit: 1000 });
  const moved: string[] = [];
  await Promise.all(
    available.map(async (w) => {
      if (await heartbeatAlive(deps.store, w.friendlyName)) return;
      await ws
        .workers(w.sid)
        .update({ activitySid: activitySid(sids, 'Offline'), rejectPendingReservations: true });
      moved.push(w.friendlyName);
      await deps.store.audit.append({
        actor: 'system',
        action: 'presence.offline',
        target: w.friendlyName,
        detail: { reason: `no heartbeat for ${HEARTBEAT_TIMEOUT_SECONDS} s`, workerSid: w.sid },
      });
    }),
  );
  return { checked: available.length, movedOffline: moved };
}
