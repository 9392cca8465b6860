// The push channel in the synthesized service stack: a WebSocket API whose three routes reach the push
// function, a throttled, logged stage, the stage's URLs in every function that publishes, and the right to
// post to the stage's connections for those functions only.
import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/config.js';
import { cspSourcesFor } from '../../functions/http/content-security-policy.js';
import { PUSH_ROUTE_KEYS, PUSH_STAGE_NAME } from '../../infra/aws/constructs/push-api.js';
import { apiId, apiResources } from './api-resources.js';
import { type Synthesized, synthesize } from './synth.js';

let s: Synthesized;
beforeAll(() => {
  s = synthesize();
});

// biome-ignore lint/suspicious/noExplicitAny: tests read synthesized CloudFormation JSON
type Json = any;

const logicalId = (c: { node: { defaultChild?: unknown } }) =>
  s.service.getLogicalId(c.node.defaultChild as CfnElement);
const resources = (): Record<string, { Type: string; Properties: Json }> =>
  s.serviceTemplate.toJSON().Resources;
const variables = (fn: { node: { defaultChild?: unknown } }): Record<string, unknown> =>
  resources()[logicalId(fn)]?.Properties.Environment.Variables ?? {};

/** The publishing functions: each changes something a desk shows. */
const publishers = () => {
  const { webhooks, api, worker, scheduled, reconciler } = s.service;
  return { webhooks, api, worker, scheduled, reconciler };
};

/** Statements of the policies attached to the role of `fn`. */
function statementsOf(fn: { role?: { node: { defaultChild?: unknown } } }): Json[] {
  const role = s.service.getLogicalId(fn.role?.node.defaultChild as CfnElement);
  return Object.values(resources())
    .filter(
      (r) =>
        r.Type === 'AWS::IAM::Policy' &&
        JSON.stringify(r.Properties.Roles) === JSON.stringify([{ Ref: role }]),
    )
    .flatMap((r) => r.Properties.PolicyDocument.Statement);
}

const manageConnections = (statements: Json[]) =>
  statements.filter((st) => [st.Action].flat().includes('execute-api:ManageConnections'));

describe('the push channel’s WebSocket API', () => {
  it('routes $connect, $default and $disconnect to the push function', () => {
    const routes = Object.values(apiResources(s.serviceTemplate, 'AWS::ApiGatewayV2::Route', 'WEBSOCKET'));
    expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual([...PUSH_ROUTE_KEYS].sort());
    const integrations = apiResources(s.serviceTemplate, 'AWS::ApiGatewayV2::Integration', 'WEBSOCKET');
    const pushFn = logicalId(s.service.push.fn);
    for (const route of routes) {
      const target = JSON.stringify(route.Properties.Target);
      const integration = Object.entries(integrations).find(([id]) => target.includes(`"Ref":"${id}"`));
      expect(integration, route.Properties.RouteKey).toBeDefined();
      expect(integration?.[1].Properties.IntegrationType).toBe('AWS_PROXY');
      expect(JSON.stringify(integration?.[1].Properties.IntegrationUri)).toContain(pushFn);
    }
    // API Gateway may invoke the function, from this API only.
    s.serviceTemplate.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [pushFn, 'Arn'] },
      Principal: 'apigateway.amazonaws.com',
      SourceArn: Match.objectLike({
        'Fn::Join': ['', Match.arrayWith([{ Ref: apiId(s.serviceTemplate, 'WEBSOCKET') }])],
      }),
    });
  });

  it('has one auto-deployed stage, throttled, with access logs that leave out the query string (the ticket)', () => {
    const stages = Object.values(apiResources(s.serviceTemplate, 'AWS::ApiGatewayV2::Stage', 'WEBSOCKET'));
    expect(stages).toHaveLength(1);
    const stage = stages[0]?.Properties;
    expect(stage).toMatchObject({
      StageName: PUSH_STAGE_NAME,
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
    expect(stage.AccessLogSettings.DestinationArn).toBeDefined();
    const format = JSON.parse(stage.AccessLogSettings.Format);
    expect(format).toMatchObject({ routeKey: '$context.routeKey', status: '$context.status' });
    expect(stage.AccessLogSettings.Format).not.toMatch(/querystring|ticket/i);
  });

  it('runs the push function on ARM with small memory, concurrency reserved, the session key its only secret', () => {
    const fn = resources()[logicalId(s.service.push.fn)]?.Properties;
    expect(fn).toMatchObject({ Architectures: ['arm64'], MemorySize: 256, ReservedConcurrentExecutions: 10 });
    const vars = variables(s.service.push.fn);
    for (const name of ['TABLE_NAME', 'SESSION_KEY_SECRET_ID', 'PUBLIC_BASE_URL', 'TWILIO_ACCOUNT_SID'])
      expect(vars, name).toHaveProperty(name);
    const secretReads = statementsOf(s.service.push.fn).filter((st) =>
      [st.Action].flat().includes('secretsmanager:GetSecretValue'),
    );
    expect(secretReads.map((st) => st.Resource)).toEqual([
      { Ref: s.service.getLogicalId(s.service.secrets.sessionKey.node.defaultChild as CfnElement) },
    ]);
    // It only answers API Gateway: it never posts to connections itself.
    expect(manageConnections(statementsOf(s.service.push.fn))).toEqual([]);
  });
});

