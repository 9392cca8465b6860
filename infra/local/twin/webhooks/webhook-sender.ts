// Calls the app's webhooks as Twilio does (docs/twilio-behaviour.md §1.1, §1.4, §2): form-encoded POST or GET with the
// parameters in the query, a valid X-Twilio-Signature, redirects followed (at most 10), a 15 s total limit,
// the fallback URL with ErrorCode/ErrorUrl on failure, and every request and outcome in the twin's log.
import { randomUUID } from 'node:crypto';
import type { TwinAccount, TwinLog, WebhookResult, WebhookSender } from '../ports.js';
import { parseConnectionOverrides } from './connection-overrides.js';
import { type SignedParams, twilioSignature } from './signature.js';

export interface WebhookSenderOptions {
  readonly account: TwinAccount;
  readonly log: TwinLog;
  /** Total time allowed per request including redirects; Twilio's is 15 s. Injectable so tests need not wait. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

type SendRequest = Parameters<WebhookSender['send']>[0];

/** Twilio error codes for webhook failures. */
export const WebhookErrors = {
  httpRetrievalFailure: 11200,
  connectionFailure: 11205,
  badHostName: 11210,
  tooManyRedirects: 11215,
} as const;

const MAX_REDIRECTS = 10;

export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const doFetch = options.fetch ?? fetch;
  const defaultTimeout = options.timeoutMs ?? 15_000;

  async function attempt(req: SendRequest, url: string, params: SignedParams): Promise<WebhookResult> {
    const overrides = parseConnectionOverrides(url);
    const limit = Math.min(
      defaultTimeout,
      overrides.totalMs ?? defaultTimeout,
      overrides.readMs ?? defaultTimeout,
    );
    const signal = AbortSignal.timeout(limit);
    const token = randomUUID();
    let target = overrides.url;
    let method = req.method;
    let body: string | undefined;
    const started = performance.now();
    for (let hop = 0; ; hop++) {
      const signedUrl = method === 'GET' ? withQuery(target, params) : target;
      const signature = twilioSignature(options.account.authToken, signedUrl, method === 'GET' ? {} : params);
      body = method === 'POST' ? encodeForm(params) : undefined;
      options.log.append({
        kind: 'webhook',
        correlationId: req.correlationId,
        summary: `${method} ${signedUrl}`,
        detail: { direction: 'request', url: signedUrl, method, params },
      });
      let res: Response;
      try {
        res = await doFetch(signedUrl, {
          method,
          redirect: 'manual',
          signal,
          headers: {
            'X-Twilio-Signature': signature,
            'I-Twilio-Idempotency-Token': token,
            'User-Agent': 'TwilioProxy/1.1',
            ...(body !== undefined
              ? { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' }
              : {}),
          },
          ...(body !== undefined ? { body } : {}),
        });
      } catch (err) {
        return failure(req, signedUrl, classify(err, signal), String((err as Error).cause ?? err), started);
      }
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel();
        if (hop + 1 >= MAX_REDIRECTS) {
          return failure(req, signedUrl, WebhookErrors.tooManyRedirects, 'too many redirects', started);
        }
        target = new URL(location, signedUrl).toString();
        // Browsers (and Twilio) turn POST into GET after 301/302/303 and drop the body: Digits are not resent.
        if (res.status !== 307 && res.status !== 308) {
          method = 'GET';
          params = {};
        }
        continue;
      }
      let text: string;
      try {
        text = await res.text();
      } catch (err) {
        return failure(req, signedUrl, classify(err, signal), 'response body interrupted', started);
      }
      const result: WebhookResult = {
        ok: res.status >= 200 && res.status < 300,
        status: res.status,
        contentType: res.headers.get('content-type') ?? '',
        body: text,
        ...(res.status >= 200 && res.status < 300 ? {} : { errorCode: WebhookErrors.httpRetrievalFailure }),
      };
      options.log.append({
        kind: result.ok ? 'webhook' : 'error',
        correlationId: req.correlationId,
        summary: `${res.status} from ${signedUrl}`,
        detail: {
          direction: 'response',
          url: signedUrl,
          status: res.status,
          contentType: result.contentType,
          body: text.slice(0, 4000),
          ms: Math.round(performance.now() - started),
        },
        ...(result.errorCode ? { code: result.errorCode } : {}),
      });
      return result;
    }
  }

  function failure(
    req: SendRequest,
    url: string,
    code: number,
    message: string,
    started: number,
  ): WebhookResult {
    options.log.append({
      kind: 'error',
      correlationId: req.correlationId,
      summary: `${code} ${message} (${url})`,
      code,
      detail: { direction: 'response', url, error: message, ms: Math.round(performance.now() - started) },
    });
    return { ok: false, status: 0, contentType: '', body: '', errorCode: code };
  }

  return {
    async send(req) {
      const primary = await attempt(req, req.url, req.params);
      if (primary.ok || !req.fallbackUrl) return primary;
      return attempt(
        { ...req, method: req.fallbackMethod ?? 'POST' },
        req.fallbackUrl,
        fallbackParams(req.params, primary.errorCode ?? WebhookErrors.httpRetrievalFailure, req.url),
      );
    },
  };
}

/** The parameters Twilio adds when it falls back: ErrorCode and ErrorUrl. */
export function fallbackParams(params: SignedParams, errorCode: number, errorUrl: string): SignedParams {
  return { ...params, ErrorCode: String(errorCode), ErrorUrl: parseConnectionOverrides(errorUrl).url };
}

export function encodeForm(params: SignedParams): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'string') out.append(k, v);
    else for (const item of v) out.append(k, item);
  }
  return out.toString();
}

function withQuery(url: string, params: SignedParams): string {
  const query = encodeForm(params);
  if (!query) return url;
  return url + (url.includes('?') ? '&' : '?') + query;
}

function classify(err: unknown, signal: AbortSignal): number {
  if (signal.aborted) return WebhookErrors.connectionFailure;
  const code = (err as { cause?: { code?: string } }).cause?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return WebhookErrors.badHostName;
  return WebhookErrors.connectionFailure;
}
