// Events in the shapes AWS delivers them to the deployed functions: API Gateway HTTP API (payload format
// 2.0) requests, SQS batches from the event source mapping, EventBridge Scheduler's input; and the context
// object the Node.js runtime passes beside each.
import { createHash, randomUUID } from 'node:crypto';

/** The context the runtime passes, but getRemainingTimeInMillis, which the container adds from timeoutMs. */
export interface LambdaContext {
  readonly awsRequestId: string;
  readonly functionName: string;
  readonly functionVersion: string;
  readonly invokedFunctionArn: string;
  readonly memoryLimitInMB: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly callbackWaitsForEmptyEventLoop: boolean;
  readonly timeoutMs: number;
}

export function lambdaContext(functionName: string, timeoutMs = 10_000): LambdaContext {
  return {
    awsRequestId: randomUUID(),
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '1024',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `2026/12/06/[$LATEST]${randomUUID().replaceAll('-', '')}`,
    callbackWaitsForEmptyEventLoop: true,
    timeoutMs,
  };
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path and query, e.g. /twilio/voice?lang=en */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly cookies?: readonly string[];
  readonly body?: string;
  /** The route key the request matched in the HTTP API, e.g. 'ANY /twilio/{proxy+}'. */
  readonly routeKey: string;
  readonly sourceIp?: string;
}

/**
 * An HTTP API v2 event as API Gateway sends it after CloudFront: lower-case headers, cookies split out of
 * the Cookie header, and a form or JSON body base64-encoded (API Gateway encodes every body whose content
 * type is not text/*, and form posts are among them).
 */
export function httpApiEvent(req: HttpRequest, domainName: string): Record<string, unknown> {
  const url = new URL(req.path, 'https://placeholder');
  const headers: Record<string, string> = { 'content-length': String(req.body?.length ?? 0) };
  for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = v;
  headers.host = domainName;
  headers['x-forwarded-proto'] = 'https';
  headers['x-forwarded-port'] = '443';
  const now = new Date();
  return {
    version: '2.0',
    routeKey: req.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(req.cookies?.length ? { cookies: [...req.cookies] } : {}),
    headers,
    ...(url.search ? { queryStringParameters: Object.fromEntries(url.searchParams) } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'a1b2c3d4e5',
      domainName,
      domainPrefix: domainName.split('.')[0],
      http: {
        method: req.method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: req.sourceIp ?? '130.176.16.65', // a CloudFront edge: the HTTP API's caller
        userAgent: headers['user-agent'] ?? 'Amazon CloudFront',
      },
      requestId: randomUUID(),
      routeKey: req.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(req.body !== undefined
      ? { body: Buffer.from(req.body).toString('base64'), isBase64Encoded: true }
      : {}),
    ...(req.body === undefined ? { isBase64Encoded: false } : {}),
  };
}

/** The HTTP API's answer to a v2 event (hono/aws-lambda's shape), body decoded when base64. */
export interface HttpApiResult {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly cookies?: string[];
  readonly multiValueHeaders?: Record<string, string[]>;
  readonly body: string;
  readonly isBase64Encoded: boolean;
}

export function bodyOf(result: HttpApiResult): string {
  return result.isBase64Encoded ? Buffer.from(result.body, 'base64').toString('utf8') : result.body;
}

/** An SQS batch as the event source mapping delivers it: one record per message, with its attributes. */
export function sqsEvent(queueArn: string, bodies: readonly string[]): Record<string, unknown> {
  const sent = Date.now();
  return {
    Records: bodies.map((body) => ({
      messageId: randomUUID(),
      receiptHandle: `AQEB${Buffer.from(randomUUID()).toString('base64')}`,
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: String(sent),
        SenderId: 'AROAEXAMPLE:webhooks',
        ApproximateFirstReceiveTimestamp: String(sent + 5),
      },
      messageAttributes: {},
      md5OfBody: createHash('md5').update(body).digest('hex'),
      eventSource: 'aws:sqs',
      eventSourceARN: queueArn,
      awsRegion: 'eu-west-1',
    })),
  };
}
