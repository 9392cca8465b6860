// The storage port of API keys and of the requests made with them: keys by id (revocation included), and
// the first result of each request an outside system names (its `externalId`), so a retried request
// returns what the first one did instead of doing it twice.
import type { ApiKey } from './api-key.js';

/** The outcome of claiming a request key: this call does the work, or another one did (or is doing) it. */
export type RequestClaim =
  | { readonly claimed: true }
  | { readonly claimed: false; readonly result?: Readonly<Record<string, string>> };

export type RevokeResult =
  /** `changed` false: it was revoked already, and stays as it was. */
  | { readonly ok: true; readonly value: ApiKey; readonly changed: boolean }
  | { readonly ok: false; readonly reason: 'not-found' };

export interface ApiKeyRepo {
  /** Stores a new key; throws if the id is taken (ids are random: a bug, not an outcome). */
  create(key: ApiKey): Promise<void>;
  get(keyId: string): Promise<ApiKey | undefined>;
  /** Every key, newest first. */
  list(): Promise<ApiKey[]>;
  /** Marks the key revoked; revoking it again keeps the first time and person. */
  revoke(keyId: string, by: string, at: string): Promise<RevokeResult>;
  /** Records a use, unless one was recorded within the last minute. */
  markUsed(keyId: string, at: string): Promise<void>;
  /**
   * Claims `requestKey` for this key: the first claim wins; a later one gets the first one's result once
   * it is stored, or no result while it is still under way. Claims end at `expiresAt`.
   */
  claimRequest(keyId: string, requestKey: string, expiresAt: string): Promise<RequestClaim>;
  completeRequest(keyId: string, requestKey: string, result: Readonly<Record<string, string>>): Promise<void>;
  /** Gives a claim back (the request was refused), so a retry is judged afresh. */
  releaseRequest(keyId: string, requestKey: string): Promise<void>;
}
