// Reading and replacing the dialling policy (admins, audited), and the recent refused outbound attempts
// for supervisors, with the people whose refusals came in a burst flagged.
import { DIAL_POLICY_SETTING, type DialPolicy, policyProblems } from '../domain/dial-policy.js';
import { BURST_THRESHOLD, BURST_WINDOW_MS, refusalBursts } from '../domain/dial-policy-bursts.js';
import { BUILT_IN_BLOCKED_PREFIXES, DEFAULT_DIAL_POLICY } from '../domain/dial-policy-data.js';
import type { User } from '../domain/model.js';
import { ValidationError } from '../domain/problems.js';
import type { CenterBasics } from './center.js';
import { DIAL_REFUSED_ACTION, type GuardDeps, ownNumbers } from './dial-guard.js';

export interface DialPolicyView {
  readonly policy: DialPolicy;
  /** False while the code's defaults apply. */
  readonly stored: boolean;
  readonly defaults: DialPolicy;
  readonly builtInBlockedPrefixes: readonly string[];
  /** Every caller id the center may show: hotlines, SMS sender and the policy's own. */
  readonly callerIds: readonly string[];
}

export async function readDialPolicy(deps: Pick<GuardDeps, 'store' | 'config'>): Promise<DialPolicyView> {
  const stored = await deps.store.settings.get<DialPolicy>(DIAL_POLICY_SETTING);
  const policy = stored ?? DEFAULT_DIAL_POLICY;
  return {
    policy,
    stored: stored !== undefined,
    defaults: DEFAULT_DIAL_POLICY,
    builtInBlockedPrefixes: BUILT_IN_BLOCKED_PREFIXES,
    callerIds: ownNumbers(deps.config, policy),
  };
}

/** Replaces the whole policy; a country or number that does not exist is a 400 naming the field. */
export async function replaceDialPolicy(
  deps: Pick<GuardDeps, 'store' | 'config'>,
  user: User,
  policy: DialPolicy,
): Promise<DialPolicyView> {
  const problems = policyProblems(policy);
  if (problems.length > 0) throw new ValidationError(problems);
  const before = await deps.store.settings.get<DialPolicy>(DIAL_POLICY_SETTING);
  await deps.store.settings.put(DIAL_POLICY_SETTING, policy);
  // The whole before and after: who widened which list, and when, is the question after a fraud night.
  await deps.store.audit.append({
    actor: user.id,
    action: 'dial-policy.replace',
    target: DIAL_POLICY_SETTING,
    detail: { before: before ?? 'defaults', after: policy },
  });
  return readDialPolicy(deps);
}

export interface DialRefusalItem {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly number: string;
  readonly purpose: string;
  readonly reason: string;
  readonly message: string;
}

export interface DialRefusals {
  readonly items: readonly DialRefusalItem[];
  /** Actors with at least `burstThreshold` refusals in the last `burstWindowMinutes`, and how many. */
  readonly bursts: Readonly<Record<string, number>>;
  readonly burstThreshold: number;
  readonly burstWindowMinutes: number;
}

/** Audit pages read per day: a day with more audit entries than this shows its newest refusals only. */
const PAGES_PER_DAY = 10;

/** Refused attempts of today and yesterday (UTC), newest first, at most `limit`. */
export async function recentDialRefusals(
  deps: Pick<CenterBasics, 'store' | 'clock'>,
  limit: number,
): Promise<DialRefusals> {
  const now = deps.clock.now();
  const days = [now, now - 86_400_000].map((ms) => new Date(ms).toISOString().slice(0, 10));
  const items: DialRefusalItem[] = [];
  for (const day of days) {
    let cursor: string | undefined;
    for (let page = 0; page < PAGES_PER_DAY && items.length < limit; page++) {
      const got = await deps.store.audit.byDay(day, { limit: 200, ...(cursor ? { cursor } : {}) });
      for (const e of got.items) {
        if (e.action !== DIAL_REFUSED_ACTION || items.length >= limit) continue;
        const text = (key: string) => (typeof e.detail?.[key] === 'string' ? (e.detail[key] as string) : '');
        items.push({
          id: e.id,
          at: e.at,
          actor: e.actor,
          number: e.target ?? '',
          purpose: text('purpose'),
          reason: text('reason'),
          message: text('message'),
        });
      }
      cursor = got.cursor;
      if (!cursor) break;
    }
  }
  return {
    items,
    bursts: refusalBursts(items, now),
    burstThreshold: BURST_THRESHOLD,
    burstWindowMinutes: BURST_WINDOW_MS / 60_000,
  };
}
