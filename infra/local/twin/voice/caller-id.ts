// The caller-id rule for calls and participants placed through REST: Twilio refuses a `From` that is not
// one of the account's numbers (or a verified caller id) with error 21210. A `client:` identity may call
// another client, as the Voice SDK's calls do. Verified outgoing caller ids are not modelled: the twin's
// account owns only its incoming numbers.
import { TwilioRestError } from '../rest-common.js';
import type { PhoneNumberStore } from './phone-numbers.js';

export function assertCallerId(numbers: PhoneNumberStore, from: string, to: string): void {
  if (from.startsWith('client:') && to.startsWith('client:')) return;
  if (numbers.byNumber(from)) return;
  throw new TwilioRestError(
    400,
    21210,
    `The source phone number provided, ${from}, is not yet verified for your account. You may only make calls from phone numbers that you've verified or purchased from Twilio.`,
  );
}
