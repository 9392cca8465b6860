// Lambda entry for the Twilio provisioning custom resource (custom_resources.Provider's onEvent): Create
// and Update configure the account from flows/ (provision-account.ts), Delete undoes it. The public and
// fallback URLs and the numbers arrive as resource properties; the auth token from Secrets Manager.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HOTLINE_NUMBERS } from '../../flows/numbers.js';
import { routing } from '../../flows/routing.js';
import { createDynamoStore } from '../adapters/dynamo/store.js';
import { createPowertoolsLogger } from '../adapters/logging/powertools-logger.js';
import { createTwilioClient, type TwilioClient } from '../adapters/twilio/client.js';
import {
  type AccountTarget,
  deprovisionAccount,
  provisionAccount,
} from '../adapters/twilio/provision-account.js';
import { unwireNumbers } from '../adapters/twilio/provision-numbers.js';
import { loadProvisioningConfig } from '../config.js';
import type { Logger } from '../domain/logger.js';
import type { Store } from '../domain/ports.js';
import { systemClock } from '../domain/ports.js';
import type { RoutingConfig } from '../domain/routing/types.js';
import { resolveSecret, secretsManagerReader } from './secrets.js';

/** Resource properties, as CloudFormation passes them (strings and lists of strings). */
export interface ProvisioningProperties {
  readonly PublicUrl: string;
  readonly FallbackUrl?: string;
  /** E.164 numbers to wire; empty or absent = every number in flows/numbers.ts. */
  readonly PhoneNumbers?: readonly string[];
}

export interface ProvisioningEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: ProvisioningProperties;
  readonly OldResourceProperties?: ProvisioningProperties;
}

export interface ProvisioningResponse {
  readonly PhysicalResourceId: string;
  readonly Data?: {
    readonly WorkspaceSid: string;
    readonly WorkflowSid: string;
    readonly TwimlAppSid: string;
  };
}

/**
 * Fixed, so an update never looks like a replacement: CloudFormation would then send Delete for the old
 * id, and Delete tears down the very workspace and app the update just configured.
 */
export const PHYSICAL_ID = 'contact-center-twilio';

/** The numbers to wire, named as in flows/numbers.ts when listed there. */
export function numbersFor(listed: readonly string[] | undefined): AccountTarget['numbers'] {
  if (!listed?.length) return HOTLINE_NUMBERS;
  return listed.map((number) => HOTLINE_NUMBERS.find((n) => n.number === number) ?? { number, name: number });
}

function targetOf(props: ProvisioningProperties, flows: RoutingConfig): AccountTarget {
  const publicBaseUrl = props.PublicUrl.replace(/\/+$/, '');
  if (!/^https?:\/\//.test(publicBaseUrl))
    throw new Error(`PublicUrl must be an http(s) URL, got "${publicBaseUrl}"`);
  return {
    routing: flows,
    publicBaseUrl,
    numbers: numbersFor(props.PhoneNumbers),
    ...(props.FallbackUrl ? { fallbackUrl: props.FallbackUrl } : {}),
  };
}

export interface ProvisioningDeps {
  readonly client: TwilioClient;
  readonly store: Store;
  /** @default flows/routing.ts */
  readonly routing?: RoutingConfig;
  readonly logger: Logger;
}

export function provisioningHandler(deps: ProvisioningDeps) {
  const flows = deps.routing ?? routing;
  const { logger } = deps;
  return async (event: ProvisioningEvent): Promise<ProvisioningResponse> => {
    const target = targetOf(event.ResourceProperties, flows);
    if (event.RequestType === 'Delete') {
      const undone = await deprovisionAccount(deps.client, target);
      logger.info('twilio deprovisioned', { ...undone });
      return { PhysicalResourceId: event.PhysicalResourceId ?? PHYSICAL_ID };
    }
    const done = await provisionAccount(deps.client, deps.store, target);
    // Numbers dropped from the list (or moved to a new URL) stop pointing at this deployment.
    const old = event.RequestType === 'Update' ? event.OldResourceProperties : undefined;
    if (old) {
      const before = targetOf(old, flows);
      const kept = new Set(target.numbers.map((n) => n.number));
      const dropped = before.numbers.map((n) => n.number).filter((n) => !kept.has(n));
      if (dropped.length)
        logger.info('numbers unwired', {
          numbers: await unwireNumbers(deps.client, dropped, before.publicBaseUrl),
        });
    }
    logger.info('twilio provisioned', { ...done });
    return {
      PhysicalResourceId: PHYSICAL_ID,
      Data: { WorkspaceSid: done.workspaceSid, WorkflowSid: done.workflowSid, TwimlAppSid: done.twimlAppSid },
    };
  };
}

async function lambdaProvisioningDeps(): Promise<ProvisioningDeps> {
  const config = loadProvisioningConfig();
  const authToken = await resolveSecret(
    config.twilio.authToken,
    'TWILIO_AUTH_TOKEN_SECRET_ID',
    secretsManagerReader(config.region),
  );
  const dynamo = new DynamoDBClient({
    region: config.region,
    ...(config.dynamodbEndpoint ? { endpoint: config.dynamodbEndpoint } : {}),
  });
  return {
    client: createTwilioClient({
      accountSid: config.twilio.accountSid,
      authToken,
      ...(config.twilio.apiBaseUrl ? { apiBaseUrl: config.twilio.apiBaseUrl } : {}),
    }),
    store: createDynamoStore({
      client: dynamo,
      tableName: config.tableName,
      clock: systemClock,
      timeZone: config.timeZone,
    }),
    logger: createPowertoolsLogger({ logLevel: config.logLevel }),
  };
}

let live: Promise<ProvisioningDeps> | undefined;

/** Built on the first event (not at import), so tests can import `provisioningHandler` without AWS. */
export async function handler(event: ProvisioningEvent): Promise<ProvisioningResponse> {
  live ??= lambdaProvisioningDeps();
  return provisioningHandler(await live)(event);
}
