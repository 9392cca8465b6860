// The auth building blocks under the API: the scrypt hash format and signed session tokens.
// (They live in functions/domain/; kept beside the HTTP tests that depend on them.)
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../functions/domain/password.js';
import { issueSession, verifySession } from '../../functions/domain/session.js';

describe('password hashing', () => {
  it('uses the documented scrypt$N$r$p$salt$hash format with a fresh salt', async () => {
    const a = await hashPassword('s3cret pass');
    const b = await hashPassword('s3cret pass');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('s3cret pass', a)).toBe(true);
    expect(await verifyPassword('s3cret pasS', a)).toBe(false);
  });

  it('answers false, never throws, for malformed stored values', async () => {
    for (const bad of [
      '',
      'plain',
      'scrypt$x$8$1$AA==$AA==',
      'bcrypt$16384$8$1$AA==$AA==',
      'scrypt$16384$8$1$$',
    ]) {
      expect(await verifyPassword('anything', bad)).toBe(false);
    }
  });
});

describe('session tokens', () => {
  const user = { id: '1001', passwordHash: 'scrypt$1$1$1$a$b' };
  const t0 = Date.parse('2026-03-01T09:00:00Z');

  it('verifies until the expiry second, then reports expired', () => {
    const { token, claims } = issueSession(user, 'key', 60, t0);
    expect(claims).toMatchObject({ sub: '1001', iat: t0 / 1000, exp: t0 / 1000 + 60 });
    expect(verifySession(token, 'key', t0 + 59_999)).toMatchObject({ ok: true });
    expect(verifySession(token, 'key', t0 + 60_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('rejects another key, a changed body and garbage', () => {
    const { token } = issueSession(user, 'key', 60, t0);
    expect(verifySession(token, 'other key', t0)).toEqual({ ok: false, reason: 'bad-signature' });
    const [v, , sig] = token.split('.');
    const body = Buffer.from(JSON.stringify({ sub: 'admin', jti: 'x', iat: 0, exp: 9e9, pwd: 'x' })).toString(
      'base64url',
    );
    expect(verifySession(`${v}.${body}.${sig}`, 'key', t0)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifySession('nonsense', 'key', t0)).toEqual({ ok: false, reason: 'malformed' });
  });
});
