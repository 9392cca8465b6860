// The API key that signs the softphone's Access Tokens: created once in the Twilio account and kept, SID
// and secret together, in a Secrets Manager secret the functions read. Twilio shows a key's secret only in
// the answer that creates it, so the secret store is the key's only copy: a key is made only when the
// store holds none that still exists in the account.
import type { TwilioClient } from './client.js';

/** The secret's value: JSON, so one read gives the functions both halves. */
export interface ApiKeyValue {
  readonly sid: string;
  readonly secret: string;
}

/** Where the key is kept (a Secrets Manager secret in AWS). */
export interface ApiKeyStore {
  read(): Promise<string | undefined>;
  write(value: string): Promise<void>;
}

export type ApiKeyOutcome = 'created' | 'kept';

const SID = /^SK[0-9a-f]{32}$/;

/**
 * Parses the stored value; undefined when it holds no key yet (the stack creates the secret as
 * `{"sid":"","secret":"<random>"}`, before any key exists). Throws on anything else, naming the problem.
 */
export function parseApiKey(raw: string | undefined): ApiKeyValue | undefined {
  if (!raw?.trim()) return undefined;
  let value: { sid?: unknown; secret?: unknown };
  try {
    value = JSON.parse(raw) as typeof value;
  } catch {
    throw new Error('the API key secret must be JSON {"sid":"SK…","secret":"…"}');
  }
  if (value.sid === '' || value.sid === undefined) return undefined;
  if (typeof value.sid !== 'string' || !SID.test(value.sid))
    throw new Error('the API key secret\'s "sid" must be "SK" followed by 32 lower-case hex characters');
  if (typeof value.secret !== 'string' || !value.secret)
    throw new Error('the API key secret has no "secret"');
  return { sid: value.sid, secret: value.secret };
}

function isNotFound(err: unknown): boolean {
  return (err as { status?: unknown } | null)?.status === 404;
}

async function exists(client: TwilioClient, sid: string): Promise<boolean> {
  try {
    await client.keys(sid).fetch();
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

/** The stored key if it is still in the account; otherwise a new one, stored before it is returned. */
export async function ensureApiKey(
  client: TwilioClient,
  store: ApiKeyStore,
  friendlyName: string,
): Promise<{ readonly sid: string; readonly outcome: ApiKeyOutcome }> {
  const stored = parseApiKey(await store.read());
  if (stored && (await exists(client, stored.sid))) return { sid: stored.sid, outcome: 'kept' };
  const created = await client.newKeys.create({ friendlyName });
  const value: ApiKeyValue = { sid: created.sid, secret: created.secret };
  try {
    await store.write(JSON.stringify(value));
  } catch (err) {
    // A key whose secret is nowhere is useless: revoke it rather than leave it in the account.
    await client.keys(created.sid).remove();
    throw err;
  }
  return { sid: created.sid, outcome: 'created' };
}

/**
 * A key the admin created and stored: it must exist in this account, or every softphone would fail to
 * register after a deploy that looked fine.
 */
export async function checkApiKey(client: TwilioClient, store: ApiKeyStore): Promise<string> {
  const stored = parseApiKey(await store.read());
  if (!stored) throw new Error('the API key secret holds no key; store {"sid":"SK…","secret":"…"} in it');
  if (!(await exists(client, stored.sid)))
    throw new Error(`API key ${stored.sid} (from the API key secret) is not in this Twilio account`);
  return stored.sid;
}

/** Revokes the stored key (a deployment going away); its SID, or undefined when none was stored. */
export async function revokeApiKey(client: TwilioClient, store: ApiKeyStore): Promise<string | undefined> {
  const stored = parseApiKey(await store.read());
  if (!stored) return undefined;
  try {
    await client.keys(stored.sid).remove();
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  return stored.sid;
}
