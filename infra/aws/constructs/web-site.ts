// The one public domain: CloudFront serves the web app from a private S3 bucket (origin access control)
// and forwards `/api/*`, `/twilio/*` and `/health` to the HTTP API, so the browser talks to one origin
// (no CORS) and Twilio signs the same URLs the app rebuilds from PUBLIC_BASE_URL. The web app's
// responses get the app's own security headers and Content-Security-Policy from a response headers policy.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  Annotations,
  Aws,
  type CfnElement,
  CfnOutput,
  Duration,
  Fn,
  RemovalPolicy,
  type SecretValue,
  Stack,
  Validations,
} from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  type BehaviorOptions,
  CachePolicy,
  type CfnDistribution,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { cspHeader, s3Origin, twilioCspSources } from '../../../functions/http/content-security-policy.js';
import { PERMISSIONS_POLICY } from '../../../functions/http/security-headers.js';
import { acknowledgeDeploymentHandler } from '../nag-findings.js';
import { cloudFrontLogDelivery } from './cloudfront-log-regions.js';

export interface WebSiteProps {
  /** Host name of the HTTP API's endpoint. */
  readonly apiDomainName: string;
  /**
   * Sent to the API as X-Origin-Verify, so the API can tell a request that came through CloudFront (whose
   * CloudFront-Viewer-Address it may believe) from one sent straight to its public endpoint.
   */
  readonly originVerify?: SecretValue;
  /** Built web app (Vite's `web/dist`); when it lacks index.html a placeholder page is deployed. */
  readonly webDistDir: string;
  /** The recordings bucket, whose presigned URLs the desk plays: the page's CSP must allow it. */
  readonly recordingsBucketName: string;
  /** The push channel's wss:// origin, another origin than the page: the page's CSP must allow it. */
  readonly pushOrigin?: string;
  /**
   * Receives CloudFront logs and the web bucket's access logs; needs ACLs (see AccessLogBucket). In an
   * opt-in region CloudFront cannot deliver to it, and the distribution logs nothing (cloudfront-log-regions.ts).
   */
  readonly logsBucket: IBucket;
  /** Custom domain and its us-east-1 certificate. @default the distribution's cloudfront.net name */
  readonly domain?: { readonly name: string; readonly certificateArn: string };
  /** Key prefixes other deployments own in the web bucket, kept when the web app is redeployed. */
  readonly keepPrefixes?: readonly string[];
}

/** Key prefix of CloudFront's standard logs in the log bucket. */
export const CLOUDFRONT_LOG_PREFIX = 'cloudfront/';

/** Paths CloudFront sends to the HTTP API; everything else is the web app. */
export const API_PATH_PATTERNS = ['/api/*', '/twilio/*', '/health'] as const;

