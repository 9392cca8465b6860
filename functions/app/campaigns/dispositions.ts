// The wrap-up codes of a campaign's call: its campaign's dispositions, read afresh (a supervisor may have
// changed them since the call began).
import type { Disposition } from '../../domain/disposition.js';
import type { CenterBasics } from '../center.js';

export async function campaignDispositions(
  deps: { readonly store: Pick<CenterBasics['store'], 'campaigns'> },
  campaignId: string,
): Promise<{ readonly name: string; readonly dispositions: readonly Disposition[] } | undefined> {
  const campaign = await deps.store.campaigns.get(campaignId);
  if (!campaign) return undefined;
  return {
    name: campaign.name,
    dispositions: campaign.dispositions.map((d) => ({ code: d.code, label: d.label })),
  };
}
