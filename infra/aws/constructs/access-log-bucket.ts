// A bucket that receives S3 server access logs (and optionally CloudFront standard logs): SSE-S3, because
// log delivery cannot write with SSE-KMS; TLS only; no public access; logs expire after a set number of days.
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface AccessLogBucketProps {
  /** Days a log object is kept. */
  readonly retentionDays: number;
  /**
   * CloudFront standard logging writes through bucket ACLs, so the bucket must keep them enabled.
   * @default false (ACLs disabled, S3 log delivery through the bucket policy)
   */
  readonly allowCloudFrontLogs?: boolean;
  /** @default RemovalPolicy.RETAIN (logs are evidence) */
  readonly removalPolicy?: RemovalPolicy;
  /** Logical id to pin in the template. @default the generated one */
  readonly logicalId?: string;
}

export class AccessLogBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: props.allowCloudFrontLogs
        ? ObjectOwnership.BUCKET_OWNER_PREFERRED
        : ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [
        {
          expiration: Duration.days(props.retentionDays),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    if (props.logicalId) (this.bucket.node.defaultChild as CfnBucket).overrideLogicalId(props.logicalId);
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log destination; logging it into itself would loop.',
    });
  }
}
