// Names of categories, hotlines and ticket types in the UI's language; an unknown code is shown as it is.
import { KB_LABELS, type KbLabelKey } from '../labels-kb.js';
import type { Lang } from '../lang.js';

export function kbName(kind: 'cat' | 'hotline' | 'type', code: string, lang: Lang): string {
  const key = `${kind}-${code}`;
  return key in KB_LABELS ? KB_LABELS[key as KbLabelKey][lang] : code;
}
