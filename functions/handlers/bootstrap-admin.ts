// Lambda entry for the first-admin custom resource (custom_resources.Provider's onEvent): Create and Update
// create the admin named by the AdminId property unless that user exists (workers/bootstrap-admin.ts);
// Delete leaves every user alone, since the table is retained. The password is read from Secrets Manager
// only when the user is created, and is never logged or returned.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoStore } from '../adapters/dynamo/store.js';
import { createPowertoolsLogger } from '../adapters/logging/powertools-logger.js';
import { loadBootstrapConfig } from '../config.js';
import type { Logger } from '../domain/logger.js';
import type { Store } from '../domain/ports.js';
import { systemClock } from '../domain/ports.js';
import { bootstrapAdmin } from '../workers/bootstrap-admin.js';
import { resolveSecret, secretsManagerReader } from './secrets.js';

export interface AdminBootstrapEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: { readonly AdminId: string };
}

export interface AdminBootstrapResponse {
  readonly PhysicalResourceId: string;
  readonly Data?: { readonly AdminId: string; readonly Created: 'true' | 'false' };
}

/** Fixed, so a new adminId is an Update (the old admin is kept), never a replacement with its Delete. */
export const ADMIN_BOOTSTRAP_ID = 'contact-center-first-admin';

export interface AdminBootstrapDeps {
  readonly store: Store;
  readonly readPassword: () => Promise<string>;
  readonly logger: Logger;
}

export function adminBootstrapHandler(deps: AdminBootstrapDeps) {
  const { logger } = deps;
  return async (event: AdminBootstrapEvent): Promise<AdminBootstrapResponse> => {
    if (event.RequestType === 'Delete') {
      logger.info('first admin: delete leaves users alone');
      return { PhysicalResourceId: event.PhysicalResourceId ?? ADMIN_BOOTSTRAP_ID };
    }
    const adminId = String(event.ResourceProperties.AdminId ?? '');
    const outcome = await bootstrapAdmin(deps.store, { adminId, readPassword: deps.readPassword });
    logger.info(outcome.created ? 'first admin created' : 'first admin exists, left alone', { adminId });
    return {
      PhysicalResourceId: ADMIN_BOOTSTRAP_ID,
      Data: { AdminId: adminId, Created: outcome.created ? 'true' : 'false' },
    };
  };
}

function lambdaDeps(): AdminBootstrapDeps {
  const config = loadBootstrapConfig();
  const dynamo = new DynamoDBClient({
    region: config.region,
    ...(config.dynamodbEndpoint ? { endpoint: config.dynamodbEndpoint } : {}),
  });
  return {
    store: createDynamoStore({ client: dynamo, tableName: config.tableName, clock: systemClock }),
    readPassword: () =>
      resolveSecret(config.adminPassword, 'ADMIN_PASSWORD_SECRET_ID', secretsManagerReader(config.region)),
    logger: createPowertoolsLogger({ logLevel: config.logLevel }),
  };
}

let live: AdminBootstrapDeps | undefined;

/** Built on the first event (not at import), so tests can import `adminBootstrapHandler` without AWS. */
export async function handler(event: AdminBootstrapEvent): Promise<AdminBootstrapResponse> {
  live ??= lambdaDeps();
  return adminBootstrapHandler(live)(event);
}
