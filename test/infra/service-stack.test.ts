// The service stack: functions fixed by the shared construct, secrets passed as ids and granted read,
// least-privilege grants per function, the job queue and its dead letters, throttled HTTP API, alarms wired
// to the topic, fallback URL output.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIAL_REFUSED_EVENT } from '../../functions/app/dial-guard.js';
import { LAMBDA_BUNDLE } from '../../infra/aws/constructs/bundling.js';
import { actionsOf, roleStatements, type Synthesized, synthesize } from './synth.js';

let s: Synthesized;
beforeAll(() => {
  s = synthesize();
});

/** Every statement in the policies attached to the function's role. */
const statementsOf = (fn: IFunction) =>
  roleStatements(s, s.service.getLogicalId(fn.role?.node.defaultChild as CfnElement));

const actionsOfFn = (fn: IFunction) => new Set(actionsOf(statementsOf(fn)));

const allFunctions = () => [
  s.service.webhooks.fn,
  s.service.api.fn,
  s.service.worker.fn,
  s.service.scheduled.fn,
  s.service.reconciler.fn,
];

const functionProps = (fn: IFunction) =>
  s.serviceTemplate.toJSON().Resources[s.service.getLogicalId(fn.node.defaultChild as CfnElement)].Properties;

describe('service stack functions', () => {
  it('run Node.js 22 on ARM64 with JSON logs, source maps and ESM bundles', () => {
    for (const fn of allFunctions()) {
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

  it('ship as ESM bundles, each with its createRequire banner and its source map, as this run bundled them', () => {
    const template = JSON.parse(readFileSync(join(s.bundledCdkOut, s.service.templateFile), 'utf8'));
    const bundled = [...allFunctions(), s.service.provisioning.onEvent.fn, s.service.firstAdmin.onEvent.fn];
    for (const fn of bundled) {
      const id = s.service.getLogicalId(fn.node.defaultChild as CfnElement);
      const key: string = template.Resources[id].Properties.Code.S3Key;
      const asset = join(s.bundledCdkOut, `asset.${key.replace(/\.zip$/, '')}`);
      expect(readdirSync(asset).sort(), id).toEqual(['index.mjs', 'index.mjs.map']);
      expect(readFileSync(join(asset, 'index.mjs'), 'utf8').startsWith(LAMBDA_BUNDLE.banner), id).toBe(true);
    }
  });

  it('receive secret ids, never secret values, and the public URL from CloudFront', () => {
    for (const fn of allFunctions()) {
      const env = functionProps(fn).Environment.Variables;
      expect(env).toHaveProperty('TWILIO_AUTH_TOKEN_SECRET_ID', 'contact-center/twilio-auth-token');
      expect(env).toHaveProperty('SESSION_KEY_SECRET_ID');
      expect(env).not.toHaveProperty('TWILIO_AUTH_TOKEN');
      expect(env).not.toHaveProperty('SESSION_KEY');
      expect(env.TWILIO_ACCOUNT_SID).toBe(s.settings.twilioAccountSid);
      expect(JSON.stringify(env.PUBLIC_BASE_URL)).toContain('DomainName');
      // Twilio's webhooks go to the HTTP API's own endpoint, not through CloudFront.
      expect(JSON.stringify(env.WEBHOOK_BASE_URL)).toMatch(
        /"https:\/\/",\{"Ref":"HttpApi[0-9A-F]+"\},".execute-api."/,
      );
    }
  });

  it('receive the numbers the deploy was given, each with its flow, and the SMS sender', () => {
    for (const fn of allFunctions()) {
      const env = functionProps(fn).Environment.Variables;
      expect(env.HOTLINES).toBe('+8640012345678=warranty,+862161234567=rescue');
      expect(env.SMS_FROM_NUMBER).toBe('+862161234567');
    }
  });

  it('receive the job queue and dead-letter queue URLs', () => {
    for (const fn of allFunctions()) {
      const env = functionProps(fn).Environment.Variables;
      expect(JSON.stringify(env.JOBS_QUEUE_URL)).toContain('JobsQueue');
      expect(JSON.stringify(env.JOBS_DEAD_LETTER_URL)).toContain('JobsDeadLetters');
    }
  });

  it('may read both secrets', () => {
    for (const fn of allFunctions()) {
      const actions = actionsOfFn(fn);
      expect(actions).toContain('secretsmanager:GetSecretValue');
      expect(
        [...actions].filter(
          (a) => a.startsWith('secretsmanager:') && !/^secretsmanager:(Get|Describe)/.test(a),
        ),
      ).toEqual([]);
    }
  });

  it('webhooks: read and write the table, enqueue jobs, only read on a bucket (prompts), no deletes of resources', () => {
    const actions = [...actionsOfFn(s.service.webhooks.fn)];
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'sqs:SendMessage']),
    );
    expect(actions.filter((a) => a.startsWith('s3:') && !/^s3:(Get|List)/.test(a))).toEqual([]);
    expect(actions.filter((a) => a.startsWith('sqs:') && a !== 'sqs:SendMessage')).toEqual([
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
    ]);
    // grantRead's own wildcards (GetObject*, List*) are reads on the prompts/ objects (recordings-lock.test.ts).
    expect(
      actions.filter(
        (a) => /DeleteTable|DeleteBucket|\*$/.test(a) && !a.startsWith('kms:') && !/^s3:(Get|List)/.test(a),
      ),
    ).toEqual([]);
  });

  it('API: table read/write, recordings read (playback) and put (fax PDFs) without delete, dead-letter replay', () => {
    const actions = [...actionsOfFn(s.service.api.fn)];
    expect(actions).toEqual(
      expect.arrayContaining([
        'dynamodb:UpdateItem',
        's3:GetObject*',
        's3:PutObject',
        'sqs:SendMessage',
        'sqs:ReceiveMessage',
        'sqs:ChangeMessageVisibility',
        'sqs:DeleteMessage',
      ]),
    );
    expect(actions.filter((a) => /^s3:(Delete|PutBucket|PutLifecycle|PutObjectAcl)/.test(a))).toEqual([]);
  });

  it('worker: consumes the work queue, sends to the dead letters, reads and puts recordings, never deletes', () => {
    const actions = [...actionsOfFn(s.service.worker.fn)];
    expect(actions).toEqual(
      expect.arrayContaining([
        'dynamodb:PutItem',
        's3:GetObject*',
        's3:PutObject',
        'sqs:ReceiveMessage',
        'sqs:DeleteMessage',
        'sqs:SendMessage',
      ]),
    );
    expect(actions.filter((a) => /^s3:(Delete|PutBucket|PutLifecycle|PutObjectAcl)/.test(a))).toEqual([]);
    expect(actions.filter((a) => /Delete(Table|Bucket|Queue)|^sqs:Purge/.test(a))).toEqual([]);
  });

  it('scheduled: reads and writes the table, enqueues jobs on the work queue only, only puts archive files', () => {
    const actions = [...actionsOfFn(s.service.scheduled.fn)];
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'sqs:SendMessage']),
    );
    // The event archive (test/infra/analytics.test.ts checks it is events/* of the analytics bucket only).
    expect(actions.filter((a) => a.startsWith('s3:') || a.startsWith('ses:'))).toEqual(['s3:PutObject']);
    expect(actions.filter((a) => a.startsWith('sqs:') && a !== 'sqs:SendMessage')).toEqual([
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
    ]);
    const queueArn = {
      'Fn::GetAtt': [s.service.getLogicalId(s.service.jobs.queue.node.defaultChild as CfnElement), 'Arn'],
    };
    for (const st of statementsOf(s.service.scheduled.fn)) {
      const acts = Array.isArray(st.Action) ? st.Action : [st.Action];
      if (acts.some((a) => a.startsWith('sqs:'))) expect(st.Resource).toEqual(queueArn);
    }
  });

  it('may write their own log group only (no AWSLambdaBasicExecutionRole)', () => {
    const roles = s.serviceTemplate.findResources('AWS::IAM::Role', {
      Properties: {
        AssumeRolePolicyDocument: Match.objectLike({
          Statement: [Match.objectLike({ Principal: { Service: 'lambda.amazonaws.com' } })],
        }),
      },
    });
    const ours = allFunctions().map((fn) => s.service.getLogicalId(fn.role?.node.defaultChild as CfnElement));
    // Each role must be one the search found, or the check below passes on a role that is not there.
    expect(Object.keys(roles)).toEqual(expect.arrayContaining(ours));
    for (const id of ours) expect(roles[id]?.Properties.ManagedPolicyArns).toBeUndefined();
    for (const fn of [
      s.service.webhooks,
      s.service.api,
      s.service.worker,
      s.service.scheduled,
      s.service.reconciler,
    ]) {
      const ownLogGroup = {
        'Fn::GetAtt': [s.service.getLogicalId(fn.logGroup.node.defaultChild as CfnElement), 'Arn'],
      };
      const logStatements = statementsOf(fn.fn).filter((st) =>
        actionsOf([st]).some((a) => a.startsWith('logs:')),
      );
      expect(logStatements.map((st) => st.Resource)).toEqual([ownLogGroup]);
    }
  });
});

