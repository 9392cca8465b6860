// The knowledge base's labels in the UI's language, with {name} placeholders filled in.
import { useLang } from '../i18n.js';
import { KB_LABELS, type KbLabelKey } from '../labels-kb.js';

export function useKbText() {
  const { lang } = useLang();
  return (key: KbLabelKey, values: Record<string, string | number> = {}) =>
    KB_LABELS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
