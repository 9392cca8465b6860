// SQL over the raw events in AWS: the analytics bucket the minute job archives to (events/dt=…/*.jsonl.gz),
// a Glue table over those files with partition projection (no crawler, no partitions to add: Athena works
// out each day's folder from the query), and an Athena workgroup whose results stay in the same bucket.
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import { CfnDatabase, CfnTable } from 'aws-cdk-lib/aws-glue';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  type IBucket,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import { Construct, type IConstruct } from 'constructs';

/** Where the archive writes and the table reads; the minute job may write nothing else. */
export const EVENTS_PREFIX = 'events/';
export const RESULTS_PREFIX = 'athena-results/';

/**
 * The event's fields (functions/domain/history/event.ts) as Hive types, lower-case as the catalogue keeps
 * them (the JSON SerDe matches keys without regard to case, so `callSid` lands in `callsid`). The same
 * names and types as the local `events` view, so one query runs in both.
 */
export const EVENT_TABLE_COLUMNS = [
  ['id', 'string'],
  ['v', 'int'],
  ['at', 'timestamp'],
  ['type', 'string'],
  ['callsid', 'string'],
  ['tasksid', 'string'],
  ['customerid', 'string'],
  ['from', 'string'],
  ['ticket', 'string'],
  ['hotline', 'string'],
  ['queue', 'string'],
  ['agent', 'string'],
  ['region', 'string'],
  ['language', 'string'],
  ['tier', 'string'],
  ['n', 'map<string,double>'],
  ['a', 'map<string,string>'],
] as const;

export interface AnalyticsProps {
  /** The data key: events carry callers' numbers, so they are encrypted like the table and recordings. */
  readonly encryptionKey: IKey;
  readonly accessLogsBucket: IBucket;
  /**
   * Days before event files move to S3 Standard-IA: old months are read by the odd yearly query only.
   * @default 90
   */
  readonly infrequentAccessAfterDays?: number;
  /** @default 30 */
  readonly queryResultDays?: number;
  /**
   * Most a single query may scan, so a query without a date filter over years of events stops at a
   * known cost. @default 10 GiB
   */
  readonly bytesScannedCutoffPerQuery?: number;
}

/** Glue and Athena names must be lower-case letters, digits and underscores; derived from the stack's name. */
const catalogName = (stackName: string) =>
  `${stackName.replace(/[^A-Za-z0-9]+/g, '_').toLowerCase()}_analytics`;

export class Analytics extends Construct {
  readonly bucket: Bucket;
  readonly databaseName: string;
  readonly tableName = 'events';
  readonly workGroupName: string;

  constructor(scope: Construct, id: string, props: AnalyticsProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      bucketKeyEnabled: true, // one KMS call per bucket-key period instead of per object: cheaper
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      // Versioned: a late event rewrites its interval's file, and a faulty rewrite must not destroy history
      // that the table may no longer hold. Rewrites are rare, so the old versions cost little, and they go
      // after 30 days.
      versioned: true,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'analytics/',
      lifecycleRules: [
        {
          id: 'events-to-infrequent-access',
          prefix: EVENTS_PREFIX,
          transitions: [
            {
              storageClass: StorageClass.INFREQUENT_ACCESS,
              transitionAfter: Duration.days(props.infrequentAccessAfterDays ?? 90),
            },
          ],
          noncurrentVersionExpiration: Duration.days(30),
        },
        {
          id: 'query-results-expire',
          prefix: RESULTS_PREFIX,
          expiration: Duration.days(props.queryResultDays ?? 30),
          noncurrentVersionExpiration: Duration.days(1),
        },
        { id: 'abort-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    (this.bucket.node.defaultChild as CfnBucket).overrideLogicalId('AnalyticsBucket');

    const stack = Stack.of(this);
    this.databaseName = catalogName(stack.stackName);
    const database = new CfnDatabase(this, 'Database', {
      catalogId: stack.account,
      databaseInput: { name: this.databaseName, description: 'Contact center raw events for SQL' },
    });
    const location = `s3://${this.bucket.bucketName}/${EVENTS_PREFIX}`;
    const table = new CfnTable(this, 'EventsTable', {
      catalogId: stack.account,
      databaseName: this.databaseName,
      tableInput: {
        name: this.tableName,
        description: 'One row per center event; files written by the minute job, one per 15-minute interval',
        tableType: 'EXTERNAL_TABLE',
        partitionKeys: [{ name: 'dt', type: 'string', comment: 'UTC date of the event, YYYY-MM-DD' }],
        parameters: {
          classification: 'json',
          'projection.enabled': 'true',
          'projection.dt.type': 'date',
          'projection.dt.format': 'yyyy-MM-dd',
          'projection.dt.range': 'NOW-10YEARS,NOW',
          'projection.dt.interval': '1',
          'projection.dt.interval.unit': 'DAYS',
          'storage.location.template': `${location}dt=\${dt}/`,
        },
        storageDescriptor: {
          location,
          columns: EVENT_TABLE_COLUMNS.map(([name, type]) => ({ name, type })),
          inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
          outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
          compressed: true,
          serdeInfo: { serializationLibrary: 'org.openx.data.jsonserde.JsonSerDe' },
        },
      },
    });
    table.addResourceDependency(database);

    this.workGroupName = this.databaseName;
    new CfnWorkGroup(this, 'WorkGroup', {
      name: this.workGroupName,
      description: 'Queries over the contact center events; results encrypted in the analytics bucket',
      state: 'ENABLED',
      recursiveDeleteOption: true,
      workGroupConfiguration: {
        // Users cannot send results elsewhere or unencrypted.
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: props.bytesScannedCutoffPerQuery ?? 10 * 1024 ** 3,
        resultConfiguration: {
          outputLocation: `s3://${this.bucket.bucketName}/${RESULTS_PREFIX}`,
          encryptionConfiguration: { encryptionOption: 'SSE_KMS', kmsKey: props.encryptionKey.keyArn },
        },
      },
    });
  }
}

/**
 * What the minute job may do with the bucket: put event files under events/ (encrypted with the bucket's
 * key), nothing else. Not grantPut, which brings tagging, retention and legal hold along.
 */
export function grantArchiveWrite(bucket: IBucket, grantee: IGrantable): void {
  Grant.addToPrincipal({
    grantee,
    actions: ['s3:PutObject'],
    resourceArns: [bucket.arnForObjects(`${EVENTS_PREFIX}*`)],
  });
  bucket.encryptionKey?.grantEncrypt(grantee);
}

/** cdk-nag flags the object wildcard of grantArchiveWrite; it is the events/ prefix of one bucket. */
export function acknowledgeArchiveWrite(policyOwner: IConstruct, bucketArnRef: string): void {
  Validations.of(policyOwner).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${bucketArnRef}/${EVENTS_PREFIX}*]`,
    reason:
      'The minute job writes one file per 15-minute interval, each under events/ of the analytics bucket only.',
  });
}
