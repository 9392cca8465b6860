// An EventBridge Scheduler schedule that invokes one function every minute (or every few) with a fixed input, and the
// dead-letter queue for invocations the Scheduler could not deliver. The role CDK makes for the target may
// invoke that function only (and send to that queue). Retries are few and short: the next minute runs anyway.
import { type CfnElement, Duration, Stack, Validations } from 'aws-cdk-lib';
import { Role } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  type CfnSchedule,
  Schedule,
  ScheduleExpression,
  ScheduleTargetInput,
  TimeWindow,
} from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface MinuteScheduleProps {
  readonly target: IFunction;
  /** The JSON event the function receives. */
  readonly input: Readonly<Record<string, unknown>>;
  readonly description: string;
  /** How often. @default one minute */
  readonly every?: Duration;
}

export class MinuteSchedule extends Construct {
  readonly schedule: Schedule;
  /** Invocations the Scheduler gave up delivering (throttled, denied, function missing). */
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: MinuteScheduleProps) {
    super(scope, id);
    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14), // the longest SQS keeps a message: time to notice why
    });
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This is the dead-letter queue of the Scheduler target; it has no dead-letter queue of its own.',
    });
    const target = new LambdaInvoke(props.target, {
      input: ScheduleTargetInput.fromObject(props.input),
      deadLetterQueue: this.deadLetters,
      // Only delivery is retried here (the Scheduler invokes Lambda asynchronously; a function error is
      // Lambda's to retry, or not). Two quick tries within two minutes, then the dead letters: an invocation
      // older than that is overtaken by the next minute's.
      retryAttempts: 2,
      maxEventAge: Duration.minutes(2),
    });
    this.schedule = new Schedule(this, 'Schedule', {
      description: props.description,
      schedule: ScheduleExpression.rate(props.every ?? Duration.minutes(1)),
      timeWindow: TimeWindow.off(),
      target,
    });
    this.acknowledgeInvokeGrant(props.target);
  }

  /** The role CDK made for the target holds `grantInvoke`'s `<function ARN>:*` (its versions and aliases). */
  private acknowledgeInvokeGrant(fn: IFunction): void {
    const stack = Stack.of(this);
    const { roleArn } = (this.schedule.node.defaultChild as CfnSchedule).target as CfnSchedule.TargetProperty;
    const role = stack.node.findAll().find((c): c is Role => c instanceof Role && c.roleArn === roleArn);
    if (!role) throw new Error(`${this.node.path}: the Scheduler target's role was not found in the stack`);
    const fnId = stack.getLogicalId(fn.node.defaultChild as CfnElement);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${fnId}.Arn>:*]`,
      reason:
        'grantInvoke by the Scheduler Lambda target: lambda:InvokeFunction on that one function and its versions and aliases (ARN:*), nothing else.',
    });
  }
}
