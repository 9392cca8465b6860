// X-Twilio-Signature as Twilio computes it (docs/twilio-behaviour.md §2.1): the full URL, then each parameter name in code-point
// order followed by its value (arrays de-duplicated and sorted), HMAC-SHA1 with the auth token, base64.
import { createHmac } from 'node:crypto';

export type SignedParams = Readonly<Record<string, string | readonly string[]>>;

export function signingString(url: string, params: SignedParams): string {
  let data = url;
  for (const key of Object.keys(params).sort(codePointOrder)) {
    const value = params[key];
    if (value === undefined) continue;
    if (typeof value === 'string') data += key + value;
    else for (const v of [...new Set(value)].sort(codePointOrder)) data += key + v;
  }
  return data;
}

export function twilioSignature(authToken: string, url: string, params: SignedParams): string {
  return createHmac('sha1', Buffer.from(authToken, 'utf8'))
    .update(Buffer.from(signingString(url, params), 'utf8'))
    .digest('base64');
}

// Plain code-unit comparison, as Array.prototype.sort does by default; localeCompare would fold case.
function codePointOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