describe('publishing to the push channel', () => {
  it('gives every publishing function the stage’s wss:// URL and its https:// management URL', () => {
    const ws = apiId(s.serviceTemplate, 'WEBSOCKET');
    for (const [name, fn] of Object.entries(publishers())) {
      const vars = variables(fn.fn);
      const url = JSON.stringify(vars.PUSH_URL);
      const callback = JSON.stringify(vars.PUSH_CALLBACK_URL);
      expect(url, name).toContain('"wss://"');
      expect(callback, name).toContain('"https://"');
      for (const value of [url, callback]) {
        expect(value, name).toContain(`{"Ref":"${ws}"}`);
        expect(value, name).toContain(`/${PUSH_STAGE_NAME}`);
      }
    }
  });

  it('lets each of them manage the stage’s connections, and nothing else of the API', () => {
    const ws = apiId(s.serviceTemplate, 'WEBSOCKET');
    for (const [name, fn] of Object.entries(publishers())) {
      const statements = manageConnections(statementsOf(fn.fn));
      expect(statements, name).toHaveLength(1);
      expect(statements[0].Action, name).toBe('execute-api:ManageConnections');
      const resource = JSON.stringify(statements[0].Resource);
      expect(resource, name).toContain(`{"Ref":"${ws}"}`);
      expect(resource, name).toContain(`/${PUSH_STAGE_NAME}/*/@connections/*`);
    }
  });

  it('lets the page connect: the Lambdas’ CSP allows the origin of the PUSH_URL they are given', () => {
    const config = loadConfig({
      TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'token',
      SESSION_KEY: 'key',
      PUBLIC_BASE_URL: 'https://d111111abcdef8.cloudfront.net',
      TABLE_NAME: 'table',
      BUCKET_NAME: 'recordings',
      AWS_REGION: 'eu-west-1',
      PUSH_URL: `wss://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/${PUSH_STAGE_NAME}`,
      PUSH_CALLBACK_URL: `https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/${PUSH_STAGE_NAME}`,
    });
    expect(cspSourcesFor(config).connect).toContain('wss://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com');
  });

  it('outputs the push URL and alarms on the push function', () => {
    s.serviceTemplate.hasOutput('PushUrl', { Value: Match.anyValue() });
    const pushFn = logicalId(s.service.push.fn);
    for (const metric of ['Errors', 'Throttles'])
      s.serviceTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: metric,
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: pushFn } }],
      });
  });
});
