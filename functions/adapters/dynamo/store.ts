// Composition of the DynamoDB repositories into the Store port, plus table creation for local runs.

import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { callerId } from '../../domain/caller-id.js';
import type { Clock, Store } from '../../domain/ports.js';
import { createApiKeyRepo } from './api-key-repo.js';
import { createAssetRepo } from './asset-repo.js';
import { createAuditRepo } from './audit-repo.js';
import { createBlacklistRequestRepo } from './blacklist-request-repo.js';
import { createBulkSmsRepo } from './bulk-sms-repo.js';
import { createCallRepo } from './call-repo.js';
import { createCampaignRepo } from './campaign-repo.js';
import { createCustomerRepo } from './customer-repo.js';
import { createFaxRepo } from './fax-repo.js';
import { createEventLog, createRollupRepo } from './history-repo.js';
import { createBlacklistRepo, createSettingsRepo, createVoicemailRepo } from './ivr-repos.js';
import { createKbRepo } from './kb-repo.js';
import { createKeyValueRepo } from './key-value-repo.js';
import { createMessagingRepo } from './messaging-repo.js';
import { createPolicyRepo } from './policy-repo.js';
import { createPushConnectionRepo } from './push-repo.js';
import { createQualityRepo } from './quality-repo.js';
import { createRecordingRepo } from './recording-repo.js';
import { createTableInput } from './table.js';
import type { TableAccess } from './table-access.js';
import { createTaskRepo } from './task-repo.js';
import { createTicketRepo } from './ticket-repo.js';
import { createUserRepo } from './user-repo.js';

export interface DynamoStoreOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly clock: Clock;
  /** IANA zone for the year in ticket numbers; default UTC. */
  readonly timeZone?: string;
  /**
   * Reads phone numbers typed into customer search (e.g. `normalisePhone` with the center's region).
   * Optional so the webhook Lambda, which never searches, needs no phone-number library; without it
   * search matches E.164 numbers only.
   */
  readonly searchPhone?: (text: string) => string | undefined;
}

function e164Only(text: string): string | undefined {
  const id = callerId(text.replace(/[\s()-]/g, ''));
  return id.ok ? id.e164 : undefined;
}

export function createDynamoStore(options: DynamoStoreOptions): Store {
  const doc = DynamoDBDocumentClient.from(options.client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  const t: TableAccess = { doc, tableName: options.tableName };
  const { clock } = options;
  const assets = createAssetRepo(t, clock);
  const policies = createPolicyRepo(t, clock);
  return {
    customers: createCustomerRepo(
      t,
      clock,
      { assets: () => assets, policies: () => policies },
      options.searchPhone ?? e164Only,
    ),
    assets,
    policies,
    tickets: createTicketRepo(t, clock, options.timeZone ?? 'UTC'),
    tasks: createTaskRepo(t, clock),
    calls: createCallRepo(t, clock),
    users: createUserRepo(t, clock),
    audit: createAuditRepo(t, clock),
    keys: createKeyValueRepo(t, clock),
    blacklist: createBlacklistRepo(t, clock),
    blacklistRequests: createBlacklistRequestRepo(t, clock),
    voicemails: createVoicemailRepo(t, clock),
    settings: createSettingsRepo(t, clock),
    recordings: createRecordingRepo(t, clock),
    messaging: createMessagingRepo(t, clock),
    faxes: createFaxRepo(t),
    push: createPushConnectionRepo(t, clock),
    events: createEventLog(t),
    rollups: createRollupRepo(t),
    kb: createKbRepo(t, clock),
    quality: createQualityRepo(t, clock),
    campaigns: createCampaignRepo(t, clock),
    apiKeys: createApiKeyRepo(t, clock),
    bulkSms: createBulkSmsRepo(t, clock),
  };
}

/** Creates the table if it does not exist and waits until it is active. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  } catch (err) {
    if ((err as Error).name !== 'ResourceInUseException') throw err;
  }
  for (let i = 0; i < 100; i++) {
    const out = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexesReady = (out.Table?.GlobalSecondaryIndexes ?? []).every((ix) => ix.IndexStatus === 'ACTIVE');
    if (out.Table?.TableStatus === 'ACTIVE' && indexesReady) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`table ${tableName} did not become active`);
}
