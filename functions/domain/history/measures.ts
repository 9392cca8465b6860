// What each event adds to the figures of its interval. Every measure is a sum, except the longest wait,
// which is a maximum, so rollups of intervals merge into hours, days and months by adding them up, and
// the rollup of an interval can always be rebuilt from its events in any order.
import type { CenterEvent, Dimension } from './event.js';

/** Service-level thresholds (seconds) whose answered counts every rollup keeps. */
export const ANSWER_THRESHOLDS = [10, 15, 20, 30, 45, 60, 90, 120, 180, 300] as const;
/** Short-abandon thresholds (seconds) whose abandoned counts every rollup keeps. */
export const ABANDON_THRESHOLDS = [3, 5, 10, 15, 20, 30, 60] as const;

/** Agent states whose time is kept: TaskRouter's activities mapped onto four. */
export const AGENT_STATES = ['available', 'busy', 'wrap', 'away'] as const;
export type AgentStateBucket = (typeof AGENT_STATES)[number];

export type Measures = Readonly<Record<string, number>>;

/** The measure holding the time spent in a state: `stateBusySeconds` etc. (apart from calls' wrap-up). */
export const stateMeasure = (state: AgentStateBucket) =>
  `state${state[0]?.toUpperCase()}${state.slice(1)}Seconds`;

/** The measures that are maxima; all others add. */
const MAXIMA: ReadonlySet<string> = new Set(['waitMaxSeconds']);

export function mergeMeasures(a: Measures, b: Measures): Measures {
  const out: Record<string, number> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const was = out[k];
    out[k] = was === undefined ? v : MAXIMA.has(k) ? Math.max(was, v) : was + v;
  }
  return out;
}

export function sumMeasures(all: Iterable<Measures>): Measures {
  let out: Measures = {};
  for (const m of all) out = mergeMeasures(out, m);
  return out;
}

const n = (e: CenterEvent, key: string) => {
  const v = e.n?.[key];
  return v !== undefined && Number.isFinite(v) ? Math.max(0, v) : 0;
};

function within(prefix: string, thresholds: readonly number[], seconds: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of thresholds) if (seconds <= t) out[`${prefix}${t}`] = 1;
  return out;
}

/** What one event adds to the figures of every dimension it carries. */
export function measuresOf(e: CenterEvent): Measures {
  switch (e.type) {
    case 'call.received':
      return {
        received: 1,
        ...(n(e, 'repeat24h') > 0 ? { repeat24h: 1 } : {}),
        ...(n(e, 'repeat7d') > 0 ? { repeat7d: 1 } : {}),
      };
    case 'call.queued':
      return { offered: 1 };
    case 'call.answered': {
      const wait = n(e, 'waitSeconds');
      return {
        answered: 1,
        waitAnsweredSeconds: wait,
        waitMaxSeconds: wait,
        ...within('answeredWithin', ANSWER_THRESHOLDS, wait),
      };
    }
    case 'call.abandoned': {
      const wait = n(e, 'waitSeconds');
      return {
        abandoned: 1,
        waitAbandonedSeconds: wait,
        waitMaxSeconds: wait,
        ...within('abandonedWithin', ABANDON_THRESHOLDS, wait),
      };
    }
    case 'offer.missed':
      return { missedOffers: 1 };
    case 'call.handled':
      return {
        handled: 1,
        talkSeconds: n(e, 'talkSeconds'),
        holdSeconds: n(e, 'holdSeconds'),
        wrapSeconds: n(e, 'wrapSeconds'),
      };
    case 'call.held':
    case 'call.resumed':
    case 'call.wrapping':
      // Moments, not figures: the handled call's times are worked out from them.
      return {};
    case 'call.transferred':
      return { transfers: 1 };
    case 'agent.state': {
      const state = e.a?.state;
      const seconds = n(e, 'seconds');
      if (!state || !(AGENT_STATES as readonly string[]).includes(state)) return {};
      return { [stateMeasure(state as AgentStateBucket)]: seconds, loggedInSeconds: seconds };
    }
    case 'voicemail.left':
      return { voicemails: 1 };
    case 'voicemail.handled':
      return { voicemailsHandled: 1, voicemailHandleSeconds: n(e, 'handleSeconds') };
    case 'callback.requested':
      return { callbacksRequested: 1 };
    case 'callback.completed':
      return { callbacksCompleted: 1 };
    case 'survey.offered':
      return { surveysOffered: 1 };
    case 'survey.answered': {
      const score = e.n?.score;
      if (score === undefined || !Number.isFinite(score)) return { surveysAnswered: 1 };
      return {
        surveysAnswered: 1,
        csatCount: 1,
        csatSum: score,
        ...(score >= 8 ? { csatSatisfied: 1 } : {}),
      };
    }
    case 'ticket.opened':
      return { ticketsOpened: 1 };
    case 'ticket.solved':
      return { ticketsSolved: 1, ...(e.a?.withinSla === 'yes' ? { ticketsSolvedInSla: 1 } : {}) };
    case 'ticket.escalated':
      return { ticketsEscalated: 1 };
    case 'sms.received':
      return { smsReceived: 1 };
    case 'sms.sent':
      return { smsSent: 1 };
    case 'outbound.attempted':
      return {
        outboundAttempts: 1,
        ...(e.a?.outcome === 'contact' ? { outboundContacts: 1 } : {}),
        ...(e.a?.converted === 'yes' ? { conversions: 1 } : {}),
      };
    case 'outbound.converted':
      return { conversions: 1 };
  }
}

/** The value an event counts under in a dimension ('*' for the whole center), or none. */
export function dimensionValue(e: CenterEvent, dimension: Dimension): string | undefined {
  if (dimension === 'center') return '*';
  const v = e[dimension];
  return v === undefined || v === '' ? undefined : v;
}

/**
 * One interval's figures per dimension value, from its events. Duplicates (same id) count once, so a
 * rebuild from a log that somehow holds one twice still gives the right figures.
 */
export function rollUpEvents(events: readonly CenterEvent[], dimension: Dimension): Record<string, Measures> {
  const seen = new Set<string>();
  const out: Record<string, Measures> = {};
  for (const e of events) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    const value = dimensionValue(e, dimension);
    if (value === undefined) continue;
    const m = measuresOf(e);
    if (Object.keys(m).length === 0) continue;
    out[value] = mergeMeasures(out[value] ?? {}, m);
  }
  return out;
}
