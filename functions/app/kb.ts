// What the center does with its knowledge base: search and context suggestions for agents, articles
// written by supervisors and admins with optimistic locking, agents' proposed changes. Every write is
// audited. IVR steps an article names must exist in the shipped flows.

import { flows } from '../../flows/index.js';
import type { KbArticle, KbArticleDraft, KbHotline, KbLang } from '../domain/kb/article.js';
import { validateArticle } from '../domain/kb/article.js';
import type { KbSuggestion } from '../domain/kb/ports.js';
import type { KbFilters, KbHit } from '../domain/kb/search.js';
import type { TicketType, User } from '../domain/model.js';
import { ConflictError, type FieldIssue, NotFoundError, ValidationError } from '../domain/problems.js';
import type { CenterBasics } from './center.js';
import type { KbSearcher } from './kb-search.js';

export type KbDeps = Pick<CenterBasics, 'store'> & { readonly searcher: KbSearcher };

export interface KbSuggestContext {
  readonly ivrPath?: string;
  /** The queue a call waited in: its flow's queue steps stand for the IVR path when none is given. */
  readonly queue?: string;
  readonly ticketType?: TicketType;
  readonly hotline?: KbHotline;
  readonly text?: string;
  readonly lang?: KbLang;
}

/** The steps of a hotline's flow that put a caller into `queue`, as `<flow>.<state>`. */
export function queueSteps(hotline: string, queue: string): string[] {
  const flow = flows[hotline];
  if (!flow) return [];
  return Object.entries(flow.states)
    .filter(([, state]) => state.kind === 'queue' && state.queue === queue)
    .map(([name]) => `${hotline}.${name}`);
}

function ivrIssues(draft: KbArticleDraft): FieldIssue[] {
  return draft.ivrPaths.flatMap((path, i) => {
    const [flow, state] = path.split('.');
    const exists = flow !== undefined && state !== undefined && flows[flow]?.states[state] !== undefined;
    return exists
      ? []
      : [
          {
            path: `body.ivrPaths.${i}`,
            code: 'unknown-ivr-step',
            message: `no IVR step "${path}" in the flows`,
          },
        ];
  });
}

function checked(draft: KbArticleDraft): void {
  const result = validateArticle(draft);
  const issues: FieldIssue[] = result.ok
    ? []
    : result.issues.map((i) => ({ path: `body.${i.field}`, code: 'invalid-format', message: i.message }));
  issues.push(...ivrIssues(draft));
  if (issues.length > 0) throw new ValidationError(issues);
}

export async function searchKb(
  deps: KbDeps,
  query: string,
  filters: KbFilters,
  limit: number,
): Promise<KbHit[]> {
  return (await deps.searcher.index()).search(query, filters, limit);
}

export async function suggestKb(deps: KbDeps, context: KbSuggestContext, limit = 3): Promise<KbHit[]> {
  const ivrPaths = context.ivrPath
    ? [context.ivrPath]
    : context.hotline && context.queue
      ? queueSteps(context.hotline, context.queue)
      : [];
  const index = await deps.searcher.index();
  return index.suggest(
    {
      ivrPaths,
      ...(context.ticketType ? { ticketType: context.ticketType } : {}),
      ...(context.hotline ? { hotline: context.hotline } : {}),
      ...(context.text ? { text: context.text } : {}),
      ...(context.lang ? { lang: context.lang } : {}),
    },
    limit,
  );
}

export async function existingArticle(deps: KbDeps, id: string): Promise<KbArticle> {
  const article = await deps.store.kb.get(id);
  if (!article) throw new NotFoundError('Article', id);
  return article;
}

export async function createArticle(deps: KbDeps, actor: User, draft: KbArticleDraft): Promise<KbArticle> {
  checked(draft);
  const result = await deps.store.kb.put(draft, null, actor.id);
  if (!result.ok) {
    if (result.reason === 'duplicate')
      throw new ConflictError(`An article with the id "${draft.id}" exists already: choose another id.`, {
        field: 'id',
        value: draft.id,
      });
    throw new Error(`kb create failed: ${result.reason}`);
  }
  deps.searcher.invalidate();
  await deps.store.audit.append({
    actor: actor.id,
    action: 'kb.create',
    target: draft.id,
    detail: { version: result.value.version, status: draft.status },
  });
  return result.value;
}

export async function updateArticle(
  deps: KbDeps,
  actor: User,
  version: number,
  draft: KbArticleDraft,
): Promise<KbArticle> {
  checked(draft);
  const result = await deps.store.kb.put(draft, version, actor.id);
  if (!result.ok) {
    if (result.reason === 'not-found') throw new NotFoundError('Article', draft.id);
    if (result.reason === 'conflict') {
      const { current } = result;
      throw new ConflictError(
        `The article was changed by ${current.updatedBy} at ${current.updatedAt} (version ${current.version}): reload it and apply your change again.`,
        { current },
      );
    }
    throw new Error(`kb update failed: ${result.reason}`);
  }
  deps.searcher.invalidate();
  await deps.store.audit.append({
    actor: actor.id,
    action: 'kb.update',
    target: draft.id,
    detail: { version: result.value.version, status: draft.status },
  });
  return result.value;
}

/** Drafts included: how an author finds an article that search does not show yet. */
export async function articlesOfCategory(deps: KbDeps, category: string): Promise<KbArticle[]> {
  return deps.store.kb.listByCategory(category);
}

export async function articleVersions(deps: KbDeps, id: string): Promise<KbArticle[]> {
  await existingArticle(deps, id);
  return deps.store.kb.versions(id);
}

export async function proposeChange(
  deps: KbDeps,
  actor: User,
  articleId: string,
  text: string,
): Promise<KbSuggestion> {
  await existingArticle(deps, articleId);
  const suggestion = await deps.store.kb.addSuggestion({ articleId, text, proposedBy: actor.id });
  await deps.store.audit.append({
    actor: actor.id,
    action: 'kb.suggest',
    target: articleId,
    detail: { suggestion: suggestion.id },
  });
  return suggestion;
}

export async function kbSuggestions(deps: KbDeps, limit?: number): Promise<KbSuggestion[]> {
  return deps.store.kb.suggestions(limit);
}

/**
 * The short answer for a customer's question by text: the best published article in their language (else
 * any), its title and summary; none when nothing matches, so a person answers instead.
 */
export async function answerFromKb(
  deps: KbDeps,
  question: string,
  lang: KbLang,
): Promise<{ title: string; summary: string } | undefined> {
  const index = await deps.searcher.index();
  const [hit] = index.search(question, { lang }, 1);
  const top = hit ?? index.search(question, {}, 1)[0];
  return top ? { title: top.article.title, summary: top.article.summary } : undefined;
}
