// The dialling policy's rules: what is refused whatever the lists say (premium, shared-cost, satellite,
// SIP, invalid, the block list), the allow lists by role, purpose and campaign, the caller id, the rate
// windows and the burst flag.
import { describe, expect, it } from 'vitest';
import {
  allowListFor,
  checkCallerId,
  type DialPolicy,
  type DialRequest,
  evaluateDial,
  policyProblems,
} from '../../functions/domain/dial-policy.js';
import { refusalBursts } from '../../functions/domain/dial-policy-bursts.js';
import { DEFAULT_DIAL_POLICY } from '../../functions/domain/dial-policy-data.js';
import { dialRateWindows } from '../../functions/domain/dial-policy-rate.js';

const agent = (number: string, extra: Partial<DialRequest> = {}): DialRequest => ({
  roles: ['agent'],
  purpose: 'agent-dial',
  number,
  defaultRegion: 'CN',
  ...extra,
});

const WIDER: DialPolicy = {
  ...DEFAULT_DIAL_POLICY,
  allowed: {
    ...DEFAULT_DIAL_POLICY.allowed,
    supervisor: { countries: ['CN', 'FR', 'GB', 'US'], prefixes: ['+3706'] },
  },
  campaigns: { renewals: { countries: ['CN'], prefixes: [] } },
};

describe('evaluateDial', () => {
  it('allows the center’s own countries and returns E.164, national numbers read in the default region', () => {
    expect(evaluateDial(DEFAULT_DIAL_POLICY, agent('+8613800001111'))).toEqual({
      ok: true,
      e164: '+8613800001111',
      country: 'CN',
    });
    expect(evaluateDial(DEFAULT_DIAL_POLICY, agent('138 0000 1111'))).toMatchObject({
      ok: true,
      e164: '+8613800001111',
    });
    expect(evaluateDial(DEFAULT_DIAL_POLICY, agent('+1 415 555 0123'))).toMatchObject({ ok: true });
  });

  it.each([
    [
      '+19005551234',
      'premium-rate',
      '+1 900 numbers are premium-rate and blocked; allowed countries: CN, US.',
    ],
    ['+448701234567', 'premium-rate', '+44 870 numbers are premium-rate and blocked'],
    ['+882164123456', 'international-network', '+882 numbers are satellite or international-network numbers'],
    ['+881612345678', 'international-network', '+881 numbers are satellite'],
    ['+18765551234', 'blocked-prefix', '+1876 (JM) is on the block list of high-cost destinations'],
    [
      '+37069912345',
      'country-not-allowed',
      '+370 (LT) is not a destination the agent role may call; allowed countries: CN, US.',
    ],
    ['+19765551234', 'invalid-number', 'is not a valid phone number'],
    ['12345', 'invalid-number', '"12345" is not a valid phone number'],
    ['sip:fraud@example.com', 'not-a-phone-number', 'SIP and client addresses cannot be dialled out'],
    ['client:1003', 'not-a-phone-number', 'is not a phone number'],
  ])('refuses %s as %s with a message naming it', (number, reason, message) => {
    const decision = evaluateDial(DEFAULT_DIAL_POLICY, agent(number));
    expect(decision).toMatchObject({ ok: false, reason });
    expect(decision.ok ? '' : decision.message).toContain(message);
  });

  it('refuses shared-cost numbers', () => {
    // +33 810 is shared cost in the French plan (and +86 400 in China's): a supervisor may call FR, yet not this.
    expect(evaluateDial(WIDER, agent('+33810123456', { roles: ['supervisor'] }))).toMatchObject({
      ok: false,
      reason: 'shared-cost',
    });
  });

  it('widens by role: the union of the user’s roles, prefixes as well as countries', () => {
    expect(evaluateDial(WIDER, agent('+442079460000'))).toMatchObject({
      ok: false,
      reason: 'country-not-allowed',
    });
    expect(evaluateDial(WIDER, agent('+442079460000', { roles: ['agent', 'supervisor'] }))).toMatchObject({
      ok: true,
    });
    expect(evaluateDial(WIDER, agent('+37069912345', { roles: ['supervisor'] }))).toMatchObject({ ok: true });
    const refused = evaluateDial(WIDER, agent('+37052123456', { roles: ['supervisor'] }));
    expect(refused).toMatchObject({ ok: false, reason: 'country-not-allowed' });
    expect(refused.ok ? '' : refused.message).toContain('allowed prefixes: +3706');
  });

  it('the block list wins over an allowed prefix, and premium numbers over an allowed country', () => {
    const open: DialPolicy = {
      ...DEFAULT_DIAL_POLICY,
      allowed: { ...DEFAULT_DIAL_POLICY.allowed, agent: { countries: ['US', 'JM'], prefixes: ['+1'] } },
    };
    expect(evaluateDial(open, agent('+18765551234'))).toMatchObject({ reason: 'blocked-prefix' });
    expect(evaluateDial(open, agent('+19005551234'))).toMatchObject({ reason: 'premium-rate' });
  });

  it('a callback is dialled under the agent list whoever asked; a campaign under its own list only', () => {
    expect(
      evaluateDial(WIDER, agent('+442079460000', { roles: ['supervisor'], purpose: 'callback' })),
    ).toMatchObject({
      ok: false,
      reason: 'country-not-allowed',
    });
    expect(allowListFor(WIDER, { roles: ['admin'], purpose: 'campaign', campaignId: 'renewals' })).toEqual({
      countries: ['CN'],
      prefixes: [],
    });
    expect(
      evaluateDial(WIDER, agent('+14155550123', { purpose: 'campaign', campaignId: 'renewals' })),
    ).toMatchObject({ ok: false, reason: 'country-not-allowed' });
    expect(
      evaluateDial(WIDER, agent('+8613800001111', { purpose: 'campaign', campaignId: 'nope' })),
    ).toMatchObject({
      ok: false,
      reason: 'unknown-campaign',
    });
  });
});

