// The TwiML App the browser softphone dials out through (the Access Token's outgoingApplicationSid),
// created or updated by friendly name through the official client, idempotently: an app already set
// right is left alone. Run by the CDK provisioning custom resource, tested against the twin.
import type { TwilioClient } from './client.js';

export interface TwimlAppSettings {
  readonly friendlyName: string;
  /** Where Twilio asks what to do with a call the browser places (POST). */
  readonly voiceUrl: string;
  /** Call progress of those calls (POST). */
  readonly statusCallback: string;
}

export type TwimlAppOutcome = 'created' | 'updated' | 'unchanged';

/**
 * The softphone's settings for a deployment at `publicBaseUrl`. There is no outbound-call webhook under
 * /twilio yet, so the voice webhook answers browser calls too; change `voiceUrl` here when one lands.
 */
export function softphoneApp(publicBaseUrl: string, friendlyName: string): TwimlAppSettings {
  return {
    friendlyName,
    voiceUrl: `${publicBaseUrl}/twilio/voice`,
    statusCallback: `${publicBaseUrl}/twilio/voice/status`,
  };
}

export async function provisionTwimlApp(
  client: TwilioClient,
  settings: TwimlAppSettings,
): Promise<{ readonly sid: string; readonly outcome: TwimlAppOutcome }> {
  const wanted = {
    friendlyName: settings.friendlyName,
    voiceUrl: settings.voiceUrl,
    voiceMethod: 'POST',
    statusCallback: settings.statusCallback,
    statusCallbackMethod: 'POST',
  } as const;
  const [existing] = await client.applications.list({ friendlyName: settings.friendlyName, limit: 1 });
  if (!existing) return { sid: (await client.applications.create(wanted)).sid, outcome: 'created' };
  const same =
    existing.voiceUrl === wanted.voiceUrl &&
    existing.voiceMethod === wanted.voiceMethod &&
    existing.statusCallback === wanted.statusCallback &&
    existing.statusCallbackMethod === wanted.statusCallbackMethod;
  if (same) return { sid: existing.sid, outcome: 'unchanged' };
  await client.applications(existing.sid).update(wanted);
  return { sid: existing.sid, outcome: 'updated' };
}

/** Deletes every app with this friendly name; returns how many went. */
export async function removeTwimlApp(client: TwilioClient, friendlyName: string): Promise<number> {
  const apps = await client.applications.list({ friendlyName });
  for (const app of apps) await client.applications(app.sid).remove();
  return apps.length;
}
