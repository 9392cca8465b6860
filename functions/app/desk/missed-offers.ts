// Offers an agent missed: a ring left to time out, a declined call, or a page that went away while it
// rang. Each is recorded once (the agent's and the queue's figures count it), and the agent waits in
// the Missed activity, offered nothing, until they clear it on the desk; the caller has already gone on
// to the next agent. The agent's list of today's misses shows the caller, the time in the center's
// zone and the reason.

import { routing } from '../../../flows/routing.js';
import type { User } from '../../domain/model.js';
import type { MarkerKey } from '../../domain/ports.js';
import { customerNumberOf } from '../../domain/routing/workflow.js';
import { activitySid, type Center, type CenterBasics, workerSidOf } from '../center.js';
import { recordFact } from '../history/call-history.js';

export type MissReason = 'timeout' | 'declined' | 'disconnected';

export const missedOfferKey = (reservationSid: string): MarkerKey => ({
  kind: 'missed-offer',
  reservationSid,
});

const ACTION = 'offer.missed';

/** Reading the record needs only the store, the clock and the center's time zone. */
type Figures = Pick<CenterBasics, 'store' | 'clock' | 'config'>;
const KEEP_MS = 2 * 86_400_000;

export interface MissedOffer {
  readonly agentId: string;
  readonly reservationSid: string;
  readonly taskSid: string;
  readonly reason: MissReason;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly queue?: string;
}

/** Records the miss once per reservation; true when this call recorded it. */
export async function recordMissedOffer(center: Center, miss: MissedOffer): Promise<boolean> {
  const { store, clock } = center;
  const first = await store.keys.putIfAbsent(
    missedOfferKey(miss.reservationSid),
    miss.reason,
    new Date(clock.now() + KEEP_MS).toISOString(),
  );
  if (!first) return false;
  const a = miss.attributes;
  const from = customerNumberOf(a);
  const queue = miss.queue ?? (typeof a.queue === 'string' ? a.queue : undefined);
  await store.audit.append({
    actor: miss.agentId,
    action: ACTION,
    target: typeof a.call_sid === 'string' ? a.call_sid : miss.taskSid,
    detail: {
      reservationSid: miss.reservationSid,
      taskSid: miss.taskSid,
      reason: miss.reason,
      ...(from ? { from } : {}),
      ...(queue ? { queue } : {}),
    },
  });
  await recordFact(center, {
    id: `missed:${miss.reservationSid}`,
    type: 'offer.missed',
    taskSid: miss.taskSid,
    agent: miss.agentId,
    ...(typeof a.call_sid === 'string' ? { callSid: a.call_sid } : {}),
    ...(queue ? { queue } : {}),
    a: { reason: miss.reason },
  });
  await center.publish({ agentId: miss.agentId }, ['me', 'missed']);
  return true;
}

/**
 * TaskRouter's word that an offer ended unanswered. A timeout already moved the worker to Missed (the
 * workspace's timeout activity). A reject the desk did not record comes with a move: to Offline when the
 * page or its link went away (the agent link and the presence sweep do that), and that agent is moved on
 * to Missed; to a state the agent or a supervisor chose (Busy, Break), which is kept and counted as
 * declined. A reject the desk recorded (declined on the desk) is not recorded twice.
 */
export async function onOfferEnded(
  center: Center,
  event: {
    readonly status: 'timeout' | 'rejected';
    readonly agentId: string;
    readonly workerSid: string;
    readonly reservationSid: string;
    readonly taskSid: string;
    readonly attributes: Readonly<Record<string, unknown>>;
    readonly queue?: string;
  },
): Promise<void> {
  // Callbacks and other non-call work do not leave an agent waiting in Missed.
  if (event.attributes.type === 'callback') return;
  if (await center.store.keys.get(missedOfferKey(event.reservationSid))) return;
  const sids = await center.routing();
  let reason: MissReason = 'timeout';
  if (event.status === 'rejected') {
    const worker = await center.taskrouter.worker(sids.workspaceSid, event.workerSid);
    reason = worker?.activity === routing.roles.offline ? 'disconnected' : 'declined';
  }
  const recorded = await recordMissedOffer(center, { ...event, reason });
  const missed = sids.activities[routing.roles.missed];
  if (recorded && reason === 'disconnected' && missed)
    await center.taskrouter.updateWorker(sids.workspaceSid, event.workerSid, { activitySid: missed });
}

