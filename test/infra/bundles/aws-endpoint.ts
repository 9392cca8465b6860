// The AWS services the bundles reach that have no local emulator here: Secrets Manager (GetSecretValue
// at init, PutSecretValue for the API key provisioning creates), SQS (SendMessage, the work and dead-letter
// queues) and the push channel's connection management API (PostToConnection, under PUSH_STAGE_PATH). One
// HTTP server speaking their protocols, holding given secrets and keeping every message sent or pushed, so
// a test can read what a bundle queued or told the pages.
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentMessage {
  readonly queueUrl: string;
  readonly body: string;
  readonly delaySeconds?: number;
}

export interface PushedMessage {
  readonly connectionId: string;
  readonly data: string;
}

/** Where the WebSocket stage's management API is served: `${url}${PUSH_STAGE_PATH}` is PUSH_CALLBACK_URL. */
export const PUSH_STAGE_PATH = '/live';

export interface AwsEndpoint {
  /** http://127.0.0.1:<port>: the SDKs' endpoint and the host of the queue URLs. */
  readonly url: string;
  /** A queue URL on this endpoint, shaped as SQS's own (`<url>/<account>/<name>`). */
  queueUrl(name: string): string;
  /** Every SendMessage so far, in order. */
  readonly sent: SentMessage[];
  /** Every secret id asked for, in order. */
  readonly secretReads: string[];
  /** Every PutSecretValue, in order (reads see the newest value). */
  readonly secretWrites: { readonly secretId: string; readonly value: string }[];
  /** Every PostToConnection to a connection not in `goneConnections`, in order. */
  readonly pushed: PushedMessage[];
  /** Connections API Gateway no longer has: posting to one answers 410 Gone. */
  readonly goneConnections: Set<string>;
  stop(): Promise<void>;
}

const ACCOUNT = '123456789012';

type Reply = { status: number; body: Record<string, unknown> };

function error(type: string, message: string): Reply {
  return { status: 400, body: { __type: type, message } };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startAwsEndpoint(initialSecrets: ReadonlyMap<string, string>): Promise<AwsEndpoint> {
  const secrets = new Map(initialSecrets);
  const sent: SentMessage[] = [];
  const secretReads: string[] = [];
  const secretWrites: { secretId: string; value: string }[] = [];
  const pushed: PushedMessage[] = [];
  const goneConnections = new Set<string>();
  let url = '';

  /** PostToConnection: POST <stage>/@connections/<id>, the message as the raw body, an empty 200 back. */
  function postToConnection(path: string, method: string, data: string): Reply | undefined {
    const prefix = `${PUSH_STAGE_PATH}/@connections/`;
    if (!path.startsWith(prefix)) return undefined;
    const connectionId = decodeURIComponent(path.slice(prefix.length));
    if (method !== 'POST') return { status: 400, body: { message: `not served here: ${method}` } };
    if (goneConnections.has(connectionId)) return { status: 410, body: { message: 'Gone' } };
    pushed.push({ connectionId, data });
    return { status: 200, body: {} };
  }

  function answer(target: string, input: Record<string, unknown>): Reply {
    switch (target) {
      case 'secretsmanager.GetSecretValue': {
        const id = String(input.SecretId);
        secretReads.push(id);
        const value = secrets.get(id);
        if (value === undefined)
          return error('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
        return {
          status: 200,
          body: {
            ARN: id,
            Name: id,
            SecretString: value,
            VersionId: randomUUID(),
            VersionStages: ['AWSCURRENT'],
          },
        };
      }
      case 'secretsmanager.PutSecretValue': {
        const id = String(input.SecretId);
        if (!secrets.has(id))
          return error('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
        const value = String(input.SecretString);
        secrets.set(id, value);
        secretWrites.push({ secretId: id, value });
        return {
          status: 200,
          body: { ARN: id, Name: id, VersionId: randomUUID(), VersionStages: ['AWSCURRENT'] },
        };
      }
      case 'AmazonSQS.SendMessage': {
        const queueUrl = String(input.QueueUrl);
        if (!queueUrl.startsWith(`${url}/${ACCOUNT}/`))
          return error('AWS.SimpleQueueService.NonExistentQueue', `no queue ${queueUrl}`);
        const body = String(input.MessageBody);
        const delay = input.DelaySeconds;
        sent.push({ queueUrl, body, ...(typeof delay === 'number' ? { delaySeconds: delay } : {}) });
        // The SDK checks this digest of the body it sent.
        const md5 = createHash('md5').update(body, 'utf8').digest('hex');
        return { status: 200, body: { MessageId: randomUUID(), MD5OfMessageBody: md5 } };
      }
      default:
        return error('UnknownOperationException', `not served here: ${target}`);
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    readBody(req).then(
      (text) => {
        const pushReply = postToConnection(req.url ?? '', req.method ?? '', text);
        if (pushReply) {
          res.writeHead(pushReply.status, { 'content-type': 'application/json' });
          res.end(pushReply.status === 200 ? '' : JSON.stringify(pushReply.body));
          return;
        }
        const target = String(req.headers['x-amz-target'] ?? '');
        const reply = answer(target, text ? (JSON.parse(text) as Record<string, unknown>) : {});
        res.writeHead(reply.status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(reply.body));
      },
      (err: Error) => {
        res.writeHead(500).end(err.message);
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    queueUrl: (name) => `${url}/${ACCOUNT}/${name}`,
    sent,
    secretReads,
    secretWrites,
    pushed,
    goneConnections,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
