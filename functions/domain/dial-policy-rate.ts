// Rate windows for outbound calls and texts: per agent and for the whole center, over fixed windows
// whose index is part of the counter's key, so an adapter's expiry semantics cannot stretch a window.
import type { DialLimits } from './dial-policy.js';
import type { MarkerKey } from './ports.js';

export type DialChannel = 'call' | 'sms';

export interface DialRateWindow {
  readonly scope: 'agent' | 'center';
  readonly key: MarkerKey;
  readonly limit: number;
  /** End of the window, ISO 8601; the counter's expiry. */
  readonly expiresAt: string;
  /** Whole seconds until the window ends (at least 1), for Retry-After. */
  readonly retryAfterSeconds: number;
}

/** Stands for the center in the counter keys; no agent id contains '*'. */
const CENTER = '*';

/** The counters one outbound attempt goes through: the agent's first, then the center's. */
export function dialRateWindows(
  limits: DialLimits,
  channel: DialChannel,
  agentId: string,
  nowMs: number,
): readonly [DialRateWindow, DialRateWindow] {
  const windowMs = limits.windowMinutes * 60_000;
  const index = Math.floor(nowMs / windowMs);
  const endMs = (index + 1) * windowMs;
  const window = (scope: 'agent' | 'center', subject: string, limit: number): DialRateWindow => ({
    scope,
    key: { kind: 'dial-rate', scope, channel, subject, window: index },
    limit,
    expiresAt: new Date(endMs).toISOString(),
    retryAfterSeconds: Math.max(1, Math.ceil((endMs - nowMs) / 1000)),
  });
  const field = channel === 'call' ? 'calls' : 'sms';
  return [window('agent', agentId, limits.agent[field]), window('center', CENTER, limits.center[field])];
}

/** What a refused attempt is told: which limit, and when it can try again. */
export function dialRateMessage(w: DialRateWindow, channel: DialChannel, windowMinutes: number): string {
  const what = channel === 'call' ? 'outbound calls' : 'texts';
  const whose = w.scope === 'agent' ? 'per agent' : 'for the whole center';
  return `Too many ${what}: ${w.limit} allowed ${whose} per ${windowMinutes} minutes; try again in ${Math.ceil(w.retryAfterSeconds / 60)} minute(s).`;
}
