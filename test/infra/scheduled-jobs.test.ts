// The scheduled jobs in AWS: an EventBridge Scheduler schedule invokes the Scheduled function every minute
// with {"kind":"every-minute"}, undeliverable invocations go to an encrypted dead-letter queue, the
// schedule's role may only invoke that function (and send to that queue), no EventBridge rule is left, and
// the function and the queue have their alarms.
import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { roleStatements, type Synthesized, synthesize } from './synth.js';

let s: Synthesized;
beforeAll(() => {
  s = synthesize();
});

const id = (c: { node: { defaultChild?: unknown } }) =>
  s.service.getLogicalId(c.node.defaultChild as CfnElement);
const functionArn = () => ({ 'Fn::GetAtt': [id(s.service.scheduled.fn), 'Arn'] });
const dlqArn = () => ({ 'Fn::GetAtt': [id(s.service.everyMinute.deadLetters), 'Arn'] });

function scheduleProps() {
  // One schedule for this function (reconciliation has its own, test/infra/reconcile-schedule.test.ts).
  const schedules = Object.values(s.serviceTemplate.findResources('AWS::Scheduler::Schedule')).filter(
    (r) => JSON.stringify(r.Properties.Target.Arn) === JSON.stringify(functionArn()),
  );
  expect(schedules).toHaveLength(1);
  return schedules[0]?.Properties as {
    Target: { Arn: unknown; Input: string; RoleArn: { 'Fn::GetAtt': [string, string] } };
  };
}

describe('scheduled jobs', () => {
  it('is one Scheduler schedule at rate(1 minute) invoking the Scheduled function with the every-minute input', () => {
    s.serviceTemplate.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: Match.objectLike({
        Arn: functionArn(),
        Input: JSON.stringify({ kind: 'every-minute' }),
        DeadLetterConfig: { Arn: dlqArn() },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 120 },
      }),
    });
    expect(JSON.parse(scheduleProps().Target.Input)).toEqual({ kind: 'every-minute' });
  });

  it('sends undeliverable invocations to an encrypted, TLS-only dead-letter queue', () => {
    const queue = s.serviceTemplate.toJSON().Resources[id(s.service.everyMinute.deadLetters)];
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true });
    s.serviceTemplate.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: id(s.service.everyMinute.deadLetters) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('runs under a role that only the Scheduler (this account, default group) may assume, and that may only invoke the function', () => {
    const roleId = scheduleProps().Target.RoleArn['Fn::GetAtt'][0];
    const role = s.serviceTemplate.toJSON().Resources[roleId];
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      expect.objectContaining({
        Action: 'sts:AssumeRole',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: {
          StringEquals: {
            'aws:SourceAccount': { Ref: 'AWS::AccountId' },
            'aws:SourceArn': {
              'Fn::Join': ['', expect.arrayContaining([':schedule-group/default'])],
            },
          },
        },
      }),
    ]);
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    const statements = roleStatements(s, roleId);
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: [functionArn(), { 'Fn::Join': ['', [functionArn(), ':*']] }],
      },
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: dlqArn() },
    ]);
  });

  it('turns off Lambda’s own async retries of the function: the next minute runs anyway', () => {
    s.serviceTemplate.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: id(s.service.scheduled.fn) },
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 120,
    });
  });

  it('leaves no EventBridge rule behind', () => {
    s.serviceTemplate.resourceCountIs('AWS::Events::Rule', 0);
  });

  it('alarms on the function’s errors and throttles and on the dead-letter queue', () => {
    const fn = { Name: 'FunctionName', Value: { Ref: id(s.service.scheduled.fn) } };
    for (const metric of ['Errors', 'Throttles']) {
      s.serviceTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: metric,
        Dimensions: [fn],
        Threshold: 1,
      });
    }
    s.serviceTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [
        {
          Name: 'QueueName',
          Value: { 'Fn::GetAtt': [id(s.service.everyMinute.deadLetters), 'QueueName'] },
        },
      ],
    });
  });
});
