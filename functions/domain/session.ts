// Signed, short-lived session tokens for agents, supervisors and admins: `v1.<claims>.<HMAC-SHA256>`.
// Stateless to verify; a logout revokes the token id, a password change invalidates every older token.
import { createHash, randomUUID } from 'node:crypto';
import { readToken, signToken } from './signed-token.js';

export interface SessionClaims {
  /** User id. */
  readonly sub: string;
  /** Token id, for revocation on logout. */
  readonly jti: string;
  /** Issued at / expires at, epoch seconds. */
  readonly iat: number;
  readonly exp: number;
  /** Fingerprint of the password hash at issue time; a changed password no longer matches. */
  readonly pwd: string;
}

export type SessionCheck =
  | { readonly ok: true; readonly claims: SessionClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'bad-signature' | 'expired' };

const PREFIX = 'v1';

export function passwordFingerprint(passwordHash: string): string {
  return createHash('sha256').update(passwordHash).digest('base64url').slice(0, 16);
}

export function issueSession(
  user: { readonly id: string; readonly passwordHash: string },
  key: string,
  ttlSeconds: number,
  nowMs: number,
): { readonly token: string; readonly claims: SessionClaims } {
  const iat = Math.floor(nowMs / 1000);
  const claims: SessionClaims = {
    sub: user.id,
    jti: randomUUID(),
    iat,
    exp: iat + ttlSeconds,
    pwd: passwordFingerprint(user.passwordHash),
  };
  return { token: signToken(PREFIX, claims, key), claims };
}

function isClaims(value: unknown): value is SessionClaims {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.sub === 'string' &&
    typeof v.jti === 'string' &&
    typeof v.pwd === 'string' &&
    Number.isInteger(v.iat) &&
    Number.isInteger(v.exp)
  );
}

export function verifySession(token: string, key: string, nowMs: number): SessionCheck {
  const read = readToken(token, PREFIX, key);
  if (!read.ok) return read;
  const claims = read.claims;
  if (!isClaims(claims)) return { ok: false, reason: 'malformed' };
  if (Math.floor(nowMs / 1000) >= claims.exp) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
