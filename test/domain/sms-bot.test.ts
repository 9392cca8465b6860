// The SMS bot's reply language: a known customer's stored language wins over the text's script; anyone
// else is answered in the language they wrote, and a text without letters keeps the conversation's.
import { describe, expect, it } from 'vitest';
import { replyLanguage } from '../../functions/domain/sms-bot.js';

describe('replyLanguage', () => {
  it("answers a known customer in their stored language, whatever the text's script", () => {
    expect(replyLanguage('CLM-2026-000123', { customer: 'zh' }, 'en')).toBe('zh');
    expect(replyLanguage('status CLM-2026-000123', { customer: 'zh', session: 'en' }, 'en')).toBe('zh');
    expect(replyLanguage('查询进度', { customer: 'en' }, 'zh')).toBe('en');
  });

  it('answers an unknown sender in the language of the text', () => {
    expect(replyLanguage('CLM-2026-000123', {}, 'zh')).toBe('en');
    expect(replyLanguage('查询 CLM-2026-000123', {}, 'en')).toBe('zh');
  });

  it("keeps the conversation's language for a text without letters, else the fallback", () => {
    expect(replyLanguage('5', { session: 'en' }, 'zh')).toBe('en');
    expect(replyLanguage('5', {}, 'zh')).toBe('zh');
    expect(replyLanguage('great', { session: 'zh' }, 'zh')).toBe('en');
  });
});
