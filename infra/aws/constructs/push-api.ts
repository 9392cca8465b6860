// The push channel's entry in AWS: an API Gateway WebSocket API whose three routes ($connect, $default,
// $disconnect) go to the push function, one throttled stage with JSON access logs, and what the other
// functions need to publish: the stage's URLs as environment and the right to post to its connections.
//
// API Gateway closes a connection idle for 10 minutes and any connection after 2 hours; the page sends a
// keep-alive every 4 minutes and opens the channel again (with a new ticket) whenever it closes.
import { type CfnElement, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { LogGroupLogDestination, WebSocketApi, WebSocketStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct, type IConstruct } from 'constructs';

export interface PushApiProps {
  /** Serves $connect (ticket check), $default (keep-alive) and $disconnect. */
  readonly handler: IFunction;
  /**
   * Messages and connection attempts per second the stage accepts, and the burst above it. An idle page
   * sends one keep-alive every 4 minutes, so 1,000 open pages make about 4 a second.
   * @default 50
   */
  readonly rateLimit?: number;
  /** @default 100 */
  readonly burstLimit?: number;
}

/** The stage pages connect to; part of both URLs. */
export const PUSH_STAGE_NAME = 'live';
/** The routes API Gateway calls the push function on; the handler answers every one of them. */
export const PUSH_ROUTE_KEYS = ['$connect', '$default', '$disconnect'] as const;

export class PushApi extends Construct {
  readonly api: WebSocketApi;
  readonly stage: WebSocketStage;
  /** One JSON line per connect, message and disconnect. */
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: PushApiProps) {
    super(scope, id);
    const integration = (name: string) => new WebSocketLambdaIntegration(name, props.handler);
    this.api = new WebSocketApi(this, 'Api', {
      description: 'Contact center: the push channel to open desk pages',
      connectRouteOptions: { integration: integration('PushConnect') },
      disconnectRouteOptions: { integration: integration('PushDisconnect') },
      defaultRouteOptions: { integration: integration('PushDefault') },
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'The $connect handler verifies a one-minute ticket signed with the session key and names a live session, and refuses with 401 otherwise; $default and $disconnect run only on a connection $connect accepted.',
    });
    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.stage = new WebSocketStage(this, 'Stage', {
      webSocketApi: this.api,
      stageName: PUSH_STAGE_NAME,
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit ?? 50, burstLimit: props.burstLimit ?? 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        // No query string: the $connect request carries the page's ticket in it.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            eventType: '$context.eventType',
            connectionId: '$context.connectionId',
            status: '$context.status',
            integrationStatus: '$context.integrationStatus',
            latencyMs: '$context.integrationLatency',
            error: '$context.error.message',
          }),
        ),
      },
    });
  }

  /** Where pages open the channel: wss://<api>.execute-api.<region>.<suffix>/live. */
  get url(): string {
    return this.stage.url;
  }

  /** The connection management endpoint functions post to: the same host over https. */
  get callbackUrl(): string {
    return this.stage.callbackUrl;
  }

  /** The origin the page's Content-Security-Policy must allow in connect-src. */
  get origin(): string {
    const stack = Stack.of(this);
    return `wss://${this.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
  }

  /** The variables functions/config.ts reads the channel from. */
  get environment(): Record<string, string> {
    return { PUSH_URL: this.url, PUSH_CALLBACK_URL: this.callbackUrl };
  }

  /**
   * Lets `grantee` post to (and look up or close) the stage's connections, and nothing else of the API.
   * `owner` holds the grantee's policy, where cdk-nag reports the grant's one wildcard.
   */
  grantPublish(grantee: IGrantable, owner: IConstruct): void {
    this.stage.grantManagementApiAccess(grantee);
    Validations.of(owner).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:execute-api:<AWS::Region>:<AWS::AccountId>:<${Stack.of(this).getLogicalId(this.api.node.defaultChild as CfnElement)}>/${PUSH_STAGE_NAME}/*/@connections/*]`,
      reason:
        'execute-api:ManageConnections on the push stage’s @connections: connection ids are made by API Gateway at connect time, so no narrower resource can be named.',
    });
  }
}
