// Calls to the API key routes (admins only): list, create (the token comes back this once), revoke.
import type { ApiKeyScope, ApiKeyView } from '../../../functions/domain/integrations/api-key-record.js';
import { call } from '../api.js';

export type { ApiKeyScope } from '../../../functions/domain/integrations/api-key-record.js';
export type ApiKeyRow = ApiKeyView;
export type CreatedApiKey = ApiKeyView & { readonly token: string };

export const apiKeysApi = {
  list: () => call<{ items: readonly ApiKeyRow[] }>('GET', '/admin/api-keys'),
  create: (name: string, scopes: readonly ApiKeyScope[]) =>
    call<CreatedApiKey>('POST', '/admin/api-keys', { name, scopes }),
  revoke: (keyId: string) => call<ApiKeyRow>('DELETE', `/admin/api-keys/${encodeURIComponent(keyId)}`),
};
