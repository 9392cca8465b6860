// Every route the Hono app serves is reachable in AWS: CloudFront sends it to the HTTP API origin and the
// HTTP API to the right function (/twilio/* to webhooks, the rest to the API). Routes come from the app.

import type { CfnElement } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTwilioPorts } from '../../functions/adapters/twilio/twilio-ports.js';
import { loadConfig } from '../../functions/config.js';
import type { Store } from '../../functions/domain/ports.js';
import { systemClock } from '../../functions/domain/ports.js';
import { createApp } from '../../functions/http/app.js';
import { createCapturingLogger } from '../support/capturing-logger.js';
import { apiResources } from './api-resources.js';
import { type Synthesized, synthesize } from './synth.js';

let s: Synthesized;
beforeAll(() => {
  s = synthesize();
});

/** `METHOD /path` of every handler the app registers (middleware registers as ALL and is skipped). */
function appRoutes(): { method: string; path: string }[] {
  const config = loadConfig({
    PUBLIC_BASE_URL: 'https://cc.example.com',
    TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
    TWILIO_AUTH_TOKEN: 't',
    SESSION_KEY: 'k',
    TABLE_NAME: 't',
    BUCKET_NAME: 'b',
  });
  // Routes are only listed, never called, so the store is never touched.
  const app = createApp({
    config,
    secrets: { twilioAuthToken: 't', sessionKey: 'k' },
    store: {} as Store,
    clock: systemClock,
    logger: createCapturingLogger(),
    agentWorkers: { sync: async () => undefined },
    ...createTwilioPorts({ accountSid: config.twilio.accountSid, authToken: 't' }),
  });
  const seen = new Map<string, { method: string; path: string }>();
  for (const r of app.routes) {
    if (r.method === 'ALL' || r.path.endsWith('*')) continue;
    // A concrete request path: `:id` parameters become a sample segment.
    const path = r.path.replace(/:[^/]+/g, 'x').replace(/\/$/, '') || '/';
    seen.set(`${r.method} ${path}`, { method: r.method, path });
  }
  return [...seen.values()];
}

const glob = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );

/** The origin CloudFront picks: the first cache behaviour whose pattern matches, else the default. */
function cloudFrontOrigin(path: string): string {
  const config = Object.values(s.serviceTemplate.findResources('AWS::CloudFront::Distribution'))[0]
    ?.Properties.DistributionConfig as {
    CacheBehaviors: { PathPattern: string; TargetOriginId: string }[];
    DefaultCacheBehavior: { TargetOriginId: string };
    Origins: { Id: string; DomainName: unknown }[];
  };
  const behavior =
    config.CacheBehaviors.find((b) => glob(b.PathPattern).test(path)) ?? config.DefaultCacheBehavior;
  const origin = config.Origins.find((o) => o.Id === behavior.TargetOriginId);
  return JSON.stringify(origin?.DomainName);
}

/** The function the HTTP API invokes: the matching route key (greedy {proxy+}), else $default. */
function apiFunction(method: string, path: string): string | undefined {
  interface Props {
    RouteKey: string;
    Target: unknown;
    IntegrationUri: { 'Fn::GetAtt'?: string[] };
  }
  const resources = s.serviceTemplate.toJSON().Resources as Record<
    string,
    { Type: string; Properties: Props }
  >;
  const routes = Object.values(apiResources(s.serviceTemplate, 'AWS::ApiGatewayV2::Route', 'HTTP'));
  const matches = (key: string) => {
    if (key === '$default') return false;
    const [m, p = ''] = key.split(' ');
    const re = new RegExp(`^${p.replace(/\{[^}]+\+\}/g, '.+').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    return (m === 'ANY' || m === method) && re.test(path);
  };
  const route =
    routes.find((r) => matches(r.Properties.RouteKey)) ??
    routes.find((r) => r.Properties.RouteKey === '$default');
  const integrationId = JSON.stringify(route?.Properties.Target).match(/"Ref":"([^"]+)"/)?.[1] ?? '';
  return resources[integrationId]?.Properties.IntegrationUri['Fn::GetAtt']?.[0];
}

describe('routes of the Hono app through CloudFront and the HTTP API', () => {
  const routes = appRoutes();
  const webhookRoutes = routes.filter((r) => r.path.startsWith('/twilio/'));

  it('finds the webhook routes in the app itself', () => {
    expect(webhookRoutes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['POST /twilio/voice', 'POST /twilio/voice/status', 'POST /twilio/sms']),
    );
  });

  it.each(webhookRoutes)('$method $path reaches the webhook function', ({ method, path }) => {
    expect(cloudFrontOrigin(path)).toContain('execute-api');
    const webhookId = s.service.getLogicalId(s.service.webhooks.fn.node.defaultChild as CfnElement);
    expect(apiFunction(method, path)).toBe(webhookId);
  });

  it('sends every other app route (/api, /health) to the API function', () => {
    const apiId = s.service.getLogicalId(s.service.api.fn.node.defaultChild as CfnElement);
    const others = routes.filter((r) => !r.path.startsWith('/twilio/'));
    expect(others.length).toBeGreaterThan(10);
    for (const { method, path } of others) {
      expect(cloudFrontOrigin(path), path).toContain('execute-api');
      expect(apiFunction(method, path), `${method} ${path}`).toBe(apiId);
    }
  });

  it('serves the web app and the fallback TwiML from S3, not Lambda', () => {
    for (const path of ['/', '/index.html', '/agent/desk', '/twiml/fallback.xml']) {
      expect(cloudFrontOrigin(path), path).not.toContain('execute-api');
    }
  });
});
