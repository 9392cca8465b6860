// Ranked search over published articles with MiniSearch: our own tokenizer (Chinese words and bigrams,
// English words), fuzzy and prefix matching for Latin terms only (a Han bigram has no useful "typo"),
// title and tags weighed above the body, and filters on language, hotline, ticket type and category.
import MiniSearch, { type SearchResult } from 'minisearch';
import type { TicketType } from '../model.js';
import type { KbArticle, KbHotline, KbLang } from './article.js';
import { isHanTerm, tokenize } from './tokenize.js';

export interface KbFilters {
  readonly lang?: KbLang;
  readonly hotline?: KbHotline;
  readonly ticketType?: TicketType;
  readonly category?: string;
}

export interface KbHit {
  readonly article: KbArticle;
  readonly score: number;
  /** The article's terms that matched, for highlighting. */
  readonly terms: readonly string[];
}

export interface KbContext {
  readonly ivrPaths?: readonly string[];
  readonly ticketType?: TicketType;
  readonly hotline?: KbHotline;
  readonly text?: string;
  readonly lang?: KbLang;
}

export interface KbIndex {
  readonly size: number;
  search(query: string, filters?: KbFilters, limit?: number): KbHit[];
  /** Articles for a call's context: an IVR step outweighs a ticket type, which outweighs a hotline. */
  suggest(context: KbContext, limit?: number): KbHit[];
}

const FIELDS = ['title', 'tags', 'summary', 'body', 'category'] as const;
const BOOST = { title: 3, tags: 2.5, summary: 1.5, body: 1, category: 1 };
/** Weights of the context in `suggest`, above any normalised text score (at most TEXT_WEIGHT). */
const CONTEXT_WEIGHT = { ivrPath: 10, ticketType: 4, hotline: 2 } as const;
const TEXT_WEIGHT = 3;

/** Fuzzy for Latin words of four letters or more: one typo in "warranty" is within 0.2 of 8 letters. */
function fuzzy(term: string): number | false {
  return !isHanTerm(term) && term.length >= 4 ? 0.2 : false;
}

/** Only the last word is taken as a prefix (it may still be being typed); prefixes of every word cost more. */
function prefix(term: string, i: number, terms: readonly string[]): boolean {
  return i === terms.length - 1 && !isHanTerm(term) && term.length >= 3;
}

/**
 * A context match, with a bonus (below one) for an article written for few contexts: between two articles
 * on the claim step, the claim procedure (one hotline) beats a referral article serving two.
 */
function focused(weight: number, list: readonly string[]): number {
  return weight + 0.5 / Math.max(list.length, 1);
}

function matches(a: KbArticle, f: KbFilters): boolean {
  return (
    (!f.lang || a.lang === f.lang) &&
    (!f.hotline || a.hotlines.includes(f.hotline)) &&
    (!f.ticketType || a.ticketTypes.includes(f.ticketType)) &&
    (!f.category || a.category === f.category)
  );
}

export function buildKbIndex(articles: readonly KbArticle[]): KbIndex {
  const byId = new Map<string, KbArticle>();
  const mini = new MiniSearch<KbArticle>({
    fields: [...FIELDS],
    idField: 'id',
    tokenize,
    // Terms come out of `tokenize` already normalised and lower-cased.
    processTerm: (term) => term,
    extractField: (doc, field) => {
      const value = doc[field as keyof KbArticle];
      return Array.isArray(value) ? value.join(' ') : String(value ?? '');
    },
    searchOptions: { boost: BOOST, fuzzy, prefix, combineWith: 'OR' },
  });
  const published = articles.filter((a) => a.status === 'published');
  for (const a of published) byId.set(a.id, a);
  mini.addAll(published);

  const run = (query: string, filter: (a: KbArticle) => boolean): KbHit[] => {
    if (!query.trim()) return [];
    return mini
      .search(query, { filter: (r: SearchResult) => filter(byId.get(String(r.id)) as KbArticle) })
      .map((r) => ({ article: byId.get(String(r.id)) as KbArticle, score: r.score, terms: r.terms }));
  };

  return {
    size: published.length,
    search(query, filters = {}, limit = 20) {
      return run(query, (a) => matches(a, filters)).slice(0, limit);
    },
    suggest(context, limit = 3) {
      const textHits = context.text ? run(context.text, () => true) : [];
      const best = textHits[0]?.score ?? 1;
      const textScore = new Map(textHits.map((h) => [h.article.id, { s: h.score / best, terms: h.terms }]));
      const ivr = new Set(context.ivrPaths ?? []);
      const scored: KbHit[] = [];
      for (const a of byId.values()) {
        let score = 0;
        // An article's first IVR step is the one it was written for; the others are where it also helps.
        const step = a.ivrPaths.findIndex((p) => ivr.has(p));
        if (step >= 0) score += CONTEXT_WEIGHT.ivrPath + (step === 0 ? 0.5 : 0);
        if (context.ticketType && a.ticketTypes.includes(context.ticketType))
          score += focused(CONTEXT_WEIGHT.ticketType, a.ticketTypes);
        if (context.hotline && a.hotlines.includes(context.hotline))
          score += focused(CONTEXT_WEIGHT.hotline, a.hotlines);
        const hit = textScore.get(a.id);
        if (hit) score += hit.s * TEXT_WEIGHT;
        if (score > 0) scored.push({ article: a, score, terms: hit?.terms ?? [] });
      }
      scored.sort((x, y) => y.score - x.score || x.article.id.localeCompare(y.article.id));
      // The caller's language first; the other language only fills the places left.
      const { lang } = context;
      if (!lang) return scored.slice(0, limit);
      const mine = scored.filter((h) => h.article.lang === lang);
      return [...mine, ...scored.filter((h) => h.article.lang !== lang)].slice(0, limit);
    },
  };
}
