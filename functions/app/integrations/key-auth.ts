// Who is calling from outside: the API key in the request, checked against its stored hash, its revocation,
// the scope the call needs and its rate per minute. A key read is kept a few seconds per warm container, so
// a busy integration costs no read per call; a revocation made through this container takes effect at once,
// one made elsewhere within KEY_CACHE_TTL_MS.
import {
  type ApiKey,
  type ApiKeyScope,
  keyPepper,
  parseKeyToken,
  secretMatches,
} from '../../domain/integrations/api-key.js';
import { keyRateWindow } from '../../domain/integrations/rate.js';
import { ForbiddenError, TooManyRequestsError, UnauthorizedError } from '../../domain/problems.js';
import type { ApiKeyDeps } from './api-keys.js';

/** How long a container trusts what it read about a key. */
export const KEY_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;
/** How often a key's use is written down. */
const MARK_USE_MS = 60_000;

/** Says nothing of which part was wrong: the id, the secret or the revocation. */
export const UNKNOWN_KEY = 'Unknown or revoked API key.';
export const MALFORMED_KEY =
  'An API key is required: send "Authorization: Bearer cc_<id>_<secret>" or "X-Api-Key: cc_<id>_<secret>".';

export interface KeyAuthenticator {
  /** The key behind `token`, allowed `scope` and within its rate; else a 401, 403 or 429. */
  authenticate(token: string | undefined, scope: ApiKeyScope): Promise<ApiKey>;
  /** The key changed here (revoked): read it afresh on its next use. */
  forget(keyId: string): void;
}

export function createKeyAuthenticator(
  deps: ApiKeyDeps,
  cache: { readonly ttlMs?: number; readonly now?: () => number } = {},
): KeyAuthenticator {
  const ttlMs = cache.ttlMs ?? KEY_CACHE_TTL_MS;
  const now = cache.now ?? (() => Date.now());
  const pepper = keyPepper(deps.sessionKey);
  const keys = new Map<string, { key: ApiKey | null; at: number }>();
  const marked = new Map<string, number>();

  async function keyOf(keyId: string): Promise<ApiKey | undefined> {
    const hit = keys.get(keyId);
    if (hit && now() - hit.at < ttlMs) return hit.key ?? undefined;
    const key = await deps.store.apiKeys.get(keyId);
    keys.delete(keyId);
    keys.set(keyId, { key: key ?? null, at: now() });
    if (keys.size > MAX_ENTRIES) keys.delete(keys.keys().next().value as string);
    return key;
  }

  async function admit(key: ApiKey): Promise<void> {
    const w = keyRateWindow(key.keyId, key.ratePerMinute, deps.clock.now());
    if ((await deps.store.keys.increment(w.key, 1, w.expiresAt)) > w.limit)
      throw new TooManyRequestsError(
        `Too many calls with this API key: ${w.limit} allowed per minute; try again in ${w.retryAfterSeconds} second(s).`,
        w.retryAfterSeconds,
      );
  }

  async function markUse(keyId: string): Promise<void> {
    const at = deps.clock.now();
    if (at - (marked.get(keyId) ?? Number.NEGATIVE_INFINITY) < MARK_USE_MS) return;
    marked.set(keyId, at);
    if (marked.size > MAX_ENTRIES) marked.delete(marked.keys().next().value as string);
    await deps.store.apiKeys.markUsed(keyId, new Date(at).toISOString());
  }

  return {
    async authenticate(token, scope) {
      const parts = token === undefined ? undefined : parseKeyToken(token);
      if (!parts) throw new UnauthorizedError(MALFORMED_KEY);
      const key = await keyOf(parts.keyId);
      if (!key || key.revokedAt !== undefined || !secretMatches(parts.secret, key.secretHash, pepper))
        throw new UnauthorizedError(UNKNOWN_KEY);
      if (!key.scopes.includes(scope))
        throw new ForbiddenError(
          `This API key lacks the scope ${scope}; an admin can create one that has it.`,
          {
            requiredScope: scope,
          },
        );
      await admit(key);
      await markUse(key.keyId);
      return key;
    },
    forget(keyId) {
      keys.delete(keyId);
    },
  };
}
