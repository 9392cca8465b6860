// Where the center may call or text, and from which number: the toll-fraud guard every outbound path
// asks before it spends money. Pure rules over the policy's data (dial-policy-data.ts); the use cases
// load the stored policy, count the rate limits and audit refusals.
import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Role } from './model.js';
import type { HandlerIssue } from './problems.js';

/** Why the center places a call or sends a text; each outbound path names its own. */
export const DIAL_PURPOSES = ['agent-dial', 'transfer', 'add-party', 'callback', 'campaign', 'sms'] as const;
export type DialPurpose = (typeof DIAL_PURPOSES)[number];

/** Destinations one role or campaign may reach: a country (ISO 3166) or a number prefix (E.164). */
export interface DialAllowList {
  readonly countries: readonly string[];
  readonly prefixes: readonly string[];
}

export interface DialLimits {
  /** The length of one fixed counting window. */
  readonly windowMinutes: number;
  /** Per agent and window. */
  readonly agent: { readonly calls: number; readonly sms: number };
  /** For the whole center per window. */
  readonly center: { readonly calls: number; readonly sms: number };
}

/** The stored policy (setting DIAL_POLICY_SETTING); the code's defaults apply until an admin stores one. */
export interface DialPolicy {
  readonly allowed: Readonly<Record<Role, DialAllowList>>;
  /** A campaign dials only its own list, whoever runs it. */
  readonly campaigns: Readonly<Record<string, DialAllowList>>;
  /** Refused whatever the allow lists say. */
  readonly blockedPrefixes: readonly string[];
  /** Caller ids beyond the hotlines and the SMS sender (numbers a deployment provisioned). */
  readonly callerIds: readonly string[];
  readonly limits: DialLimits;
}

export const DIAL_POLICY_SETTING = 'dial-policy';

export type DialRefusalReason =
  | 'not-a-phone-number'
  | 'invalid-number'
  | 'international-network'
  | 'premium-rate'
  | 'shared-cost'
  | 'blocked-prefix'
  | 'country-not-allowed'
  | 'unknown-campaign'
  | 'caller-id-not-ours'
  /** A text to a number the center has no conversation with and no customer at. */
  | 'unknown-recipient';

export type DialRefusal = {
  readonly ok: false;
  readonly reason: DialRefusalReason;
  /** Names what was wrong and what is allowed. */
  readonly message: string;
};

export type DialDecision =
  | { readonly ok: true; readonly e164: string; readonly country?: string }
  | DialRefusal;

export interface DialRequest {
  /** The roles of whoever asked; a callback is dialled by the center, under the agent list. */
  readonly roles: readonly Role[];
  readonly purpose: DialPurpose;
  readonly number: string;
  readonly campaignId?: string;
  /** The region a number typed without a country code is read in. */
  readonly defaultRegion: string;
}

/** The allow list that applies: the campaign's own, the agent list for callbacks, else every role's. */
export function allowListFor(
  policy: DialPolicy,
  request: Pick<DialRequest, 'roles' | 'purpose' | 'campaignId'>,
): DialAllowList | undefined {
  if (request.campaignId !== undefined) return policy.campaigns[request.campaignId];
  // The center dials a callback when it is due and an agent takes it, so whoever asked, agents' rules apply.
  const roles = request.purpose === 'callback' ? (['agent'] as const) : request.roles;
  const lists = roles.map((role) => policy.allowed[role]);
  return {
    countries: [...new Set(lists.flatMap((l) => l.countries))].sort(),
    prefixes: [...new Set(lists.flatMap((l) => l.prefixes))].sort(),
  };
}

