// What an agent may ask for in which situation. The server decides; the page only asks. Pure rules,
// fed with what TaskRouter says about the worker (activity, live call, wrap-up).
import type { MarkerKey } from './ports.js';

export type RequestedState = 'Available' | 'Busy' | 'Break' | 'Offline';

export interface WorkerSituation {
  readonly activity: string;
  /** An accepted reservation whose call is still up. */
  readonly onCall: boolean;
}

export type StateDecision =
  | { readonly ok: true; readonly activity: string; readonly endWrapUp: boolean }
  | { readonly ok: false; readonly reason: 'on-a-call'; readonly message: string };

export function decideState(now: WorkerSituation, requested: RequestedState): StateDecision {
  if (now.onCall && (requested === 'Available' || requested === 'Offline')) {
    return {
      ok: false,
      reason: 'on-a-call',
      message: `You are on a call: finish it before going ${requested}.`,
    };
  }
  return {
    ok: true,
    activity: requested,
    endWrapUp: now.activity === 'Wrap-up' && requested === 'Available',
  };
}

/**
 * Heartbeats: the page sends one every INTERVAL; the sweeper acts after TIMEOUT without one. A minute, so
 * a reload, a second tab taking over or a short network drop does not take the agent Offline.
 */
export const HEARTBEAT_INTERVAL_SECONDS = 10;
export const HEARTBEAT_TIMEOUT_SECONDS = 60;
/** How often the sweeper runs; a dead page leaves Available within TIMEOUT + SWEEP at worst... */
export const SWEEP_EVERY_SECONDS = 5;

/**
 * Set (in the keys table) when the assignment callback answered a reservation with the `conference`
 * instruction: the agent's client already rings, and answering it accepts the reservation.
 */
/** The call an agent is on without a task of their own (click-to-dial, or dialled in by a colleague). */
export const agentCallKey = (agentId: string): MarkerKey => ({ kind: 'agent-call', agentId });

/** The conference of an agent's click-to-dial call; `outboundCaller` reads the agent back from it. */
export const outboundConferenceName = (agentId: string, nowMs: number) => `out-${agentId}-${nowMs}`;
export function outboundCaller(conferenceName: string): string | undefined {
  return /^out-(.+)-\d+$/.exec(conferenceName)?.[1];
}

export const conferenceOfferKey = (reservationSid: string): MarkerKey => ({
  kind: 'conference-offer',
  reservationSid,
});

/** The state shown while the agent's call is live (derived; TaskRouter's activity is kept apart). */
export const ON_CALL = 'On call';
