// Prompt text: picks the session's language (falling back to the flow's default) and fills `{name}`
// placeholders from session variables and flow constants; `{name:spell}` reads a value character by
// character (claim numbers, phone numbers), the way an agent would read it out.
import type { Language } from '../model.js';
import type { Flow, Text } from './types.js';

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)(?::(spell))?\}/g;

export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

export function spell(value: string, language: Language): string {
  const chars = [...value.replace(/[\s-]+/g, '')];
  return chars.join(language === 'zh' ? ' ' : ' ');
}

export function render(
  flow: Flow,
  text: Text,
  language: Language,
  vars: Readonly<Record<string, string>>,
): { text: string; language: Language } {
  const lang: Language = text[language] !== undefined ? language : flow.defaultLanguage;
  const raw = text[lang] ?? Object.values(text)[0] ?? '';
  const filled = raw.replace(PLACEHOLDER, (_, name: string, mode?: string) => {
    const value = vars[name] ?? flow.constants?.[name] ?? '';
    return mode === 'spell' ? spell(value, lang) : value;
  });
  return { text: filled, language: lang };
}
