// The analytics resources: a private, encrypted, versioned events bucket that moves old files to
// Standard-IA; a Glue table over events/ with date partition projection (no crawler) whose columns are the
// local `events` view's; an Athena workgroup that keeps its encrypted results in the bucket; and the minute
// job allowed to put files under events/ and nothing more.
import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TABLE_COLUMNS } from '../../infra/aws/constructs/analytics.js';
import { EVENT_COLUMNS } from '../../infra/sql/events-view.js';
import { actionsOf, roleStatements, type Synthesized, synthesize } from './synth.js';

let s: Synthesized;
beforeAll(() => {
  s = synthesize();
});

const bucketRef = { Ref: 'AnalyticsBucket' };
const dataKeyArn = { 'Fn::GetAtt': ['DataKey', 'Arn'] };
const statementsOf = (fn: IFunction) =>
  roleStatements(s, s.service.getLogicalId(fn.role?.node.defaultChild as CfnElement));
const envOf = (fn: IFunction) =>
  (s.serviceTemplate.toJSON().Resources[s.service.getLogicalId(fn.node.defaultChild as CfnElement)].Properties
    .Environment?.Variables ?? {}) as Record<string, unknown>;

describe('analytics bucket', () => {
  it('is private, TLS only, encrypted with the data key, versioned, logged and retained', () => {
    const bucket = s.statefulTemplate.toJSON().Resources.AnalyticsBucket;
    expect(bucket).toMatchObject({ Type: 'AWS::S3::Bucket', DeletionPolicy: 'Retain' });
    expect(bucket.Properties).toMatchObject({
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: dataKeyArn },
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
      LoggingConfiguration: { LogFilePrefix: 'analytics/' },
    });
  });

  it('moves event files to Standard-IA after 90 days and expires query results', () => {
    const rules =
      s.statefulTemplate.toJSON().Resources.AnalyticsBucket.Properties.LifecycleConfiguration.Rules;
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Prefix: 'events/',
          Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 90 }],
          NoncurrentVersionExpiration: { NoncurrentDays: 30 },
        }),
        expect.objectContaining({ Prefix: 'athena-results/', ExpirationInDays: 30 }),
      ]),
    );
    // Events themselves never expire: the archive is the long record.
    const eventsRule = rules.find((r: { Prefix?: string }) => r.Prefix === 'events/');
    expect(eventsRule.ExpirationInDays).toBeUndefined();
  });
});

describe('Glue table', () => {
  it('reads events/ of the bucket as JSON lines with the OpenX SerDe, partitioned by dt', () => {
    s.statefulTemplate.hasResourceProperties('AWS::Glue::Database', {
      DatabaseInput: { Name: 'contactcenterdata_analytics' },
    });
    s.statefulTemplate.hasResourceProperties('AWS::Glue::Table', {
      DatabaseName: 'contactcenterdata_analytics',
      TableInput: {
        Name: 'events',
        TableType: 'EXTERNAL_TABLE',
        PartitionKeys: [Match.objectLike({ Name: 'dt', Type: 'string' })],
        StorageDescriptor: Match.objectLike({
          Location: { 'Fn::Join': ['', ['s3://', bucketRef, '/events/']] },
          InputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
          SerdeInfo: { SerializationLibrary: 'org.openx.data.jsonserde.JsonSerDe' },
        }),
      },
    });
  });

  it('projects the dt partitions from dates, so no crawler or partition loading is needed', () => {
    s.statefulTemplate.hasResourceProperties('AWS::Glue::Table', {
      TableInput: {
        Parameters: Match.objectLike({
          'projection.enabled': 'true',
          'projection.dt.type': 'date',
          'projection.dt.format': 'yyyy-MM-dd',
          'projection.dt.interval': '1',
          'projection.dt.interval.unit': 'DAYS',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: Athena's placeholder for the partition value
          'storage.location.template': { 'Fn::Join': ['', ['s3://', bucketRef, '/events/dt=${dt}/']] },
        }),
      },
    });
    expect(s.statefulTemplate.findResources('AWS::Glue::Crawler')).toEqual({});
  });

  it('has the columns of the local events view, with the same types', () => {
    const hive: Record<string, string> = {
      VARCHAR: 'string',
      INTEGER: 'int',
      TIMESTAMP: 'timestamp',
      'MAP(VARCHAR, DOUBLE)': 'map<string,double>',
      'MAP(VARCHAR, VARCHAR)': 'map<string,string>',
    };
    const local = Object.entries(EVENT_COLUMNS).map(([name, type]) => [name.toLowerCase(), hive[type]]);
    expect(EVENT_TABLE_COLUMNS.map(([n, t]) => [n, t])).toEqual(local);
    const table = Object.values(s.statefulTemplate.findResources('AWS::Glue::Table'))[0];
    expect(table?.Properties.TableInput.StorageDescriptor.Columns).toEqual(
      EVENT_TABLE_COLUMNS.map(([Name, Type]) => ({ Name, Type })),
    );
  });
});

describe('Athena workgroup', () => {
  it('enforces encrypted results under athena-results/ of the bucket, and caps a query’s scan', () => {
    s.statefulTemplate.hasResourceProperties('AWS::Athena::WorkGroup', {
      Name: 'contactcenterdata_analytics',
      WorkGroupConfiguration: {
        EnforceWorkGroupConfiguration: true,
        BytesScannedCutoffPerQuery: 10 * 1024 ** 3,
        ResultConfiguration: {
          OutputLocation: { 'Fn::Join': ['', ['s3://', bucketRef, '/athena-results/']] },
          EncryptionConfiguration: { EncryptionOption: 'SSE_KMS', KmsKey: dataKeyArn },
        },
      },
    });
  });
});

describe('archive grant', () => {
  it('lets the minute job put files under events/ only, and tells it the bucket', () => {
    const scheduled = s.service.scheduled.fn;
    const s3Statements = statementsOf(scheduled).filter((st) =>
      actionsOf([st]).some((a) => a.startsWith('s3:')),
    );
    expect(s3Statements).toEqual([
      {
        Effect: 'Allow',
        Action: 's3:PutObject',
        Resource: {
          'Fn::Join': ['', [{ 'Fn::ImportValue': expect.stringMatching(/AnalyticsBucketArn/) }, '/events/*']],
        },
      },
    ]);
    expect(envOf(scheduled).EVENTS_BUCKET).toEqual({
      'Fn::ImportValue': expect.stringMatching(/AnalyticsBucket/),
    });
  });

  it('gives no other function the bucket', () => {
    const others = [s.service.webhooks.fn, s.service.api.fn, s.service.worker.fn, s.service.reconciler.fn];
    for (const fn of [...others, s.service.push.fn]) {
      expect(envOf(fn).EVENTS_BUCKET, fn.node.path).toBeUndefined();
      expect(JSON.stringify(statementsOf(fn)), fn.node.path).not.toMatch(/AnalyticsBucket/);
    }
  });
});
