// Quality scoring's labels in the UI's language, with {name} placeholders filled in.
import { useLang } from '../i18n.js';
import { QUALITY_LABELS, type QualityLabelKey } from '../labels-quality.js';

export function useQualityText() {
  const { lang } = useLang();
  return (key: QualityLabelKey, values: Record<string, string | number> = {}) =>
    QUALITY_LABELS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
