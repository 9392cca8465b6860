// Runs one deployed bundle against local stand-ins for its AWS and Twilio services: the local stack's
// dynalite, s3rver and Twilio twin (with the demo users), plus Secrets Manager and SQS (aws-endpoint.ts).
// The bundle gets the environment the template gives its function, references replaced by those local
// values, and runs in a process of its own, as one Lambda container (lambda-container.ts).
import { randomBytes } from 'node:crypto';
import { LOCAL_BUCKET, LOCAL_TABLE, LOCAL_TWILIO } from '../../../infra/local/local-config.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { type AwsEndpoint, PUSH_STAGE_PATH, startAwsEndpoint } from './aws-endpoint.js';
import {
  type DeployedFunction,
  deployedFunction,
  type FunctionId,
  localEnvironment,
} from './deployed-function.js';
import { type LambdaContainer, startContainer } from './lambda-container.js';

/** CloudFront's domain for the distribution: the public URL Twilio signs and the browser uses. */
export const DISTRIBUTION_DOMAIN = 'd111111abcdef8.cloudfront.net';
export const PUBLIC_BASE_URL = `https://${DISTRIBUTION_DOMAIN}`;
/** The HTTP API's own endpoint as the template's join resolves: where Twilio's webhooks go and are signed. */
export const WEBHOOK_BASE_URL = 'https://h7t8p9a0pi.execute-api.eu-west-1.amazonaws.com';
/** The WebSocket stage's URL as the template's reference resolves: where pages connect. */
export const PUSH_URL = `wss://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com${PUSH_STAGE_PATH}`;

const arn = (name: string) =>
  `arn:aws:secretsmanager:eu-west-1:123456789012:secret:ContactCenterService-${name}-AbCdEf`;

/** The generated secrets' ids, as the template's `Ref`s resolve to (their ARNs). */
export const SECRET_IDS = {
  session: arn('SessionKey'),
  originVerify: arn('OriginVerify'),
  apiKey: arn('TwilioApiKey'),
} as const;

export interface BundleRun {
  readonly container: LambdaContainer;
  readonly fn: DeployedFunction;
  /** The environment the bundle was loaded with. */
  readonly env: Readonly<Record<string, string>>;
  readonly stack: LocalStack;
  readonly aws: AwsEndpoint;
  /** What CloudFront sends the API as X-Origin-Verify. */
  readonly originVerify: string;
  /** The session key's value in its secret: what signs sessions and push tickets. */
  readonly sessionKey: string;
  stop(): Promise<void>;
}

export interface RunOptions {
  /** The API key secret's value at start; default a key already provisioned (the twin's). */
  readonly apiKeySecret?: string;
}

export async function runBundle(id: FunctionId, options: RunOptions = {}): Promise<BundleRun> {
  const fn = deployedFunction(id);
  const stack = await startLocalStack({ port: 0, demoData: true, periodicJobs: false });
  const originVerify = randomBytes(24).toString('base64url');
  const sessionKey = randomBytes(32).toString('base64url');
  let aws: AwsEndpoint | undefined;
  try {
    // The auth token's secret is the one the admin created before deploying, named in the deploy settings.
    const authTokenSecret = String(fn.variables.TWILIO_AUTH_TOKEN_SECRET_ID);
    aws = await startAwsEndpoint(
      new Map([
        [authTokenSecret, LOCAL_TWILIO.authToken],
        [SECRET_IDS.session, sessionKey],
        [SECRET_IDS.originVerify, originVerify],
        // As provisioning stores the key it created: both halves as JSON.
        [
          SECRET_IDS.apiKey,
          options.apiKeySecret ??
            JSON.stringify({ sid: LOCAL_TWILIO.apiKeySid, secret: LOCAL_TWILIO.apiKeySecret }),
        ],
      ]),
    );
    const env = {
      ...localEnvironment(fn, {
        TABLE_NAME: LOCAL_TABLE,
        BUCKET_NAME: LOCAL_BUCKET,
        // The minute job's event archive bucket: the local bucket stands in for it, as for recordings.
        EVENTS_BUCKET: LOCAL_BUCKET,
        SESSION_KEY_SECRET_ID: SECRET_IDS.session,
        ORIGIN_VERIFY_SECRET_ID: SECRET_IDS.originVerify,
        TWILIO_API_KEY_SECRET_ID: SECRET_IDS.apiKey,
        JOBS_QUEUE_URL: aws.queueUrl('ContactCenterService-JobsQueue'),
        JOBS_DEAD_LETTER_URL: aws.queueUrl('ContactCenterService-JobsDeadLetters'),
        PUBLIC_BASE_URL,
        WEBHOOK_BASE_URL,
        PUSH_URL,
        // The stage's management API is served by the local AWS endpoint.
        PUSH_CALLBACK_URL: `${aws.url}${PUSH_STAGE_PATH}`,
      }),
      // The one literal changed: the twin serves a single account of its own.
      TWILIO_ACCOUNT_SID: LOCAL_TWILIO.accountSid,
      // What the Lambda runtime adds.
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_LAMBDA_FUNCTION_NAME: `ContactCenterService-${fn.logicalId}`,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
      // The function's LoggingConfig: JSON at INFO.
      AWS_LAMBDA_LOG_FORMAT: 'JSON',
      AWS_LAMBDA_LOG_LEVEL: 'INFO',
      // Where the local stand-ins are: the variables the config and the AWS SDK read for other endpoints.
      DYNAMODB_ENDPOINT: stack.config.dynamodbEndpoint ?? '',
      S3_ENDPOINT: stack.config.s3Endpoint ?? '',
      TWILIO_API_BASE_URL: stack.twin.apiBaseUrl(),
      AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.url,
      AWS_ENDPOINT_URL_SQS: aws.url,
    };
    const container = await startContainer(fn, env);
    const started = aws;
    return {
      container,
      fn,
      env,
      stack,
      aws: started,
      originVerify,
      sessionKey,
      async stop() {
        await container.stop();
        await started.stop();
        await stack.stop();
      },
    };
  } catch (err) {
    await aws?.stop();
    await stack.stop();
    throw err;
  }
}
