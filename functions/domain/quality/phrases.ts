// Phrase checks over what the agent said: prohibited phrases (any one heard flags the call) and required
// phrases (one of a rule's wordings must be heard, else the call is flagged). The rules are data a
// supervisor edits; the defaults come from the telecom service standard's basic and forbidden phrases.
import type { Bilingual } from './form.js';
import type { PhraseFlag, TranscriptSentence } from './transcript.js';

export interface PhraseRule {
  readonly id: string;
  readonly name: Bilingual;
  /** Wordings in either language; matched case-insensitively inside a sentence. */
  readonly phrases: readonly string[];
}

export interface PhraseRules {
  readonly prohibited: readonly PhraseRule[];
  readonly required: readonly PhraseRule[];
}

export const PHRASE_RULES_SETTING = 'quality-phrases';

// "应该" and "什么" are on the standard's list too, but they occur in ordinary polite sentences ("请问您
// 遇到了什么问题") and would flag nearly every call; the reviewer's ear judges those.
export const DEFAULT_PHRASE_RULES: PhraseRules = {
  prohibited: [
    { id: 'dont-know', name: { zh: '“不知道”', en: '"I don\'t know"' }, phrases: ['不知道', "I don't know"] },
    { id: 'impossible', name: { zh: '“不可能”', en: '"Impossible"' }, phrases: ['不可能', 'impossible'] },
    { id: 'seems', name: { zh: '“好像”（含糊其辞）', en: '"It seems" (vague)' }, phrases: ['好像'] },
    { id: 'wei', name: { zh: '“喂”', en: '"Hey"' }, phrases: ['喂'] },
    {
      id: 'not-our-business',
      name: { zh: '推诿（“这不归我们管”）', en: 'Passing the buck ("not our problem")' },
      phrases: ['不归我们管', '不是我的事', 'not my problem', 'not our problem'],
    },
  ],
  required: [
    {
      id: 'greeting',
      name: { zh: '问候语', en: 'Greeting' },
      phrases: ['您好', '你好', 'hello', 'good morning', 'good afternoon', 'good evening'],
    },
    {
      id: 'anything-else',
      name: { zh: '“还有什么可以帮您”', en: '"Anything else"' },
      phrases: ['还有什么可以帮', '还有其他', 'anything else'],
    },
    {
      id: 'thanks',
      name: { zh: '感谢来电', en: 'Thanks for calling' },
      phrases: ['感谢您的来电', '谢谢您的来电', '感谢来电', 'thank you for calling', 'thanks for calling'],
    },
  ],
};

export interface RuleIssue {
  readonly field: string;
  readonly message: string;
}

const ID = /^[a-z0-9][a-z0-9-]{0,47}$/;

export function ruleIssues(rules: PhraseRules): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const kind of ['prohibited', 'required'] as const) {
    const seen = new Set<string>();
    rules[kind].forEach((rule, i) => {
      const at = `${kind}.${i}`;
      if (!ID.test(rule.id))
        issues.push({ field: `${at}.id`, message: 'lower-case letters, digits and dashes' });
      else if (seen.has(rule.id)) issues.push({ field: `${at}.id`, message: `"${rule.id}" is used twice` });
      seen.add(rule.id);
      if (!rule.name.zh.trim() || !rule.name.en.trim())
        issues.push({ field: `${at}.name`, message: 'a name in Chinese and in English' });
      if (!rule.phrases.some((p) => p.trim()))
        issues.push({ field: `${at}.phrases`, message: 'at least one phrase' });
    });
  }
  return issues;
}

const norm = (s: string) => s.toLowerCase().replace(/[\s’]+/g, (m) => (m.includes('’') ? "'" : ' '));

/** The flags a transcript earns: each prohibited phrase the agent said (once per rule), each required one missed. */
export function checkPhrases(rules: PhraseRules, sentences: readonly TranscriptSentence[]): PhraseFlag[] {
  const agent = sentences.filter((s) => s.speaker === 'agent');
  const flags: PhraseFlag[] = [];
  for (const rule of rules.prohibited) {
    for (const s of agent) {
      const heard = rule.phrases.find((p) => p.trim() && norm(s.text).includes(norm(p.trim())));
      if (heard) {
        flags.push({
          kind: 'prohibited',
          ruleId: rule.id,
          name: rule.name,
          heard,
          atSeconds: s.startSeconds,
        });
        break;
      }
    }
  }
  for (const rule of rules.required) {
    const said = agent.some((s) =>
      rule.phrases.some((p) => p.trim() && norm(s.text).includes(norm(p.trim()))),
    );
    if (!said) flags.push({ kind: 'missing', ruleId: rule.id, name: rule.name });
  }
  return flags;
}
