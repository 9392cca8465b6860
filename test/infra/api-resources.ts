// The service stack has two API Gateway v2 APIs, the HTTP API (webhooks, the desk's API) and the push
// channel's WebSocket API: tests about one of them read only its own routes, stages and integrations.
import type { Template } from 'aws-cdk-lib/assertions';

export type ApiProtocol = 'HTTP' | 'WEBSOCKET';

// biome-ignore lint/suspicious/noExplicitAny: tests read synthesized CloudFormation JSON
type Resource = { Type: string; Properties: any; DependsOn?: string[] };

/** The logical id of the stack's one API of that protocol. */
export function apiId(t: Template, protocol: ApiProtocol): string {
  const ids = Object.keys(
    t.findResources('AWS::ApiGatewayV2::Api', { Properties: { ProtocolType: protocol } }),
  );
  if (ids.length !== 1) throw new Error(`expected one ${protocol} API, found ${ids.length}`);
  return ids[0] as string;
}

/** Resources of `type` (a Route, Stage or Integration) that belong to the API of that protocol, by logical id. */
export function apiResources(t: Template, type: string, protocol: ApiProtocol): Record<string, Resource> {
  const id = apiId(t, protocol);
  const all = t.findResources(type) as Record<string, Resource>;
  return Object.fromEntries(
    Object.entries(all).filter(([, r]) => JSON.stringify(r.Properties.ApiId) === JSON.stringify({ Ref: id })),
  );
}
