// The TaskRouter event types the center acts on: an offer that ended unanswered or refused becomes a
// missed offer; a task queued, answered or abandoned and an agent's change of activity become history
// (functions/domain/history/taskrouter.ts). Provisioning subscribes the workspace to exactly these (its
// EventsFilter) and the event route handles exactly these, so a busy workspace does not post every other
// event only to be ignored.
import { HISTORY_TASKROUTER_EVENTS } from './history/taskrouter.js';

export const MISSED_OFFER_EVENTS = ['reservation.rejected', 'reservation.timeout'] as const;
export const CONSUMED_TASKROUTER_EVENTS = [...MISSED_OFFER_EVENTS, ...HISTORY_TASKROUTER_EVENTS] as const;

export type ConsumedTaskRouterEvent = (typeof CONSUMED_TASKROUTER_EVENTS)[number];

const CONSUMED: ReadonlySet<string> = new Set(CONSUMED_TASKROUTER_EVENTS);

export function isConsumedTaskRouterEvent(type: string | undefined): type is ConsumedTaskRouterEvent {
  return type !== undefined && CONSUMED.has(type);
}

/** The workspace's `EventsFilter`: a comma-separated list of event types. */
export const TASKROUTER_EVENTS_FILTER = CONSUMED_TASKROUTER_EVENTS.join(',');

/** Whether a workspace's stored filter names exactly the consumed events (Twilio may reorder or space it). */
export function isConsumedEventsFilter(filter: string | null | undefined): boolean {
  const named = new Set(
    (filter ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  return named.size === CONSUMED.size && [...CONSUMED].every((t) => named.has(t));
}
