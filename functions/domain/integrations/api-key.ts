// API keys for outside systems (a web form, a CRM): how a key's one-time token is spelt, and how its secret
// is stored and checked. Only a keyed hash of the secret is kept, so a copy of the table lets nobody call
// in; the key id in the token finds the record without a scan.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export * from './api-key-record.js';

const TOKEN_PREFIX = 'cc_';
/** 16 lower-case hex digits: no `_`, so the token splits unambiguously (the secret's alphabet has `_`). */
const KEY_ID = /^[0-9a-f]{16}$/;
/** 32 random bytes in base64url, unpadded. */
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export interface NewKeyToken {
  readonly keyId: string;
  readonly secret: string;
  /** `cc_<keyId>_<secret>`: what the outside system sends, shown once. */
  readonly token: string;
}

export function newKeyToken(random: (n: number) => Buffer = randomBytes): NewKeyToken {
  const keyId = random(8).toString('hex');
  const secret = random(32).toString('base64url');
  return { keyId, secret, token: `${TOKEN_PREFIX}${keyId}_${secret}` };
}

/** The parts of a token, or undefined when it is not shaped like one. */
export function parseKeyToken(token: string): { keyId: string; secret: string } | undefined {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const rest = token.slice(TOKEN_PREFIX.length);
  const cut = rest.indexOf('_');
  if (cut < 0) return undefined;
  const keyId = rest.slice(0, cut);
  const secret = rest.slice(cut + 1);
  return KEY_ID.test(keyId) && SECRET.test(secret) ? { keyId, secret } : undefined;
}

/**
 * The server's pepper for key hashes, derived from the session key under a label of its own, so the two
 * uses never share a key. Rotating the session key therefore retires every API key too.
 */
export function keyPepper(sessionKey: string): Buffer {
  return createHmac('sha256', sessionKey).update('api-key-secret-hash/v1').digest();
}

export function hashSecret(secret: string, pepper: Buffer): string {
  return createHmac('sha256', pepper).update(secret).digest('base64url');
}

/** Constant-time comparison of the secret's hash with the stored one. */
export function secretMatches(secret: string, stored: string, pepper: Buffer): boolean {
  const given = Buffer.from(hashSecret(secret, pepper), 'base64url');
  const kept = Buffer.from(stored, 'base64url');
  return given.length === kept.length && timingSafeEqual(given, kept);
}
