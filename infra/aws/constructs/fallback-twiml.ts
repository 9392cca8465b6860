// Publishes the static fallback TwiML (infra/aws/fallback-twiml.ts) into the web bucket under `twiml/`,
// served by CloudFront's default behaviour; `url` is what the provisioning step sets as VoiceFallbackUrl.

import { Duration } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import {
  FALLBACK_FILE,
  FALLBACK_RECORDED_FILE,
  fallbackRecordedTwiml,
  fallbackTwiml,
} from '../fallback-twiml.js';
import { acknowledgeDeploymentHandler } from '../nag-findings.js';

/** Key prefix of the fallback documents; the web app's deployment must leave it alone. */
export const FALLBACK_PREFIX = 'twiml/';

export interface FallbackTwimlProps {
  readonly bucket: IBucket;
  /** How cdk-nag names the bucket's ARN (WebSite.bucketArnRef). */
  readonly bucketArnRef: string;
  readonly distribution: IDistribution;
  /** Public base URL of the distribution, https://<domain>. */
  readonly baseUrl: string;
}

export class FallbackTwiml extends Construct {
  /** Fetch with GET (see FALLBACK_METHOD). */
  readonly url: string;

  constructor(scope: Construct, id: string, props: FallbackTwimlProps) {
    super(scope, id);
    const deployment = new BucketDeployment(this, 'Deploy', {
      sources: [
        Source.data(FALLBACK_FILE, fallbackTwiml()),
        Source.data(FALLBACK_RECORDED_FILE, fallbackRecordedTwiml()),
      ],
      destinationBucket: props.bucket,
      destinationKeyPrefix: FALLBACK_PREFIX,
      contentType: 'text/xml; charset=utf-8',
      cacheControl: [CacheControl.maxAge(Duration.minutes(5))],
      distribution: props.distribution,
      distributionPaths: [`/${FALLBACK_PREFIX}*`],
      memoryLimit: 256,
    });
    acknowledgeDeploymentHandler(deployment, props.bucketArnRef);
    this.url = `${props.baseUrl}/${FALLBACK_PREFIX}${FALLBACK_FILE}`;
  }
}