describe('job queues', () => {
  it('feeds the worker from the work queue with partial batch responses', () => {
    s.serviceTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: s.service.getLogicalId(s.service.worker.fn.node.defaultChild as CfnElement) },
      EventSourceArn: {
        'Fn::GetAtt': [s.service.getLogicalId(s.service.jobs.queue.node.defaultChild as CfnElement), 'Arn'],
      },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('moves a job to the encrypted dead-letter queue after 5 receives; visibility covers 6 worker timeouts', () => {
    const dlq = s.service.getLogicalId(s.service.jobs.deadLetters.node.defaultChild as CfnElement);
    s.serviceTemplate.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlq, 'Arn'] }, maxReceiveCount: 5 },
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 6 * functionProps(s.service.worker.fn).Timeout,
    });
    s.serviceTemplate.hasResourceProperties('AWS::SQS::Queue', {
      MessageRetentionPeriod: 14 * 24 * 3600,
      SqsManagedSseEnabled: true,
    });
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

  it('alarms on errors and throttles of each function, webhook p99 latency, every dead-letter queue, refused dials, HTTP API 5xx/429, CloudFront 5xx and recording copies, to an encrypted topic', () => {
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
    expect(names).toEqual([
      '5xx:Sum',
      '5xxErrorRate:Average',
      'ApproximateNumberOfMessagesVisible:Maximum',
      'ApproximateNumberOfMessagesVisible:Maximum',
      'ApproximateNumberOfMessagesVisible:Maximum',
      'DialRefusals:Sum',
      'Duration:p99',
      'Errors:Sum',
      'Errors:Sum',
      'Errors:Sum',
      'Errors:Sum',
      'Errors:Sum',
      'Errors:Sum',
      'HttpThrottled:Sum',
      'RecordingCopyFailures:Sum',
      'Throttles:Sum',
      'Throttles:Sum',
      'Throttles:Sum',
      'Throttles:Sum',
      'Throttles:Sum',
      'Throttles:Sum',
    ]);
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

describe('the refused-dial alarm', () => {
  it('counts the "dial-refused" log lines of the API, webhook and scheduled functions into one metric, alarmed at 20 in 5 minutes', () => {
    const filters = Object.values(s.serviceTemplate.findResources('AWS::Logs::MetricFilter'))
      .map(
        (f) =>
          f.Properties as {
            LogGroupName: unknown;
            FilterPattern: string;
            MetricTransformations: { MetricNamespace: string; MetricName: string; MetricValue: string }[];
          },
      )
      .filter((f) => f.MetricTransformations.some((m) => m.MetricName === 'DialRefusals'));
    const groups = [s.service.api, s.service.webhooks, s.service.scheduled].map((f) => ({
      Ref: s.service.getLogicalId(f.logGroup.node.defaultChild as CfnElement),
    }));
    expect(filters.map((f) => f.LogGroupName)).toEqual(expect.arrayContaining(groups));
    expect(filters).toHaveLength(3);
    for (const f of filters) {
      // The field and value the guard logs (functions/app/dial-guard.ts: DIAL_REFUSED_EVENT).
      expect(f.FilterPattern).toBe(`{ $.event = "${DIAL_REFUSED_EVENT}" }`);
      expect(f.MetricTransformations).toEqual([
        { MetricNamespace: 'ContactCenter', MetricName: 'DialRefusals', MetricValue: '1' },
      ]);
    }
    s.serviceTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'ContactCenter',
      MetricName: 'DialRefusals',
      Statistic: 'Sum',
      Period: 300,
      Threshold: 20,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
  });
});
