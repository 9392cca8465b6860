// API key tokens and their stored hashes: the token's shape, a parse that refuses anything else, a keyed
// hash that differs per pepper and a check that accepts only the right secret.
import { describe, expect, it } from 'vitest';
import {
  hashSecret,
  keyPepper,
  keyView,
  newKeyToken,
  parseKeyToken,
  secretMatches,
} from '../../../functions/domain/integrations/api-key.js';

describe('API key tokens', () => {
  it('are cc_<16 hex>_<43 base64url>, the secret 32 random bytes', () => {
    const { keyId, secret, token } = newKeyToken();
    expect(token).toBe(`cc_${keyId}_${secret}`);
    expect(keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(newKeyToken().token).not.toBe(token);
  });

  it('parse back, underscores in the secret included', () => {
    const fixed = newKeyToken((n) => Buffer.alloc(n, 0xff));
    expect(fixed.secret).toContain('_');
    expect(parseKeyToken(fixed.token)).toEqual({ keyId: fixed.keyId, secret: fixed.secret });
  });

  it.each([
    '',
    'cc_',
    'Bearer cc_0123456789abcdef_x',
    'cc_0123456789abcdef',
    'cc_0123456789ABCDEF_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    'cc_0123456789abcdef_short',
    'xx_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    'cc_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  ])('refuses %j', (token) => {
    expect(parseKeyToken(token)).toBeUndefined();
  });
});

describe('stored secrets', () => {
  const pepper = keyPepper('session key');

  it('are a keyed hash: another pepper gives another hash, the pepper is not the session key', () => {
    const { secret } = newKeyToken();
    const hash = hashSecret(secret, pepper);
    expect(Buffer.from(hash, 'base64url')).toHaveLength(32);
    expect(hash).not.toContain(secret);
    expect(hashSecret(secret, keyPepper('another key'))).not.toBe(hash);
    expect(pepper.toString('utf8')).not.toContain('session key');
  });

  it('match only the right secret', () => {
    const { secret } = newKeyToken();
    const other = newKeyToken().secret;
    const hash = hashSecret(secret, pepper);
    expect(secretMatches(secret, hash, pepper)).toBe(true);
    expect(secretMatches(other, hash, pepper)).toBe(false);
    expect(secretMatches(secret, hash, keyPepper('another key'))).toBe(false);
    expect(secretMatches(secret, 'not-a-hash', pepper)).toBe(false);
  });

  it('never reach a view of the key', () => {
    const view = keyView({
      keyId: '0123456789abcdef',
      name: 'Form',
      scopes: ['leads:write'],
      ratePerMinute: 60,
      createdBy: 'admin',
      createdAt: '2026-03-01T09:00:00.000Z',
      secretHash: 'h',
      hashScheme: 'hmac-sha256',
    });
    expect(view).not.toHaveProperty('secretHash');
    expect(view).not.toHaveProperty('hashScheme');
  });
});
