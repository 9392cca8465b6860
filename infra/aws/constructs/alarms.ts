// Alarms that page someone: function errors and throttles, webhook latency p99 (Twilio gives up after
// 15 s, callers notice far sooner), HTTP API 5xx and 429 answers, CloudFront's 5xx rate, dead-letter queue
// depth (a job gave up), failed recording copies and a burst of refused outbound calls or texts (toll
// fraud being tried). All notify one topic, which `email` subscribes to.
import { Annotations, Aws, CfnCondition, Duration, Fn, Stack, Token } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import {
  Alarm,
  type CfnAlarm,
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
/** Requests the HTTP API answered 429 (its throttles, or the app's own login and dialling limits). */
export const THROTTLED_METRIC = { namespace: 'ContactCenter', metricName: 'HttpThrottled' } as const;
/** Recording copy attempts that failed (each is retried until the job dead-letters). */
export const RECORDING_FAILURES_METRIC = {
  namespace: 'ContactCenter',
  metricName: 'RecordingCopyFailures',
} as const;

/**
 * How the job worker logs a failed job (functions/workers/job-batch.ts) and the error names a recording
 * copy fails with: its verification (functions/app/copy-recording.ts) and Twilio's media download.
 */
export const JOB_FAILED_MESSAGE = 'job failed';
export const RECORDING_ERROR_NAMES = ['VerificationError', 'TwilioMediaError'] as const;

/** CloudFront publishes its metrics in us-east-1 only, and an alarm can watch only its own region's. */
export const CLOUDFRONT_METRICS_REGION = 'us-east-1';

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

  /**
   * The HTTP API's 5xx answers (5 or more within five minutes: one is a function error, already paged) and
   * its 429s, counted from the access log, where the stage's throttles and the app's own limits both show.
   */
  watchHttpApi(api: IHttpApi, accessLogs: ILogGroup, throttledThreshold = 20): void {
    const fiveMinutes = { period: Duration.minutes(5), statistic: 'Sum' };
    this.add(
      'Http5xx',
      api.metricServerError(fiveMinutes),
      5,
      'HTTP API: 5 or more 5xx answers within 5 minutes',
    );
    new MetricFilter(this, 'HttpThrottledFilter', {
      logGroup: accessLogs,
      metricNamespace: THROTTLED_METRIC.namespace,
      metricName: THROTTLED_METRIC.metricName,
      // The access log writes the status as a string (http-api.ts).
      filterPattern: FilterPattern.stringValue('$.status', '=', '429'),
      metricValue: '1',
    });
    this.add(
      'Http429',
      new Metric({ ...THROTTLED_METRIC, ...fiveMinutes }),
      throttledThreshold,
      `HTTP API: ${throttledThreshold} or more 429 answers within 5 minutes (throttled, or login/dialling limits)`,
    );
  }

  /**
   * CloudFront's 5xx rate at `percent` or above for two five-minute periods in a row. CloudFront's metrics
   * exist only in us-east-1: in another region the alarm is left out (a warning when the region is known at
   * synth, a condition on the region otherwise); the dashboard still shows the rate.
   */
  watchCloudFront(distribution: IDistribution, percent = 5): void {
    const region = Stack.of(this).region;
    if (!Token.isUnresolved(region) && region !== CLOUDFRONT_METRICS_REGION) {
      Annotations.of(this).addWarningV2(
        'contact-center:cloudfront-alarm-region',
        `CloudFront publishes its metrics in ${CLOUDFRONT_METRICS_REGION} only: no CloudFront 5xx alarm in ${region} (see docs/operations.md).`,
      );
      return;
    }
    const alarm = this.add(
      'CloudFront5xxRate',
      cloudFrontMetric(distribution, '5xxErrorRate'),
      percent,
      `CloudFront: ${percent}% or more of requests answered 5xx for 10 minutes`,
      2,
    );
    if (Token.isUnresolved(region)) {
      const inUsEast1 = new CfnCondition(this, 'InCloudFrontMetricsRegion', {
        expression: Fn.conditionEquals(Aws.REGION, CLOUDFRONT_METRICS_REGION),
      });
      (alarm.node.defaultChild as CfnAlarm).cfnOptions.condition = inUsEast1;
    }
  }

  /**
   * Failed recording copies in the worker's log (a "job failed" line whose error is one a copy throws),
   * `threshold` or more within fifteen minutes: a retry now and then is normal (Twilio's media not ready
   * yet), a run of them means recordings are piling up at Twilio.
   */
  watchRecordingCopies(workerLogs: ILogGroup, threshold = 5): void {
    new MetricFilter(this, 'RecordingCopyFailuresFilter', {
      logGroup: workerLogs,
      metricNamespace: RECORDING_FAILURES_METRIC.namespace,
      metricName: RECORDING_FAILURES_METRIC.metricName,
      filterPattern: FilterPattern.all(
        FilterPattern.stringValue('$.message', '=', JOB_FAILED_MESSAGE),
        FilterPattern.any(
          ...RECORDING_ERROR_NAMES.map((name) => FilterPattern.stringValue('$.error', '=', `${name}*`)),
        ),
      ),
      metricValue: '1',
    });
    const failures = new Metric({
      ...RECORDING_FAILURES_METRIC,
      period: Duration.minutes(15),
      statistic: 'Sum',
    });
    this.add(
      'RecordingCopyFailures',
      failures,
      threshold,
      `Recordings: ${threshold} or more failed copies to S3 within 15 minutes; Twilio keeps its copy until one succeeds`,
    );
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

  private add(id: string, metric: IMetric, threshold: number, description: string, periods = 1): Alarm {
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
    return alarm;
  }
}

/** A CloudFront metric of the distribution, with the `Region: Global` dimension CloudFront publishes it under. */
export function cloudFrontMetric(distribution: IDistribution, metricName: string): Metric {
  return new Metric({
    namespace: 'AWS/CloudFront',
    metricName,
    dimensionsMap: { DistributionId: distribution.distributionId, Region: 'Global' },
    statistic: 'Average',
    period: Duration.minutes(5),
    region: CLOUDFRONT_METRICS_REGION,
  });
}
