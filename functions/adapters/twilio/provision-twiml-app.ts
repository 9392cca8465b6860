// The TwiML App the browser softphone dials out through (the Access Token's outgoingApplicationSid),
// created, or found by the SID stored when it was created (never by name: another deployment on the same
// account may have an app of that name) and updated, idempotently: an app already set right is left alone.
// Run by the CDK provisioning custom resource, tested against the twin.
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
 * The softphone's settings for a deployment at `webhookBaseUrl`. There is no outbound-call webhook under
 * /twilio yet, so the voice webhook answers browser calls too; change `voiceUrl` here when one lands.
 */
export function softphoneApp(webhookBaseUrl: string, friendlyName: string): TwimlAppSettings {
  return {
    friendlyName,
    voiceUrl: `${webhookBaseUrl}/twilio/voice`,
    statusCallback: `${webhookBaseUrl}/twilio/voice/status`,
  };
}

/** `knownSid`: the app an earlier run made; absent, or gone from the account, means a new one. */
export async function provisionTwimlApp(
  client: TwilioClient,
  settings: TwimlAppSettings,
  knownSid?: string,
): Promise<{ readonly sid: string; readonly outcome: TwimlAppOutcome }> {
  const wanted = {
    friendlyName: settings.friendlyName,
    voiceUrl: settings.voiceUrl,
    voiceMethod: 'POST',
    statusCallback: settings.statusCallback,
    statusCallbackMethod: 'POST',
  } as const;
  const existing = knownSid ? await fetchApp(client, knownSid) : undefined;
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

async function fetchApp(client: TwilioClient, sid: string) {
  try {
    return await client.applications(sid).fetch();
  } catch (err) {
    if ((err as { status?: unknown } | null)?.status === 404) return undefined;
    throw err;
  }
}

/** Deletes the app with this SID; false when it was already gone. */
export async function removeTwimlApp(client: TwilioClient, sid: string): Promise<boolean> {
  try {
    await client.applications(sid).remove();
    return true;
  } catch (err) {
    if ((err as { status?: unknown } | null)?.status === 404) return false;
    throw err;
  }
}
