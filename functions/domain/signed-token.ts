// The one format of the center's signed tokens, `<prefix>.<base64url JSON>.<HMAC-SHA256>`, signed with the
// session key: sessions (`v1`) and push tickets (`push1`). The prefix is signed too, so a token of one
// kind never passes as the other.
import { createHmac, timingSafeEqual } from 'node:crypto';

const sign = (prefix: string, body: string, key: string) =>
  createHmac('sha256', key).update(`${prefix}.${body}`).digest('base64url');

export function signToken(prefix: string, claims: unknown, key: string): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${prefix}.${body}.${sign(prefix, body, key)}`;
}

export type TokenRead =
  | { readonly ok: true; readonly claims: unknown }
  | { readonly ok: false; readonly reason: 'malformed' | 'bad-signature' };

/** The claims of a token of this prefix signed with `key`, unchecked beyond the signature. */
export function readToken(token: string, prefix: string, key: string): TokenRead {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== prefix) return { ok: false, reason: 'malformed' };
  const [, body = '', signature = ''] = parts;
  const expected = Buffer.from(sign(prefix, body, key));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad-signature' };
  try {
    return { ok: true, claims: JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}
