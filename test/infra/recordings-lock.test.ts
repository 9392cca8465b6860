// Recordings cannot be edited or deleted by the app: the bucket has Object Lock (governance for the
// retention period unless told otherwise), and the API and worker roles may write new objects but hold no
// delete, retention, legal-hold, bypass or lock-configuration action on it.
import { App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { BUNDLING_STACKS } from 'aws-cdk-lib/cx-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { FEATURE_FLAGS } from '../../infra/aws/contact-center.js';
import { StatefulStack } from '../../infra/aws/stateful-stack.js';
import { actionsOf, roleStatements, type Synthesized, synthesize, TEST_CONTEXT } from './synth.js';

let s: Synthesized;
beforeAll(() => {
  s = synthesize();
});

const recordingsBucket = (t: Template) => t.toJSON().Resources.RecordingsBucket.Properties;

const statementsOf = (fn: IFunction) =>
  roleStatements(s, s.service.getLogicalId(fn.role?.node.defaultChild as CfnElement));

/** The statements of the role that name the recordings bucket or its objects. */
const onRecordings = (fn: IFunction) =>
  statementsOf(fn).filter((st) => JSON.stringify(st.Resource).includes('RecordingsBucket'));

describe('recordings Object Lock', () => {
  it('locks each new object in governance mode for the retention period, by default', () => {
    expect(recordingsBucket(s.statefulTemplate)).toMatchObject({
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: s.settings.recordingRetentionDays } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  it('takes the mode and days it is given', () => {
    const app = new App({ context: { ...FEATURE_FLAGS, [BUNDLING_STACKS]: [] } });
    const stack = new StatefulStack(app, 'Data', {
      recordingArchiveDays: 30,
      recordingRetentionDays: 400,
      accessLogRetentionDays: 90,
      recordingLock: { mode: 'compliance', days: 180 },
    });
    expect(recordingsBucket(Template.fromStack(stack)).ObjectLockConfiguration.Rule).toEqual({
      DefaultRetention: { Mode: 'COMPLIANCE', Days: 180 },
    });
  });

  it('takes the mode and days from the deploy settings', () => {
    const given = synthesize({ ...TEST_CONTEXT, recordingLockDays: 200, recordingLockMode: 'compliance' });
    expect(recordingsBucket(given.statefulTemplate).ObjectLockConfiguration.Rule).toEqual({
      DefaultRetention: { Mode: 'COMPLIANCE', Days: 200 },
    });
  });

  it('expires current versions at the retention, and locked old versions only after it', () => {
    const rule = recordingsBucket(s.statefulTemplate).LifecycleConfiguration.Rules[0];
    const lockDays = recordingsBucket(s.statefulTemplate).ObjectLockConfiguration.Rule.DefaultRetention.Days;
    // A version becomes noncurrent at the earliest when it expires, so it is past its lock when removed.
    expect(rule.ExpirationInDays).toBeGreaterThanOrEqual(lockDays);
  });
});

describe('what the app may do to recordings', () => {
  it.each([
    ['API', () => s.service.api.fn],
    ['worker', () => s.service.worker.fn],
  ])('%s: read and write new objects, never delete, change a lock or bypass one', (_, fn) => {
    const actions = actionsOf(onRecordings(fn()));
    expect(actions).toEqual(
      expect.arrayContaining(['s3:GetObject*', 's3:PutObject', 's3:AbortMultipartUpload']),
    );
    const forbidden = actions.filter((a) =>
      /^s3:(\*|Delete|Put(Object)?(Retention|LegalHold)|PutObjectVersion|BypassGovernance|PutBucket|PutLifecycle|PutObjectAcl|PutObjectTagging|Abort\*)/.test(
        a,
      ),
    );
    expect(forbidden).toEqual([]);
    // Nothing else on the bucket in any statement of the role, whatever the resource.
    expect(
      actionsOf(statementsOf(fn())).filter((a) => /^s3:(Delete|Bypass|PutObjectRetention)/.test(a)),
    ).toEqual([]);
  });

  it('scheduled jobs and reconcile hold nothing on the bucket', () => {
    for (const fn of [s.service.scheduled.fn, s.service.reconciler.fn]) expect(onRecordings(fn)).toEqual([]);
  });

  it('webhooks only read recorded prompts (to presign them for Twilio), never a recording', () => {
    const statements = onRecordings(s.service.webhooks.fn);
    expect(statements.length).toBeGreaterThan(0);
    for (const st of statements) {
      expect(actionsOf([st]).filter((a) => !/^s3:(Get|List)/.test(a))).toEqual([]);
      const objects = JSON.stringify(st.Resource).match(/"\/[^"]*"/g) ?? [];
      expect(objects.every((o) => o === '"/prompts/*"')).toBe(true);
    }
  });
});
