// The AWS SDK's request handler for dynalite in this process: each DynamoDB request is handed to
// dynalite's HTTP request listener as a minimal request and response pair, with no socket, HTTP parser or
// connection pool between them. The SDK still serialises and parses as it does over HTTP; the signature,
// which dynalite never verifies, can be skipped with `unverifiedSigner`.
import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import type { HttpHandlerOptions, HttpRequest, HttpResponse, RequestSigner } from '@smithy/types';

/** What DynamoDBClient's `requestHandler` option needs (Smithy's HttpHandler). */
export interface InProcessRequestHandler {
  handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }>;
  updateHttpClientConfig(): void;
  httpHandlerConfigs(): Record<string, never>;
  destroy(): void;
  /** Resolves once every request handed over so far has been answered. */
  settled(): Promise<void>;
}

/** A request as dynalite's listener takes it, and its answer (`refused` once dynalite has stopped). */
export interface DynaliteRequest {
  readonly method: string;
  readonly url: string;
  /** Lower-case names. */
  readonly headers: Record<string, string>;
  /** DynamoDB's JSON protocol: always text. */
  readonly body: string;
}
export interface DynaliteAnswer {
  readonly refused?: boolean;
  readonly statusCode?: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/**
 * The SDK's request handler over `exchange`, which hands one request to dynalite and resolves with its
 * answer: to the listener in this process (`dynaliteInProcess`) or to a worker thread as a message
 * (`startDynaliteThread`). `open` turns false when dynalite stops; a request after that is refused as by
 * a closed port, and `settled` waits for the requests under way.
 */
export function exchangeRequestHandler(
  exchange: (request: DynaliteRequest) => Promise<DynaliteAnswer>,
  open: () => boolean,
): InProcessRequestHandler {
  const pending = new Set<Promise<unknown>>();
  const refused = () =>
    Object.assign(new Error('connect ECONNREFUSED (dynalite stopped)'), { code: 'ECONNREFUSED' });
  return {
    handle(request, options) {
      const signal = options?.abortSignal as AbortSignal | undefined;
      if (signal?.aborted) return Promise.reject(signal.reason);
      // After stop, as against a closed port: dynalite would throw "Database is closed" from a callback.
      if (!open()) return Promise.reject(refused());
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
      const answered = exchange({
        method: request.method,
        url: request.path + queryString(request.query),
        headers,
        body: bodyText(request.body),
      }).then((a) => {
        if (a.refused) throw refused();
        const response = {
          statusCode: a.statusCode ?? 500,
          headers: a.headers ?? {},
          body: Buffer.from(a.body ?? '', 'utf8'),
        };
        return { response };
      });
      pending.add(answered);
      const done = () => pending.delete(answered);
      answered.then(done, done);
      return answered;
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
    async settled() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
}

/**
 * dynalite's listener (`httpHandler` in its index.js) reads `method`, `url` and lower-case `headers`,
 * listens for `data` and `end` (and `error`) and calls `removeAllListeners`; it answers through
 * `statusCode`, `setHeader` and `end(body)` and sets `contentType` on the response. Nothing else.
 * dynalite-thread.mjs builds the same pair on its thread.
 */
export function dynaliteInProcess(server: Server, open: () => boolean): InProcessRequestHandler {
  return exchangeRequestHandler(
    (request) =>
      new Promise<DynaliteAnswer>((resolve) => {
        const req = Object.assign(new EventEmitter(), {
          method: request.method,
          url: request.url,
          headers: request.headers,
        });
        const answer: Record<string, string> = {};
        const res = {
          statusCode: 200,
          contentType: undefined as string | undefined,
          setHeader(name: string, value: string | number) {
            answer[name.toLowerCase()] = String(value);
          },
          end(body?: string) {
            resolve({ statusCode: res.statusCode, headers: answer, body: body ?? '' });
          },
        };
        server.emit('request', req, res);
        if (request.body.length > 0) req.emit('data', Buffer.from(request.body, 'utf8'));
        req.emit('end');
      }),
    open,
  );
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array)
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  // DynamoDB's JSON protocol always sends a string; a stream here would be a new kind of request.
  throw new TypeError('dynalite in process: unsupported request body (a stream?)');
}

function queryString(query: HttpRequest['query']): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === null) out.append(key, '');
    else if (typeof value === 'string') out.append(key, value);
    else for (const one of value) out.append(key, one);
  }
  const text = out.toString();
  return text ? `?${text}` : '';
}

/**
 * A DynamoDBClient `signer` for dynalite, which checks that a request looks signed (an AWS4 Authorization
 * header naming Credential, SignedHeaders and Signature, and a date) but never verifies the signature.
 * Computing a real one (HMACs over the canonical request) was about a third of the client's CPU per
 * request in process.
 */
export const unverifiedSigner: RequestSigner = {
  async sign(request, options) {
    const date = new Date(options?.signingDate ?? Date.now()).toISOString().replace(/[-:]|\.\d{3}/g, '');
    const scope = `${date.slice(0, 8)}/${options?.signingRegion ?? 'local'}/dynamodb/aws4_request`;
    request.headers['x-amz-date'] = date;
    request.headers.authorization = `AWS4-HMAC-SHA256 Credential=local/${scope}, SignedHeaders=host;x-amz-date, Signature=unverified`;
    return request;
  },
};
