// Verifies the Access Tokens browsers present, as Twilio does (docs/twilio-behaviour.md §9.1): an HS256/384/512 JWT
// signed with an API key secret, `iss` the key SID, `sub` the account, grants for identity, voice and
// task_router. Errors carry Twilio's codes: 20101 malformed or badly signed, 20104 expired, 20157 TTL > 24 h.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface VerifiedToken {
  readonly identity: string;
  readonly keySid: string;
  readonly incomingAllowed: boolean;
  readonly outgoingApplicationSid?: string;
  readonly workspaceSid?: string;
  readonly workerSid?: string;
  readonly expiresAtMs: number;
}

export type TokenCheck =
  | { readonly ok: true; readonly token: VerifiedToken }
  | { readonly ok: false; readonly code: 20101 | 20104 | 20157; readonly message: string };

const ALGORITHMS = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' } as const;
const MAX_TTL_SECONDS = 86_400;

function decodePart(part: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const malformed = (message: string): TokenCheck => ({ ok: false, code: 20101, message });

/** `keys` maps API key SIDs (SK…) to their secrets; `accountSid` must be the token's subject. */
export function verifyAccessToken(
  jwt: string,
  options: {
    readonly accountSid: string;
    readonly keys: ReadonlyMap<string, string>;
    readonly nowMs: number;
  },
): TokenCheck {
  const parts = jwt.split('.');
  if (parts.length !== 3) return malformed('Invalid Access Token: not a JWT');
  const [h, p, s] = parts as [string, string, string];
  const header = decodePart(h);
  const payload = decodePart(p);
  if (!header || !payload) return malformed('Invalid Access Token: unreadable header or payload');
  const algorithm = ALGORITHMS[String(header.alg) as keyof typeof ALGORITHMS];
  if (!algorithm)
    return malformed(`Invalid Access Token: algorithm ${String(header.alg)} is not HS256/384/512`);
  const keySid = String(payload.iss ?? '');
  const secret = options.keys.get(keySid);
  if (!secret) return malformed(`Invalid Access Token: unknown signing key ${keySid || '(none)'}`);
  const expected = createHmac(algorithm, secret).update(`${h}.${p}`).digest();
  const given = Buffer.from(s, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return malformed('Invalid Access Token: signature does not match');
  }
  if (payload.sub !== options.accountSid)
    return malformed('Invalid Access Token: issued for another account');
  const exp = Number(payload.exp);
  const iat = Number(payload.iat ?? payload.nbf ?? exp - 3600);
  if (!Number.isFinite(exp)) return malformed('Invalid Access Token: no expiry');
  if (exp - iat > MAX_TTL_SECONDS)
    return { ok: false, code: 20157, message: 'Access Token TTL exceeds 24 hours' };
  if (exp * 1000 <= options.nowMs) return { ok: false, code: 20104, message: 'Access Token expired' };
  const grants = (payload.grants ?? {}) as Record<string, unknown>;
  const identity = typeof grants.identity === 'string' ? grants.identity : '';
  if (!identity) return malformed('Invalid Access Token: no identity grant');
  const voice = (grants.voice ?? {}) as {
    incoming?: { allow?: boolean };
    outgoing?: { application_sid?: string };
  };
  const tr = (grants.task_router ?? {}) as { workspace_sid?: string; worker_sid?: string };
  return {
    ok: true,
    token: {
      identity,
      keySid,
      incomingAllowed: voice.incoming?.allow === true,
      ...(voice.outgoing?.application_sid ? { outgoingApplicationSid: voice.outgoing.application_sid } : {}),
      ...(tr.workspace_sid ? { workspaceSid: tr.workspace_sid } : {}),
      ...(tr.worker_sid ? { workerSid: tr.worker_sid } : {}),
      expiresAtMs: exp * 1000,
    },
  };
}
