// CloudFront sends the web app's pages with the same Content-Security-Policy and security headers as
// the API's Hono middleware: one function builds both, from the recordings bucket the Lambdas are given.
import { beforeAll, describe, expect, it } from 'vitest';
import { cspHeader, s3Origin, twilioCspSources } from '../../functions/http/content-security-policy.js';
import { PERMISSIONS_POLICY } from '../../functions/http/security-headers.js';
import { apiId } from './api-resources.js';
import { type Synthesized, synthesize } from './synth.js';

let s: Synthesized;
beforeAll(() => {
  s = synthesize();
});

type Resource = { Properties: Record<string, unknown> };
// biome-ignore lint/suspicious/noExplicitAny: tests read synthesized CloudFormation JSON
type Json = any;

/** The one response headers policy's config. */
function policy(): { id: string; config: Json } {
  const policies = Object.entries(s.serviceTemplate.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
  expect(policies).toHaveLength(1);
  const [id, resource] = policies[0] as [string, Resource];
  return { id, config: resource.Properties.ResponseHeadersPolicyConfig as Json };
}

/** A CloudFormation string as text, with the region and any other reference as named placeholders. */
function render(value: unknown, others: (part: unknown) => string): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (!join) return others(value);
  return join[1]
    .map((part) =>
      typeof part === 'string'
        ? part
        : JSON.stringify(part) === JSON.stringify({ Ref: 'AWS::Region' })
          ? '<region>'
          : others(part),
    )
    .join(join[0]);
}

describe('the web app behind CloudFront', () => {
  it('gets the app’s Content-Security-Policy, naming the recordings bucket and the push channel', () => {
    const { config } = policy();
    const csp = config.SecurityHeadersConfig.ContentSecurityPolicy;
    expect(csp.Override).toBe(true);
    const functions = Object.values(s.serviceTemplate.findResources('AWS::Lambda::Function')) as Resource[];
    const bucketNames = functions
      .map(
        (f) => (f.Properties.Environment as { Variables?: Record<string, unknown> })?.Variables?.BUCKET_NAME,
      )
      .filter((v) => v !== undefined)
      .map((v) => JSON.stringify(v));
    expect(bucketNames.length).toBeGreaterThan(0);
    const pushApi = JSON.stringify({ Ref: apiId(s.serviceTemplate, 'WEBSOCKET') });
    const text = render(csp.ContentSecurityPolicy, (part) => {
      if (JSON.stringify(part) === pushApi) return '<push-api>';
      if (JSON.stringify(part) === JSON.stringify({ Ref: 'AWS::URLSuffix' })) return '<suffix>';
      expect(bucketNames).toContain(JSON.stringify(part));
      return '<bucket>';
    });
    expect(text).toBe(
      cspHeader(
        twilioCspSources(s3Origin('<bucket>', '<region>'), 'wss://<push-api>.execute-api.<region>.<suffix>'),
      ),
    );
    expect(text).toContain("script-src 'self';");
    expect(text).toContain("frame-ancestors 'none'");
    expect(text).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('gets the other headers the API sends, and the default behaviour uses the policy', () => {
    const { id, config } = policy();
    expect(config.SecurityHeadersConfig).toMatchObject({
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 15552000, IncludeSubdomains: true },
    });
    expect(config.CustomHeadersConfig.Items).toContainEqual({
      Header: 'Permissions-Policy',
      Value: PERMISSIONS_POLICY,
      Override: true,
    });
    const distributions = Object.values(
      s.serviceTemplate.findResources('AWS::CloudFront::Distribution'),
    ) as Resource[];
    expect(distributions).toHaveLength(1);
    const behavior = (distributions[0] as Json).Properties.DistributionConfig.DefaultCacheBehavior;
    expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: id });
  });
});
