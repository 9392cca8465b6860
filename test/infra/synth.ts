// One synthesized contact center per test file: the same composition app.ts deploys (createContactCenter),
// with real esbuild bundling, synthesized once in beforeAll and shared by every test in the file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type ContactCenter, createContactCenter, FEATURE_FLAGS } from '../../infra/aws/contact-center.js';
import { type DeploySettings, parseDeploySettings } from '../../infra/aws/deploy-settings.js';

/** Context as an admin would give it; values differ from the defaults so tests see them flow through. */
export const TEST_CONTEXT = {
  twilioAccountSid: `AC${'1'.repeat(32)}`,
  phoneNumbers: '+18005550100,+8640012345678',
  recordingArchiveDays: 60,
  recordingRetentionDays: 400,
  alarmEmail: 'ops@example.com',
} as const;

export interface Synthesized extends ContactCenter {
  readonly app: App;
  readonly settings: DeploySettings;
  readonly stateful: ContactCenter['stateful'];
  readonly statefulTemplate: Template;
  readonly serviceTemplate: Template;
}

export function synthesize(context: Record<string, unknown> = TEST_CONTEXT): Synthesized {
  const app = new App({ context: FEATURE_FLAGS, outdir: mkdtempSync(join(tmpdir(), 'cdk-test-')) });
  const settings = parseDeploySettings((key) => context[key]);
  const center = createContactCenter(app, settings);
  app.synth();
  return {
    ...center,
    app,
    settings,
    statefulTemplate: Template.fromStack(center.stateful),
    serviceTemplate: Template.fromStack(center.service),
  };
}
