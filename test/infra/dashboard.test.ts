// The operations dashboard: one, showing calls, webhook latency, errors and throttles, CloudFront's error
// rate (read from us-east-1, wherever the stack is) and the job queue beside its dead letters; incoming
// calls counted from the first webhook of each call, at the path the numbers are given; and the push channel.
import { beforeAll, describe, expect, it } from 'vitest';
import { wiringFor } from '../../functions/adapters/twilio/provision-numbers.js';
import { CALLS_METRIC, INCOMING_CALL_PATH } from '../../infra/aws/constructs/dashboard.js';
import { type Synthesized, synthesize } from './synth.js';

let s: Synthesized;
let body: string;
beforeAll(() => {
  s = synthesize();
  const dashboards = Object.values(s.serviceTemplate.findResources('AWS::CloudWatch::Dashboard'));
  expect(dashboards).toHaveLength(1);
  // A Fn::Join of the JSON body and the resources' references: the literal parts are enough here.
  body = JSON.stringify(dashboards[0]?.Properties.DashboardBody);
});

describe('operations dashboard', () => {
  it.each([
    ['incoming calls', CALLS_METRIC.metricName],
    ['webhook latency', 'Duration'],
    ['function errors', 'Errors'],
    ['function throttles', 'Throttles'],
    ['HTTP API 5xx', '5xx'],
    ['HTTP API 429', 'HttpThrottled'],
    ['CloudFront 5xx rate', '5xxErrorRate'],
    ['queue depth', 'ApproximateNumberOfMessagesVisible'],
    ['oldest job', 'ApproximateAgeOfOldestMessage'],
    ['recording copy failures', 'RecordingCopyFailures'],
    ['push connects', 'ConnectCount'],
    ['push messages', 'MessageCount'],
    ['push function errors', 'IntegrationError'],
  ])('graphs %s', (_, metric) => {
    expect(body).toContain(`\\"${metric}\\"`);
  });

  it('reads CloudFront from us-east-1, the only region with its metrics', () => {
    expect(body).toMatch(/5xxErrorRate[^\]]*\\"region\\":\\"us-east-1\\"/);
  });

  it('names each function in the error graph', () => {
    for (const name of ['Webhooks', 'Api', 'Worker', 'Scheduled', 'Reconcile', 'Push'])
      expect(body).toContain(`\\"label\\":\\"${name}\\"`);
  });

  it('counts incoming calls from POSTs to the voice URL every number is given', () => {
    const [wiring] = wiringFor('https://cc.example.com', [{ number: '+18005550100', name: 'x' }]);
    expect(wiring?.voiceUrl).toBe(`https://cc.example.com${INCOMING_CALL_PATH}`);
    s.serviceTemplate.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: `{ ($.method = "POST") && ($.path = "${INCOMING_CALL_PATH}") }`,
      MetricTransformations: [
        { MetricNamespace: CALLS_METRIC.namespace, MetricName: CALLS_METRIC.metricName, MetricValue: '1' },
      ],
    });
  });

  it('links the dashboard from an output', () => {
    const url = JSON.stringify(s.serviceTemplate.toJSON().Outputs.DashboardUrl.Value);
    expect(url).toContain('#dashboards:name=');
    expect(url).toMatch(/"Ref":"Dashboard[0-9A-F]{8}"/);
  });
});
