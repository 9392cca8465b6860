// Load and abuse limits on the synthesized template: Twilio's webhooks, the login route and the desk's API
// throttled apart, concurrency reserved for the webhooks, the queue consumer's concurrency capped; and the
// deploy inputs that change them.
import type { CfnElement } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_ROUTE_PATH, WEBHOOK_ROUTE_PATH } from '../../infra/aws/constructs/http-api.js';
import { LIMIT_DEFAULTS } from '../../infra/aws/deploy-settings.js';
import { apiResources } from './api-resources.js';
import { type Synthesized, synthesize, TEST_CONTEXT } from './synth.js';

let defaults: Synthesized;
let tuned: Synthesized;
beforeAll(() => {
  defaults = synthesize();
  tuned = synthesize({
    ...TEST_CONTEXT,
    apiRateLimit: 70,
    apiBurstLimit: 140,
    webhookRateLimit: '300',
    webhookBurstLimit: 600,
    loginRateLimit: 2,
    loginBurstLimit: 4,
    webhookConcurrency: 0,
    pushConcurrency: '0',
    workerMaxConcurrency: 20,
  });
});

interface StageProps {
  DefaultRouteSettings: { ThrottlingRateLimit: number; ThrottlingBurstLimit: number };
  RouteSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
}

const stageOf = (t: Template) => {
  const stages = Object.values(apiResources(t, 'AWS::ApiGatewayV2::Stage', 'HTTP'));
  expect(stages).toHaveLength(1);
  return stages[0] as { Properties: StageProps; DependsOn?: string[] };
};

const routeKeys = (t: Template) =>
  Object.values(apiResources(t, 'AWS::ApiGatewayV2::Route', 'HTTP')).map(
    (r) => (r.Properties as { RouteKey: string }).RouteKey,
  );

const fnProps = (s: Synthesized, fn: { node: { defaultChild?: unknown } }) =>
  s.serviceTemplate.toJSON().Resources[s.service.getLogicalId(fn.node.defaultChild as CfnElement)].Properties;

describe('HTTP API throttles', () => {
  it('throttles webhooks, login and the desk API each at its own rate, by default', () => {
    const stage = stageOf(defaults.serviceTemplate);
    expect(stage.Properties.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: 50,
      ThrottlingBurstLimit: 100,
    });
    expect(stage.Properties.RouteSettings).toEqual({
      [`ANY ${WEBHOOK_ROUTE_PATH}`]: {
        ThrottlingRateLimit: LIMIT_DEFAULTS.webhookRateLimit,
        ThrottlingBurstLimit: LIMIT_DEFAULTS.webhookBurstLimit,
      },
      [`POST ${LOGIN_ROUTE_PATH}`]: {
        ThrottlingRateLimit: LIMIT_DEFAULTS.loginRateLimit,
        ThrottlingBurstLimit: LIMIT_DEFAULTS.loginBurstLimit,
      },
    });
  });

  it('names only routes that exist, and is deployed after them', () => {
    const keys = routeKeys(defaults.serviceTemplate);
    const stage = stageOf(defaults.serviceTemplate);
    for (const key of Object.keys(stage.Properties.RouteSettings)) expect(keys).toContain(key);
    const routeIds = Object.keys(apiResources(defaults.serviceTemplate, 'AWS::ApiGatewayV2::Route', 'HTTP'));
    const named = routeIds.filter((id) => {
      const key = defaults.serviceTemplate.toJSON().Resources[id].Properties.RouteKey as string;
      return key !== '$default';
    });
    expect(stage.DependsOn).toEqual(expect.arrayContaining(named));
  });

  it('sends the login route to the API function, like every other /api path', () => {
    const resources = defaults.serviceTemplate.toJSON().Resources;
    const [login] = Object.values(
      defaults.serviceTemplate.findResources('AWS::ApiGatewayV2::Route', {
        Properties: { RouteKey: `POST ${LOGIN_ROUTE_PATH}` },
      }),
    ) as { Properties: { Target: { 'Fn::Join': [string, unknown[]] } } }[];
    if (!login) throw new Error('no login route');
    const integrationId = (login.Properties.Target['Fn::Join'][1][1] as { Ref: string }).Ref;
    const uri = JSON.stringify(resources[integrationId].Properties.IntegrationUri);
    const apiFnId = defaults.service.getLogicalId(defaults.service.api.fn.node.defaultChild as CfnElement);
    expect(uri).toContain(apiFnId);
  });

  it('takes every rate from the deploy settings', () => {
    const stage = stageOf(tuned.serviceTemplate);
    expect(stage.Properties.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: 70,
      ThrottlingBurstLimit: 140,
    });
    expect(stage.Properties.RouteSettings[`ANY ${WEBHOOK_ROUTE_PATH}`]).toEqual({
      ThrottlingRateLimit: 300,
      ThrottlingBurstLimit: 600,
    });
    expect(stage.Properties.RouteSettings[`POST ${LOGIN_ROUTE_PATH}`]).toEqual({
      ThrottlingRateLimit: 2,
      ThrottlingBurstLimit: 4,
    });
  });
});

describe('Lambda concurrency', () => {
  it('reserves concurrency for the webhook and push functions only', () => {
    expect(fnProps(defaults, defaults.service.webhooks.fn).ReservedConcurrentExecutions).toBe(
      LIMIT_DEFAULTS.webhookConcurrency,
    );
    expect(fnProps(defaults, defaults.service.push.fn).ReservedConcurrentExecutions).toBe(
      LIMIT_DEFAULTS.pushConcurrency,
    );
    for (const fn of [defaults.service.api.fn, defaults.service.worker.fn, defaults.service.scheduled.fn])
      expect(fnProps(defaults, fn).ReservedConcurrentExecutions).toBeUndefined();
  });

  it('reserves none when webhookConcurrency and pushConcurrency are 0 (a quota that cannot spare it)', () => {
    expect(fnProps(tuned, tuned.service.webhooks.fn).ReservedConcurrentExecutions).toBeUndefined();
    expect(fnProps(tuned, tuned.service.push.fn).ReservedConcurrentExecutions).toBeUndefined();
  });

  it('caps the job queue consumer at the configured maximum concurrency', () => {
    defaults.serviceTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      ScalingConfig: { MaximumConcurrency: LIMIT_DEFAULTS.workerMaxConcurrency },
    });
    tuned.serviceTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      ScalingConfig: { MaximumConcurrency: 20 },
    });
  });
});
