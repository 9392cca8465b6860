// The HTTPS entry for Lambda: an API Gateway HTTP API, `/twilio/*` to the webhook function and everything
// else to the API function, with JSON access logs and three throttles: Twilio's webhooks, the login route
// and the desk's API (every other route) each have their own rate, so a busy desk cannot make Twilio's
// webhooks wait and a password-guessing run is cut off at the gateway. CloudFront sits in front of it.
//
// Why an HTTP API and not Function URLs: one endpoint routes to two functions by path (Function URLs would
// need CloudFront to do the routing), it throttles per stage (a Function URL can only cap concurrency),
// and it logs each request; at $1.00 per million requests it costs less than the Lambda time it fronts.
import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
  type ThrottleSettings,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface HttpEntryProps {
  /** Serves `/twilio/{proxy+}`. */
  readonly webhookFunction: IFunction;
  /** Serves every other path (`/api/...`, `/health`). */
  readonly apiFunction: IFunction;
  /**
   * Steady-state requests per second (and burst above it) of each route without its own throttle: the
   * desk's API. API Gateway applies it to each route separately, not to their sum.
   */
  readonly rateLimit: number;
  readonly burstLimit: number;
  /** Throttle of Twilio's webhooks. */
  readonly webhookThrottle: Required<ThrottleSettings>;
  /** Throttle of the login route, across all viewers (the app throttles each address and id besides). */
  readonly loginThrottle: Required<ThrottleSettings>;
}

/** The route key that sends Twilio's webhooks to their function; tests check every webhook matches it. */
export const WEBHOOK_ROUTE_PATH = '/twilio/{proxy+}';
/** The login route, a route of its own only so that it can have its own throttle. */
export const LOGIN_ROUTE_PATH = '/api/auth/login';

export class HttpEntry extends Construct {
  readonly api: HttpApi;
  /** Host name of the API's default endpoint, for CloudFront's origin. */
  readonly domainName: string;
  /** One JSON line per request (see the format below): status, latency, path. */
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: HttpEntryProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      description: 'Contact center: Twilio webhooks and the agents REST API',
      createDefaultStage: false,
      defaultIntegration: new HttpLambdaIntegration('Api', props.apiFunction),
    });
    const webhookRoutes = this.api.addRoutes({
      path: WEBHOOK_ROUTE_PATH,
      methods: [HttpMethod.ANY],
      integration: new HttpLambdaIntegration('Webhooks', props.webhookFunction),
    });
    const loginRoutes = this.api.addRoutes({
      path: LOGIN_ROUTE_PATH,
      methods: [HttpMethod.POST],
      integration: new HttpLambdaIntegration('Login', props.apiFunction),
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Authorization is in the app: every /twilio route verifies X-Twilio-Signature, every /api route but sign-in and /health a signed session with role checks; a gateway authorizer cannot check either.',
    });
    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit, burstLimit: props.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            method: '$context.httpMethod',
            path: '$context.path',
            status: '$context.status',
            // "-" when the gateway answered itself (throttled, no route): no function ran.
            integrationStatus: '$context.integrationStatus',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    // The L2 stage sets only the default route settings; per-route ones go on the CloudFormation resource,
    // keyed by route key, and the routes must exist before the stage names them.
    const perRoute = (t: Required<ThrottleSettings>) => ({
      ThrottlingRateLimit: t.rateLimit,
      ThrottlingBurstLimit: t.burstLimit,
    });
    const cfnStage = stage.node.defaultChild as CfnStage;
    cfnStage.routeSettings = {
      [`ANY ${WEBHOOK_ROUTE_PATH}`]: perRoute(props.webhookThrottle),
      [`POST ${LOGIN_ROUTE_PATH}`]: perRoute(props.loginThrottle),
    };
    cfnStage.node.addDependency(...webhookRoutes, ...loginRoutes);
    this.domainName = `${this.api.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`;
  }
}
