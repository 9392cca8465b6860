// CloudFront must hand the API the viewer's own address (CloudFront-Viewer-Address): behind CloudFront the
// API's source address is an edge's, shared by unrelated viewers, and login throttling counts by address.
import { beforeAll, describe, expect, it } from 'vitest';
import { API_PATH_PATTERNS } from '../../infra/aws/constructs/web-site.js';
import { type Synthesized, synthesize } from './synth.js';

/**
 * The managed policy AllViewerExceptHostHeader: all viewer headers except Host, plus all CloudFront
 * headers, CloudFront-Viewer-Address included. A custom policy cannot forward every viewer header and
 * a CloudFront header while leaving out Host, so any other policy here must be checked anew.
 */
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

interface CacheBehavior {
  readonly PathPattern: string;
  readonly OriginRequestPolicyId?: string;
  readonly TargetOriginId: string;
}

interface Origin {
  readonly Id: string;
  readonly OriginCustomHeaders?: readonly { HeaderName: string; HeaderValue: unknown }[];
}

describe('the API behind CloudFront', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synthesize();
  });

  it('forwards CloudFront-Viewer-Address on every API path', () => {
    const distributions = Object.values(s.serviceTemplate.findResources('AWS::CloudFront::Distribution'));
    expect(distributions).toHaveLength(1);
    const behaviors: CacheBehavior[] = distributions[0]?.Properties.DistributionConfig.CacheBehaviors ?? [];
    const api = behaviors.filter((b) => (API_PATH_PATTERNS as readonly string[]).includes(b.PathPattern));
    expect(api.map((b) => b.PathPattern).sort()).toEqual([...API_PATH_PATTERNS].sort());
    for (const behavior of api) expect(behavior.OriginRequestPolicyId).toBe(ALL_VIEWER_EXCEPT_HOST_HEADER);
  });

  it('adds the origin secret to API requests as a deploy-time reference, and the functions can read it', () => {
    const config = Object.values(s.serviceTemplate.findResources('AWS::CloudFront::Distribution'))[0]
      ?.Properties.DistributionConfig;
    const behaviors: CacheBehavior[] = config.CacheBehaviors;
    const origins: Origin[] = config.Origins;
    const apiOrigins = new Set(
      behaviors
        .filter((b) => (API_PATH_PATTERNS as readonly string[]).includes(b.PathPattern))
        .map((b) => b.TargetOriginId),
    );
    expect(apiOrigins.size).toBe(1);
    const origin = origins.find((o) => apiOrigins.has(o.Id));
    const header = origin?.OriginCustomHeaders?.find((h) => h.HeaderName === 'X-Origin-Verify');
    // Never the value itself: CloudFormation resolves the secret when it deploys.
    expect(JSON.stringify(header?.HeaderValue)).toContain('{{resolve:secretsmanager:');
    const secretRef = JSON.stringify(header?.HeaderValue).match(/Ref\\?":\\?"(\w+)/)?.[1];
    expect(secretRef && s.serviceTemplate.toJSON().Resources[secretRef]?.Type).toBe(
      'AWS::SecretsManager::Secret',
    );
    const fns = Object.values(s.serviceTemplate.findResources('AWS::Lambda::Function')).filter(
      (f) => f.Properties.Environment?.Variables?.SESSION_KEY_SECRET_ID,
    );
    expect(fns.length).toBeGreaterThan(0);
    for (const fn of fns)
      expect(fn.Properties.Environment.Variables.ORIGIN_VERIFY_SECRET_ID).toEqual({ Ref: secretRef });
  });
});
