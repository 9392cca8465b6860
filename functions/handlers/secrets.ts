// Resolves the app's secrets: inline values (local stack) or Secrets Manager ids (AWS), read once per
// Lambda container at init and kept in memory. Values are never logged; errors name only the key and id.
import {
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { type ApiKeyValue, parseApiKey } from '../adapters/twilio/provision-api-key.js';
import { type AppConfig, ConfigError } from '../config.js';
import type { AppSecrets } from '../http/deps.js';

/** Returns a secret's string value by id (name or ARN). */
export type SecretReader = (secretId: string) => Promise<string | undefined>;

type SecretSource = AppConfig['session']['key'];

/** Creates its client on first use, so a container with inline secrets (local) never builds one. */
export function secretsManagerReader(region: string): SecretReader {
  let client: SecretsManagerClient | undefined;
  return async (secretId) => {
    client ??= new SecretsManagerClient({ region });
    return (await client.send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString;
  };
}

/** Stores a new value (a new version) of a secret; only the provisioning step writes one, the API key. */
export function secretsManagerWriter(region: string): (secretId: string, value: string) => Promise<void> {
  let client: SecretsManagerClient | undefined;
  return async (secretId, value) => {
    client ??= new SecretsManagerClient({ region });
    await client.send(new PutSecretValueCommand({ SecretId: secretId, SecretString: value }));
  };
}

/** One secret, inline or from Secrets Manager; a failure names the configuration key and the secret id. */
export async function resolveSecret(source: SecretSource, key: string, read: SecretReader): Promise<string> {
  if (source.source === 'inline') return source.value;
  let value: string | undefined;
  try {
    value = await read(source.secretId);
  } catch (err) {
    // The SDK's message names the secret and the reason (not found, access denied), never its value.
    throw new ConfigError(key, `cannot read secret "${source.secretId}": ${(err as Error).message}`);
  }
  if (!value?.trim()) throw new ConfigError(key, `secret "${source.secretId}" has no string value`);
  return value.trim();
}

/**
 * The API key: with its SID configured, the secret is the key's secret; without, the secret is JSON
 * {"sid","secret"} as provisioning stores it, and `{"sid":""}` (no key made yet) means none.
 */
async function resolveApiKey(
  apiKey: AppConfig['twilio']['apiKey'],
  read: SecretReader,
): Promise<Pick<AppSecrets, 'twilioApiKeySid' | 'twilioApiKeySecret'>> {
  if (!apiKey) return {};
  const value = await resolveSecret(apiKey.secret, 'TWILIO_API_KEY_SECRET_ID', read);
  if (apiKey.sid) return { twilioApiKeySecret: value };
  let key: ApiKeyValue | undefined;
  try {
    key = parseApiKey(value);
  } catch (err) {
    throw new ConfigError('TWILIO_API_KEY_SECRET_ID', (err as Error).message);
  }
  return key ? { twilioApiKeySid: key.sid, twilioApiKeySecret: key.secret } : {};
}

/** The secrets, read in parallel; a failure names the configuration key and the secret id. */
export async function resolveSecrets(config: AppConfig, read: SecretReader): Promise<AppSecrets> {
  const [twilioAuthToken, sessionKey, apiKey, originVerify] = await Promise.all([
    resolveSecret(config.twilio.authToken, 'TWILIO_AUTH_TOKEN_SECRET_ID', read),
    resolveSecret(config.session.key, 'SESSION_KEY_SECRET_ID', read),
    resolveApiKey(config.twilio.apiKey, read),
    config.originVerify ? resolveSecret(config.originVerify, 'ORIGIN_VERIFY_SECRET_ID', read) : undefined,
  ]);
  return {
    twilioAuthToken,
    sessionKey,
    ...apiKey,
    ...(originVerify ? { originVerify } : {}),
  };
}
