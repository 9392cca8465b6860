// The alarms reach someone: every one notifies the topic the alarm email subscribes to, on firing and on
// recovery; the HTTP API's 5xx and 429s, CloudFront's 5xx rate (in us-east-1, the only region that has
// CloudFront's metrics), failed recording copies and the rest are watched; and the recording filter
// matches the line the worker really writes when a copy fails.
import type { CfnElement } from 'aws-cdk-lib';
import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPowertoolsLogger } from '../../functions/adapters/logging/powertools-logger.js';
import { VerificationError } from '../../functions/app/copy-recording.js';
import { TwilioMediaError } from '../../functions/domain/channel-ports.js';
import { createJobBatchHandler } from '../../functions/workers/job-batch.js';
import { JOB_FAILED_MESSAGE, RECORDING_ERROR_NAMES } from '../../infra/aws/constructs/alarms.js';
import { type Synthesized, synthesize, synthesizeIn, TEST_CONTEXT } from './synth.js';

let s: Synthesized;
beforeAll(() => {
  s = synthesize();
});

interface AlarmProps {
  MetricName: string;
  Namespace: string;
  AlarmActions: unknown[];
  OKActions: unknown[];
  Threshold: number;
  Dimensions?: { Name: string; Value: unknown }[];
}

const alarms = (t: Template) =>
  Object.entries(t.findResources('AWS::CloudWatch::Alarm')).map(([id, a]) => ({
    id,
    condition: a.Condition as string | undefined,
    ...(a.Properties as AlarmProps),
  }));

describe('alarm delivery', () => {
  it('subscribes the alarm email to the topic every alarm notifies, firing and recovering', () => {
    const [topicId] = Object.keys(s.serviceTemplate.findResources('AWS::SNS::Topic'));
    s.serviceTemplate.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: TEST_CONTEXT.alarmEmail,
      TopicArn: { Ref: topicId },
    });
    const all = alarms(s.serviceTemplate);
    expect(all.length).toBeGreaterThan(15);
    for (const alarm of all) {
      expect(alarm.AlarmActions, alarm.id).toEqual([{ Ref: topicId }]);
      expect(alarm.OKActions, alarm.id).toEqual([{ Ref: topicId }]);
    }
  });

  it('has no subscription without alarmEmail, and the topic is still there to subscribe to', () => {
    const { alarmEmail: _, ...rest } = TEST_CONTEXT;
    const bare = synthesize(rest);
    bare.serviceTemplate.resourceCountIs('AWS::SNS::Subscription', 0);
    bare.serviceTemplate.resourceCountIs('AWS::SNS::Topic', 1);
  });
});

describe('what is watched', () => {
  it('HTTP API 5xx from API Gateway, and 429s counted from the access log', () => {
    const apiId = s.service.getLogicalId(
      s.service.node.findChild('Http').node.findChild('Api').node.defaultChild as CfnElement,
    );
    expect(alarms(s.serviceTemplate)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Namespace: 'AWS/ApiGateway',
          MetricName: '5xx',
          Dimensions: [{ Name: 'ApiId', Value: { Ref: apiId } }],
        }),
        expect.objectContaining({ Namespace: 'ContactCenter', MetricName: 'HttpThrottled' }),
      ]),
    );
    s.serviceTemplate.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: '{ $.status = "429" }',
      LogGroupName: { Ref: Match.stringLikeRegexp('^HttpAccessLogs') },
      MetricTransformations: [
        { MetricNamespace: 'ContactCenter', MetricName: 'HttpThrottled', MetricValue: '1' },
      ],
    });
  });

  it("CloudFront's 5xx rate, on a condition that keeps the alarm to us-east-1 when the region is left to deploy", () => {
    const [cloudFront] = alarms(s.serviceTemplate).filter((a) => a.MetricName === '5xxErrorRate');
    expect(cloudFront).toMatchObject({
      Namespace: 'AWS/CloudFront',
      Dimensions: [
        { Name: 'DistributionId', Value: { Ref: expect.stringMatching(/^SiteDistribution/) } },
        { Name: 'Region', Value: 'Global' },
      ],
    });
    const conditions = s.serviceTemplate.toJSON().Conditions;
    expect(conditions[cloudFront?.condition ?? '']).toEqual({
      'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'],
    });
  });

  it('CloudFront 5xx alarm unconditional in us-east-1; absent elsewhere, with a synth warning', () => {
    const east = synthesizeIn('us-east-1').template;
    const [alarm] = alarms(east).filter((a) => a.MetricName === '5xxErrorRate');
    expect(alarm?.condition).toBeUndefined();

    const frankfurt = synthesizeIn('eu-central-1');
    expect(alarms(frankfurt.template).filter((a) => a.MetricName === '5xxErrorRate')).toEqual([]);
    Annotations.fromStack(frankfurt.service).hasWarning(
      '/Service/Alarms',
      Match.stringLikeRegexp('CloudFront publishes its metrics in us-east-1 only'),
    );
  });

  it('failed recording copies, from the worker log', () => {
    const workerLogs = s.service.getLogicalId(s.service.worker.logGroup.node.defaultChild as CfnElement);
    s.serviceTemplate.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: workerLogs },
      FilterPattern: `{ ($.message = "${JOB_FAILED_MESSAGE}") && (${RECORDING_ERROR_NAMES.map((n) => `($.error = "${n}*")`).join(' || ')}) }`,
    });
    expect(alarms(s.serviceTemplate)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Namespace: 'ContactCenter',
          MetricName: 'RecordingCopyFailures',
          Threshold: 5,
        }),
      ]),
    );
  });
});

describe('the recording-failure filter against the worker', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** The JSON lines the Lambda worker logs when each job throws the given error. */
  async function linesFor(errors: readonly Error[]): Promise<Record<string, unknown>[]> {
    const written: string[] = [];
    const capture = (chunk: unknown) => {
      written.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    const handle = createJobBatchHandler({
      work: async (job) => {
        throw errors[Number((job as unknown as { n: number }).n)];
      },
      deadLetter: async () => {},
      logger: createPowertoolsLogger(),
    });
    await handle({ Records: errors.map((_, n) => ({ messageId: `m${n}`, body: JSON.stringify({ n }) })) });
    vi.restoreAllMocks();
    return written
      .flatMap((chunk) => chunk.split('\n'))
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** The metric filter's test, as CloudWatch applies it to one JSON line. */
  const counted = (line: Record<string, unknown>) =>
    line.message === JOB_FAILED_MESSAGE &&
    typeof line.error === 'string' &&
    RECORDING_ERROR_NAMES.some((name) => (line.error as string).startsWith(name));

  it('counts a failed verification and a failed Twilio download, not other jobs’ failures', async () => {
    const lines = await linesFor([
      new VerificationError('S3 object x does not match what was downloaded'),
      new TwilioMediaError(503, 'media of RE1: HTTP 503'),
      new Error('SES: throttled'),
    ]);
    expect(lines).toHaveLength(3);
    expect(lines.map(counted)).toEqual([true, true, false]);
  });
});
