// Events in the shapes AWS delivers them to the deployed functions: API Gateway HTTP API (payload format
// 2.0) requests, API Gateway WebSocket API connects, messages and disconnects, SQS batches from the event
// source mapping, EventBridge Scheduler's input; and the context object the Node.js runtime passes beside each.
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

export type WebSocketFrame =
  | { readonly routeKey: '$connect'; readonly query?: Readonly<Record<string, string>> }
  | { readonly routeKey: '$default'; readonly body: string; readonly binary?: boolean }
  | { readonly routeKey: '$disconnect'; readonly statusCode?: number };

const EVENT_TYPES = { $connect: 'CONNECT', $default: 'MESSAGE', $disconnect: 'DISCONNECT' } as const;

/** API Gateway's log time, e.g. 06/Dec/2026:07:49:37 +0000. */
function requestTime(at: Date): string {
  const [, day, month, year, time] = at.toUTCString().split(' ');
  return `${day}/${month}/${year}:${time} +0000`;
}

/**
 * A WebSocket API event (APIGatewayProxyWebsocketEventV2): the connect carries the upgrade request's headers
 * and query string, a message only its body (base64 for a binary frame), a disconnect the close code.
 */
export function webSocketEvent(
  frame: WebSocketFrame,
  connectionId: string,
  domainName: string,
  connectedAt: number,
): Record<string, unknown> {
  const now = new Date();
  const requestContext = {
    routeKey: frame.routeKey,
    eventType: EVENT_TYPES[frame.routeKey],
    extendedRequestId: randomUUID(),
    requestTime: requestTime(now),
    messageDirection: 'IN',
    stage: 'live',
    connectedAt,
    requestTimeEpoch: now.getTime(),
    identity: { sourceIp: '203.0.113.7' },
    requestId: randomUUID(),
    domainName,
    connectionId,
    apiId: domainName.split('.')[0],
  };
  const headers = {
    Host: domainName,
    'Sec-WebSocket-Extensions': 'permessage-deflate; client_max_window_bits',
    'Sec-WebSocket-Key': randomUUID(),
    'Sec-WebSocket-Version': '13',
    'X-Forwarded-For': '203.0.113.7',
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
  };
  const multi = (o: Record<string, string>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, [v]]));
  switch (frame.routeKey) {
    case '$connect':
      return {
        headers: { ...headers, Origin: 'https://d111111abcdef8.cloudfront.net' },
        multiValueHeaders: multi({ ...headers, Origin: 'https://d111111abcdef8.cloudfront.net' }),
        ...(frame.query
          ? {
              queryStringParameters: { ...frame.query },
              multiValueQueryStringParameters: multi({ ...frame.query }),
            }
          : {}),
        requestContext,
        isBase64Encoded: false,
      };
    case '$default':
      return {
        requestContext: { ...requestContext, messageId: randomUUID().slice(0, 12) },
        body: frame.binary ? Buffer.from(frame.body).toString('base64') : frame.body,
        isBase64Encoded: frame.binary ?? false,
      };
    case '$disconnect':
      return {
        headers: { Host: domainName, 'x-api-key': '', 'x-restapi': '' },
        multiValueHeaders: { Host: [domainName], 'x-api-key': [''], 'x-restapi': [''] },
        requestContext: {
          ...requestContext,
          disconnectStatusCode: frame.statusCode ?? 1001,
          disconnectReason: 'Going away',
        },
        isBase64Encoded: false,
      };
  }
}
