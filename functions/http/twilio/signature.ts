// Verifies X-Twilio-Signature before any webhook runs. The signed URL is rebuilt from a configured base
// URL plus the request's path and query, never from the Host header (API Gateway, Function URLs and
// proxies rewrite it): the webhook base Twilio is given, or the public one (numbers wired before the
// webhook base moved). A missing or wrong signature gets 403 and the handler never runs.
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
    const bases = new Set([deps.config.webhookBaseUrl, deps.config.publicBaseUrl]);
    const signed = (base: string) =>
      validateRequest(deps.secrets.twilioAuthToken, signature ?? '', publicUrl(base, c.req.url), params);
    if (!signature || ![...bases].some(signed)) {
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
