// Request and response schemas for the knowledge base; the limits are the domain's (domain/kb/article.ts),
// so the API refuses exactly what the use cases would.
import { z } from '@hono/zod-openapi';
import {
  KB_CATEGORY_PATTERN,
  KB_HOTLINES,
  KB_ID_PATTERN,
  KB_IVR_PATH_PATTERN,
  KB_LANGS,
  KB_LIMITS,
  KB_STATUSES,
} from '../../domain/kb/article.js';
import { TICKET_TYPES } from '../../domain/model.js';
import { listOf, Version } from './common-schemas.js';

const Id = z.string().regex(KB_ID_PATTERN, 'lower-case letters, digits and hyphens, 2-64 characters');
const Category = z
  .string()
  .regex(KB_CATEGORY_PATTERN, 'lower-case letters, digits and hyphens, 1-40 characters');
const IvrPath = z
  .string()
  .regex(KB_IVR_PATH_PATTERN, 'an IVR step as <flow>.<state>, e.g. warranty.claimQueue');

export const KbArticleSchema = z
  .object({
    id: z.string(),
    lang: z.enum(KB_LANGS),
    title: z.string(),
    body: z.string(),
    summary: z.string(),
    category: z.string(),
    tags: listOf(z.string()),
    hotlines: listOf(z.enum(KB_HOTLINES)),
    ticketTypes: listOf(z.enum(TICKET_TYPES)),
    ivrPaths: listOf(z.string()),
    owner: z.string(),
    version: z.number().int(),
    status: z.enum(KB_STATUSES),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .openapi('KbArticle');

export const KbHitSchema = z
  .object({
    article: KbArticleSchema,
    score: z.number(),
    terms: listOf(z.string()).openapi({ description: 'The terms that matched, to highlight.' }),
  })
  .openapi('KbHit');

export const KbSuggestionSchema = z
  .object({ id: z.string(), articleId: z.string(), text: z.string(), proposedBy: z.string(), at: z.string() })
  .openapi('KbSuggestion');

const ArticleFields = {
  lang: z.enum(KB_LANGS),
  title: z.string().trim().min(1).max(KB_LIMITS.title),
  body: z.string().trim().min(1).max(KB_LIMITS.body),
  summary: z.string().trim().min(1).max(KB_LIMITS.summary),
  category: Category,
  tags: z.array(z.string().trim().min(1).max(KB_LIMITS.tag)).max(KB_LIMITS.tags).default([]),
  hotlines: z.array(z.enum(KB_HOTLINES)).max(KB_LIMITS.listItems).default([]),
  ticketTypes: z.array(z.enum(TICKET_TYPES)).max(KB_LIMITS.listItems).default([]),
  ivrPaths: z.array(IvrPath).max(KB_LIMITS.listItems).default([]),
  owner: z.string().trim().min(1).max(KB_LIMITS.owner).optional(),
  status: z.enum(KB_STATUSES).default('draft'),
};

export const NewKbArticleBody = z.object({ id: Id, ...ArticleFields }).strict();
export const KbArticleUpdateBody = z.object({ version: Version, ...ArticleFields }).strict();

export const KbIdParam = z.object({ id: Id });

const Text = z.string().trim().min(1).max(200);
export const KbSearchQuery = z.object({
  q: Text.openapi({ description: 'Words in Chinese or English; a word inside a Chinese compound matches.' }),
  lang: z.enum(KB_LANGS).optional(),
  hotline: z.enum(KB_HOTLINES).optional(),
  ticketType: z.enum(TICKET_TYPES).optional(),
  category: Category.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const KbSuggestQuery = z.object({
  ivrPath: IvrPath.optional(),
  queue: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,39}$/, 'a queue name such as claims')
    .optional()
    .openapi({ description: "The call's queue: with `hotline`, stands for the flow's steps into it." }),
  ticketType: z.enum(TICKET_TYPES).optional(),
  hotline: z.enum(KB_HOTLINES).optional(),
  text: Text.optional(),
  lang: z.enum(KB_LANGS).optional(),
  limit: z.coerce.number().int().min(1).max(10).default(3),
});

export const KbListQuery = z.object({ category: Category });

export const KbSuggestionBody = z.object({ text: z.string().trim().min(1).max(4000) }).strict();
