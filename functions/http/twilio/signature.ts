// Verifies X-Twilio-Signature before any webhook runs. The signed URL is rebuilt from the configured
// public base URL plus the request's path and query, never from the Host header (API Gateway, Function
// URLs and proxies rewrite it). A missing or wrong signature gets 403 and the handler never runs.
import type { MiddlewareHandler } from 'hono';
import { validateRequest } from 'twilio/lib/webhooks/webhooks.js';
import type { WebhookDeps } from '../deps.js';
import type { TwilioEnv, TwilioParams } from '../env.js';

/** Form parameters, keeping every value of a repeated key (Twilio signs them all). */
export function parseForm(body: string): TwilioParams {
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const seen = params[key];
    if (seen === undefined) params[key] = value;
    else if (Array.isArray(seen)) seen.push(value);
    else params[key] = [seen, value];
  }
  return params;
}

export function publicUrl(baseUrl: string, requestUrl: string): string {
  const url = new URL(requestUrl);
  return `${baseUrl}${url.pathname}${url.search}`;
}

export function verifyTwilioSignature(deps: WebhookDeps): MiddlewareHandler<TwilioEnv> {
  return async (c, next) => {
    const signature = c.req.header('x-twilio-signature');
    const isForm = c.req
      .header('content-type')
      ?.toLowerCase()
      .startsWith('application/x-www-form-urlencoded');
    const params = isForm ? parseForm(await c.req.text()) : {};
    const url = publicUrl(deps.config.publicBaseUrl, c.req.url);
    if (!signature || !validateRequest(deps.secrets.twilioAuthToken, signature, url, params)) {
      return c.json(
        {
          error: 'forbidden',
          message: 'Twilio request validation failed: bad or missing X-Twilio-Signature.',
        },
        403,
      );
    }
    c.set('twilioParams', params);
    await next();
  };
}
