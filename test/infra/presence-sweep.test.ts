// The presence sweep in AWS: an EventBridge rule puts a presence-sweep job on the work queue every minute
// (the worker runs sweepPresence), and only EventBridge, for that rule, may send it there.
import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Synthesized, synthesize } from './synth.js';

let s: Synthesized;
beforeAll(() => {
  s = synthesize();
});

const id = (c: { node: { defaultChild?: unknown } }) =>
  s.service.getLogicalId(c.node.defaultChild as CfnElement);

describe('presence sweep', () => {
  it('is an EventBridge rule at rate(1 minute) sending a presence-sweep job to the work queue', () => {
    s.serviceTemplate.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [id(s.service.jobs.queue), 'Arn'] },
          Input: JSON.stringify({ kind: 'presence-sweep' }),
        }),
      ],
    });
  });

  it('lets only that rule send to the queue through EventBridge', () => {
    const policies = s.serviceTemplate.findResources('AWS::SQS::QueuePolicy', {
      Properties: { Queues: [{ Ref: id(s.service.jobs.queue) }] },
    });
    const statements = Object.values(policies).flatMap(
      (p) =>
        (p.Properties as { PolicyDocument: { Statement: Record<string, unknown>[] } }).PolicyDocument
          .Statement,
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [id(s.service.presenceSweep), 'Arn'] } } },
      }),
    );
  });
});
