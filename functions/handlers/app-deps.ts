// Builds the app's dependencies from configuration, once per Lambda container: handlers await it at
// module scope (ESM top-level await), so secrets are fetched during init, not on a caller's request.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoStore } from '../adapters/dynamo/store.js';
import { createTwilioClient } from '../adapters/twilio/client.js';
import { type AppConfig, loadConfig } from '../config.js';
import { systemClock } from '../domain/ports.js';
import type { AppDeps, WebhookDeps } from '../http/deps.js';
import { lambdaChannels, lambdaJobs } from './lambda-channels.js';
import { resolveSecrets, type SecretReader, secretsManagerReader } from './secrets.js';

/** For the webhook function: no Twilio REST client (see WebhookDeps). */
export async function webhookDeps(
  config: AppConfig = loadConfig(),
  readSecret: SecretReader = secretsManagerReader(config.region),
): Promise<WebhookDeps> {
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
  const jobs = lambdaJobs(config);
  return {
    config,
    secrets: await resolveSecrets(config, readSecret),
    store,
    clock,
    ...(jobs ? { jobs } : {}),
  };
}

/** For the REST API function: the webhook dependencies plus the official Twilio client. */
export async function lambdaDeps(
  config: AppConfig = loadConfig(),
  readSecret: SecretReader = secretsManagerReader(config.region),
): Promise<AppDeps> {
  const deps = await webhookDeps(config, readSecret);
  const twilio = createTwilioClient({
    accountSid: config.twilio.accountSid,
    authToken: deps.secrets.twilioAuthToken,
    ...(config.twilio.apiBaseUrl ? { apiBaseUrl: config.twilio.apiBaseUrl } : {}),
  });
  const channels = await lambdaChannels(config, twilio, readSecret);
  return { ...deps, twilio, ...(channels ? { channels } : {}) };
}
