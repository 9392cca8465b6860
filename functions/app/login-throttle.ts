// Applies the login throttling rules to the store's counters: refuses while a window is exhausted,
// counts a failure in every window, clears the id's count after a success.
import { type ThrottleWindow, throttleWindow } from '../domain/auth-throttle.js';
import type { Store } from '../domain/ports.js';
import { TooManyRequestsError } from '../domain/problems.js';

export interface LoginAttempt {
  readonly windows: readonly ThrottleWindow[];
}

export function loginAttempt(id: string, ip: string | undefined, nowMs: number): LoginAttempt {
  const windows = [throttleWindow('id', id, nowMs)];
  if (ip) windows.push(throttleWindow('ip', ip, nowMs));
  return { windows };
}

export async function refuseIfThrottled(store: Store, attempt: LoginAttempt): Promise<void> {
  const counts = await Promise.all(attempt.windows.map((w) => store.keys.get(w.key)));
  const exhausted = attempt.windows.filter((w, i) => Number(counts[i]?.value ?? 0) >= w.limit);
  if (exhausted.length === 0) return;
  const retryAfter = Math.max(...exhausted.map((w) => w.retryAfterSeconds));
  throw new TooManyRequestsError(
    `Too many failed logins; try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
    retryAfter,
  );
}

export async function recordFailure(store: Store, attempt: LoginAttempt): Promise<void> {
  await Promise.all(attempt.windows.map((w) => store.keys.increment(w.key, 1, w.expiresAt)));
}

export async function clearIdFailures(store: Store, attempt: LoginAttempt): Promise<void> {
  const idWindow = attempt.windows[0];
  if (idWindow) await store.keys.delete(idWindow.key);
}
