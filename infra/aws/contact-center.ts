// Composes the deployment from settings: the stateful stack, then the service stack that uses it. Shared
// by app.ts (the CLI's entry) and the synth tests, so both check the same thing.
import type { App } from 'aws-cdk-lib';
import type { DeploySettings } from './deploy-settings.js';
import { ServiceStack } from './service-stack.js';
import { StatefulStack } from './stateful-stack.js';

/** CDK feature flags this app relies on, given to `new App({ context })` by app.ts and the tests alike. */
export const FEATURE_FLAGS = {
  // S3 access logs delivered through the log bucket's policy, not ACLs (which need ObjectWriter).
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  // Stateful outputs are imported by the service stack; CloudFormation refuses to drop one still in use.
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
} as const;

export interface ContactCenter {
  readonly stateful: StatefulStack;
  readonly service: ServiceStack;
}

export function createContactCenter(
  app: App,
  settings: DeploySettings,
  options: { readonly webDistDir?: string } = {},
): ContactCenter {
  const stateful = new StatefulStack(app, 'ContactCenterData', {
    description: 'Contact center data: table, recordings bucket, KMS key (retained)',
    recordingArchiveDays: settings.recordingArchiveDays,
    recordingRetentionDays: settings.recordingRetentionDays,
    accessLogRetentionDays: settings.accessLogRetentionDays,
    ...(settings.recordingLockDays || settings.recordingLockMode
      ? {
          recordingLock: {
            mode: settings.recordingLockMode ?? 'governance',
            days: settings.recordingLockDays ?? settings.recordingRetentionDays,
          },
        }
      : {}),
    terminationProtection: true,
  });
  const service = new ServiceStack(app, 'ContactCenterService', {
    description: 'Contact center service: functions, HTTP API, CloudFront site, alarms',
    settings,
    table: stateful.table,
    recordings: stateful.recordings,
    analytics: stateful.analytics.bucket,
    ...(options.webDistDir ? { webDistDir: options.webDistDir } : {}),
  });
  return { stateful, service };
}
