// Phone numbers in E.164, the one form every lookup and Twilio parameter uses.
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneResult =
  | { readonly ok: true; readonly e164: string; readonly country?: string }
  | { readonly ok: false; readonly reason: 'invalid-phone' };

/** Normalises what a person typed or Twilio sent; `defaultRegion` applies to national formats. */
export function normalisePhone(raw: string, defaultRegion: string): PhoneResult {
  const parsed = parsePhoneNumberFromString(raw.trim(), defaultRegion as CountryCode);
  if (!parsed?.isValid()) return { ok: false, reason: 'invalid-phone' };
  return { ok: true, e164: parsed.number, ...(parsed.country ? { country: parsed.country } : {}) };
}

/** For customer search: a typed number in any national or international format, as E.164. */
export function phoneSearch(defaultRegion: string): (text: string) => string | undefined {
  return (text) => {
    const result = normalisePhone(text, defaultRegion);
    return result.ok ? result.e164 : undefined;
  };
}
