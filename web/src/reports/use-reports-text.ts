// The reports page's labels in the UI's language, with {name} placeholders filled in.
import { useLang } from '../i18n.js';
import { REPORTS_LABELS, type ReportsLabelKey } from '../labels-reports.js';

export function useReportsText() {
  const { lang } = useLang();
  return (key: ReportsLabelKey, values: Record<string, string | number> = {}) =>
    REPORTS_LABELS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
