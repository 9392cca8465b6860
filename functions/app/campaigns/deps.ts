// What the campaign use cases work with: the campaigns' storage, the audit log, the settings (the dialling
// policy names extra caller ids), the clock, and the configuration that lists the center's numbers.
import type { AppConfig } from '../../config.js';
import type { CampaignRepo } from '../../domain/campaigns/ports.js';
import type { AuditRepo, Clock, SettingsRepo } from '../../domain/ports.js';

export interface CampaignDeps {
  readonly store: {
    readonly campaigns: CampaignRepo;
    readonly audit: AuditRepo;
    readonly settings: SettingsRepo;
  };
  readonly clock: Clock;
  readonly config: Pick<AppConfig, 'defaultPhoneRegion' | 'channels' | 'hotlines'>;
}
