// The stateful stack: the table mirrors the local layout exactly, data is encrypted with the customer key,
// retained and recoverable, the recordings bucket is private, TLS-only, versioned, logged and expiring.
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTableInput, TTL_ATTRIBUTE } from '../../functions/adapters/dynamo/table.js';
import { type Synthesized, synthesize } from './synth.js';

let s: Synthesized;
beforeAll(() => {
  s = synthesize();
});

const byName = <T extends { AttributeName?: string; IndexName?: string }>(list: T[]) =>
  [...list].sort((a, b) =>
    (a.IndexName ?? a.AttributeName ?? '').localeCompare(b.IndexName ?? b.AttributeName ?? ''),
  );

describe('stateful stack', () => {
  it('pins the logical ids of every stateful resource', () => {
    const resources = s.statefulTemplate.toJSON().Resources as Record<string, { Type: string }>;
    expect(resources.DataKey?.Type).toBe('AWS::KMS::Key');
    expect(resources.DataTable?.Type).toBe('AWS::DynamoDB::Table');
    expect(resources.RecordingsBucket?.Type).toBe('AWS::S3::Bucket');
    expect(resources.AccessLogsBucket?.Type).toBe('AWS::S3::Bucket');
  });

  it('retains the key, table and buckets when the stack is deleted or they are replaced', () => {
    const resources = s.statefulTemplate.toJSON().Resources as Record<string, Record<string, unknown>>;
    for (const id of ['DataKey', 'DataTable', 'RecordingsBucket', 'AccessLogsBucket']) {
      expect(resources[id], id).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    }
  });

  it('defines the table exactly as createTableInput does (keys, attributes, GSIs)', () => {
    const table = s.statefulTemplate.toJSON().Resources.DataTable.Properties;
    const input = createTableInput('ignored');
    expect(table.BillingMode).toBe(input.BillingMode);
    expect(table.KeySchema).toEqual(input.KeySchema);
    expect(byName(table.AttributeDefinitions)).toEqual(byName(input.AttributeDefinitions));
    expect(byName(table.GlobalSecondaryIndexes)).toEqual(byName(input.GlobalSecondaryIndexes));
  });

  it('protects the table: PITR, deletion protection, TTL, customer-managed KMS key', () => {
    s.statefulTemplate.hasResourceProperties('AWS::DynamoDB::Table', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': ['DataKey', 'Arn'] },
      },
    });
    s.statefulTemplate.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('keeps recordings private, SSE-KMS, versioned, access-logged, archived then expired', () => {
    s.statefulTemplate.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: { 'Fn::GetAtt': ['DataKey', 'Arn'] },
            },
          },
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: { Ref: 'AccessLogsBucket' } },
      LifecycleConfiguration: {
        Rules: [
          Match.objectLike({
            Transitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: s.settings.recordingArchiveDays }],
            ExpirationInDays: s.settings.recordingRetentionDays,
            NoncurrentVersionExpiration: { NoncurrentDays: 30 },
          }),
        ],
      },
    });
  });

  it('refuses plain HTTP on every bucket', () => {
    const policies = s.statefulTemplate.findResources('AWS::S3::BucketPolicy');
    const buckets = Object.values(policies).map((p) => {
      const props = p.Properties as { Bucket: { Ref: string }; PolicyDocument: { Statement: unknown[] } };
      const denies = props.PolicyDocument.Statement.some((st) =>
        Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }).test(
          st,
        ),
      );
      return denies ? props.Bucket.Ref : undefined;
    });
    expect(buckets.sort()).toEqual(['AccessLogsBucket', 'AnalyticsBucket', 'RecordingsBucket']);
  });
});
