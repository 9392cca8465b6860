// The tickets pages' labels in the UI's language, with {name} placeholders filled in.
import { useLang } from '../i18n.js';
import { TICKET_LABELS, type TicketLabelKey } from '../labels-tickets.js';

export function useTicketsText() {
  const { lang } = useLang();
  const text = (key: TicketLabelKey, values: Record<string, string | number> = {}) =>
    TICKET_LABELS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
  /** A label whose key is built at run time (a status, a type); the key's last part when unknown. */
  const named = (prefix: 'status' | 'priority' | 'type', value: string) =>
    (TICKET_LABELS as Record<string, Record<'zh' | 'en', string>>)[`${prefix}_${value}`]?.[lang] ?? value;
  return { text, named, lang };
}
