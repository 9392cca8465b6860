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
});
