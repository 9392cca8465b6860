// The center's event history: every fact about a call, task, offer, agent state, voicemail, callback,
// SMS, survey answer and ticket, as an immutable event. An event's id is made from the fact itself (the
// call, the task version, the ticket change), never from when it was written, so a retried webhook or job
// writes the same id and the log keeps the first. Reports read rollups built from these events; the raw
// events are also archived as date-partitioned JSON lines for SQL.

/** Bumped when an event's meaning changes; readers can tell old events apart. */
export const EVENT_SCHEMA_VERSION = 1;

export const CENTER_EVENT_TYPES = [
  /** A call reached a hotline's IVR. */
  'call.received',
  /** A call was queued for agents (offered). */
  'call.queued',
  /** An agent took a queued call; `n.waitSeconds` is the caller's wait. */
  'call.answered',
  /** The caller hung up in the queue; `n.waitSeconds`. */
  'call.abandoned',
  /** An offer rang an agent unanswered or was declined. */
  'offer.missed',
  /** The customer was put on hold, or taken off it (what the handle time's hold part is made of). */
  'call.held',
  'call.resumed',
  /** The call with the agent ended and wrap-up began. */
  'call.wrapping',
  /** An agent finished a call and its wrap-up: `n.talkSeconds`, `n.holdSeconds`, `n.wrapSeconds`. */
  'call.handled',
  /** An agent handed a call on (to an agent, a queue or a number). */
  'call.transferred',
  /** Time an agent spent in one state within one interval: `a.state`, `n.seconds`. */
  'agent.state',
  'voicemail.left',
  /** `n.handleSeconds`: from the message to its handling. */
  'voicemail.handled',
  'callback.requested',
  'callback.completed',
  'survey.offered',
  /** `n.score` 1-10 (CSAT), `a.question`, `a.answer`. */
  'survey.answered',
  'ticket.opened',
  /** `a.withinSla` 'yes' | 'no'. */
  'ticket.solved',
  'ticket.escalated',
  'sms.received',
  'sms.sent',
  /** An outbound campaign attempt; `a.outcome` 'contact' | 'no-contact', `a.converted` 'yes'. */
  'outbound.attempted',
  /** A contact's disposition counted as a success, after the attempt's own event (`a.campaign`, `a.code`). */
  'outbound.converted',
] as const;

export type CenterEventType = (typeof CENTER_EVENT_TYPES)[number];

/** The dimensions an event can carry, each a rollup of its own. */
export const DIMENSIONS = ['center', 'hotline', 'queue', 'agent', 'region', 'language', 'tier'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface CenterEvent {
  readonly id: string;
  readonly v: number;
  /** ISO UTC: when the fact happened (not when it was written). */
  readonly at: string;
  readonly type: CenterEventType;
  readonly callSid?: string;
  readonly taskSid?: string;
  readonly customerId?: string;
  /** The caller's or customer's number, E.164. */
  readonly from?: string;
  readonly ticket?: string;
  readonly hotline?: string;
  readonly queue?: string;
  readonly agent?: string;
  readonly region?: string;
  readonly language?: string;
  readonly tier?: string;
  /** Measures: seconds, scores, flags as 0/1. */
  readonly n?: Readonly<Record<string, number>>;
  /** Other facts, as text. */
  readonly a?: Readonly<Record<string, string>>;
}

export type NewCenterEvent = Omit<CenterEvent, 'v'>;

/** The events rollups are kept for: 15 minutes. */
export const INTERVAL_MS = 15 * 60_000;

/** The start (ISO UTC) of the 15-minute interval an instant falls in. */
export function intervalOf(at: string | number): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return new Date(Math.floor(ms / INTERVAL_MS) * INTERVAL_MS).toISOString();
}

const ID_PATTERN = /^[\w.:#@+\-/]{1,200}$/;

/** A well-formed event, or a message saying what is wrong with it. */
export function checkEvent(event: NewCenterEvent): string | undefined {
  if (!ID_PATTERN.test(event.id)) return `event id '${event.id}': 1-200 letters, digits or . : # @ + - / _`;
  if (!(CENTER_EVENT_TYPES as readonly string[]).includes(event.type))
    return `event type '${event.type}' is not one of ${CENTER_EVENT_TYPES.join(', ')}`;
  if (Number.isNaN(Date.parse(event.at))) return `event time '${event.at}' is not an ISO date`;
  for (const [k, v] of Object.entries(event.n ?? {}))
    if (!Number.isFinite(v)) return `event measure '${k}' is not a finite number`;
  return undefined;
}

/** The event as stored: versioned, its time normalised to UTC milliseconds. */
export function versioned(event: NewCenterEvent): CenterEvent {
  return { ...event, v: EVENT_SCHEMA_VERSION, at: new Date(event.at).toISOString() };
}
