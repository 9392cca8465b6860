// Login throttling rules. Failures are counted per account at one address, per address across accounts,
// and per account across every address; only the first two refuse outright, so an attacker who fails
// from their own address cannot lock the real user out of an account. Past the account-wide ceiling the
// account is slowed to one password check per short slot. Windows are fixed and embedded in the keys,
// so an adapter's expiry semantics cannot stretch a window.
import type { MarkerKey } from './ports.js';

export const THROTTLE_WINDOW_SECONDS = 15 * 60;
/** Once an account is past its ceiling, one password check per slot of this length. */
export const SLOW_SLOT_SECONDS = 15;

export const THROTTLE_LIMITS = {
  /** Failures of one account from one address per window; further tries from there are refused. */
  accountAtAddress: 5,
  /** Failures from one address across accounts per window (an office NAT hides many agents, so higher). */
  address: 30,
  /** Failures of one account from every address per window; past it the account is slowed, not locked. */
  account: 50,
  /** Password checks per slow slot once the account is past its ceiling. */
  slowSlot: 1,
} as const;

export type ThrottleScope = keyof typeof THROTTLE_LIMITS;

export interface ThrottleWindow {
  readonly scope: ThrottleScope;
  readonly key: MarkerKey;
  readonly limit: number;
  /** End of the window, ISO 8601; the counter's expiry. */
  readonly expiresAt: string;
  /** Whole seconds from `nowMs` to the window's end (at least 1), for Retry-After. */
  readonly retryAfterSeconds: number;
}

/** The counters one login attempt goes through, in the order they are consulted. */
export interface ThrottlePlan {
  /** Both refuse only the failing address: counted together, first. */
  readonly atAddress: readonly [ThrottleWindow, ThrottleWindow];
  /** Counted only when the address is allowed, so refused tries never add to it. */
  readonly account: ThrottleWindow;
  /** Consulted only past the account's ceiling. */
  readonly slowSlot: ThrottleWindow;
}

/** Stands for every request whose address is unknown (tests calling the app directly). */
export const UNKNOWN_ADDRESS = 'unknown';

export function throttlePlan(accountId: string, address: string | undefined, nowMs: number): ThrottlePlan {
  const id = accountId.toLowerCase();
  const from = address ? addressSubject(address) : UNKNOWN_ADDRESS;
  return {
    // An address never contains '/', so the pair cannot be confused with another pair.
    atAddress: [
      throttleWindow('accountAtAddress', `${from}/${id}`, nowMs),
      throttleWindow('address', from, nowMs),
    ],
    account: throttleWindow('account', id, nowMs),
    slowSlot: throttleWindow('slowSlot', id, nowMs),
  };
}

export function throttleWindow(scope: ThrottleScope, subject: string, nowMs: number): ThrottleWindow {
  const windowMs = (scope === 'slowSlot' ? SLOW_SLOT_SECONDS : THROTTLE_WINDOW_SECONDS) * 1000;
  const index = Math.floor(nowMs / windowMs);
  const endMs = (index + 1) * windowMs;
  return {
    scope,
    key: { kind: 'login-fail', scope, subject: subject.toLowerCase(), window: index },
    limit: THROTTLE_LIMITS[scope],
    expiresAt: new Date(endMs).toISOString(),
    retryAfterSeconds: Math.max(1, Math.ceil((endMs - nowMs) / 1000)),
  };
}

/**
 * What an address is counted under: an IPv4 address itself, an IPv6 address by its /64 prefix, since
 * one subscriber commonly holds a whole /64 and could otherwise take a fresh address for every try.
 */
export function addressSubject(address: string): string {
  if (!address.includes(':')) return address;
  const groups = expandIpv6(address);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : address.toLowerCase();
}

/** The eight groups of an IPv6 address without leading zeros, or undefined when it is not one. */
function expandIpv6(address: string): string[] | undefined {
  const [head = '', tail, extra] = address.toLowerCase().split('::');
  if (extra !== undefined) return undefined;
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return undefined;
  return groups.map((g) => g.replace(/^0+(?=.)/, ''));
}
