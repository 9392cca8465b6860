// Builds the app's dependencies from configuration, once per Lambda container (module scope).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoStore } from '../adapters/dynamo/store.js';
import { type AppConfig, ConfigError, loadConfig } from '../config.js';
import { systemClock } from '../domain/ports.js';
import type { AppDeps, AppSecrets } from '../http/deps.js';

type SecretSource = AppConfig['session']['key'];

// Secrets are read from inline configuration for now. Resolving `{ source: 'secret' }` from Secrets
// Manager (fetched once per container, at init) arrives with the deploy issue; until then a secret id
// fails fast with the key's name rather than running without a key.
function inlineSecret(source: SecretSource, key: string): string {
  if (source.source === 'inline') return source.value;
  throw new ConfigError(
    key,
    `Secrets Manager secret "${source.secretId}" is not supported yet; set ${key} inline`,
  );
}

export function resolveSecrets(config: AppConfig): AppSecrets {
  return {
    twilioAuthToken: inlineSecret(config.twilio.authToken, 'TWILIO_AUTH_TOKEN'),
    sessionKey: inlineSecret(config.session.key, 'SESSION_KEY'),
  };
}

export function lambdaDeps(config: AppConfig = loadConfig()): AppDeps {
  const client = new DynamoDBClient({
    region: config.region,
    ...(config.dynamodbEndpoint ? { endpoint: config.dynamodbEndpoint } : {}),
  });
  const clock = systemClock;
  const store = createDynamoStore({
    client,
    tableName: config.tableName,
    clock,
    timeZone: config.timeZone,
    phoneRegion: config.defaultPhoneRegion,
  });
  return { config, secrets: resolveSecrets(config), store, clock };
}
