// The prompts page's labels in the page's language.
import { useLang } from '../i18n.js';
import { PROMPT_LABELS } from '../labels-prompts.js';

export type PromptLabel = keyof typeof PROMPT_LABELS;

export function usePromptLabels() {
  const { lang } = useLang();
  return { lang, p: (key: PromptLabel) => PROMPT_LABELS[key][lang] };
}
