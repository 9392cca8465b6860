// Lambda entry for the Twilio provisioning custom resource (custom_resources.Provider's onEvent): Create
// and Update configure the account from flows/ and the deploy's numbers (provision-account.ts) and make
// sure the softphone's API key exists; Delete undoes it. Account-level resources are found by the SIDs
// this resource created (its PhysicalResourceId is the workspace's SID; the rest is in the `taskrouter`
// setting), so two stacks on one account never touch each other's. The auth token is read from Secrets
// Manager; Delete succeeds without it, logging what it left behind.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { routing } from '../../flows/routing.js';
import { createDynamoStore } from '../adapters/dynamo/store.js';
import { createPowertoolsLogger } from '../adapters/logging/powertools-logger.js';
import { createTwilioClient, type TwilioClient } from '../adapters/twilio/client.js';
import {
  type AccountTarget,
  deprovisionAccount,
  type KnownSids,
  type ProvisionedAccountSetting,
  provisionAccount,
} from '../adapters/twilio/provision-account.js';
import {
  type ApiKeyStore,
  checkApiKey,
  ensureApiKey,
  revokeApiKey,
} from '../adapters/twilio/provision-api-key.js';
import { unwireNumbers } from '../adapters/twilio/provision-numbers.js';
import { loadProvisioningConfig } from '../config.js';
import type { Logger } from '../domain/logger.js';
import type { Store } from '../domain/ports.js';
import { systemClock } from '../domain/ports.js';
import { ROUTING_SETTING } from '../domain/routing/provisioned.js';
import type { RoutingConfig } from '../domain/routing/types.js';
import { resolveSecret, secretsManagerReader, secretsManagerWriter } from './secrets.js';

/** Resource properties, as CloudFormation passes them (strings, lists and maps of strings). */
export interface ProvisioningProperties {
  readonly PublicUrl: string;
  /** Where Twilio's webhooks go (the HTTP API's endpoint); absent (earlier versions), the public URL. */
  readonly WebhookUrl?: string;
  readonly FallbackUrl?: string;
  /** The numbers to wire (E.164), each with the flow it runs. */
  readonly Numbers?: readonly { readonly Number: string; readonly Flow: string }[];
  /** Numbers only, as earlier versions passed them; still read from OldResourceProperties. */
  readonly PhoneNumbers?: readonly string[];
  /** Secrets Manager id of the API key secret (JSON {"sid","secret"}). */
  readonly ApiKeySecretId?: string;
  /** 'true': this resource creates the key, stores it there and revokes it on Delete; else it is checked. */
  readonly ApiKeyManaged?: 'true' | 'false';
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
    readonly ApiKeySid: string;
  };
}

/** The id earlier versions returned for every deployment; its Delete (after the move to SIDs) undoes nothing. */
export const LEGACY_PHYSICAL_ID = 'contact-center-twilio';

const isWorkspaceSid = (id: string | undefined): id is string => !!id && /^WS[0-9a-f]{32}$/.test(id);

function targetOf(props: ProvisioningProperties, flows: RoutingConfig): AccountTarget {
  const key = props.WebhookUrl ? 'WebhookUrl' : 'PublicUrl';
  const webhookBaseUrl = (props.WebhookUrl ?? props.PublicUrl).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(webhookBaseUrl))
    throw new Error(`${key} must be an http(s) URL, got "${webhookBaseUrl}"`);
  // The flow is in the name, so the Console shows which flow a number runs in which deployment.
  const numbers = props.Numbers
    ? props.Numbers.map((n) => ({ number: n.Number, name: `${flows.workspace}: ${n.Flow}` }))
    : (props.PhoneNumbers ?? []).map((number) => ({ number, name: `${flows.workspace}: ${number}` }));
  return {
    routing: flows,
    webhookBaseUrl,
    numbers,
    ...(props.FallbackUrl ? { fallbackUrl: props.FallbackUrl } : {}),
  };
}

export interface ProvisioningDeps {
  readonly client: TwilioClient;
  readonly store: Store;
  /** The API key secret by id (Secrets Manager in AWS). */
  readonly apiKeyStore: (secretId: string) => ApiKeyStore;
  /** @default flows/routing.ts */
  readonly routing?: RoutingConfig;
  readonly logger: Logger;
}

