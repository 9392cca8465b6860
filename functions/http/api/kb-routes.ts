// The knowledge base: search and context suggestions for every signed-in role, articles written by
// supervisors and admins (optimistic locking: a stale version gets 409 naming who changed it and when),
// and agents' proposed changes for supervisors to read. The rules are the use cases' (app/kb.ts).
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  articlesOfCategory,
  articleVersions,
  createArticle,
  existingArticle,
  type KbDeps,
  kbSuggestions,
  proposeChange,
  searchKb,
  suggestKb,
  updateArticle,
} from '../../app/kb.js';
import { createKbSearcher } from '../../app/kb-search.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { CONFLICT, jsonBody, jsonOk, listOf, NOT_FOUND, SECURED_ERRORS } from './common-schemas.js';
import type { Guard } from './guard.js';
import {
  KbArticleSchema,
  KbArticleUpdateBody,
  KbHitSchema,
  KbIdParam,
  KbListQuery,
  KbSearchQuery,
  KbSuggestionBody,
  KbSuggestionSchema,
  KbSuggestQuery,
  NewKbArticleBody,
} from './kb-schemas.js';
import { securedRoute } from './secured-route.js';

const Hits = z.object({ items: listOf(KbHitSchema) });

export function registerKbRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  const tags = ['knowledge base'];
  // One index per container, kept across requests (app/kb-search.ts).
  const kb: KbDeps = { store: deps.store, searcher: createKbSearcher(deps.store.kb) };

  app.openapi(
    securedRoute(guard, 'kb.search', {
      method: 'get',
      path: '/kb/search',
      tags,
      summary: 'Published articles matching words in Chinese or English, best first, with filters',
      request: { query: KbSearchQuery },
      responses: { 200: jsonOk(Hits), ...SECURED_ERRORS },
    }),
    async (c) => {
      const { q, limit, ...filters } = c.req.valid('query');
      return c.json({ items: await searchKb(kb, q, filters, limit) }, 200);
    },
  );

  app.openapi(
    securedRoute(guard, 'kb.suggest', {
      method: 'get',
      path: '/kb/suggest',
      tags,
      summary:
        "Articles for a call's context (IVR step or queue, ticket type, hotline) and any words, in its language first",
      request: { query: KbSuggestQuery },
      responses: { 200: jsonOk(Hits), ...SECURED_ERRORS },
    }),
    async (c) => {
      const { limit, ...context } = c.req.valid('query');
      return c.json({ items: await suggestKb(kb, context, limit) }, 200);
    },
  );

  app.openapi(
    securedRoute(guard, 'kb.list', {
      method: 'get',
      path: '/kb/articles',
      tags,
      summary: 'Every article of a category, drafts included, by id',
      request: { query: KbListQuery },
      responses: { 200: jsonOk(z.object({ items: listOf(KbArticleSchema) })), ...SECURED_ERRORS },
    }),
    async (c) => c.json({ items: await articlesOfCategory(kb, c.req.valid('query').category) }, 200),
  );

  app.openapi(
    securedRoute(guard, 'kb.get', {
      method: 'get',
      path: '/kb/articles/{id}',
      tags,
      request: { params: KbIdParam },
      responses: { 200: jsonOk(KbArticleSchema), ...SECURED_ERRORS, ...NOT_FOUND },
    }),
    async (c) => c.json(await existingArticle(kb, c.req.valid('param').id), 200),
  );

  app.openapi(
    securedRoute(guard, 'kb.create', {
      method: 'post',
      path: '/kb/articles',
      tags,
      summary: 'Write a new article (a draft unless `status` is published); audited',
      request: { body: jsonBody(NewKbArticleBody) },
      responses: { 201: jsonOk(KbArticleSchema, 'Created'), ...SECURED_ERRORS, ...CONFLICT },
    }),
    async (c) => {
      const { owner, ...body } = c.req.valid('json');
      return c.json(await createArticle(kb, c.var.user, { ...body, owner: owner ?? c.var.user.id }), 201);
    },
  );

  app.openapi(
    securedRoute(guard, 'kb.update', {
      method: 'put',
      path: '/kb/articles/{id}',
      tags,
      summary: 'Replace an article from the version read; a stale version gets 409 with the current one',
      request: { params: KbIdParam, body: jsonBody(KbArticleUpdateBody) },
      responses: { 200: jsonOk(KbArticleSchema), ...SECURED_ERRORS, ...NOT_FOUND, ...CONFLICT },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { version, owner, ...body } = c.req.valid('json');
      const current = await existingArticle(kb, id);
      return c.json(
        await updateArticle(kb, c.var.user, version, { ...body, id, owner: owner ?? current.owner }),
        200,
      );
    },
  );

  app.openapi(
    securedRoute(guard, 'kb.versions', {
      method: 'get',
      path: '/kb/articles/{id}/versions',
      tags,
      summary: 'Every version of an article, oldest first',
      request: { params: KbIdParam },
      responses: {
        200: jsonOk(z.object({ items: listOf(KbArticleSchema) })),
        ...SECURED_ERRORS,
        ...NOT_FOUND,
      },
    }),
    async (c) => c.json({ items: await articleVersions(kb, c.req.valid('param').id) }, 200),
  );

  app.openapi(
    securedRoute(guard, 'kb.proposeChange', {
      method: 'post',
      path: '/kb/articles/{id}/suggestions',
      tags,
      summary: 'Propose a change to an article, for a supervisor to read; audited',
      request: { params: KbIdParam, body: jsonBody(KbSuggestionBody) },
      responses: { 201: jsonOk(KbSuggestionSchema, 'Recorded'), ...SECURED_ERRORS, ...NOT_FOUND },
    }),
    async (c) =>
      c.json(await proposeChange(kb, c.var.user, c.req.valid('param').id, c.req.valid('json').text), 201),
  );

  app.openapi(
    securedRoute(guard, 'kb.suggestions', {
      method: 'get',
      path: '/kb/suggestions',
      tags,
      summary: "Agents' proposed changes, newest first",
      responses: { 200: jsonOk(z.object({ items: listOf(KbSuggestionSchema) })), ...SECURED_ERRORS },
    }),
    async (c) => c.json({ items: await kbSuggestions(kb) }, 200),
  );
}
