// The knowledge base's REST calls (/api/kb), typed with the domain's article shape.
import type { KbArticle, KbArticleDraft } from '../../../functions/domain/kb/article.js';
import type { KbSuggestion } from '../../../functions/domain/kb/ports.js';
import { call } from '../api.js';

export type { KbArticle, KbArticleDraft, KbSuggestion };

export interface KbHit {
  readonly article: KbArticle;
  readonly score: number;
  readonly terms: readonly string[];
}

export interface KbSearchParams {
  readonly q: string;
  readonly lang?: string;
  readonly hotline?: string;
  readonly ticketType?: string;
  readonly category?: string;
}

export interface KbSuggestParams {
  readonly ivrPath?: string;
  readonly queue?: string;
  readonly hotline?: string;
  readonly ticketType?: string;
  readonly text?: string;
  readonly lang?: string;
}

function query(params: object): string {
  const entries = Object.entries(params).filter(
    (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '',
  );
  return new URLSearchParams(entries).toString();
}

export const kbApi = {
  search: (params: KbSearchParams) => call<{ items: KbHit[] }>('GET', `/kb/search?${query(params)}`),
  suggest: (params: KbSuggestParams) => call<{ items: KbHit[] }>('GET', `/kb/suggest?${query(params)}`),
  list: (category: string) => call<{ items: KbArticle[] }>('GET', `/kb/articles?${query({ category })}`),
  get: (id: string) => call<KbArticle>('GET', `/kb/articles/${encodeURIComponent(id)}`),
  versions: (id: string) =>
    call<{ items: KbArticle[] }>('GET', `/kb/articles/${encodeURIComponent(id)}/versions`),
  create: (draft: KbArticleDraft) => call<KbArticle>('POST', '/kb/articles', draft),
  update: (draft: KbArticleDraft, version: number) => {
    const { id, ...fields } = draft;
    return call<KbArticle>('PUT', `/kb/articles/${encodeURIComponent(id)}`, { ...fields, version });
  },
  propose: (id: string, text: string) =>
    call<KbSuggestion>('POST', `/kb/articles/${encodeURIComponent(id)}/suggestions`, { text }),
  suggestions: () => call<{ items: KbSuggestion[] }>('GET', '/kb/suggestions'),
};
