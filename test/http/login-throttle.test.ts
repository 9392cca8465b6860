// Login throttling against guessing at scale: parallel guesses are counted before any password is
// checked, a failing address cannot lock the real user out from another one, a guesser spread over many
// addresses only slows the account down, and the client's address is never taken from a header it writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLOW_SLOT_SECONDS, THROTTLE_LIMITS } from '../../functions/domain/auth-throttle.js';
import { hashPassword } from '../../functions/domain/password.js';
import { createHarness, type Harness, PASSWORD } from './harness.js';
import { type ClientEnv, fromLambda, fromSocket, loginVia } from './login-via.js';

const CLOUDFRONT_EDGE = '130.176.10.20';

describe('login throttling at scale', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    const passwordHash = await hashPassword(PASSWORD);
    for (const id of ['2001', '2002', '2003', '2004', '2005', '2006']) {
      const created = await h.store.users.create({
        id,
        name: id,
        roles: ['agent'],
        skills: [],
        languages: ['zh'],
        regions: [],
        disabled: false,
        passwordHash,
      });
      if (!created.ok) throw new Error(`seeding ${id}: ${created.reason}`);
    }
  });
  afterAll(() => h.stop());

  const statuses = (replies: readonly { status: number }[]) => {
    const counts: Record<number, number> = {};
    for (const r of replies) counts[r.status] = (counts[r.status] ?? 0) + 1;
    return counts;
  };
  const failedAudits = async (id: string) =>
    (await h.store.audit.byActor(id, { limit: 100 })).items.filter((e) => e.action === 'auth.login-failed')
      .length;

  it(`checks at most ${THROTTLE_LIMITS.accountAtAddress} of 40 parallel wrong passwords for one id from one address`, async () => {
    const from = fromSocket('203.0.113.40');
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) => loginVia(h, from, '2001', `wrong guess ${i}`)),
    );
    // A 401 is a password that was checked and failed; a 429 was refused before any check.
    expect(statuses(replies)).toEqual({
      401: THROTTLE_LIMITS.accountAtAddress,
      429: 40 - THROTTLE_LIMITS.accountAtAddress,
    });
    expect(await failedAudits('2001')).toBe(THROTTLE_LIMITS.accountAtAddress);
    const refused = replies.find((r) => r.status === 429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    // The right password from that address is refused too, until the window ends.
    expect((await loginVia(h, from, '2001', PASSWORD)).status).toBe(429);
  });

  it('does not let a locked-out attacker stop the real user signing in from another address', async () => {
    const attacker = fromSocket('203.0.113.66');
    await Promise.all(Array.from({ length: 40 }, (_, i) => loginVia(h, attacker, '2002', `guess ${i}`)));
    expect((await loginVia(h, attacker, '2002', PASSWORD)).status).toBe(429);
    expect((await loginVia(h, fromSocket('198.51.100.23'), '2002', PASSWORD)).status).toBe(200);
    // And the attacker's refused flood did not use up the account's allowance elsewhere.
    const elsewhere = fromSocket('198.51.100.24');
    for (let i = 0; i < THROTTLE_LIMITS.accountAtAddress; i++) {
      expect((await loginVia(h, elsewhere, '2002', `typo ${i}`)).status).toBe(401);
    }
  });

  it('slows, and does not lock, an id guessed at from many addresses past its ceiling', async () => {
    const perAddress = THROTTLE_LIMITS.accountAtAddress;
    for (let a = 0; a < THROTTLE_LIMITS.account / perAddress; a++) {
      const from = fromSocket(`192.0.2.${a + 1}`);
      for (let i = 0; i < perAddress; i++)
        expect((await loginVia(h, from, '2003', `guess ${i}`)).status).toBe(401);
    }
    await h.clock.advance(SLOW_SLOT_SECONDS * 1000);
    // Past the ceiling, one password check per slot: the guesser takes this slot's check...
    expect((await loginVia(h, fromSocket('192.0.2.200'), '2003', 'another guess')).status).toBe(401);
    // ...so the real user waits for the next slot, seconds rather than the rest of the window.
    const user = fromSocket('198.51.100.77');
    const waited = await loginVia(h, user, '2003', PASSWORD);
    expect(waited.status).toBe(429);
    expect(waited.body.message).toMatch(/at most once every 15 seconds/);
    const retryAfter = Number(waited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(SLOW_SLOT_SECONDS);
    await h.clock.advance(retryAfter * 1000);
    expect((await loginVia(h, user, '2003', PASSWORD)).status).toBe(200);
  });

  it('ignores X-Forwarded-For: the socket address is the one counted', async () => {
    const from = fromSocket('203.0.113.80');
    for (let i = 0; i < THROTTLE_LIMITS.accountAtAddress; i++) {
      const spoofed = { 'x-forwarded-for': `10.0.${i}.1, 198.51.100.${i}` };
      expect((await loginVia(h, from, '2004', `guess ${i}`, spoofed)).status).toBe(401);
    }
    const spoofed = { 'x-forwarded-for': '198.51.100.200', 'x-real-ip': '198.51.100.201' };
    expect((await loginVia(h, from, '2004', PASSWORD, spoofed)).status).toBe(429);
    // The locally served app ignores CloudFront's header too: no CloudFront stands in front of it.
    const claimed = { 'cloudfront-viewer-address': '198.51.100.202:443' };
    expect((await loginVia(h, from, '2004', PASSWORD, claimed)).status).toBe(429);
    expect((await loginVia(h, fromSocket('198.51.100.203'), '2004', PASSWORD)).status).toBe(200);
  });

  it('counts by CloudFront-Viewer-Address behind CloudFront, not by the edge every viewer shares', async () => {
    const edge: ClientEnv = fromLambda(CLOUDFRONT_EDGE);
    const attacker = { 'cloudfront-viewer-address': '203.0.113.90:51234' };
    for (let i = 0; i < THROTTLE_LIMITS.accountAtAddress; i++) {
      expect((await loginVia(h, edge, '2005', `guess ${i}`, attacker)).status).toBe(401);
    }
    expect((await loginVia(h, edge, '2005', PASSWORD, attacker)).status).toBe(429);
    // Same edge, another viewer (IPv6, as CloudFront writes it: unbracketed, then the port).
    const user = { 'cloudfront-viewer-address': '2001:db8:85a3::8a2e:370:7334:443' };
    expect((await loginVia(h, edge, '2005', PASSWORD, user)).status).toBe(200);
    const audit = (await h.store.audit.byActor('2005', { limit: 20 })).items;
    expect(audit.find((e) => e.action === 'auth.login')?.detail).toEqual({
      ip: '2001:db8:85a3::8a2e:370:7334',
    });
    expect(audit.find((e) => e.action === 'auth.login-failed')?.detail).toEqual({ ip: '203.0.113.90' });
  });

  it('falls back to the source address in a Lambda event without the header', async () => {
    const direct = fromLambda('203.0.113.99');
    for (let i = 0; i < THROTTLE_LIMITS.accountAtAddress; i++) {
      expect((await loginVia(h, direct, '2006', `guess ${i}`)).status).toBe(401);
    }
    expect((await loginVia(h, direct, '2006', PASSWORD)).status).toBe(429);
    expect((await loginVia(h, fromLambda('203.0.113.98'), '2006', PASSWORD)).status).toBe(200);
  });
});
