// One demo campaign, a draft so it dials nobody until a supervisor starts it: the seeds' return visit after
// a warranty repair, previewed by agents of the general queue with the inquiry script, over six demo
// customers (Chinese and US numbers, so the calling window in each one's time shows).
import {
  type CampaignSettings,
  contactId,
  DEFAULT_DISPOSITIONS,
} from '../../../functions/domain/campaigns/campaign.js';
import type { NewContact } from '../../../functions/domain/campaigns/ports.js';
import { DEMO_CUSTOMERS } from './customers.js';

export const DEMO_CAMPAIGN_ID = 'demo-return-visit';

export const DEMO_CAMPAIGN: CampaignSettings = {
  name: '维修回访 Repair return visit',
  mode: 'preview',
  callerId: '+18005550100',
  queue: 'general',
  priority: 0,
  language: 'zh',
  scriptId: 'warranty-g-inquiry',
  dispositions: DEFAULT_DISPOSITIONS,
  window: { start: '09:00', end: '20:00', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
  retry: { maxAttempts: 3, busy: 10, 'no-answer': 60, machine: 240, failed: 30 },
  machine: 'retry',
  abandonCap: 0.03,
  maxHoldSeconds: 5,
};

export const DEMO_CAMPAIGN_CONTACTS: readonly NewContact[] = DEMO_CUSTOMERS.slice(0, 6).map((c, i) => ({
  campaignId: DEMO_CAMPAIGN_ID,
  id: contactId(i + 1),
  phone: c.phones[0] ?? '',
  name: c.name,
  customerId: c.id,
  language: c.language,
  vars: {},
}));
