// Reading Twilio's PascalCase form parameters: the first value of a key, or a 400 naming it. Every
// `...Sid` parameter must look like a Twilio SID, because SIDs become storage keys: a forged or
// oversized one is refused here, before it reaches the database.
import type { TwilioParams } from '../env.js';
import { invalidField } from '../errors.js';

/** Two upper-case letters and 32 lower-case hex digits: the shape of every Twilio SID. */
export const TWILIO_SID = /^[A-Z]{2}[0-9a-f]{32}$/;
export const CALL_SID = /^CA[0-9a-f]{32}$/;

const SID_MESSAGE = 'must be a Twilio SID: two capital letters and 32 lower-case hex digits';

/**
 * Parties' addresses become storage keys too (the blacklist, the caller's customers, a text thread): a
 * phone number, `client:<identity>` or a SIP address is far shorter than this, and a longer one is refused
 * before it can fail a database write half-way through a call.
 */
const ADDRESS_KEYS = new Set(['From', 'To', 'Caller', 'Called', 'ForwardedFrom', 'CallbackSource']);
export const MAX_ADDRESS_LENGTH = 256;

export function optionalParam(params: TwilioParams, key: string): string | undefined {
  const value = params[key];
  const first = typeof value === 'string' ? value : value?.[0];
  if (!first?.trim()) return undefined;
  if (key.endsWith('Sid') && !TWILIO_SID.test(first))
    throw invalidField(`body.${key}`, 'invalid-sid', SID_MESSAGE);
  if (ADDRESS_KEYS.has(key) && first.length > MAX_ADDRESS_LENGTH)
    throw invalidField(
      `body.${key}`,
      'too-long',
      `must be a phone number or address of at most ${MAX_ADDRESS_LENGTH} characters`,
    );
  return first;
}

export function requiredParam(params: TwilioParams, key: string, pattern?: RegExp): string {
  const value = optionalParam(params, key);
  if (value === undefined) throw invalidField(`body.${key}`, 'required', 'is required');
  if (pattern && !pattern.test(value))
    throw invalidField(`body.${key}`, 'invalid-format', `must match ${pattern}`);
  return value;
}

/** A SID carried elsewhere than a form field (a query parameter, task attributes): checked the same way. */
export function sidOrRefuse(
  value: string | undefined,
  where: string,
  pattern = TWILIO_SID,
): string | undefined {
  if (value === undefined) return undefined;
  if (!pattern.test(value)) throw invalidField(where, 'invalid-sid', SID_MESSAGE);
  return value;
}
