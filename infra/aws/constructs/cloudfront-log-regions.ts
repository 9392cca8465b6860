// Where CloudFront standard logs can go. CloudFront does not deliver them to buckets in opt-in regions
// (af-south-1, ap-east-1, eu-south-1, me-south-1 and every region launched since March 2019), and a
// distribution naming such a bucket fails to deploy. The regions enabled by default are a closed list,
// so it is the one kept here: a region added later is opt-in and correctly left out.
import { Aws, CfnCondition, Fn, type ICfnConditionExpression, Stack, Token } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

export const CLOUDFRONT_LOG_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
] as const;

/** Whether standard logs can be delivered in the stack's region: known at synth, or decided at deploy. */
export type LogDelivery =
  | { readonly known: true; readonly enabled: boolean; readonly region: string }
  | { readonly known: false; readonly condition: CfnCondition };

/** Fn::Or takes 2 to 10 conditions: nest groups of ten. */
function anyOf(conditions: ICfnConditionExpression[]): ICfnConditionExpression {
  if (conditions.length === 1 && conditions[0]) return conditions[0];
  if (conditions.length <= 10) return Fn.conditionOr(...conditions);
  const groups: ICfnConditionExpression[] = [];
  for (let i = 0; i < conditions.length; i += 10) groups.push(anyOf(conditions.slice(i, i + 10)));
  return anyOf(groups);
}

export function cloudFrontLogDelivery(scope: Construct): LogDelivery {
  const region = Stack.of(scope).region;
  if (!Token.isUnresolved(region)) {
    return { known: true, region, enabled: (CLOUDFRONT_LOG_REGIONS as readonly string[]).includes(region) };
  }
  const condition = new CfnCondition(scope, 'CloudFrontLogsDeliverable', {
    expression: anyOf(CLOUDFRONT_LOG_REGIONS.map((r) => Fn.conditionEquals(Aws.REGION, r))),
  });
  return { known: false, condition };
}
