// Reading the sim API's JSON bodies: a bad body is a 400 that names the field.
import type { Context } from 'hono';

export type Json = Record<string, unknown>;

export class SimBadRequest extends Error {
  override readonly name = 'SimBadRequest';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export async function readJson(c: Context): Promise<Json> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new SimBadRequest('body', 'the body must be a JSON object');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new SimBadRequest('body', 'the body must be a JSON object');
  return body as Json;
}

export function str(body: Json, field: string): string {
  const v = body[field];
  if (typeof v !== 'string' || !v.trim())
    throw new SimBadRequest(field, `${field} is a required non-empty string`);
  return v;
}

/** As long as the app's webhooks take a party's address (a SIP address is the longest kind). */
const MAX_ADDRESS = 256;

/** A party's address (a phone number, `client:<id>`): as Twilio's are, short. */
export function address(body: Json, field: string): string {
  const v = str(body, field);
  if (v.length > MAX_ADDRESS)
    throw new SimBadRequest(
      field,
      `${field} must be a phone number such as +14155550123 or client:<id>, at most ${MAX_ADDRESS} characters`,
    );
  return v;
}

export function optStr(body: Json, field: string): string | undefined {
  const v = body[field];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new SimBadRequest(field, `${field} must be a string`);
  return v;
}

export function optBool(body: Json, field: string): boolean | undefined {
  const v = body[field];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw new SimBadRequest(field, `${field} must be true or false`);
  return v;
}
