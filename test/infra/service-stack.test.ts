// The service stack: functions fixed by the shared construct, secrets passed as ids and granted read,
// least-privilege grants per function, throttled HTTP API, alarms wired to the topic, fallback URL output.
import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Synthesized, synthesize } from './synth.js';

let s: Synthesized;
beforeAll(() => {
  s = synthesize();
});

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** Every Allow statement in the policies attached to the function's role. */
function statementsOf(fn: IFunction): Statement[] {
  const roleId = s.service.getLogicalId(fn.role?.node.defaultChild as CfnElement);
  const policies = s.serviceTemplate.findResources('AWS::IAM::Policy', {
    Properties: { Roles: [{ Ref: roleId }] },
  });
  return Object.values(policies).flatMap(
    (p) => (p.Properties as { PolicyDocument: { Statement: Statement[] } }).PolicyDocument.Statement,
  );
}

const actionsOf = (fn: IFunction) =>
  new Set(statementsOf(fn).flatMap((st) => (Array.isArray(st.Action) ? st.Action : [st.Action])));

const functionProps = (fn: IFunction) =>
  s.serviceTemplate.toJSON().Resources[s.service.getLogicalId(fn.node.defaultChild as CfnElement)].Properties;

describe('service stack functions', () => {
  it('run Node.js 22 on ARM64 with JSON logs, source maps and ESM bundles', () => {
    for (const fn of [s.service.webhooks.fn, s.service.api.fn]) {
      const props = functionProps(fn);
      expect(props).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        LoggingConfig: { LogFormat: 'JSON' },
      });
      expect(props.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps');
    }
  });

  it('receive secret ids, never secret values, and the public URL from CloudFront', () => {
    for (const fn of [s.service.webhooks.fn, s.service.api.fn]) {
      const env = functionProps(fn).Environment.Variables;
      expect(env).toHaveProperty('TWILIO_AUTH_TOKEN_SECRET_ID', 'contact-center/twilio-auth-token');
      expect(env).toHaveProperty('SESSION_KEY_SECRET_ID');
      expect(env).not.toHaveProperty('TWILIO_AUTH_TOKEN');
      expect(env).not.toHaveProperty('SESSION_KEY');
      expect(env.TWILIO_ACCOUNT_SID).toBe(s.settings.twilioAccountSid);
      expect(JSON.stringify(env.PUBLIC_BASE_URL)).toContain('DomainName');
    }
  });

  it('may read both secrets', () => {
    for (const fn of [s.service.webhooks.fn, s.service.api.fn]) {
      const actions = actionsOf(fn);
      expect(actions).toContain('secretsmanager:GetSecretValue');
      expect(
        [...actions].filter(
          (a) => a.startsWith('secretsmanager:') && !/^secretsmanager:(Get|Describe)/.test(a),
        ),
      ).toEqual([]);
    }
  });

  it('webhooks: read and write the table, nothing on any bucket, no deletes of resources', () => {
    const actions = [...actionsOf(s.service.webhooks.fn)];
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']),
    );
    expect(actions.filter((a) => a.startsWith('s3:'))).toEqual([]);
    expect(actions.filter((a) => /DeleteTable|DeleteBucket|\*$/.test(a) && !a.startsWith('kms:'))).toEqual(
      [],
    );
  });

  it('API: table read/write plus read-only recordings (presigned playback), no writes or deletes in S3', () => {
    const actions = [...actionsOf(s.service.api.fn)];
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:UpdateItem', 's3:GetObject*']));
    expect(actions.filter((a) => /^s3:(Put|Delete|Abort)/.test(a))).toEqual([]);
  });

  it('may write their own log group only (no AWSLambdaBasicExecutionRole)', () => {
    const roles = s.serviceTemplate.findResources('AWS::IAM::Role', {
      Properties: {
        AssumeRolePolicyDocument: Match.objectLike({
          Statement: [Match.objectLike({ Principal: { Service: 'lambda.amazonaws.com' } })],
        }),
      },
    });
    const ours = [s.service.webhooks.fn, s.service.api.fn].map((fn) =>
      s.service.getLogicalId(fn.role?.node.defaultChild as CfnElement),
    );
    for (const id of ours) expect(roles[id]?.Properties.ManagedPolicyArns).toBeUndefined();
  });
});

describe('service stack edges', () => {
  it('throttles the HTTP API stage as configured', () => {
    s.serviceTemplate.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: {
        ThrottlingRateLimit: s.settings.apiRateLimit,
        ThrottlingBurstLimit: s.settings.apiBurstLimit,
      },
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });

  it('alarms on errors and throttles of both functions and webhook p99 latency, to an encrypted topic', () => {
    const alarms = Object.values(s.serviceTemplate.findResources('AWS::CloudWatch::Alarm')).map(
      (a) =>
        a.Properties as {
          MetricName: string;
          Statistic?: string;
          ExtendedStatistic?: string;
          AlarmActions: unknown[];
        },
    );
    const names = alarms.map((a) => `${a.MetricName}:${a.ExtendedStatistic ?? a.Statistic}`).sort();
    expect(names).toEqual(['Duration:p99', 'Errors:Sum', 'Errors:Sum', 'Throttles:Sum', 'Throttles:Sum']);
    for (const alarm of alarms) expect(alarm.AlarmActions).toHaveLength(1);
    s.serviceTemplate.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    s.serviceTemplate.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
    });
  });

  it('serves the web bucket through origin access control only', () => {
    s.serviceTemplate.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    s.serviceTemplate.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: Match.objectLike({ BlockPublicPolicy: true }),
    });
  });

  it('publishes the fallback TwiML as text/xml and outputs its URL', () => {
    s.serviceTemplate.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketKeyPrefix: 'twiml/',
      SystemMetadata: { 'content-type': 'text/xml; charset=utf-8' },
    });
    const outputs = s.serviceTemplate.toJSON().Outputs;
    expect(JSON.stringify(outputs.FallbackTwimlUrl.Value)).toContain('/twiml/fallback.xml');
  });
});
