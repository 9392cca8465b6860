// The wallboard's rules: an agent's real state from their TaskRouter activity and the reservations they
// hold (TaskRouter keeps an agent on a call in the Available activity: capacity, not activity, says
// busy), the service level from the wait-time split, and each queue's threshold from settings.
import type { ReservationStatus } from './taskrouter-port.js';

export const AGENT_STATES = [
  'Available',
  'Ringing',
  'On call',
  'Wrap-up',
  'Missed',
  'Away',
  'Offline',
] as const;
export type AgentState = (typeof AGENT_STATES)[number];

export interface AgentFacts {
  /** The TaskRouter activity's name. */
  readonly activity: string;
  /** Whether that activity is an available one. */
  readonly available: boolean;
  /** When the activity last changed (ISO). */
  readonly since?: string;
  /** The worker's reservations today, in any status. */
  readonly reservations: readonly { readonly status: ReservationStatus; readonly updatedAt?: string }[];
}

/** The activities with a meaning of their own (flows/routing.ts `roles`). */
export interface ActivityRoles {
  readonly wrapUp: string;
  readonly offline: string;
}

const ENDED: readonly ReservationStatus[] = ['rejected', 'timeout', 'canceled', 'rescinded', 'completed'];
/** Clock skew allowed between a reservation's end and the activity change it caused. */
const SAME_MOMENT_MS = 1000;

export function agentState(f: AgentFacts, roles: ActivityRoles): AgentState {
  const held = (s: ReservationStatus) => f.reservations.some((r) => r.status === s);
  if (held('accepted')) return 'On call';
  if (held('pending')) return 'Ringing';
  if (held('wrapping') || f.activity === roles.wrapUp) return 'Wrap-up';
  if (missedLast(f)) return 'Missed';
  if (f.activity === roles.offline) return 'Offline';
  return f.available ? 'Available' : 'Away';
}

/**
 * The agent let an offer go (it rang out and was rejected, or timed out and TaskRouter moved them to the
 * timeout activity) and nothing has happened to them since: no newer offer, no state change of their own.
 */
function missedLast(f: AgentFacts): boolean {
  let latest: { status: ReservationStatus; at: number } | undefined;
  for (const r of f.reservations) {
    const at = r.updatedAt ? Date.parse(r.updatedAt) : Number.NaN;
    if (!ENDED.includes(r.status) || Number.isNaN(at)) continue;
    if (!latest || at >= latest.at) latest = { status: r.status, at };
  }
  if (latest?.status !== 'timeout' && latest?.status !== 'rejected') return false;
  const since = f.since ? Date.parse(f.since) : Number.NaN;
  return Number.isNaN(since) || since <= latest.at + SAME_MOMENT_MS;
}

export interface SplitFigures {
  /** Reservations accepted today, and of those within the threshold. */
  readonly accepted: number;
  readonly acceptedBelow: number;
  /** Callers who gave up today, and of those within the threshold (short abandons). */
  readonly canceled: number;
  readonly canceledBelow: number;
}

/**
 * Calls answered within the threshold over calls offered, where a caller who hung up before the
 * threshold was never really offered (the usual short-abandon rule); null before any call.
 */
export function serviceLevel(s: SplitFigures): number | null {
  const offered = s.accepted + (s.canceled - s.canceledBelow);
  return offered > 0 ? s.acceptedBelow / offered : null;
}

export const DEFAULT_SERVICE_LEVEL_SECONDS = 20;
/** The setting holding the thresholds: `{ "defaultSeconds": 20, "queues": { "rescue": 10 } }`. */
export const SERVICE_LEVEL_SETTING = 'service-levels';

export interface ServiceLevelSetting {
  readonly defaultSeconds?: number;
  readonly queues?: Readonly<Record<string, number>>;
}

const usable = (n: unknown): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= 3600;

/** The queue's threshold in seconds; a missing or unusable value falls back to the default. */
export function thresholdSeconds(setting: ServiceLevelSetting | undefined, queue: string): number {
  const own = setting?.queues?.[queue];
  if (usable(own)) return own;
  return usable(setting?.defaultSeconds) ? setting.defaultSeconds : DEFAULT_SERVICE_LEVEL_SECONDS;
}
