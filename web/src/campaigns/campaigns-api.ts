// Campaigns' REST calls (/api/campaigns), typed with the domain's shapes.
import type {
  Campaign,
  CampaignContact,
  CampaignCounts,
  CampaignSettings,
} from '../../../functions/domain/campaigns/campaign.js';
import type { ContactCounts, RejectedRow } from '../../../functions/domain/campaigns/contact-list.js';
import { call } from '../api.js';

export type { Campaign, CampaignContact, CampaignCounts, CampaignSettings, RejectedRow };

export type CampaignAction = 'start' | 'pause' | 'resume' | 'stop';

export interface CampaignChoices {
  readonly callerIds: readonly string[];
  readonly queues: readonly string[];
  readonly scripts: readonly {
    readonly name: string;
    readonly titles: { readonly zh: string; readonly en: string };
  }[];
  readonly questionnaires: readonly {
    readonly id: string;
    readonly name: { readonly zh: string; readonly en: string };
  }[];
}

export interface ContactListPreview {
  readonly counts: ContactCounts;
  readonly rejected: readonly RejectedRow[];
  readonly variables: readonly string[];
}

const at = (id: string) => `/campaigns/${encodeURIComponent(id)}`;

export const campaignsApi = {
  list: () => call<{ items: Campaign[]; choices: CampaignChoices }>('GET', '/campaigns'),
  get: (id: string) => call<Campaign>('GET', at(id)),
  create: (settings: CampaignSettings) => call<Campaign>('POST', '/campaigns', settings),
  act: (id: string, action: CampaignAction) => call<Campaign>('POST', `${at(id)}/${action}`),
  preview: (id: string, csv: string) =>
    call<ContactListPreview>('POST', `${at(id)}/contacts/preview`, { csv }),
  import: (id: string, csv: string) =>
    call<ContactListPreview & { added: number }>('POST', `${at(id)}/contacts`, { csv }),
  contacts: (id: string, limit: number, cursor?: string) =>
    call<{ items: CampaignContact[]; cursor?: string }>(
      'GET',
      `${at(id)}/contacts?${new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) })}`,
    ),
  exportUrl: (id: string) => `/api${at(id)}/contacts.csv`,
};

/** The figures a supervisor watches: answered people per attempt, abandoned per answered person. */
export function campaignRates(counts: CampaignCounts): { contactRate?: number; abandonRate?: number } {
  return {
    ...(counts.attempts > 0 ? { contactRate: counts.humans / counts.attempts } : {}),
    ...(counts.humans > 0 ? { abandonRate: counts.abandoned / counts.humans } : {}),
  };
}

/** The actions a campaign in `status` offers. */
export function actionsFor(status: Campaign['status']): readonly CampaignAction[] {
  if (status === 'draft') return ['start', 'stop'];
  if (status === 'running') return ['pause', 'stop'];
  if (status === 'paused') return ['resume', 'stop'];
  return [];
}
