// Caller IDs as Twilio sends them: E.164 when the number could be normalised, otherwise a raw string
// such as "anonymous" (docs/twilio-behaviour.md §1.1). Webhooks need no phone-number library for that, which keeps
// the webhook Lambda small; what people type (national formats) goes through phone.ts instead.

const E164 = /^\+[1-9]\d{6,14}$/;

export type CallerId =
  | { readonly ok: true; readonly e164: string }
  | { readonly ok: false; readonly raw: string };

export function callerId(raw: string): CallerId {
  const value = raw.trim();
  return E164.test(value) ? { ok: true, e164: value } : { ok: false, raw: value };
}
