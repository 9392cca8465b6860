// cdk-nag acknowledgments that several constructs share, each with its reason. The wildcards come from
// CDK's own grants and the BucketDeployment helper, not from hand-written policies.
import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { BucketDeployment } from 'aws-cdk-lib/aws-s3-deployment';
import type { Provider } from 'aws-cdk-lib/custom-resources';
import type { IConstruct } from 'constructs';

const KMS_WILDCARDS =
  'The KMS actions come from grant*() on the data key: GenerateDataKey*/ReEncrypt* are the grant’s action families, scoped to that one key.';

/** Wildcards of `table.grantReadWriteData` (the table's own indexes) and of the key it brings along. */
export function acknowledgeTableGrant(policyOwner: IConstruct, tableArnRef: string): void {
  Validations.of(policyOwner).acknowledge(
    {
      id: `AwsSolutions-IAM5[Resource::${tableArnRef}/index/*]`,
      reason:
        'Queries on the table’s own GSIs (gsi1..gsi3): the index ARNs are the table ARN plus /index/<name>.',
    },
    { id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', reason: KMS_WILDCARDS },
    { id: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]', reason: KMS_WILDCARDS },
  );
}

/** Wildcards of `bucket.grantRead`: object reads inside one bucket (presigned playback URLs). */
export function acknowledgeBucketRead(policyOwner: IConstruct, bucketArnRef: string, objects = '*'): void {
  const reason = 'grantRead on the recordings bucket: read-only actions on objects of that one bucket.';
  Validations.of(policyOwner).acknowledge(
    { id: 'AwsSolutions-IAM5[Action::s3:GetBucket*]', reason },
    { id: 'AwsSolutions-IAM5[Action::s3:GetObject*]', reason },
    { id: 'AwsSolutions-IAM5[Action::s3:List*]', reason },
    { id: `AwsSolutions-IAM5[Resource::${bucketArnRef}/${objects}]`, reason },
  );
}

/** The singleton Lambda behind every BucketDeployment in a stack (CDK-owned code and role). */
export function acknowledgeDeploymentHandler(deployment: BucketDeployment, bucketArnRef: string): void {
  const reason =
    'CDK’s BucketDeployment handler: copies the web build and fallback TwiML into the site bucket.';
  Validations.of(deployment.handlerRole).acknowledge(
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: `${reason} Its role is created by CDK with the basic execution policy.`,
    },
    ...['s3:Abort*', 's3:DeleteObject*', 's3:GetBucket*', 's3:GetObject*', 's3:List*'].map((action) => ({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason: `${reason} CDK grants it read on the asset bucket and read/write on the site bucket.`,
    })),
    {
      id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
      reason: `${reason} It reads the staged asset zip from the CDK bootstrap bucket.`,
    },
    {
      id: `AwsSolutions-IAM5[Resource::${bucketArnRef}/*]`,
      reason: `${reason} It writes objects of the site bucket.`,
    },
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: `${reason} CloudFront CreateInvalidation/GetInvalidation take no resource ARN.`,
    },
  );
  for (const child of Stack.of(deployment).node.children) {
    if (child.node.id.startsWith('Custom::CDKBucketDeployment')) {
      Validations.of(child).acknowledge({
        id: 'AwsSolutions-L1',
        reason: `${reason} CDK pins its runtime; it runs only during deployments.`,
      });
    }
  }
}

/** CDK's provider framework function: its code, runtime and role are CDK's, and it runs only on deploys. */
export function acknowledgeProviderFramework(provider: Provider, onEvent: { readonly fn: IConstruct }): void {
  const onEventId = Stack.of(provider).getLogicalId(onEvent.fn.node.defaultChild as CfnElement);
  const reason =
    'CDK’s custom resource provider framework (custom_resources.Provider): it relays CloudFormation events to our onEvent function and runs only during deployments.';
  Validations.of(provider).acknowledge(
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: `${reason} CDK creates its role with the basic execution policy.`,
    },
    { id: 'AwsSolutions-L1', reason: `${reason} CDK pins its runtime.` },
    {
      id: `AwsSolutions-IAM5[Resource::<${onEventId}.Arn>:*]`,
      reason: `${reason} It may invoke any version or alias of our one onEvent function, and nothing else.`,
    },
  );
}
