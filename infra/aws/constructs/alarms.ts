// Alarms that page someone: function errors and throttles, webhook latency p99 (Twilio gives up after
// 15 s, callers notice far sooner), dead-letter queue depth (a job gave up) and a burst of refused
// outbound calls or texts (toll fraud being tried). All notify one topic.
import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { FilterPattern, type ILogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Where the refused-outbound count is published. */
export const DIAL_REFUSALS_METRIC = { namespace: 'ContactCenter', metricName: 'DialRefusals' } as const;

export interface AlarmsProps {
  /** Receives every alarm and its recovery. @default no subscription (subscribe to the topic later) */
  readonly email?: string;
}

export class Alarms extends Construct {
  readonly topic: Topic;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: AlarmsProps = {}) {
    super(scope, id);
    // CloudWatch can only publish to an encrypted topic whose key lets it; AWS-managed keys cannot.
    const key = new Key(this, 'TopicKey', {
      description: 'Encrypts the alarm topic',
      enableKeyRotation: true,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', { masterKey: key, enforceSSL: true });
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
    this.action = new SnsAction(this.topic);
  }

  /** Any error or throttle of the function within five minutes. */
  watchFunction(name: string, fn: IFunction): void {
    const fiveMinutes = { period: Duration.minutes(5), statistic: 'Sum' };
    this.add(`${name}Errors`, fn.metricErrors(fiveMinutes), 1, `${name}: the function failed`);
    this.add(`${name}Throttles`, fn.metricThrottles(fiveMinutes), 1, `${name}: invocations were throttled`);
  }

  /** p99 duration above `thresholdMs` for three consecutive minutes. */
  watchLatency(name: string, fn: IFunction, thresholdMs: number): void {
    const p99 = fn.metricDuration({ period: Duration.minutes(1), statistic: 'p99' });
    this.add(`${name}LatencyP99`, p99, thresholdMs, `${name}: p99 duration above ${thresholdMs} ms`, 3);
  }

  /** Any message waiting in the queue (a dead-letter queue should stay empty) within five minutes. */
  watchQueueDepth(name: string, queue: IQueue, threshold = 1): void {
    const depth = queue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(5),
      statistic: 'Maximum',
    });
    this.add(`${name}Depth`, depth, threshold, `${name}: ${threshold} or more messages waiting`);
  }

  /**
   * Refused outbound attempts (the log lines whose `event` is "dial-refused") in the given log groups,
   * counted into one metric; the alarm fires at `threshold` or more within five minutes. One agent
   * mistyping a number makes a few; a script trying premium destinations makes many.
   */
  watchDialRefusals(logGroups: Readonly<Record<string, ILogGroup>>, threshold = 20): void {
    for (const [name, logGroup] of Object.entries(logGroups))
      new MetricFilter(this, `${name}DialRefusals`, {
        logGroup,
        metricNamespace: DIAL_REFUSALS_METRIC.namespace,
        metricName: DIAL_REFUSALS_METRIC.metricName,
        filterPattern: FilterPattern.stringValue('$.event', '=', 'dial-refused'),
        metricValue: '1',
      });
    const refusals = new Metric({ ...DIAL_REFUSALS_METRIC, period: Duration.minutes(5), statistic: 'Sum' });
    this.add(
      'DialRefusals',
      refusals,
      threshold,
      `${threshold} or more outbound calls or texts refused within 5 minutes: look at the supervisors' refusal list`,
    );
  }

  private add(id: string, metric: IMetric, threshold: number, description: string, periods = 1): void {
    const alarm = new Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: periods,
      datapointsToAlarm: periods,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
  }
}