export function evaluateDial(policy: DialPolicy, request: DialRequest): DialDecision {
  const allowed = allowListFor(policy, request);
  const raw = request.number.trim();
  if (!allowed)
    return refuse('unknown-campaign', `Campaign "${request.campaignId}" has no dialling list in the policy.`);
  const tail = `; ${describeAllowed(allowed)}.`;
  if (/^(sip|client|sips|tel):|@|[a-z]/i.test(raw))
    return refuse(
      'not-a-phone-number',
      `"${raw}" is not a phone number: SIP and client addresses cannot be dialled out${tail}`,
    );
  const parsed = parsePhoneNumberFromString(raw, request.defaultRegion as CountryCode);
  if (!parsed?.isValid())
    return refuse(
      'invalid-number',
      `"${raw}" is not a valid phone number; write it in international form, e.g. +8613800138000${tail}`,
    );
  const e164 = parsed.number;
  const cc = `+${parsed.countryCallingCode}`;
  const shown = `${cc} ${parsed.nationalNumber.slice(0, 3)}`;
  // Numbers without a country belong to global services: satellite phones, international networks,
  // universal premium and shared-cost numbers. None is a customer's line.
  if (!parsed.country)
    return refuse(
      'international-network',
      `${cc} numbers are satellite or international-network numbers and blocked${tail}`,
    );
  const type = parsed.getType();
  if (type === 'PREMIUM_RATE')
    return refuse('premium-rate', `${shown} numbers are premium-rate and blocked${tail}`);
  if (type === 'SHARED_COST')
    return refuse('shared-cost', `${shown} numbers are shared-cost and blocked${tail}`);
  const blocked = policy.blockedPrefixes.find((p) => e164.startsWith(p));
  if (blocked)
    return refuse(
      'blocked-prefix',
      `${blocked} (${parsed.country}) is on the block list of high-cost destinations${tail}`,
    );
  const ok = allowed.countries.includes(parsed.country) || allowed.prefixes.some((p) => e164.startsWith(p));
  if (!ok)
    return refuse(
      'country-not-allowed',
      `${cc} (${parsed.country}) is not a destination ${whoDials(request)} may call${tail}`,
    );
  return { ok: true, e164, country: parsed.country };
}

/** A caller id must be one of the center's own numbers: showing a customer's number is spoofing. */
export function checkCallerId(callerId: string, ownNumbers: readonly string[]): DialRefusal | undefined {
  if (ownNumbers.includes(callerId.trim())) return undefined;
  return refuse(
    'caller-id-not-ours',
    `${callerId} is not one of the center's numbers; the caller id must be one of ${ownNumbers.join(', ')}.`,
  );
}

/** Problems a policy's content has beyond its shape: unknown countries, malformed prefixes or numbers. */
export function policyProblems(policy: DialPolicy): HandlerIssue[] {
  const issues: HandlerIssue[] = [];
  const lists: [string, DialAllowList][] = [
    ...Object.entries(policy.allowed).map(([role, l]): [string, DialAllowList] => [`allowed.${role}`, l]),
    ...Object.entries(policy.campaigns).map(([id, l]): [string, DialAllowList] => [`campaigns.${id}`, l]),
  ];
  for (const [path, list] of lists) {
    list.countries.forEach((c, i) => {
      if (!isSupportedCountry(c))
        issues.push({
          path: `body.${path}.countries.${i}`,
          code: 'unknown-country',
          message: `"${c}" is not an ISO 3166 country code`,
        });
    });
  }
  for (const [i, n] of policy.callerIds.entries()) {
    if (!parsePhoneNumberFromString(n)?.isValid())
      issues.push({
        path: `body.callerIds.${i}`,
        code: 'invalid-caller-id',
        message: `"${n}" is not a valid E.164 number`,
      });
  }
  return issues;
}

function describeAllowed(allowed: DialAllowList): string {
  const countries = `allowed countries: ${allowed.countries.join(', ') || 'none'}`;
  return allowed.prefixes.length
    ? `${countries}; allowed prefixes: ${allowed.prefixes.join(', ')}`
    : countries;
}

function whoDials(request: DialRequest): string {
  if (request.campaignId !== undefined) return `campaign "${request.campaignId}"`;
  if (request.purpose === 'callback') return 'an automatic callback';
  return request.roles.length ? `the ${request.roles.join('/')} role` : 'you';
}

function refuse(reason: DialRefusalReason, message: string): DialRefusal {
  return { ok: false, reason, message };
}
