// The knowledge base's storage port: articles with optimistic locking and their version history, the
// stamp that tells a warm container its search index is stale, and agents' proposed changes.
import type { KbArticle, KbArticleDraft } from './article.js';

/** An agent's proposed change to an article, for a supervisor to read. */
export interface KbSuggestion {
  readonly id: string;
  readonly articleId: string;
  readonly text: string;
  readonly proposedBy: string;
  readonly at: string;
}

/** Like the store's WriteResult, declared here because the store's port file imports this one. */
export type KbWriteResult =
  | { readonly ok: true; readonly value: KbArticle }
  | { readonly ok: false; readonly reason: 'not-found' }
  | { readonly ok: false; readonly reason: 'conflict'; readonly current: KbArticle }
  | { readonly ok: false; readonly reason: 'duplicate'; readonly field: 'id'; readonly value: string };

export interface KbRepo {
  /**
   * Writes the article as `by`. `expectedVersion` null creates it (a duplicate id is `duplicate`);
   * a number replaces it only if the stored version is that one (else `conflict` with the stored one).
   * Every write keeps a copy of the version and bumps the stamp.
   */
  put(draft: KbArticleDraft, expectedVersion: number | null, by: string): Promise<KbWriteResult>;
  get(id: string): Promise<KbArticle | undefined>;
  /** Every published article (what the search index is built from). */
  listPublished(): Promise<KbArticle[]>;
  /** Every article of a category, drafts included. */
  listByCategory(category: string): Promise<KbArticle[]>;
  /** Every version written, oldest first. */
  versions(id: string): Promise<KbArticle[]>;
  /** Changes with every write: a container whose index was built at another stamp rebuilds it. */
  stamp(): Promise<number>;
  addSuggestion(input: Omit<KbSuggestion, 'id' | 'at'>): Promise<KbSuggestion>;
  /** Newest first. */
  suggestions(limit?: number): Promise<KbSuggestion[]>;
}
