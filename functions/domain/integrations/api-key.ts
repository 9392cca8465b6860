// API keys for outside systems (a web form, a CRM): what a key may do, how its one-time token is spelt,
// and how its secret is stored and checked. Only a keyed hash of the secret is kept, so a copy of the table
// lets nobody call in; the key id in the token finds the record without a scan.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a key may do; one scope per kind of call an outside system makes. */
export const API_KEY_SCOPES = ['leads:write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Calls per minute a key gets unless its creator says otherwise, and the most it may be given. */
export const DEFAULT_KEY_RATE = 60;
export const MAX_KEY_RATE = 600;

/** The hash scheme of a stored secret, kept on the record so a later scheme can sit beside this one. */
export const SECRET_HASH_SCHEME = 'hmac-sha256' as const;

export interface ApiKey {
  readonly keyId: string;
  readonly name: string;
  readonly scopes: readonly ApiKeyScope[];
  /** Calls per minute; more are refused with 429 until the minute ends. */
  readonly ratePerMinute: number;
  readonly createdBy: string;
  readonly createdAt: string;
  /** Updated at most once a minute, so a busy key costs no write per call. */
  readonly lastUsedAt?: string;
  readonly revokedAt?: string;
  readonly revokedBy?: string;
  /** base64url HMAC-SHA256 of the secret under the server's pepper. */
  readonly secretHash: string;
  readonly hashScheme: typeof SECRET_HASH_SCHEME;
}

/** A key as lists show it: never the hash. */
export type ApiKeyView = Omit<ApiKey, 'secretHash' | 'hashScheme'>;

export function keyView(key: ApiKey): ApiKeyView {
  const { secretHash: _hash, hashScheme: _scheme, ...view } = key;
  return view;
}

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

export function keyActor(keyId: string): string {
  return `apikey:${keyId}`;
}
