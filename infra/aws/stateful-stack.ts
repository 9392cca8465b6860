// Everything that holds data and must outlive redeploys: the KMS data key, the table, the recordings bucket,
// the analytics bucket (raw events for Athena) and their access logs. Every one of them is retained on stack
// deletion and has a pinned logical id; the Glue table and Athena workgroup beside the analytics bucket are
// only definitions over it, and are not.
import { CfnOutput, type CfnResource, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { AccessLogBucket } from './constructs/access-log-bucket.js';
import { Analytics } from './constructs/analytics.js';
import { DataTable } from './constructs/data-table.js';
import { RecordingsBucket } from './constructs/recordings-bucket.js';

export interface StatefulStackProps extends StackProps {
  readonly recordingArchiveDays: number;
  readonly recordingRetentionDays: number;
  readonly accessLogRetentionDays: number;
  /** Object Lock of each recording. @default governance for recordingRetentionDays */
  readonly recordingLock?: { readonly mode: 'governance' | 'compliance'; readonly days: number };
}

export class StatefulStack extends Stack {
  readonly dataKey: Key;
  readonly table: Table;
  readonly recordings: Bucket;
  readonly analytics: Analytics;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    this.dataKey = new Key(this, 'DataKey', {
      description: 'Encrypts the contact center table and recordings bucket',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    (this.dataKey.node.defaultChild as CfnResource).overrideLogicalId('DataKey');
    this.table = new DataTable(this, 'Data', { encryptionKey: this.dataKey }).table;
    const accessLogs = new AccessLogBucket(this, 'AccessLogs', {
      retentionDays: props.accessLogRetentionDays,
      logicalId: 'AccessLogsBucket',
    });
    this.recordings = new RecordingsBucket(this, 'Recordings', {
      encryptionKey: this.dataKey,
      accessLogsBucket: accessLogs.bucket,
      archiveAfterDays: props.recordingArchiveDays,
      retentionDays: props.recordingRetentionDays,
      ...(props.recordingLock ? { lock: props.recordingLock } : {}),
    }).bucket;
    this.analytics = new Analytics(this, 'Analytics', {
      encryptionKey: this.dataKey,
      accessLogsBucket: accessLogs.bucket,
    });
    new CfnOutput(this, 'AnalyticsDatabase', {
      value: this.analytics.databaseName,
      description: 'Glue database of the events table: query it in Athena with the workgroup below',
    });
    new CfnOutput(this, 'AnalyticsWorkGroup', { value: this.analytics.workGroupName });
  }
}
