// A campaign's call record: the call to the contact (or a preview's agent leg, which dials them), named with
// its campaign and contact so wrap-up offers the campaign's dispositions and the contact follows them.
import type { Campaign, CampaignContact } from '../../domain/campaigns/campaign.js';
import type { CenterBasics } from '../center.js';

export function recordCampaignCall(
  deps: Pick<CenterBasics, 'store' | 'clock'>,
  call: {
    readonly campaign: Campaign;
    readonly contact: CampaignContact;
    readonly callSid: string;
    readonly status: 'queued' | 'in-progress';
    readonly agentId?: string;
  },
) {
  const { campaign, contact } = call;
  return deps.store.calls.record({
    callSid: call.callSid,
    direction: 'outbound',
    from: campaign.callerId,
    to: contact.phone,
    startedAt: new Date(deps.clock.now()).toISOString(),
    status: call.status,
    queue: campaign.queue,
    language: contact.language ?? campaign.language,
    campaignId: campaign.id,
    contactId: contact.id,
    ...(call.agentId ? { agentId: call.agentId } : {}),
    ...(contact.customerId ? { customerId: contact.customerId } : {}),
  });
}
