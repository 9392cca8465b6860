// Phrase checks over a transcript: prohibited phrases the agent said flag the call once per rule with the
// time heard; a required phrase the agent never said flags it too; the customer's words never count.
import { describe, expect, it } from 'vitest';
import { checkPhrases, DEFAULT_PHRASE_RULES, ruleIssues } from '../../../functions/domain/quality/phrases.js';
import type { TranscriptSentence } from '../../../functions/domain/quality/transcript.js';

const line = (channel: 1 | 2, startSeconds: number, text: string): TranscriptSentence => ({
  channel,
  speaker: channel === 1 ? 'customer' : 'agent',
  startSeconds,
  endSeconds: startSeconds + 2,
  text,
});

describe('checkPhrases', () => {
  it('passes a call with the greeting, the closing question and thanks, and no forbidden words', () => {
    const call = [
      line(2, 0.5, '您好，很高兴为您服务，工号 1001。'),
      line(1, 4, '我不知道为什么宽带断了，这不可能！'),
      line(2, 9, '给您带来不便非常抱歉，我马上为您查询。'),
      line(2, 30, '请问还有什么可以帮到您？'),
      line(2, 34, '感谢您的来电，祝您生活愉快！'),
    ];
    expect(checkPhrases(DEFAULT_PHRASE_RULES, call)).toEqual([]);
  });

  it('flags each forbidden phrase the agent said, once, at the first time heard', () => {
    const call = [
      line(2, 1, 'Hello, thanks for calling.'),
      line(2, 12, "I don't know, it seems broken."),
      line(2, 20, 'I DON’T KNOW either.'),
      line(2, 25, 'Anything else? Thank you for calling.'),
    ];
    expect(checkPhrases(DEFAULT_PHRASE_RULES, call)).toEqual([
      {
        kind: 'prohibited',
        ruleId: 'dont-know',
        name: DEFAULT_PHRASE_RULES.prohibited[0]?.name,
        heard: "I don't know",
        atSeconds: 12,
      },
    ]);
  });

  it('flags required phrases the agent never said, even if the customer said them', () => {
    const call = [line(1, 0, '您好，感谢您的来电'), line(2, 2, '嗯，说吧。')];
    expect(checkPhrases(DEFAULT_PHRASE_RULES, call).map((f) => [f.kind, f.ruleId])).toEqual([
      ['missing', 'greeting'],
      ['missing', 'anything-else'],
      ['missing', 'thanks'],
    ]);
  });
});

describe('ruleIssues', () => {
  it('accepts the defaults and names each bad rule field', () => {
    expect(ruleIssues(DEFAULT_PHRASE_RULES)).toEqual([]);
    const name = { zh: '甲', en: 'A' };
    expect(
      ruleIssues({
        prohibited: [
          { id: 'a', name, phrases: ['x'] },
          { id: 'a', name: { zh: '', en: 'B' }, phrases: [' '] },
        ],
        required: [{ id: 'Bad', name, phrases: ['y'] }],
      }),
    ).toEqual([
      { field: 'prohibited.1.id', message: '"a" is used twice' },
      { field: 'prohibited.1.name', message: 'a name in Chinese and in English' },
      { field: 'prohibited.1.phrases', message: 'at least one phrase' },
      { field: 'required.0.id', message: 'lower-case letters, digits and dashes' },
    ]);
  });
});
