// Campaign labels in the UI's language, with {name} placeholders filled in; keys built at run time (a
// status, a reason) fall back to the key itself.
import { useLang } from '../i18n.js';
import { CAMPAIGN_LABELS, type CampaignLabelKey } from '../labels-campaigns.js';
import type { Labels } from '../lang.js';

export function useCampaignText() {
  const { lang } = useLang();
  const fill = (text: string, values: Record<string, string | number>) =>
    text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
  const c = (key: CampaignLabelKey, values: Record<string, string | number> = {}) =>
    fill(CAMPAIGN_LABELS[key][lang], values);
  /** For keys built from a value: `status_${status}`, `reason_${reason}`. */
  const cx = (key: string) => (CAMPAIGN_LABELS as Labels)[key]?.[lang] ?? key.replace(/^[a-z]+_/, '');
  return { c, cx, lang };
}
