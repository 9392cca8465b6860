// An API key as stored and as shown, and what a key may do: free of node built-ins, so the browser's
// admin page shares the scopes and the shapes.

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

export function keyActor(keyId: string): string {
  return `apikey:${keyId}`;
}
