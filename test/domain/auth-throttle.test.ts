// What an address is counted under, and the shape of a login attempt's counters.
import { describe, expect, it } from 'vitest';
import { addressSubject, SLOW_SLOT_SECONDS, throttlePlan } from '../../functions/domain/auth-throttle.js';

describe('addressSubject', () => {
  it('counts IPv4 addresses one by one', () => {
    expect(addressSubject('203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts IPv6 addresses by their /64, however they are spelled', () => {
    const subject = addressSubject('2001:db8:0:7::1');
    expect(subject).toBe('2001:db8:0:7::/64');
    expect(addressSubject('2001:0DB8:0000:0007:ffff:1:2:3')).toBe(subject);
    expect(addressSubject('2001:db8:0:8::1')).not.toBe(subject);
    expect(addressSubject('::1')).toBe('0:0:0:0::/64');
  });
});

describe('throttlePlan', () => {
  it('keys the refusing counters by address, the ceiling by account, and slots by seconds', () => {
    const now = Date.UTC(2025, 0, 6, 9, 0, 7);
    const plan = throttlePlan('Agent7', '198.51.100.1', now);
    expect(plan.atAddress.map((w) => w.key)).toEqual([
      expect.objectContaining({ scope: 'accountAtAddress', subject: '198.51.100.1/agent7' }),
      expect.objectContaining({ scope: 'address', subject: '198.51.100.1' }),
    ]);
    expect(plan.account.key).toMatchObject({ scope: 'account', subject: 'agent7' });
    expect(plan.slowSlot.retryAfterSeconds).toBe(SLOW_SLOT_SECONDS - 7);
    expect(plan.account.retryAfterSeconds).toBe(15 * 60 - 7);
    expect(throttlePlan('agent7', undefined, now).atAddress[1].key).toMatchObject({ subject: 'unknown' });
  });
});
