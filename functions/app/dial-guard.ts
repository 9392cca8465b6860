// The toll-fraud guard every outbound path goes through before it spends money: the stored dialling
// policy (the code's defaults until an admin stores one), the caller id, and the per-agent and center
// rate limits counted atomically in the store. Every refusal is audited and logged with a structured
// `event` field, which the AWS alarm counts. The future campaign dialler calls guardOutbound too, with
// purpose 'campaign' and its campaign id.
import {
  checkCallerId,
  DIAL_POLICY_SETTING,
  type DialPolicy,
  type DialPurpose,
  type DialRefusal,
  type DialRefusalReason,
  evaluateDial,
} from '../domain/dial-policy.js';
import { DEFAULT_DIAL_POLICY } from '../domain/dial-policy-data.js';
import { type DialChannel, dialRateMessage, dialRateWindows } from '../domain/dial-policy-rate.js';
import type { Role } from '../domain/model.js';
import { HttpProblem, TooManyRequestsError } from '../domain/problems.js';
import type { CenterBasics } from './center.js';
import { hotlinesOf } from './hotlines.js';

/** The audit action of a refused outbound attempt; the supervisors' list reads these. */
export const DIAL_REFUSED_ACTION = 'dial.refused';
/** The log field the CloudWatch metric filter matches. */
export const DIAL_REFUSED_EVENT = 'dial-refused';

export type GuardDeps = Pick<CenterBasics, 'store' | 'clock' | 'logger'> & {
  readonly config: Pick<CenterBasics['config'], 'defaultPhoneRegion' | 'channels' | 'hotlines'>;
};

/** Who asks: a signed-in user, or the center itself (a callback it dials when due). */
export type OutboundActor = { readonly id: string; readonly roles: readonly Role[] } | 'system';

export interface OutboundAttempt {
  readonly actor: OutboundActor;
  readonly purpose: DialPurpose;
  readonly number: string;
  /** Checked against the center's numbers when given. */
  readonly callerId?: string;
  readonly campaignId?: string;
}

/** A refused outbound attempt: 403 with the reason, the purpose and a sentence naming what is allowed. */
export class DialRefusedError extends HttpProblem {
  override readonly name = 'DialRefusedError';
  constructor(
    readonly refusal: DialRefusal,
    purpose: DialPurpose,
  ) {
    super(403, 'dial-refused', refusal.message, { reason: refusal.reason, purpose });
  }
}

export async function loadDialPolicy(store: GuardDeps['store']): Promise<DialPolicy> {
  return (await store.settings.get<DialPolicy>(DIAL_POLICY_SETTING)) ?? DEFAULT_DIAL_POLICY;
}

/** The numbers the center may show as caller id: its hotlines, its SMS sender and the policy's extra ones. */
export function ownNumbers(config: GuardDeps['config'], policy: DialPolicy): string[] {
  const numbers = [
    ...hotlinesOf(config).map((n) => n.number),
    ...(config.channels?.smsFrom ? [config.channels.smsFrom] : []),
    ...(config.channels?.callbackCallerId ? [config.channels.callbackCallerId] : []),
    ...policy.callerIds,
  ];
  return [...new Set(numbers)];
}

/**
 * The policy's verdict on one attempt, a refusal already audited and logged. Callers that cannot answer
 * with an error (a callback dialled by the center) use this; the rest use guardOutbound.
 */
export async function checkOutbound(
  deps: GuardDeps,
  attempt: OutboundAttempt,
): Promise<{ ok: true; e164: string; policy: DialPolicy } | DialRefusal> {
  const policy = await loadDialPolicy(deps.store);
  const decision = evaluateDial(policy, {
    roles: attempt.actor === 'system' ? ['agent'] : attempt.actor.roles,
    purpose: attempt.purpose,
    number: attempt.number,
    defaultRegion: deps.config.defaultPhoneRegion,
    ...(attempt.campaignId !== undefined ? { campaignId: attempt.campaignId } : {}),
  });
  const refusal =
    (decision.ok ? undefined : decision) ??
    (attempt.callerId !== undefined
      ? checkCallerId(attempt.callerId, ownNumbers(deps.config, policy))
      : undefined);
  if (refusal) {
    await recordRefusal(deps, attempt, refusal.reason, refusal.message);
    return refusal;
  }
  return { ok: true, e164: decision.ok ? decision.e164 : attempt.number, policy };
}

/**
 * The attempt's number in E.164 when the policy allows it and the limits are not reached; else throws.
 * `recipientKnown`, when given, must hold for the E.164 number too (texts go only to people we know).
 */
export async function guardOutbound(
  deps: GuardDeps,
  attempt: OutboundAttempt,
  options: { readonly recipientKnown?: (e164: string) => Promise<boolean> } = {},
): Promise<string> {
  const checked = await checkOutbound(deps, attempt);
  if (!checked.ok) throw new DialRefusedError(checked, attempt.purpose);
  if (options.recipientKnown && !(await options.recipientKnown(checked.e164))) {
    const refusal: DialRefusal = {
      ok: false,
      reason: 'unknown-recipient',
      message: `${checked.e164} has no SMS conversation with the center and is not a customer's number; texts go only to people who wrote to us or are on file.`,
    };
    await recordRefusal(deps, attempt, refusal.reason, refusal.message);
    throw new DialRefusedError(refusal, attempt.purpose);
  }
  await countOutbound(deps, attempt, checked.policy, attempt.purpose === 'sms' ? 'sms' : 'call');
  return checked.e164;
}

/**
 * Counts the attempt before it is made and admits it only on the count the store returns, so parallel
 * requests cannot all pass between a read and a write: exactly the limit gets through. A refused attempt
 * stays counted; a flood keeps being refused until the window ends.
 */
async function countOutbound(
  deps: GuardDeps,
  attempt: OutboundAttempt,
  policy: DialPolicy,
  channel: DialChannel,
): Promise<void> {
  const agentId = attempt.actor === 'system' ? 'system' : attempt.actor.id;
  const windows = dialRateWindows(policy.limits, channel, agentId, deps.clock.now());
  for (const w of windows) {
    if ((await deps.store.keys.increment(w.key, 1, w.expiresAt)) <= w.limit) continue;
    const message = dialRateMessage(w, channel, policy.limits.windowMinutes);
    await recordRefusal(deps, attempt, 'rate-limit', message);
    throw new TooManyRequestsError(message, w.retryAfterSeconds);
  }
}

async function recordRefusal(
  deps: GuardDeps,
  attempt: OutboundAttempt,
  reason: DialRefusalReason | 'rate-limit',
  message: string,
): Promise<void> {
  const actor = attempt.actor === 'system' ? 'system' : attempt.actor.id;
  // Numbers go to the audit log, which supervisors read, never to the logs.
  deps.logger.warn('outbound attempt refused', {
    event: DIAL_REFUSED_EVENT,
    purpose: attempt.purpose,
    reason,
    actor,
  });
  await deps.store.audit.append({
    actor,
    action: DIAL_REFUSED_ACTION,
    target: attempt.number.trim().slice(0, 64),
    detail: {
      purpose: attempt.purpose,
      reason,
      message,
      ...(attempt.callerId !== undefined ? { callerId: attempt.callerId.slice(0, 64) } : {}),
      ...(attempt.campaignId !== undefined ? { campaignId: attempt.campaignId } : {}),
    },
  });
}
