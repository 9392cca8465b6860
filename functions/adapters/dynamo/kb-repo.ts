// The knowledge base on the single table (keys in keys.ts). An article is one item listed by status (gsi2)
// and by category (gsi3); each version written is kept beside it under the same partition; one meta item
// holds a counter bumped on every write, which is all a warm container reads to know whether its search
// index is stale. Agents' proposed changes share one partition, newest first.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { KbArticle, KbArticleDraft } from '../../domain/kb/article.js';
import type { KbRepo, KbSuggestion, KbWriteResult } from '../../domain/kb/ports.js';
import type { Clock } from '../../domain/ports.js';
import { timeSortableId } from './ids.js';
import {
  byTime,
  ITEM_SK,
  KB_META,
  KB_SUGGESTIONS,
  KB_VERSION_PREFIX,
  kbArticle,
  kbByCategory,
  kbByStatus,
  kbVersion,
} from './keys.js';
import {
  fromItem,
  getItem,
  type Item,
  putIf,
  queryAll,
  queryPage,
  type TableAccess,
} from './table-access.js';

function articleItem(a: KbArticle): Item {
  return {
    ...a,
    pk: kbArticle(a.id),
    sk: ITEM_SK,
    entity: 'kb-article',
    gsi2pk: kbByStatus(a.status),
    gsi2sk: a.id,
    gsi3pk: kbByCategory(a.category),
    gsi3sk: a.id,
  };
}

export function createKbRepo(t: TableAccess, clock: Clock): KbRepo {
  async function bumpStamp(): Promise<void> {
    await t.doc.send(
      new UpdateCommand({
        TableName: t.tableName,
        Key: { pk: KB_META, sk: ITEM_SK },
        UpdateExpression: 'ADD #stamp :one SET entity = :entity',
        ExpressionAttributeNames: { '#stamp': 'stamp' },
        ExpressionAttributeValues: { ':one': 1, ':entity': 'kb-meta' },
      }),
    );
  }

  /** The article's lock is its own item; the copy and the stamp follow it (no transactions). */
  async function afterWrite(a: KbArticle): Promise<void> {
    await putIf(
      t,
      { ...a, pk: kbArticle(a.id), sk: kbVersion(a.version), entity: 'kb-version' },
      'attribute_not_exists(pk)',
    );
    await bumpStamp();
  }

  return {
    async put(draft: KbArticleDraft, expectedVersion: number | null, by: string): Promise<KbWriteResult> {
      const updatedAt = new Date(clock.now()).toISOString();
      if (expectedVersion === null) {
        const article: KbArticle = { ...draft, version: 1, updatedAt, updatedBy: by };
        if (!(await putIf(t, articleItem(article), 'attribute_not_exists(pk)')))
          return { ok: false, reason: 'duplicate', field: 'id', value: draft.id };
        await afterWrite(article);
        return { ok: true, value: article };
      }
      const currentItem = await getItem(t, kbArticle(draft.id));
      if (!currentItem) return { ok: false, reason: 'not-found' };
      const current = fromItem<KbArticle>(currentItem);
      if (current.version !== expectedVersion) return { ok: false, reason: 'conflict', current };
      const article: KbArticle = { ...draft, version: expectedVersion + 1, updatedAt, updatedBy: by };
      const written = await putIf(
        t,
        articleItem(article),
        '#v = :v',
        { ':v': expectedVersion },
        { '#v': 'version' },
      );
      if (!written) {
        const latest = await getItem(t, kbArticle(draft.id));
        return latest
          ? { ok: false, reason: 'conflict', current: fromItem<KbArticle>(latest) }
          : { ok: false, reason: 'not-found' };
      }
      await afterWrite(article);
      return { ok: true, value: article };
    },
    async get(id) {
      const item = await getItem(t, kbArticle(id));
      return item ? fromItem<KbArticle>(item) : undefined;
    },
    async listPublished() {
      const items = await queryAll(t, { index: 'gsi2', pk: kbByStatus('published') });
      return items.map((i) => fromItem<KbArticle>(i));
    },
    async listByCategory(category) {
      const items = await queryAll(t, { index: 'gsi3', pk: kbByCategory(category) });
      return items.map((i) => fromItem<KbArticle>(i));
    },
    async versions(id) {
      const items = await queryAll(t, { pk: kbArticle(id), skPrefix: KB_VERSION_PREFIX });
      return items.map((i) => fromItem<KbArticle>(i));
    },
    async stamp() {
      const item = await getItem(t, KB_META);
      return typeof item?.stamp === 'number' ? item.stamp : 0;
    },
    async addSuggestion(input) {
      const nowMs = clock.now();
      const suggestion: KbSuggestion = {
        ...input,
        id: timeSortableId(nowMs),
        at: new Date(nowMs).toISOString(),
      };
      const item = {
        ...suggestion,
        pk: KB_SUGGESTIONS,
        sk: byTime(suggestion.at, suggestion.id),
        entity: 'kb-suggestion',
      };
      if (!(await putIf(t, item, 'attribute_not_exists(pk)')))
        throw new Error(`kb suggestion id collision ${suggestion.id}`);
      return suggestion;
    },
    async suggestions(limit = 100) {
      const page = await queryPage(t, { pk: KB_SUGGESTIONS, newestFirst: true }, { limit });
      return page.items.map((i) => fromItem<KbSuggestion>(i));
    },
  };
}
