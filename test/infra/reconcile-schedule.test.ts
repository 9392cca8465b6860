// Reconciliation in AWS: its own Scheduler schedule invokes the Reconcile function every five minutes with
// {"kind":"reconcile"}, undeliverable invocations go to a dead-letter queue, Lambda's async retries are
// off, the function may read and write the table and enqueue jobs but touch no bucket, and both alarm.
import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { RECONCILE_INPUT } from '../../functions/workers/reconcile-job.js';
import { roleStatements, type Synthesized, synthesize } from './synth.js';

let s: Synthesized;
beforeAll(() => {
  s = synthesize();
});

const id = (c: { node: { defaultChild?: unknown } }) =>
  s.service.getLogicalId(c.node.defaultChild as CfnElement);
const functionArn = () => ({ 'Fn::GetAtt': [id(s.service.reconciler.fn), 'Arn'] });
const dlqArn = () => ({ 'Fn::GetAtt': [id(s.service.reconcileSchedule.deadLetters), 'Arn'] });

describe('reconcile schedule', () => {
  it('invokes the Reconcile function every five minutes with the reconcile input', () => {
    s.serviceTemplate.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(5 minutes)',
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: Match.objectLike({
        Arn: functionArn(),
        Input: JSON.stringify({ kind: 'reconcile' }),
        DeadLetterConfig: { Arn: dlqArn() },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 120 },
      }),
    });
    expect(RECONCILE_INPUT).toEqual({ kind: 'reconcile' });
  });

  it('turns off Lambda’s own async retries: the next run comes anyway', () => {
    s.serviceTemplate.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: id(s.service.reconciler.fn) },
      MaximumRetryAttempts: 0,
    });
  });

  it('may use the table and send jobs, and nothing on any bucket', () => {
    const roleId = s.service.getLogicalId(s.service.reconciler.fn.role?.node.defaultChild as CfnElement);
    const actions = roleStatements(s, roleId).flatMap((st) =>
      Array.isArray(st.Action) ? st.Action : [st.Action],
    );
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem', 'sqs:SendMessage']),
    );
    expect(actions.filter((a: string) => a.startsWith('s3:') || a.startsWith('ses:'))).toEqual([]);
  });

  it('alarms on the function’s errors and on its dead-letter queue', () => {
    s.serviceTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: id(s.service.reconciler.fn) } }],
    });
    s.serviceTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [
        {
          Name: 'QueueName',
          Value: { 'Fn::GetAtt': [id(s.service.reconcileSchedule.deadLetters), 'QueueName'] },
        },
      ],
    });
  });
});