export function provisioningHandler(deps: ProvisioningDeps) {
  const flows = deps.routing ?? routing;
  const { client, store, logger } = deps;

  async function apiKey(props: ProvisioningProperties) {
    if (!props.ApiKeySecretId) return undefined;
    const keyStore = deps.apiKeyStore(props.ApiKeySecretId);
    if (props.ApiKeyManaged !== 'true')
      return { sid: await checkApiKey(client, keyStore), outcome: 'checked' };
    return ensureApiKey(client, keyStore, `${flows.workspace} softphone tokens`);
  }

  async function createOrUpdate(event: ProvisioningEvent): Promise<ProvisioningResponse> {
    const target = targetOf(event.ResourceProperties, flows);
    const setting = await store.settings.get<ProvisionedAccountSetting>(ROUTING_SETTING);
    const known: KnownSids =
      event.RequestType === 'Create' ? {} : knownSids(event.PhysicalResourceId, setting);
    const key = await apiKey(event.ResourceProperties);
    let done: Awaited<ReturnType<typeof provisionAccount>>;
    try {
      done = await provisionAccount(client, store, target, known);
    } catch (err) {
      // A key made by this very run is no use to a resource that failed: revoke it with the rest.
      if (key?.outcome === 'created' && event.ResourceProperties.ApiKeySecretId)
        await revokeApiKey(client, deps.apiKeyStore(event.ResourceProperties.ApiKeySecretId)).catch(() => {});
      throw err;
    }
    // Numbers dropped from the list stop pointing at this deployment.
    const old = event.RequestType === 'Update' ? event.OldResourceProperties : undefined;
    if (old) {
      const before = targetOf(old, flows);
      const kept = new Set(target.numbers.map((n) => n.number));
      const dropped = before.numbers.map((n) => n.number).filter((n) => !kept.has(n));
      if (dropped.length)
        logger.info('numbers unwired', {
          numbers: await unwireNumbers(client, dropped, before.webhookBaseUrl),
        });
    }
    logger.info('twilio provisioned', { ...done, apiKey: key ?? 'none' });
    return {
      PhysicalResourceId: done.workspaceSid,
      Data: {
        WorkspaceSid: done.workspaceSid,
        WorkflowSid: done.workflowSid,
        TwimlAppSid: done.twimlAppSid,
        ApiKeySid: key?.sid ?? '',
      },
    };
  }

  async function remove(event: ProvisioningEvent): Promise<ProvisioningResponse> {
    const id = event.PhysicalResourceId ?? '';
    const done = { PhysicalResourceId: id };
    if (!isWorkspaceSid(id)) {
      // A failed Create (it removed its own creations) or the id earlier versions used: nothing of ours.
      logger.info('twilio deprovisioning: nothing recorded under this id', { physicalResourceId: id });
      return done;
    }
    const setting = await store.settings
      .get<ProvisionedAccountSetting>(ROUTING_SETTING)
      .catch(() => undefined);
    // A replaced workspace (the one recorded is another): the numbers, app and key are the new one's.
    const current = !setting || setting.workspaceSid === id;
    const target = targetOf(event.ResourceProperties, flows);
    const undone = await deprovisionAccount(client, current ? target : { ...target, numbers: [] }, {
      workspaceSid: id,
      ...(current && setting?.applicationSid ? { twimlAppSid: setting.applicationSid } : {}),
    });
    const props = event.ResourceProperties;
    const revoked =
      current && props.ApiKeyManaged === 'true' && props.ApiKeySecretId
        ? await revokeApiKey(client, deps.apiKeyStore(props.ApiKeySecretId)).then(
            (sid) => ({ ok: true, detail: sid ? `revoked ${sid}` : 'none stored' }),
            (err: Error) => ({ ok: false, leftBehind: 'the API key', reason: err.message }),
          )
        : { ok: true, detail: 'not ours to revoke' };
    // Without the setting the app's SID is unknown: say so rather than report the app as handled.
    const twimlApp =
      current && !setting?.applicationSid
        ? {
            ok: false,
            leftBehind: 'the softphone TwiML App',
            reason: 'its SID is not in the taskrouter setting',
          }
        : undone.twimlApp;
    const steps = { ...undone, twimlApp, apiKey: revoked };
    if (Object.values(steps).some((s) => !s.ok)) logger.warn('twilio deprovisioned, some left behind', steps);
    else logger.info('twilio deprovisioned', steps);
    return done;
  }

  return (event: ProvisioningEvent): Promise<ProvisioningResponse> =>
    event.RequestType === 'Delete' ? remove(event) : createOrUpdate(event);
}

/** Update: the workspace is the resource's id (or, from earlier versions, the setting's); the app the setting's. */
function knownSids(
  physicalId: string | undefined,
  setting: ProvisionedAccountSetting | undefined,
): KnownSids {
  const workspaceSid = isWorkspaceSid(physicalId) ? physicalId : setting?.workspaceSid;
  if (!workspaceSid) return {};
  const appSid = setting?.workspaceSid === workspaceSid ? setting.applicationSid : undefined;
  return { workspaceSid, ...(appSid ? { twimlAppSid: appSid } : {}) };
}

async function lambdaProvisioningDeps(): Promise<ProvisioningDeps> {
  const config = loadProvisioningConfig();
  const read = secretsManagerReader(config.region);
  const write = secretsManagerWriter(config.region);
  const authToken = await resolveSecret(config.twilio.authToken, 'TWILIO_AUTH_TOKEN_SECRET_ID', read);
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
    apiKeyStore: (secretId) => ({ read: () => read(secretId), write: (value) => write(secretId, value) }),
    logger: createPowertoolsLogger({ logLevel: config.logLevel }),
  };
}

let live: Promise<ProvisioningDeps> | undefined;

/**
 * Built on the first event (not at import), so tests can import `provisioningHandler` without AWS. A failed
 * build is not kept: the next event (after the admin fixes the secret) tries again in the same container.
 * A Delete that cannot build them (secret gone, unreadable) succeeds, logging what it could not undo.
 */
export async function handler(event: ProvisioningEvent): Promise<ProvisioningResponse> {
  live ??= lambdaProvisioningDeps();
  const attempt = live;
  let deps: ProvisioningDeps;
  try {
    deps = await attempt;
  } catch (err) {
    if (live === attempt) live = undefined;
    if (event.RequestType !== 'Delete') throw err;
    createPowertoolsLogger().warn('twilio deprovisioning skipped: cannot reach Twilio', {
      reason: (err as Error).message,
      leftBehind: { workspace: event.PhysicalResourceId, numbers: targetNumbers(event) },
    });
    return { PhysicalResourceId: event.PhysicalResourceId ?? '' };
  }
  return provisioningHandler(deps)(event);
}

function targetNumbers(event: ProvisioningEvent): readonly string[] {
  const p = event.ResourceProperties;
  return p.Numbers?.map((n) => n.Number) ?? p.PhoneNumbers ?? [];
}