/** The agent declines a ringing offer: recorded, then Missed, which also rejects the reservation. */
export async function declineOffer(
  center: Center,
  user: User,
  reservation: { readonly sid: string; readonly taskSid: string },
): Promise<void> {
  const sids = await center.routing(user.id);
  const task = await center.taskrouter.task(sids.workspaceSid, reservation.taskSid).catch(() => undefined);
  await recordMissedOffer(center, {
    agentId: user.id,
    reservationSid: reservation.sid,
    taskSid: reservation.taskSid,
    reason: 'declined',
    attributes: task?.attributes ?? {},
    ...(task?.queue ? { queue: task.queue } : {}),
  });
  await center.taskrouter.updateWorker(sids.workspaceSid, workerSidOf(sids, user.id), {
    activitySid: activitySid(sids, routing.roles.missed),
    rejectPendingReservations: true,
  });
}

/** Midnight in the center's zone, as epoch ms. */
export function centerDayStart(nowMs: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(nowMs))
      .map((p) => [p.type, Number(p.value)]),
  );
  const sinceMidnight = ((parts.hour ?? 0) * 3600 + (parts.minute ?? 0) * 60 + (parts.second ?? 0)) * 1000;
  return nowMs - sinceMidnight - (nowMs % 1000);
}

/** `HH:MM:SS` in the center's zone. */
export function centerClock(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(new Date(ms));
}

/** Today's misses of one agent, newest first. */
export async function missedToday(center: Figures, agentId: string) {
  const { store, clock, config } = center;
  const since = centerDayStart(clock.now(), config.timeZone);
  const items = [];
  let cursor: string | undefined;
  do {
    const page = await store.audit.byActor(agentId, { limit: 200, ...(cursor ? { cursor } : {}) });
    for (const e of page.items) {
      const at = Date.parse(e.at);
      if (at < since) return items;
      if (e.action !== ACTION) continue;
      const d = e.detail ?? {};
      items.push({
        callSid: e.target ?? '',
        taskSid: String(d.taskSid ?? ''),
        from: typeof d.from === 'string' ? d.from : '',
        at: e.at,
        time: centerClock(at, config.timeZone),
        reason: String(d.reason ?? 'timeout') as MissReason,
        ...(typeof d.queue === 'string' ? { queue: d.queue } : {}),
      });
    }
    cursor = page.cursor;
  } while (cursor);
  return items;
}

/** Today's missed offers counted per agent and per queue (the wallboard's figures). */
export async function missedOfferCounts(center: Figures) {
  const { store, clock, config } = center;
  const since = centerDayStart(clock.now(), config.timeZone);
  const days = new Set([
    new Date(since).toISOString().slice(0, 10),
    new Date(clock.now()).toISOString().slice(0, 10),
  ]);
  const byAgent: Record<string, number> = {};
  const byQueue: Record<string, number> = {};
  for (const day of days) {
    let cursor: string | undefined;
    do {
      const page = await store.audit.byDay(day, { limit: 200, ...(cursor ? { cursor } : {}) });
      for (const e of page.items) {
        if (e.action !== ACTION || Date.parse(e.at) < since) continue;
        byAgent[e.actor] = (byAgent[e.actor] ?? 0) + 1;
        const queue = e.detail?.queue;
        if (typeof queue === 'string') byQueue[queue] = (byQueue[queue] ?? 0) + 1;
      }
      cursor = page.cursor;
    } while (cursor);
  }
  return { byAgent, byQueue };
}
