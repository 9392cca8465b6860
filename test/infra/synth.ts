// One synthesized contact center per test file: the same composition app.ts deploys (createContactCenter),
// synthesized once in beforeAll and shared by every test in the file. esbuild bundles the Lambdas once per
// run instead (bundle-once.ts, the infra project's globalSetup): a file's own synth then skips bundling,
// which changes nothing in its templates but the code assets' hashes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { BUNDLING_STACKS } from 'aws-cdk-lib/cx-api';
import { inject } from 'vitest';
import { type ContactCenter, createContactCenter, FEATURE_FLAGS } from '../../infra/aws/contact-center.js';
import { type DeploySettings, parseDeploySettings } from '../../infra/aws/deploy-settings.js';
import { ServiceStack } from '../../infra/aws/service-stack.js';
import { StatefulStack } from '../../infra/aws/stateful-stack.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The cdk.out of this run's one bundling synth (bundle-once.ts); unset when nothing bundled yet. */
    bundledCdkOut?: string;
  }
}

/** Context as an admin would give it; values differ from the defaults so tests see them flow through. */
export const TEST_CONTEXT = {
  twilioAccountSid: `AC${'1'.repeat(32)}`,
  numbers: [
    { number: '+8640012345678', flow: 'warranty' },
    { number: '+862161234567', flow: 'rescue' },
  ],
  smsFrom: '+862161234567',
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
  /** A cdk.out whose code assets are the real bundles: this run's shared one, or this app's own. */
  readonly bundledCdkOut: string;
}

/** An App as app.ts makes it, in a fresh cdk.out; with `bundle: false` its stacks skip esbuild. */
export function newApp({ bundle }: { readonly bundle: boolean }): App {
  const context = bundle ? FEATURE_FLAGS : { ...FEATURE_FLAGS, [BUNDLING_STACKS]: [] };
  return new App({ context, outdir: mkdtempSync(join(tmpdir(), 'cdk-test-')) });
}

/** An App for one test file: it bundles only if this run has not (a file run outside the infra project). */
export const testApp = (): App => newApp({ bundle: inject('bundledCdkOut') === undefined });

export function synthesize(context: Record<string, unknown> = TEST_CONTEXT): Synthesized {
  const app = testApp();
  const settings = parseDeploySettings((key) => context[key]);
  const center = createContactCenter(app, settings);
  app.synth();
  return {
    ...center,
    app,
    settings,
    statefulTemplate: Template.fromStack(center.stateful),
    serviceTemplate: Template.fromStack(center.service),
    bundledCdkOut: inject('bundledCdkOut') ?? app.outdir,
  };
}

/**
 * The two stacks pinned to one region (createContactCenter leaves the region to deploy time), for what
 * depends on it: CloudFront's metrics and log delivery. Never bundles.
 */
export function synthesizeIn(region: string): {
  readonly service: ServiceStack;
  readonly template: Template;
} {
  const app = newApp({ bundle: false });
  const context: Record<string, unknown> = TEST_CONTEXT;
  const settings = parseDeploySettings((key) => context[key]);
  const env = { account: '123456789012', region };
  const data = new StatefulStack(app, 'Data', {
    env,
    recordingArchiveDays: settings.recordingArchiveDays,
    recordingRetentionDays: settings.recordingRetentionDays,
    accessLogRetentionDays: settings.accessLogRetentionDays,
  });
  const service = new ServiceStack(app, 'Service', {
    env,
    settings,
    table: data.table,
    recordings: data.recordings,
  });
  return { service, template: Template.fromStack(service) };
}

/** One IAM policy statement as the synthesized template holds it. */
export interface PolicyStatement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** The policies attached to the role with this logical id, with their logical ids and statements. */
export function rolePolicies(
  s: Synthesized,
  roleId: string,
): { policyId: string; statements: PolicyStatement[] }[] {
  const policies = s.serviceTemplate.findResources('AWS::IAM::Policy', {
    Properties: { Roles: [{ Ref: roleId }] },
  });
  return Object.entries(policies).map(([policyId, p]) => ({
    policyId,
    statements: (p.Properties as { PolicyDocument: { Statement: PolicyStatement[] } }).PolicyDocument
      .Statement,
  }));
}

/** Every statement of the role's attached policies. */
export const roleStatements = (s: Synthesized, roleId: string): PolicyStatement[] =>
  rolePolicies(s, roleId).flatMap((p) => p.statements);

/** The statements' actions, each statement's one or many. */
export const actionsOf = (statements: readonly PolicyStatement[]): string[] =>
  statements.flatMap((st) => (Array.isArray(st.Action) ? st.Action : [st.Action]));
