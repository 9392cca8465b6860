// The API Gateway push transport against a real HTTP server standing in for the stage's connection
// management endpoint: the SDK's real request (path, method, signed body) and API Gateway's answers,
// 200 for a delivered message and 410 for a connection that is gone.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiGatewayPush } from '../../../functions/adapters/push/api-gateway-push.js';
import type { PushMessage } from '../../../functions/domain/push.js';

interface Received {
  readonly method: string;
  readonly path: string;
  readonly body: string;
  readonly authorization: string | undefined;
}

const received: Received[] = [];
/** Status per connection id; unknown ids are delivered (200). */
const answers = new Map<string, { status: number; body: Record<string, unknown> }>();
let server: Server;
let endpoint = '';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = req.url ?? '';
    received.push({ method: req.method ?? '', path, body, authorization: req.headers.authorization });
    const id = decodeURIComponent(path.split('/@connections/')[1] ?? '');
    const answer = answers.get(id);
    // As API Gateway answers: an empty 200, or a JSON error naming its type.
    if (!answer) {
      res.writeHead(200).end();
      return;
    }
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/live`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function transport() {
  const options = { endpoint, region: 'eu-west-1' };
  return createApiGatewayPush(
    options,
    new ApiGatewayManagementApiClient({
      ...options,
      credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local' },
      maxAttempts: 1,
    }),
  );
}

const message: PushMessage = { type: 'changed', topics: ['queue', 'me'] };

describe('the API Gateway push transport', () => {
  it('posts the JSON message to the stage’s @connections/<id>, signed', async () => {
    // API Gateway's connection ids end in '=': the path must carry it encoded.
    const id = 'L0SM9cOFvHcCIhw=';
    expect(await transport().send(id, message)).toBe('sent');
    const last = received.at(-1);
    expect(last?.method).toBe('POST');
    expect(last?.path).toBe('/live/@connections/L0SM9cOFvHcCIhw%3D');
    expect(JSON.parse(last?.body ?? '')).toEqual({ type: 'changed', topics: ['queue', 'me'] });
    expect(last?.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDLOCAL\/\d{8}\/eu-west-1\/execute-api\//,
    );
  });

  it('answers gone when API Gateway no longer has the connection (410)', async () => {
    answers.set('closedConnId=', { status: 410, body: { message: 'Gone' } });
    expect(await transport().send('closedConnId=', message)).toBe('gone');
    expect(received.at(-1)?.path).toBe('/live/@connections/closedConnId%3D');
  });

  it('throws on any other failure, so the publisher logs it and keeps the connection', async () => {
    answers.set('forbiddenId=', { status: 403, body: { message: 'Forbidden' } });
    await expect(transport().send('forbiddenId=', message)).rejects.toThrow(/Forbidden/);
    answers.set('busyConnId=', { status: 429, body: { message: 'Too many requests' } });
    await expect(transport().send('busyConnId=', message)).rejects.toThrow();
  });
});
