// API key administration: an admin creates a key (its token shown once, only a keyed hash stored), lists
// the keys (never a secret nor a hash) and revokes one. Every change is audited.
import {
  type ApiKey,
  type ApiKeyScope,
  type ApiKeyView,
  DEFAULT_KEY_RATE,
  hashSecret,
  keyPepper,
  keyView,
  newKeyToken,
  SECRET_HASH_SCHEME,
} from '../../domain/integrations/api-key.js';
import type { User } from '../../domain/model.js';
import { NotFoundError } from '../../domain/problems.js';
import type { CenterBasics } from '../center.js';

export type ApiKeyDeps = Pick<CenterBasics, 'store' | 'clock'> & {
  /** The session key, from which the hashes' pepper is derived. */
  readonly sessionKey: string;
};

export interface NewApiKey {
  readonly name: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly ratePerMinute?: number | undefined;
}

export async function listApiKeys(deps: Pick<ApiKeyDeps, 'store'>): Promise<ApiKeyView[]> {
  return (await deps.store.apiKeys.list()).map(keyView);
}

/** The new key and, this once, its token. */
export async function createApiKey(
  deps: ApiKeyDeps,
  admin: User,
  input: NewApiKey,
): Promise<ApiKeyView & { readonly token: string }> {
  const { keyId, secret, token } = newKeyToken();
  const key: ApiKey = {
    keyId,
    name: input.name,
    scopes: [...new Set(input.scopes)],
    ratePerMinute: input.ratePerMinute ?? DEFAULT_KEY_RATE,
    createdBy: admin.id,
    createdAt: new Date(deps.clock.now()).toISOString(),
    secretHash: hashSecret(secret, keyPepper(deps.sessionKey)),
    hashScheme: SECRET_HASH_SCHEME,
  };
  await deps.store.apiKeys.create(key);
  await deps.store.audit.append({
    actor: admin.id,
    action: 'apikey.create',
    target: keyId,
    detail: { name: key.name, scopes: key.scopes, ratePerMinute: key.ratePerMinute },
  });
  return { ...keyView(key), token };
}

/** Revokes the key; revoking a revoked key changes nothing and is not audited again. */
export async function revokeApiKey(deps: ApiKeyDeps, admin: User, keyId: string): Promise<ApiKeyView> {
  const at = new Date(deps.clock.now()).toISOString();
  const result = await deps.store.apiKeys.revoke(keyId, admin.id, at);
  if (!result.ok) throw new NotFoundError('API key', keyId);
  if (result.changed)
    await deps.store.audit.append({
      actor: admin.id,
      action: 'apikey.revoke',
      target: keyId,
      detail: { name: result.value.name },
    });
  return keyView(result.value);
}
