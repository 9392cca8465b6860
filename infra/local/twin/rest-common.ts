// What every REST resource of the twin shares, as Twilio does it: HTTP Basic auth with the account SID
// and auth token, form-encoded PascalCase bodies (repeated keys kept), Twilio's error JSON, SIDs.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { TwinAccount } from './ports.js';

/** `CA` + 32 hex characters, etc. */
export function newSid(prefix: string): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

export class TwilioRestError extends Error {
  override readonly name = 'TwilioRestError';
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Twilio's error body: `{ code, message, more_info, status }`. */
export function errorBody(err: TwilioRestError) {
  return {
    code: err.code,
    message: err.message,
    more_info: `https://www.twilio.com/docs/errors/${err.code}`,
    status: err.status,
  };
}

export function restErrorResponse(c: Context, err: TwilioRestError) {
  return c.json(errorBody(err), err.status as 400);
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** HTTP Basic with AccountSid:AuthToken; 401 with Twilio error 20003 otherwise. */
export function basicAuth(account: TwinAccount): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const [scheme, encoded] = header.split(' ');
    const [user, pass] = Buffer.from(encoded ?? '', 'base64')
      .toString('utf8')
      .split(':');
    if (
      scheme !== 'Basic' ||
      !safeEqual(user ?? '', account.accountSid) ||
      !safeEqual(pass ?? '', account.authToken)
    ) {
      return restErrorResponse(c, new TwilioRestError(401, 20003, 'Authenticate'));
    }
    await next();
  };
}

export type FormParams = Readonly<Record<string, string | readonly string[]>>;

/** Parses a form-encoded body (or the query string of a GET), keeping repeated keys as arrays. */
export async function readParams(c: Context): Promise<FormParams> {
  const out: Record<string, string | string[]> = {};
  const add = (key: string, value: string) => {
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else out[key] = [prev, value];
  };
  const url = new URL(c.req.url);
  for (const [k, v] of url.searchParams) add(k, v);
  if (c.req.method !== 'GET' && c.req.method !== 'DELETE') {
    const text = await c.req.text();
    for (const [k, v] of new URLSearchParams(text)) add(k, v);
  }
  return out;
}

/** A single-valued parameter (the last one if repeated). */
export function param(params: FormParams, key: string): string | undefined {
  const v = params[key];
  return Array.isArray(v) ? v[v.length - 1] : (v as string | undefined);
}

export function paramList(params: FormParams, key: string): string[] {
  const v = params[key];
  if (v === undefined) return [];
  return Array.isArray(v) ? [...v] : [v as string];
}

/** Twilio's boolean parsing: true, 1 and yes (any case) are true. */
export function paramBool(params: FormParams, key: string): boolean | undefined {
  const v = param(params, key);
  if (v === undefined) return undefined;
  return ['true', '1', 'yes'].includes(v.toLowerCase());
}

/** RFC 2822 in GMT, the format of Twilio's 2010 API dates and webhook timestamps. */
export function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace('GMT', '+0000');
}

/** ISO 8601 without milliseconds, the format of TaskRouter v1 dates. */
export function iso8601(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
