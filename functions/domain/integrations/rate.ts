// The per-key rate window of outside calls: one counter per key and minute, its index part of the counter's
// key, so an adapter's expiry semantics cannot stretch a window (the dialling limits work the same way).
import type { MarkerKey } from '../ports.js';

export interface KeyRateWindow {
  readonly key: MarkerKey;
  readonly limit: number;
  readonly expiresAt: string;
  /** Whole seconds until the window ends (at least 1), for Retry-After. */
  readonly retryAfterSeconds: number;
}

const WINDOW_MS = 60_000;

export function keyRateWindow(keyId: string, limit: number, nowMs: number): KeyRateWindow {
  const index = Math.floor(nowMs / WINDOW_MS);
  const endMs = (index + 1) * WINDOW_MS;
  return {
    key: { kind: 'api-key-rate', keyId, window: index },
    limit,
    expiresAt: new Date(endMs).toISOString(),
    retryAfterSeconds: Math.max(1, Math.ceil((endMs - nowMs) / 1000)),
  };
}