// Client-side routes (no file extension) load the app shell; files are served as they are.
const SPA_REWRITE = `function handler(event) {
  var request = event.request;
  if (request.uri.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

const PLACEHOLDER = `<!doctype html><meta charset="utf-8"><title>Contact center</title>
<p>The web app was not built when this stack was deployed. Run <code>npm run build:web</code>, then
<code>npx cdk deploy --all</code> again. The API and Twilio webhooks are live.</p>`;

export class WebSite extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** https://<domain>, without a trailing slash. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebSiteProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: props.logsBucket,
      serverAccessLogsPrefix: 'web-bucket/',
      // Everything here is rebuilt from the repository on deploy: nothing to keep.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    const apiBehavior: BehaviorOptions = {
      origin: new HttpOrigin(props.apiDomainName, {
        // A dynamic reference, resolved by CloudFormation at deploy: the value is not in the template.
        ...(props.originVerify
          ? { customHeaders: { 'X-Origin-Verify': props.originVerify.unsafeUnwrap() } }
          : {}),
      }),
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY, // a redirect would turn Twilio's POST into GET
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // Every viewer header but Host (API Gateway routes by its own), and every CloudFront header: among
      // them CloudFront-Viewer-Address, the viewer's own address, by which the API throttles logins.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    };
    const logs = cloudFrontLogDelivery(this);
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Contact center: web app, API and Twilio webhooks',
      defaultRootObject: 'index.html',
      priceClass: PriceClass.PRICE_CLASS_100,
      ...(props.domain
        ? {
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
            domainNames: [props.domain.name],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
          }
        : {}),
      ...(logs.known && !logs.enabled
        ? {}
        : { enableLogging: true, logBucket: props.logsBucket, logFilePrefix: CLOUDFRONT_LOG_PREFIX }),
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: this.securityHeaders(props.recordingsBucketName, props.pushOrigin),
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new EdgeFunction(this, 'SpaRewrite', {
              code: FunctionCode.fromInline(SPA_REWRITE),
              runtime: FunctionRuntime.JS_2_0,
            }),
          },
        ],
      },
      additionalBehaviors: Object.fromEntries(API_PATH_PATTERNS.map((path) => [path, apiBehavior])),
    });
    this.url = `https://${props.domain?.name ?? this.distribution.distributionDomainName}`;
    this.placeLogs(logs, props.logsBucket);

    const hasBuild = existsSync(join(props.webDistDir, 'index.html'));
    if (!hasBuild) {
      Annotations.of(this).addWarningV2(
        'contact-center:web-not-built',
        `${props.webDistDir} has no index.html: deploying a placeholder page. Run npm run build:web first.`,
      );
    }
    const deployment = new BucketDeployment(this, 'Deploy', {
      sources: [hasBuild ? Source.asset(props.webDistDir) : Source.data('index.html', PLACEHOLDER)],
      destinationBucket: this.bucket,
      exclude: (props.keepPrefixes ?? []).map((prefix) => `${prefix}*`),
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 256,
    });
    acknowledgeDeploymentHandler(deployment, this.bucketArnRef);
    this.acknowledgeFindings(Boolean(props.domain));
  }

  /**
   * What the API's Hono middleware sends (functions/http/security-headers.ts), for the pages S3 serves:
   * the same CSP, built by the same function from the same bucket, region and push channel as the
   * Lambdas' config.
   */
  private securityHeaders(recordingsBucketName: string, pushOrigin?: string): ResponseHeadersPolicy {
    const csp = cspHeader(
      twilioCspSources(s3Origin(recordingsBucketName, Stack.of(this).region), pushOrigin),
    );
    return new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Contact center web app: CSP, no framing, HSTS, nosniff, no referrer',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(180),
          includeSubdomains: true,
          override: true,
        },
        // "0": the old XSS auditors are gone or harmful; the CSP does that job.
        xssProtection: { protection: false, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: PERMISSIONS_POLICY, override: true },
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
          { header: 'Cross-Origin-Resource-Policy', value: 'same-origin', override: true },
        ],
      },
    });
  }

  /**
   * Without a region at synth, the template keeps logging only where CloudFront delivers it (a condition on
   * the region); with one, an opt-in region gets no logging and a warning. The output says which it was.
   */
  private placeLogs(logs: ReturnType<typeof cloudFrontLogDelivery>, bucket: IBucket): void {
    const where = `s3://${bucket.bucketName}/${CLOUDFRONT_LOG_PREFIX}`;
    const off = (region: string) =>
      `off: CloudFront does not deliver standard logs to buckets in opt-in region ${region}`;
    let value: string;
    if (logs.known) {
      value = logs.enabled ? where : off(logs.region);
      if (!logs.enabled) {
        Annotations.of(this).addWarningV2(
          'contact-center:cloudfront-logs-off',
          `CloudFront standard logs are ${off(logs.region)}; the stack deploys without them (see docs/operations.md).`,
        );
        Validations.of(this.distribution).acknowledge({
          id: 'AwsSolutions-CFR3',
          reason: `CloudFront does not deliver standard logs to buckets in opt-in region ${logs.region}, and a distribution naming one fails to deploy; the HTTP API's access log still records every API and webhook request.`,
        });
      }
    } else {
      (this.distribution.node.defaultChild as CfnDistribution).addPropertyOverride(
        'DistributionConfig.Logging',
        Fn.conditionIf(
          logs.condition.logicalId,
          { Bucket: bucket.bucketRegionalDomainName, Prefix: CLOUDFRONT_LOG_PREFIX },
          Aws.NO_VALUE,
        ),
      );
      value = Fn.conditionIf(logs.condition.logicalId, where, off(Aws.REGION)).toString();
    }
    new CfnOutput(this, 'CloudFrontLogs', { value, description: 'Where CloudFront standard logs go' });
  }

  /** How cdk-nag names this bucket's ARN in findings. */
  get bucketArnRef(): string {
    return `<${Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnElement)}.Arn>`;
  }

  private acknowledgeFindings(customDomain: boolean): void {
    const nag = Validations.of(this.distribution);
    nag.acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Callers, agents and Twilio reach us from many countries; geo blocking would drop them.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF by default (from ~$6/month): webhooks verify Twilio signatures, the API needs sessions and throttles logins, and the HTTP API throttles. Attach a web ACL for public exposure beyond that.',
      },
    );
    if (!customDomain) {
      nag.acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain CloudFront uses its default certificate, whose policy CloudFront fixes; set domainName and certificateArn to enforce TLSv1.2_2021.',
      });
    }
  }
}
