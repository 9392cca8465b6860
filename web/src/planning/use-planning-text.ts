// The planning page's labels in the UI's language, with {name} placeholders filled in.
import { useLang } from '../i18n.js';
import { PLANNING_LABELS, type PlanningLabelKey } from '../labels-planning.js';

export function usePlanningText() {
  const { lang } = useLang();
  return (key: PlanningLabelKey, values: Record<string, string | number> = {}) =>
    PLANNING_LABELS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) =>
      String(values[name] ?? `{${name}}`),
    );
}
