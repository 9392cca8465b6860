// Points the center's phone numbers at this deployment through Twilio's REST API (IncomingPhoneNumbers),
// idempotently: numbers already set right are left alone. The same function runs against the twin at
// local start and against Twilio from the CDK provisioning step.
import type { TwilioClient } from './client.js';

export interface NumberWiring {
  readonly number: string;
  readonly friendlyName: string;
  readonly voiceUrl: string;
  readonly statusCallback: string;
  readonly smsUrl: string;
  /** Served as static TwiML, so fetched with GET (S3 behind CloudFront refuses POST). */
  readonly voiceFallbackUrl?: string;
}

export type NumberOutcome = 'created' | 'updated' | 'unchanged';

/** `webhookBaseUrl` is where Twilio reaches the webhooks, e.g. https://cc.example.com. */
export function wiringFor(
  webhookBaseUrl: string,
  numbers: readonly { readonly number: string; readonly name: string }[],
  voiceFallbackUrl?: string,
): NumberWiring[] {
  return numbers.map((n) => ({
    number: n.number,
    friendlyName: n.name,
    voiceUrl: `${webhookBaseUrl}/twilio/voice`,
    statusCallback: `${webhookBaseUrl}/twilio/voice/status`,
    smsUrl: `${webhookBaseUrl}/twilio/sms`,
    ...(voiceFallbackUrl ? { voiceFallbackUrl } : {}),
  }));
}

/**
 * Creates missing numbers (only the twin lets you create arbitrary ones; on Twilio they must already be
 * bought, so `createMissing` is false there and a missing number is an error naming it).
 */
export async function provisionNumbers(
  client: TwilioClient,
  wiring: readonly NumberWiring[],
  options: { readonly createMissing: boolean },
): Promise<Record<string, NumberOutcome>> {
  const outcomes: Record<string, NumberOutcome> = {};
  for (const w of wiring) {
    const settings = {
      friendlyName: w.friendlyName,
      voiceUrl: w.voiceUrl,
      voiceMethod: 'POST',
      statusCallback: w.statusCallback,
      statusCallbackMethod: 'POST',
      smsUrl: w.smsUrl,
      smsMethod: 'POST',
      ...(w.voiceFallbackUrl ? { voiceFallbackUrl: w.voiceFallbackUrl, voiceFallbackMethod: 'GET' } : {}),
    } as const;
    const [existing] = await client.incomingPhoneNumbers.list({ phoneNumber: w.number, limit: 1 });
    if (!existing) {
      if (!options.createMissing) {
        throw new Error(
          `Phone number ${w.number} is not in this Twilio account; buy it or remove it from the numbers configured`,
        );
      }
      await client.incomingPhoneNumbers.create({ phoneNumber: w.number, ...settings });
      outcomes[w.number] = 'created';
      continue;
    }
    const same =
      existing.friendlyName === w.friendlyName &&
      existing.voiceUrl === w.voiceUrl &&
      existing.statusCallback === w.statusCallback &&
      existing.smsUrl === w.smsUrl &&
      (w.voiceFallbackUrl === undefined || existing.voiceFallbackUrl === w.voiceFallbackUrl);
    if (same) {
      outcomes[w.number] = 'unchanged';
      continue;
    }
    await client.incomingPhoneNumbers(existing.sid).update(settings);
    outcomes[w.number] = 'updated';
  }
  return outcomes;
}

/**
 * Refuses, naming every one, numbers that are not in the account: checked before anything is created, so
 * a deploy with a mistyped number fails without leaving a half-configured center behind.
 */
export async function assertNumbersInAccount(
  client: TwilioClient,
  numbers: readonly string[],
): Promise<void> {
  const missing: string[] = [];
  for (const number of numbers) {
    const [found] = await client.incomingPhoneNumbers.list({ phoneNumber: number, limit: 1 });
    if (!found) missing.push(number);
  }
  if (missing.length)
    throw new Error(
      `Phone number${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not in this Twilio account: buy ${missing.length > 1 ? 'them' : 'it'} (Phone Numbers in the Twilio Console) or remove ${missing.length > 1 ? 'them' : 'it'} from the "numbers" context`,
    );
}

export type UnwireOutcome = 'cleared' | 'elsewhere' | 'missing';

/**
 * Undoes the wiring when a deployment goes away: numbers are bought, so they stay in the account, but
 * their URLs are cleared. A number already pointed elsewhere (not at `webhookBaseUrl`) is left alone.
 */
export async function unwireNumbers(
  client: TwilioClient,
  numbers: readonly string[],
  webhookBaseUrl: string,
): Promise<Record<string, UnwireOutcome>> {
  const outcomes: Record<string, UnwireOutcome> = {};
  const ours = (url: string | null | undefined) => !!url && url.startsWith(`${webhookBaseUrl}/`);
  for (const number of numbers) {
    const [existing] = await client.incomingPhoneNumbers.list({ phoneNumber: number, limit: 1 });
    if (!existing) outcomes[number] = 'missing';
    else if (!ours(existing.voiceUrl) && !ours(existing.smsUrl)) outcomes[number] = 'elsewhere';
    else {
      await client.incomingPhoneNumbers(existing.sid).update({
        voiceUrl: '',
        voiceFallbackUrl: '',
        statusCallback: '',
        smsUrl: '',
      });
      outcomes[number] = 'cleared';
    }
  }
  return outcomes;
}
