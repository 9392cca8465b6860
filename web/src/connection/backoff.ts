// Reconnection delays: exponential from 1 s to 30 s with ±20 % jitter, so a hundred agents whose
// network blipped together do not all knock at the same instant.

export interface BackoffOptions {
  readonly initialMs?: number;
  readonly maxMs?: number;
  /** 0..1, the share of the delay that is random; 0 in tests for exact figures. */
  readonly jitter?: number;
  readonly random?: () => number;
}

export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const initial = options.initialMs ?? 1000;
  const max = options.maxMs ?? 30_000;
  const jitter = options.jitter ?? 0.2;
  const base = Math.min(max, initial * 2 ** Math.max(0, attempt));
  const spread = base * jitter * ((options.random ?? Math.random)() * 2 - 1);
  return Math.max(0, Math.round(base + spread));
}
