// The SMS bot's reply language: a known customer's stored language wins over the text's script; anyone
// else is answered in the language they wrote, and a text without letters keeps the conversation's.
import { describe, expect, it } from 'vitest';
import { classify, replyLanguage } from '../../functions/domain/sms-bot.js';

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

describe('a question for the knowledge base', () => {
  it('is a text starting with ?, Q: or 问, but not a bare ? (help) nor in an agent conversation', () => {
    expect(classify('? how long is the warranty', undefined)).toEqual({
      kind: 'question',
      text: 'how long is the warranty',
    });
    expect(classify('Q: towing price', undefined)).toEqual({ kind: 'question', text: 'towing price' });
    expect(classify('问 保修期多久', undefined)).toEqual({ kind: 'question', text: '保修期多久' });
    expect(classify('问：保修期多久', undefined)).toEqual({ kind: 'question', text: '保修期多久' });
    expect(classify('?', undefined)).toEqual({ kind: 'help' });
    expect(classify('Quick question about my car', undefined)).toEqual({
      kind: 'agent',
      text: 'Quick question about my car',
    });
    const talking = { phone: '+8613800000000', language: 'zh', state: 'agent', updatedAt: '' } as const;
    expect(classify('? towing', talking).kind).toBe('agent');
  });
});
