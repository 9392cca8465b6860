// Reading Twilio's PascalCase form parameters: the first value of a key, or a 400 naming it.
import type { TwilioParams } from '../env.js';
import { invalidField } from '../errors.js';

export function optionalParam(params: TwilioParams, key: string): string | undefined {
  const value = params[key];
  const first = typeof value === 'string' ? value : value?.[0];
  return first?.trim() ? first : undefined;
}

export function requiredParam(params: TwilioParams, key: string, pattern?: RegExp): string {
  const value = optionalParam(params, key);
  if (value === undefined) throw invalidField(`body.${key}`, 'is required');
  if (pattern && !pattern.test(value)) throw invalidField(`body.${key}`, `must match ${pattern}`);
  return value;
}

export const CALL_SID = /^CA[0-9a-f]{32}$/;
