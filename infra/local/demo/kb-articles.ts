// Every demo knowledge-base article, Chinese first: what a fresh local stack loads once per data folder.
import type { KbArticleDraft } from '../../../functions/domain/kb/article.js';
import { KB_ARTICLES_EN } from './kb-articles-en.js';
import { KB_ARTICLES_ZH } from './kb-articles-zh.js';

export const DEMO_KB_ARTICLES: readonly KbArticleDraft[] = [...KB_ARTICLES_ZH, ...KB_ARTICLES_EN];
