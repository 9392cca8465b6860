// The webhook function's dependencies, in a module of their own: app-deps.ts imports the full Twilio REST
// client, which esbuild cannot tree-shake, and would carry all of `twilio` into the webhook bundle.

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { createDynamoStore } from '../adapters/dynamo/store.js';
import { createPowertoolsLogger, type LambdaLogger } from '../adapters/logging/powertools-logger.js';
import { createApiGatewayPush } from '../adapters/push/api-gateway-push.js';
import { eventArchiveFor } from '../adapters/s3/event-archive.js';
import { createS3MediaStore } from '../adapters/s3/media-store.js';
import { createTwilioPorts } from '../adapters/twilio/twilio-ports.js';
import { withTicketHistory } from '../app/history/ticket-history.js';
import { type AppConfig, loadConfig } from '../config.js';
import { type Store, systemClock } from '../domain/ports.js';
import type { WebhookDeps } from '../http/deps.js';
import { lambdaJobs } from './lambda-channels.js';
import { resolveSecrets, type SecretReader, secretsManagerReader } from './secrets.js';

/** What a Lambda entry's dependencies carry: the logger that also takes each invocation's context. */
export interface LambdaLogging {
  readonly logger: LambdaLogger;
}

/** The table, through a client built for this container; every Lambda entry reads and writes it so. */
export function lambdaStore(config: AppConfig, searchPhone?: (text: string) => string | undefined): Store {
  const client = new DynamoDBClient({
    region: config.region,
    ...(config.dynamodbEndpoint ? { endpoint: config.dynamodbEndpoint } : {}),
  });
  return createDynamoStore({
    client,
    tableName: config.tableName,
    clock: systemClock,
    timeZone: config.timeZone,
    ...(searchPhone ? { searchPhone } : {}),
  });
}

/** For the webhook function: no Twilio REST client (see WebhookDeps). */
export async function webhookDeps(
  config: AppConfig = loadConfig(),
  readSecret: SecretReader = secretsManagerReader(config.region),
  /** Customer search's phone reader; the REST API passes one, webhooks never search (see store.ts). */
  searchPhone?: (text: string) => string | undefined,
): Promise<WebhookDeps & LambdaLogging> {
  const clock = systemClock;
  const logger = createPowertoolsLogger({ logLevel: config.logLevel });
  const store = withTicketHistory(lambdaStore(config, searchPhone), {
    clock,
    logger,
    timeZone: config.timeZone,
  });
  const jobs = lambdaJobs(config);
  // The IVR presigns recorded prompts and hold music for Twilio to fetch (read-only on prompts/).
  const media = createS3MediaStore({
    client: new S3Client({
      region: config.region,
      ...(config.s3Endpoint ? { endpoint: config.s3Endpoint } : {}),
    }),
    bucket: config.bucketName,
  });
  // Only the scheduled function is given the bucket: it archives what the minute job rebuilt.
  const eventArchive = eventArchiveFor(config);
  const secrets = await resolveSecrets(config, readSecret);
  // Every function that changes what a desk shows publishes through the WebSocket API's management endpoint.
  const push = config.push?.callbackUrl
    ? createApiGatewayPush({ endpoint: config.push.callbackUrl, region: config.region })
    : undefined;
  return {
    config,
    secrets,
    store,
    clock,
    ...createTwilioPorts({
      accountSid: config.twilio.accountSid,
      authToken: secrets.twilioAuthToken,
      ...(config.twilio.apiBaseUrl ? { apiBaseUrl: config.twilio.apiBaseUrl } : {}),
    }),
    logger,
    media,
    ...(jobs ? { jobs } : {}),
    ...(push ? { push } : {}),
    ...(eventArchive ? { eventArchive } : {}),
  };
}
