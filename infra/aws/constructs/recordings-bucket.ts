// Private store for call recordings, voicemails and faxes: SSE-KMS with the data key, TLS only, versioned,
// access-logged, archived to Glacier Instant Retrieval (still playable in milliseconds), then expired.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
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
import { Construct } from 'constructs';

export interface RecordingsBucketProps {
  readonly encryptionKey: IKey;
  readonly accessLogsBucket: IBucket;
  /** Days after which objects move to Glacier Instant Retrieval. */
  readonly archiveAfterDays: number;
  /** Days after which objects expire (the retention period). */
  readonly retentionDays: number;
  /**
   * Days a replaced or deleted version is kept, so a mistaken delete can be undone.
   * @default 30
   */
  readonly noncurrentVersionDays?: number;
  /** @default 'RecordingsBucket' */
  readonly logicalId?: string;
}

export class RecordingsBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: RecordingsBucketProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      bucketKeyEnabled: true, // one KMS call per bucket-key period instead of per object: cheaper
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'recordings/',
      lifecycleRules: [
        {
          id: 'archive-then-expire',
          transitions: [
            {
              storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL,
              transitionAfter: Duration.days(props.archiveAfterDays),
            },
          ],
          expiration: Duration.days(props.retentionDays),
          noncurrentVersionExpiration: Duration.days(props.noncurrentVersionDays ?? 30),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    (this.bucket.node.defaultChild as CfnBucket).overrideLogicalId(props.logicalId ?? 'RecordingsBucket');
  }
}
