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

/** `publicBaseUrl` is where Twilio reaches the webhooks, e.g. https://cc.example.com. */
export function wiringFor(
  publicBaseUrl: string,
  numbers: readonly { readonly number: string; readonly name: string }[],
  voiceFallbackUrl?: string,
): NumberWiring[] {
  return numbers.map((n) => ({
    number: n.number,
    friendlyName: n.name,
    voiceUrl: `${publicBaseUrl}/twilio/voice`,
    statusCallback: `${publicBaseUrl}/twilio/voice/status`,
    smsUrl: `${publicBaseUrl}/twilio/sms`,
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
          `Phone number ${w.number} is not in this Twilio account; buy it or remove it from flows/numbers.ts`,
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
