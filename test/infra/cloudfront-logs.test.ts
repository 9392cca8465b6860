// CloudFront standard logs only where CloudFront can deliver them: it does not write to buckets in opt-in
// regions, and a distribution naming one fails to deploy. With the region left to deploy time the template
// carries a condition on it; with a known region the choice is made at synth, with a warning when logs are off.
import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLOUDFRONT_LOG_REGIONS } from '../../infra/aws/constructs/cloudfront-log-regions.js';
import { type Synthesized, synthesize, synthesizeIn } from './synth.js';

let s: Synthesized;
beforeAll(() => {
  s = synthesize();
});

const OPT_IN = [
  'af-south-1',
  'ap-east-1',
  'eu-south-1',
  'me-south-1',
  'ap-southeast-3',
  'il-central-1',
  'mx-central-1',
];

/** The distribution's DistributionConfig in the template. */
const distributionConfig = (template: Template): { Logging?: unknown } => {
  const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution'));
  if (!distribution) throw new Error('no distribution');
  return distribution.Properties.DistributionConfig;
};

/** The regions an Fn::Or/Fn::Equals tree on AWS::Region accepts. */
function regionsIn(expression: unknown): string[] {
  if (Array.isArray(expression)) return expression.flatMap(regionsIn);
  if (expression && typeof expression === 'object') {
    const equals = (expression as Record<string, unknown>)['Fn::Equals'];
    if (Array.isArray(equals)) return equals.filter((v): v is string => typeof v === 'string');
    return Object.values(expression).flatMap(regionsIn);
  }
  return [];
}

describe('CloudFront standard logs', () => {
  it('with the region left to deploy time, log only in a region CloudFront delivers to', () => {
    const logging = distributionConfig(s.serviceTemplate).Logging as { 'Fn::If': [string, unknown, unknown] };
    const [condition, on, off] = logging['Fn::If'];
    expect(on).toEqual({
      Bucket: { 'Fn::GetAtt': [expect.stringMatching(/^SiteLogsBucket/), 'RegionalDomainName'] },
      Prefix: 'cloudfront/',
    });
    expect(off).toEqual({ Ref: 'AWS::NoValue' });
    const accepted = regionsIn(s.serviceTemplate.toJSON().Conditions[condition]);
    expect(accepted.sort()).toEqual([...CLOUDFRONT_LOG_REGIONS].sort());
    for (const region of OPT_IN) expect(accepted).not.toContain(region);
  });

  it('say in an output where the logs went, or why they are off', () => {
    const output = JSON.stringify(
      s.serviceTemplate.toJSON().Outputs.SiteCloudFrontLogsFBBC65AB ??
        s.serviceTemplate.findOutputs('*', { Description: 'Where CloudFront standard logs go' }),
    );
    expect(output).toContain('/cloudfront/');
    expect(output).toContain('does not deliver standard logs to buckets in opt-in region');
  });

  it.each(OPT_IN.slice(0, 4))('in %s: no logging, a synth warning, and the deploy goes on', (region) => {
    const { service, template } = synthesizeIn(region);
    expect(distributionConfig(template).Logging).toBeUndefined();
    // cdk-nag runs on every synth (app.ts): the missing logs are acknowledged. (Only CloudFront's rules: this
    // stack pair's names differ from the deployed ones, which the IAM acknowledgments are written for.)
    const report = new AwsSolutionsChecks().validateScope(service);
    expect(
      report.violations.map((v) => v.ruleName).filter((rule) => rule.startsWith('AwsSolutions-CFR')),
    ).toEqual([]);
    Annotations.fromStack(service).hasWarning(
      '/Service/Site',
      Match.stringLikeRegexp(`CloudFront standard logs are off: .* opt-in region ${region}`),
    );
  });

  it('in a region enabled by default: logging to the log bucket, unconditionally', () => {
    const { template } = synthesizeIn('eu-west-1');
    expect(distributionConfig(template).Logging).toEqual({
      Bucket: { 'Fn::GetAtt': [expect.stringMatching(/^SiteLogsBucket/), 'RegionalDomainName'] },
      Prefix: 'cloudfront/',
    });
  });
});
