// Which campaign and contact a campaign call's webhooks concern: carried in the URLs the center gives Twilio
// (which Twilio signs, so they cannot be altered), checked before use.
import { invalidField } from '../../domain/problems.js';

export const CAMPAIGN_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const CONTACT_ID = /^\d{6}$/;

export interface CampaignRef {
  readonly campaignId: string;
  readonly contactId: string;
}

export function campaignQuery(
  campaignId: string,
  contactId: string,
  more: Record<string, string> = {},
): string {
  return new URLSearchParams({ c: campaignId, k: contactId, ...more }).toString();
}

export function campaignRefOf(query: Readonly<Record<string, string | undefined>>): CampaignRef {
  const c = query.c;
  const k = query.k;
  if (!c || !CAMPAIGN_ID.test(c))
    throw invalidField('query.c', 'invalid-format', `must match ${CAMPAIGN_ID}`);
  if (!k || !CONTACT_ID.test(k)) throw invalidField('query.k', 'invalid-format', `must match ${CONTACT_ID}`);
  return { campaignId: c, contactId: k };
}