describe('checkCallerId', () => {
  it('accepts our numbers and refuses any other, listing ours', () => {
    const ours = ['+18005550100', '+18005550111'];
    expect(checkCallerId('+18005550100', ours)).toBeUndefined();
    expect(checkCallerId('+8613800138000', ours)).toEqual({
      ok: false,
      reason: 'caller-id-not-ours',
      message:
        "+8613800138000 is not one of the center's numbers; the caller id must be one of +18005550100, +18005550111.",
    });
  });
});

describe('policyProblems', () => {
  it('names countries that do not exist and caller ids that are not numbers', () => {
    const bad: DialPolicy = {
      ...DEFAULT_DIAL_POLICY,
      allowed: { ...DEFAULT_DIAL_POLICY.allowed, admin: { countries: ['CN', 'XX'], prefixes: [] } },
      callerIds: ['+10000000000'],
    };
    expect(policyProblems(bad)).toEqual([
      {
        path: 'body.allowed.admin.countries.1',
        code: 'unknown-country',
        message: '"XX" is not an ISO 3166 country code',
      },
      {
        path: 'body.callerIds.0',
        code: 'invalid-caller-id',
        message: '"+10000000000" is not a valid E.164 number',
      },
    ]);
    expect(policyProblems(DEFAULT_DIAL_POLICY)).toEqual([]);
  });
});

describe('dialRateWindows', () => {
  it('counts per agent and per center in fixed windows keyed by their index', () => {
    const limits = { windowMinutes: 10, agent: { calls: 3, sms: 2 }, center: { calls: 9, sms: 8 } };
    const at = 10 * 60_000 * 5 + 90_000; // 90 s into window 5
    const [mine, center] = dialRateWindows(limits, 'sms', '1002', at);
    expect(mine).toMatchObject({ scope: 'agent', limit: 2, retryAfterSeconds: 510 });
    expect(mine.key).toEqual({
      kind: 'dial-rate',
      scope: 'agent',
      channel: 'sms',
      subject: '1002',
      window: 5,
    });
    expect(center).toMatchObject({ scope: 'center', limit: 8 });
    expect(dialRateWindows(limits, 'call', '1002', at + 510_000)[0].key).toMatchObject({ window: 6 });
  });
});

describe('refusalBursts', () => {
  it('flags an actor with five refusals within ten minutes, not one spread wider', () => {
    const now = Date.parse('2026-03-02T10:00:00Z');
    const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
    const marks = [
      ...[1, 2, 3, 4, 9].map((m) => ({ actor: '1002', at: at(m) })),
      ...[1, 2, 3, 4, 11].map((m) => ({ actor: '1003', at: at(m) })),
    ];
    expect(refusalBursts(marks, now)).toEqual({ '1002': 5 });
  });
});
