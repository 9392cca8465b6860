import { describe, expect, it } from 'vitest';
import { itSupportFlow } from '../../../flows/it-support.js';
import { rescueFlow } from '../../../flows/rescue.js';
import { warrantyFlow } from '../../../flows/warranty.js';
import type { KbArticle, KbArticleDraft } from '../../../functions/domain/kb/article.js';
import { validateArticle } from '../../../functions/domain/kb/article.js';
import { buildKbIndex } from '../../../functions/domain/kb/search.js';
import { tokenize } from '../../../functions/domain/kb/tokenize.js';
import { DEMO_KB_ARTICLES } from '../../../infra/local/demo/kb-articles.js';

const stamp = { version: 1, updatedAt: '2026-03-01T09:00:00Z', updatedBy: '2001' };
const articles: KbArticle[] = DEMO_KB_ARTICLES.map((a) => ({ ...a, ...stamp }));
const index = buildKbIndex(articles);
const ids = (hits: { article: KbArticle }[]) => hits.map((h) => h.article.id);

describe('tokenize', () => {
  it('gives the bigrams of a Chinese compound, so a word inside it is a term', () => {
    expect(tokenize('延长保修期')).toContain('保修');
    expect(tokenize('VPN连接失败')).toEqual(expect.arrayContaining(['vpn', '连接', '失败']));
  });

  it('keeps a single Han character only when the text has no bigram', () => {
    expect(tokenize('车')).toEqual(['车']);
    expect(tokenize('的条款')).not.toContain('的');
  });
});

describe('kb search', () => {
  it('finds a Chinese article by a word inside a compound of its title', () => {
    // 保修 is only ever written inside 延长保修期 in that title.
    const hits = index.search('保修', { lang: 'zh' });
    expect(ids(hits)).toContain('warranty-coverage');
    expect(hits.every((h) => h.article.lang === 'zh')).toBe(true);
  });

  it('finds an English article despite a typo', () => {
    expect(ids(index.search('warrenty exclusons', { lang: 'en' }))[0]).toBe('warranty-exclusions-en');
    expect(ids(index.search('pasword reset'))).toContain('it-password-reset-en');
  });

  it('matches an English prefix', () => {
    expect(ids(index.search('tow'))).toContain('towing-service-en');
  });

  it('ranks a title match above a body mention', () => {
    expect(ids(index.search('拖车', { lang: 'zh' }))[0]).toBe('towing-service');
  });

  it('filters by language, hotline, ticket type and category', () => {
    const rescue = index.search('救援', { hotline: 'rescue' });
    expect(rescue.length).toBeGreaterThan(0);
    expect(rescue.every((h) => h.article.hotlines.includes('rescue'))).toBe(true);
    const complaints = index.search('投诉 complaint', { ticketType: 'complaint' });
    expect(complaints.every((h) => h.article.ticketTypes.includes('complaint'))).toBe(true);
    expect(ids(index.search('vpn', { category: 'it-support', lang: 'en' }))).toEqual([
      'it-vpn-connection-en',
    ]);
    expect(index.search('vpn', { category: 'rescue' })).toEqual([]);
  });

  it('reports the matched terms for highlighting', () => {
    const [hit] = index.search('printer 打印机');
    expect(hit?.terms.length).toBeGreaterThan(0);
  });

  it('leaves drafts out of the index', () => {
    const draft = { ...articles[0], id: 'draft-one', status: 'draft' } as KbArticle;
    expect(ids(buildKbIndex([draft]).search(draft.title))).toEqual([]);
  });
});

describe('kb suggest', () => {
  it('puts the warranty claim article first for the claim IVR path', () => {
    const zh = index.suggest({ ivrPaths: ['warranty.claimQueue'], hotline: 'warranty', lang: 'zh' });
    expect(ids(zh)[0]).toBe('warranty-claim-procedure');
    const en = index.suggest({ ivrPaths: ['warranty.claimQueue'], hotline: 'warranty', lang: 'en' });
    expect(ids(en)[0]).toBe('warranty-claim-procedure-en');
    expect(zh).toHaveLength(3);
  });

  it('uses the text when the context alone does not decide', () => {
    const hits = index.suggest({ hotline: 'it-support', text: '打印机卡纸', lang: 'zh' });
    expect(ids(hits)[0]).toBe('it-printer');
  });

  it('suggests nothing without any context or text match', () => {
    expect(index.suggest({ lang: 'zh' })).toEqual([]);
  });
});

describe('demo articles', () => {
  const steps = new Map(
    [warrantyFlow, rescueFlow, itSupportFlow].map((f): [string, Set<string>] => [
      f.name,
      new Set(Object.keys(f.states)),
    ]),
  );

  it('are valid, unique, at least 25, and name only IVR steps that exist', () => {
    expect(DEMO_KB_ARTICLES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(DEMO_KB_ARTICLES.map((a) => a.id)).size).toBe(DEMO_KB_ARTICLES.length);
    for (const a of DEMO_KB_ARTICLES) {
      expect(validateArticle(a), a.id).toEqual({ ok: true });
      for (const path of a.ivrPaths) {
        const [flow, state] = path.split('.');
        expect(steps.get(flow ?? '')?.has(state ?? ''), `${a.id}: ${path}`).toBe(true);
      }
    }
  });
});

describe('validateArticle', () => {
  it('names every bad field and what is allowed', () => {
    const bad = {
      ...DEMO_KB_ARTICLES[0],
      id: 'Bad Id',
      summary: 'x'.repeat(201),
      hotlines: ['fax'],
      ivrPaths: ['nowhere'],
    } as unknown as KbArticleDraft;
    const result = validateArticle(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = result.issues.map((i) => i.field);
    expect(fields).toEqual(['id', 'summary', 'hotlines.0', 'ivrPaths.0']);
    expect(result.issues[2]?.message).toContain('warranty, rescue, it-support');
  });
});
