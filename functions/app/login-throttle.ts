// Applies the login throttling rules to the store's atomic counters. An attempt is counted before the
// password is checked and admitted only on the count the store returns, so parallel tries cannot all slip
// through a read-then-write gap. Counters hold failures plus attempts in flight: a refused or successful
// attempt takes its count back, so only checked, wrong passwords use up an allowance.
import {
  SLOW_SLOT_SECONDS,
  THROTTLE_LIMITS,
  type ThrottlePlan,
  type ThrottleScope,
  type ThrottleWindow,
  throttlePlan,
} from '../domain/auth-throttle.js';
import type { Store } from '../domain/ports.js';
import { TooManyRequestsError } from '../domain/problems.js';

/** An attempt admitted to a password check, with the counters it was counted in. */
export interface AdmittedAttempt {
  readonly plan: ThrottlePlan;
  readonly counted: readonly ThrottleWindow[];
}

/**
 * Counts the attempt and admits it to a password check, or throws TooManyRequestsError. A wrong password
 * then needs nothing more: the attempt stays counted as a failure wherever it was counted.
 */
export async function admitAttempt(
  store: Store,
  accountId: string,
  address: string | undefined,
  nowMs: number,
): Promise<AdmittedAttempt> {
  const plan = throttlePlan(accountId, address, nowMs);
  const counted: ThrottleWindow[] = [...plan.atAddress];
  const counts = await Promise.all(plan.atAddress.map((w) => count(store, w, 1)));
  const overAtAddress = plan.atAddress.filter((w, i) => (counts[i] ?? 0) > w.limit);
  if (overAtAddress.length > 0) await refuse(store, counted, overAtAddress);
  counted.push(plan.account);
  if ((await count(store, plan.account, 1)) > plan.account.limit) {
    counted.push(plan.slowSlot);
    if ((await count(store, plan.slowSlot, 1)) > plan.slowSlot.limit)
      await refuse(store, counted, [plan.slowSlot]);
  }
  return { plan, counted };
}

/**
 * The right password: forget this account's failures at this address (a typo or two should not linger),
 * and take back the attempt from the other counters, so that many agents signing in behind one office
 * address never add up; the account-wide failures stay, or a distributed guesser would get a fresh
 * allowance each time the real user signs in.
 */
export async function recordSuccess(store: Store, attempt: AdmittedAttempt): Promise<void> {
  const [accountAtAddress] = attempt.plan.atAddress;
  await Promise.all(
    attempt.counted.map((w) => (w === accountAtAddress ? store.keys.delete(w.key) : count(store, w, -1))),
  );
}

function count(store: Store, w: ThrottleWindow, by: number): Promise<number> {
  return store.keys.increment(w.key, by, w.expiresAt);
}

async function refuse(
  store: Store,
  counted: readonly ThrottleWindow[],
  over: readonly ThrottleWindow[],
): Promise<never> {
  // Nothing was checked, so the attempt gives back what it took: a refused flood from one address must
  // not use up the allowance of the account elsewhere, nor of the other agents behind that address.
  await Promise.all(counted.map((w) => count(store, w, -1)));
  const retryAfter = Math.max(...over.map((w) => w.retryAfterSeconds));
  throw new TooManyRequestsError(refusalMessage(over[0]?.scope ?? 'address', retryAfter), retryAfter);
}

function refusalMessage(scope: ThrottleScope, retryAfter: number): string {
  const minutes = `${Math.ceil(retryAfter / 60)} minute(s)`;
  switch (scope) {
    case 'accountAtAddress':
      return `Too many failed logins for this id from your address (${THROTTLE_LIMITS.accountAtAddress} allowed per 15 minutes); try again in ${minutes}.`;
    case 'address':
      return `Too many failed logins from your address (${THROTTLE_LIMITS.address} allowed per 15 minutes, across ids); try again in ${minutes}.`;
    case 'account':
    case 'slowSlot':
      return `This id has had many failed logins from many addresses, so its password is checked at most once every ${SLOW_SLOT_SECONDS} seconds; try again in ${retryAfter} second(s).`;
  }
}
