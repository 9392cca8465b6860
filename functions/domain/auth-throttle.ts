// Login throttling rules: failed attempts counted per login id and per client address in fixed
// windows; the keys embed the window so an adapter's expiry semantics cannot stretch a window.
import type { MarkerKey } from './ports.js';

export const THROTTLE_WINDOW_SECONDS = 15 * 60;

export const THROTTLE_LIMITS = {
  /** Failures per login id per window before further attempts are refused. */
  id: 5,
  /** Failures per client address per window (an office NAT hides many agents, so higher). */
  ip: 30,
} as const;

export type ThrottleScope = keyof typeof THROTTLE_LIMITS;

export interface ThrottleWindow {
  readonly key: MarkerKey;
  readonly limit: number;
  /** End of the window, ISO 8601; the counter's expiry. */
  readonly expiresAt: string;
  /** Whole seconds from `nowMs` to the window's end (at least 1), for Retry-After. */
  readonly retryAfterSeconds: number;
}

export function throttleWindow(scope: ThrottleScope, subject: string, nowMs: number): ThrottleWindow {
  const windowMs = THROTTLE_WINDOW_SECONDS * 1000;
  const index = Math.floor(nowMs / windowMs);
  const endMs = (index + 1) * windowMs;
  return {
    key: { kind: 'login-fail', scope, subject: subject.toLowerCase(), window: index },
    limit: THROTTLE_LIMITS[scope],
    expiresAt: new Date(endMs).toISOString(),
    retryAfterSeconds: Math.max(1, Math.ceil((endMs - nowMs) / 1000)),
  };
}
