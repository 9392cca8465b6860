// The HTTPS entry for Lambda: an API Gateway HTTP API, `/twilio/*` to the webhook function and everything
// else to the API function, with stage throttling and JSON access logs. CloudFront sits in front of it.
//
// Why an HTTP API and not Function URLs: one endpoint routes to two functions by path (Function URLs would
// need CloudFront to do the routing), it throttles per stage (a Function URL can only cap concurrency),
// and it logs each request; at $1.00 per million requests it costs less than the Lambda time it fronts.
import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface HttpEntryProps {
  /** Serves `/twilio/{proxy+}`. */
  readonly webhookFunction: IFunction;
  /** Serves every other path (`/api/...`, `/health`). */
  readonly apiFunction: IFunction;
  /** Steady-state requests per second across the stage. */
  readonly rateLimit: number;
  /** Requests the stage accepts in a burst above the rate. */
  readonly burstLimit: number;
}

/** The route key that sends Twilio's webhooks to their function; tests check every webhook matches it. */
export const WEBHOOK_ROUTE_PATH = '/twilio/{proxy+}';

export class HttpEntry extends Construct {
  readonly api: HttpApi;
  /** Host name of the API's default endpoint, for CloudFront's origin. */
  readonly domainName: string;

  constructor(scope: Construct, id: string, props: HttpEntryProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      description: 'Contact center: Twilio webhooks and the agents REST API',
      createDefaultStage: false,
      defaultIntegration: new HttpLambdaIntegration('Api', props.apiFunction),
    });
    this.api.addRoutes({
      path: WEBHOOK_ROUTE_PATH,
      methods: [HttpMethod.ANY],
      integration: new HttpLambdaIntegration('Webhooks', props.webhookFunction),
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Authorization is in the app: every /twilio route verifies X-Twilio-Signature, every /api route a signed session with role checks; a gateway authorizer cannot check either.',
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit, burstLimit: props.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            method: '$context.httpMethod',
            path: '$context.path',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    this.domainName = `${this.api.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`;
  }
}
