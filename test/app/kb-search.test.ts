// The search index a container keeps: built from the published articles, kept while the stamp stands,
// rebuilt when a write anywhere moved it, and the stamp read at most once a second.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKbSearcher } from '../../functions/app/kb-search.js';
import type { KbArticleDraft } from '../../functions/domain/kb/article.js';
import type { KbRepo } from '../../functions/domain/kb/ports.js';
import { createTestStore, type TestStore } from '../support/dynamo.js';

let ts: TestStore;
beforeAll(async () => {
  ts = await createTestStore();
});
afterAll(() => ts.stop());

const draft = (id: string, title: string): KbArticleDraft => ({
  id,
  lang: 'en',
  title,
  body: title,
  summary: title,
  category: 'it-support',
  tags: [],
  hotlines: ['it-support'],
  ticketTypes: [],
  ivrPaths: [],
  owner: '2001',
  status: 'published',
});

describe('kb searcher', () => {
  it('rebuilds when another container wrote, once the stamp is read again', async () => {
    let now = 0;
    let stampReads = 0;
    const repo: KbRepo = {
      ...ts.store.kb,
      stamp: async () => {
        stampReads++;
        return ts.store.kb.stamp();
      },
    };
    const searcher = createKbSearcher(repo, () => now);
    await ts.store.kb.put(draft('printer', 'Printer jams'), null, '2001');
    expect((await searcher.index()).search('printer').map((h) => h.article.id)).toEqual(['printer']);

    // Another container writes; within the second this one keeps its index and reads nothing.
    await ts.store.kb.put(draft('vpn', 'VPN printer tunnel'), null, '2001');
    now += 500;
    await Promise.all([searcher.index(), searcher.index()]);
    expect(stampReads).toBe(1);
    expect((await searcher.index()).search('vpn')).toEqual([]);

    now += 600;
    const [a, b] = await Promise.all([searcher.index(), searcher.index()]);
    expect(a).toBe(b);
    expect(stampReads).toBe(2);
    expect(a.search('vpn').map((h) => h.article.id)).toEqual(['vpn']);
  });

  it('reads the stamp at once after a write through this container', async () => {
    const now = 0;
    const searcher = createKbSearcher(ts.store.kb, () => now);
    const before = await searcher.index();
    await ts.store.kb.put(draft('email', 'Email bounce'), null, '2001');
    searcher.invalidate();
    const after = await searcher.index();
    expect(after).not.toBe(before);
    expect(after.search('bounce').map((h) => h.article.id)).toEqual(['email']);
    // Unchanged stamp: the same index, not a rebuild.
    searcher.invalidate();
    expect(await searcher.index()).toBe(after);
  });
});
