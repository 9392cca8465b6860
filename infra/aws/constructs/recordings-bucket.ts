// Private store for call recordings, voicemails and faxes: SSE-KMS with the data key, TLS only, versioned,
// access-logged, archived to Glacier Instant Retrieval (still playable in milliseconds), then expired.
// Object Lock keeps every version for the retention period: a write to an existing key only adds a newer
// version, and no role of the app may delete one (grantWriteNew), so evidence cannot be edited away.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  type IBucket,
  ObjectLockRetention,
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
  /**
   * Object Lock's default retention for new objects. Governance lets a user granted
   * s3:BypassGovernanceRetention purge early; compliance lets nobody, not even the account's root.
   * @default governance for `retentionDays`
   */
  readonly lock?: { readonly mode: 'governance' | 'compliance'; readonly days: number };
}

/**
 * What the app may write: new objects (and aborting its own multipart uploads), encrypted with the bucket's
 * key. Not grantPut, which adds object retention, legal hold and tagging: the app changes no lock.
 */
export function grantWriteNew(bucket: IBucket, grantee: IGrantable): void {
  Grant.addToPrincipal({
    grantee,
    actions: ['s3:PutObject', 's3:AbortMultipartUpload'],
    resourceArns: [bucket.arnForObjects('*')],
  });
  bucket.encryptionKey?.grantEncrypt(grantee);
}

export class RecordingsBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: RecordingsBucketProps) {
    super(scope, id);
    const lock = props.lock ?? { mode: 'governance', days: props.retentionDays };
    const lockFor = Duration.days(lock.days);
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      bucketKeyEnabled: true, // one KMS call per bucket-key period instead of per object: cheaper
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true, // Object Lock requires it
      objectLockDefaultRetention:
        lock.mode === 'compliance'
          ? ObjectLockRetention.compliance(lockFor)
          : ObjectLockRetention.governance(lockFor),
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
