// One CloudWatch dashboard for the people on call: calls coming in, webhook latency (what a caller waits
// for between prompts), errors and throttles by function, HTTP API and CloudFront error counts, and the
// job queue's depth beside its dead letters. Read it next to the alarms: each alarm's metric is here.
import { Aws, CfnOutput, Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { Dashboard, GraphWidget, type IMetric, Metric, Stats, TextWidget } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { FilterPattern, type ILogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { cloudFrontMetric, RECORDING_FAILURES_METRIC, THROTTLED_METRIC } from './alarms.js';

/** Calls Twilio offered us: each inbound call starts with one POST to the numbers' voice URL. */
export const CALLS_METRIC = { namespace: 'ContactCenter', metricName: 'IncomingCalls' } as const;
/** The path of that first webhook (functions/adapters/twilio/provision-numbers.ts sets it on each number). */
export const INCOMING_CALL_PATH = '/twilio/voice';

export interface OpsDashboardProps {
  /** Shown by name in the error and throttle graphs. */
  readonly functions: Readonly<Record<string, IFunction>>;
  readonly webhooks: IFunction;
  readonly httpApi: IHttpApi;
  /** The HTTP API's JSON access log, from which incoming calls are counted. */
  readonly accessLogs: ILogGroup;
  readonly distribution: IDistribution;
  readonly queue: IQueue;
  readonly deadLetters: Readonly<Record<string, IQueue>>;
  /** The push channel's WebSocket API and stage. @default no push graph */
  readonly push?: { readonly apiId: string; readonly stageName: string };
}

const MINUTE = Duration.minutes(1);
const FIVE_MINUTES = Duration.minutes(5);

export class OpsDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OpsDashboardProps) {
    super(scope, id);
    new MetricFilter(this, 'IncomingCallsFilter', {
      logGroup: props.accessLogs,
      metricNamespace: CALLS_METRIC.namespace,
      metricName: CALLS_METRIC.metricName,
      filterPattern: FilterPattern.all(
        FilterPattern.stringValue('$.method', '=', 'POST'),
        FilterPattern.stringValue('$.path', '=', INCOMING_CALL_PATH),
      ),
      metricValue: '1',
    });
    const fns = Object.entries(props.functions);
    const perFunction = (metric: (fn: IFunction) => Metric) =>
      fns.map(([name, fn]) => metric(fn).with({ label: name }));
    const sum = { statistic: Stats.SUM, period: FIVE_MINUTES };
    const graph = (title: string, left: IMetric[], right: IMetric[] = []) =>
      new GraphWidget({ title, left, right, width: 8, height: 6 });
    this.dashboard = new Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.hours(12),
      widgets: [
        [
          new TextWidget({
            markdown:
              '**Contact center.** Alarms mail the alarm topic; see docs/operations.md for each one and what to do.',
            width: 24,
            height: 1,
          }),
        ],
        [
          graph('Incoming calls (per 5 min)', [new Metric({ ...CALLS_METRIC, ...sum, label: 'calls' })]),
          graph('Webhook latency (ms)', [
            props.webhooks.metricDuration({ statistic: Stats.p(50), period: MINUTE, label: 'p50' }),
            props.webhooks.metricDuration({ statistic: Stats.p(99), period: MINUTE, label: 'p99' }),
          ]),
          graph('HTTP API answers (per 5 min)', [
            props.httpApi.metricCount({ ...sum, label: 'requests' }),
            props.httpApi.metricClientError({ ...sum, label: '4xx' }),
            props.httpApi.metricServerError({ ...sum, label: '5xx' }),
            new Metric({ ...THROTTLED_METRIC, ...sum, label: '429' }),
          ]),
        ],
        [
          graph(
            'Function errors (per 5 min)',
            perFunction((fn) => fn.metricErrors(sum)),
          ),
          graph(
            'Function throttles (per 5 min)',
            perFunction((fn) => fn.metricThrottles(sum)),
          ),
          graph('CloudFront error rate (%)', [
            cloudFrontMetric(props.distribution, '5xxErrorRate').with({ label: '5xx' }),
            cloudFrontMetric(props.distribution, '4xxErrorRate').with({ label: '4xx' }),
          ]),
        ],
        [
          graph(
            'Job queue depth',
            [props.queue.metricApproximateNumberOfMessagesVisible({ period: MINUTE, label: 'waiting' })],
            [props.queue.metricApproximateAgeOfOldestMessage({ period: MINUTE, label: 'oldest (s)' })],
          ),
          graph(
            'Dead letters',
            Object.entries(props.deadLetters).map(([name, queue]) =>
              queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, label: name }),
            ),
          ),
          graph('Recording copy failures (per 5 min)', [
            new Metric({ ...RECORDING_FAILURES_METRIC, ...sum, label: 'failed copies' }),
          ]),
        ],
        ...(props.push ? [[pushGraph(props.push, graph)]] : []),
      ],
    });
    new CfnOutput(this, 'Url', {
      key: 'DashboardUrl',
      value: `https://console.aws.amazon.com/cloudwatch/home?region=${Aws.REGION}#dashboards:name=${this.dashboard.dashboardName}`,
      description: 'The operations dashboard',
    });
  }
}

/**
 * The push channel: connects and messages (keep-alives in, about one per open page every 4 minutes, and
 * pushes out) on the left; refused connects (4xx: a bad or expired ticket) and failed function calls on
 * the right.
 */
function pushGraph(
  push: { readonly apiId: string; readonly stageName: string },
  graph: (title: string, left: IMetric[], right?: IMetric[]) => GraphWidget,
): GraphWidget {
  const metric = (metricName: string, label: string) =>
    new Metric({
      namespace: 'AWS/ApiGateway',
      metricName,
      dimensionsMap: { ApiId: push.apiId, Stage: push.stageName },
      statistic: Stats.SUM,
      period: FIVE_MINUTES,
      label,
    });
  return graph(
    'Push channel (per 5 min)',
    [metric('ConnectCount', 'connects'), metric('MessageCount', 'messages')],
    [metric('ClientError', '4xx'), metric('IntegrationError', 'function errors')],
  );
}
