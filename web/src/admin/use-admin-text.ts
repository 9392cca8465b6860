// The admin console's labels in the UI's language, with {name} placeholders filled in.
import { useLang } from '../i18n.js';
import { ADMIN_LABELS, type AdminLabel } from '../labels-admin.js';

export function useAdminText() {
  const { lang } = useLang();
  return (key: AdminLabel, values: Record<string, string | number> = {}) =>
    ADMIN_LABELS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
