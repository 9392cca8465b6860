// The knowledge base through the API: search in Chinese and English, context suggestions, articles
// written with optimistic locking (409 naming who changed it and when), agents refused the write routes,
// the suggestion flow, every write audited, and bad input refused with the field named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KB_ARTICLES } from '../../infra/local/demo/kb-articles.js';
import { createHarness, type Harness } from './harness.js';

describe('knowledge base API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    for (const article of DEMO_KB_ARTICLES) await h.store.kb.put(article, null, article.owner);
  });
  afterAll(() => h.stop());

  const article = (id: string, over: Record<string, unknown> = {}) => ({
    id,
    lang: 'zh',
    title: '车载充电桩保修说明',
    body: '充电桩随车保修两年。',
    summary: '充电桩保修两年。',
    category: 'warranty-terms',
    tags: ['充电桩'],
    hotlines: ['warranty'],
    ticketTypes: ['inquiry'],
    ivrPaths: ['warranty.generalQueue'],
    status: 'published',
    ...over,
  });

  it('searches Chinese by a word inside a compound and English with a typo, with filters', async () => {
    const zh = await h.as('agent', 'GET', `/api/kb/search?q=${encodeURIComponent('保修')}&lang=zh`);
    expect(zh.status).toBe(200);
    expect(zh.body.items.map((i: { article: { id: string } }) => i.article.id)).toContain(
      'warranty-coverage',
    );
    const en = await h.as('agent', 'GET', '/api/kb/search?q=warrenty%20exclusions&lang=en&limit=1');
    expect(en.body.items).toHaveLength(1);
    expect(en.body.items[0].article.id).toBe('warranty-exclusions-en');
    expect(en.body.items[0].terms.length).toBeGreaterThan(0);
    const it = await h.as('agent', 'GET', '/api/kb/search?q=vpn&hotline=rescue');
    expect(it.body.items).toEqual([]);
  });

  it("suggests the claim procedure for a call in the warranty line's claims queue", async () => {
    const res = await h.as('agent', 'GET', '/api/kb/suggest?hotline=warranty&queue=claims&lang=zh');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(3);
    expect(res.body.items[0].article.id).toBe('warranty-claim-procedure');
    const byPath = await h.as('agent', 'GET', '/api/kb/suggest?ivrPath=warranty.claimQueue&lang=en');
    expect(byPath.body.items[0].article.id).toBe('warranty-claim-procedure-en');
  });

  it('creates, reads and updates an article with optimistic locking, keeping every version, audited', async () => {
    const made = await h.as('supervisor', 'POST', '/api/kb/articles', article('charger-warranty'));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ version: 1, owner: 'sup1', updatedBy: 'sup1' });
    const again = await h.as('admin', 'POST', '/api/kb/articles', article('charger-warranty'));
    expect(again.status).toBe(409);

    const found = await h.as('agent', 'GET', `/api/kb/search?q=${encodeURIComponent('充电桩')}`);
    expect(found.body.items[0].article.id).toBe('charger-warranty');

    const { id: _id, ...fields } = article('charger-warranty', { title: '充电桩保修（第二版）' });
    const updated = await h.as('admin', 'PUT', '/api/kb/articles/charger-warranty', {
      ...fields,
      version: 1,
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({ version: 2, owner: 'sup1', updatedBy: 'admin' });

    const stale = await h.as('supervisor', 'PUT', '/api/kb/articles/charger-warranty', {
      ...fields,
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain('changed by admin at');
    expect(stale.body.message).toContain('reload');
    expect(stale.body.current.version).toBe(2);

    const versions = await h.as('agent', 'GET', '/api/kb/articles/charger-warranty/versions');
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const read = await h.as('agent', 'GET', '/api/kb/articles/charger-warranty');
    expect(read.body.title).toBe('充电桩保修（第二版）');

    const day = new Date(h.clock.now()).toISOString().slice(0, 10);
    const audit = await h.store.audit.byDay(day);
    const actions = audit.items.filter((e) => e.target === 'charger-warranty').map((e) => e.action);
    expect(actions.sort()).toEqual(['kb.create', 'kb.update']);
  });

  it('lists a category with its drafts, which search leaves out', async () => {
    const draft = await h.as(
      'supervisor',
      'POST',
      '/api/kb/articles',
      article('rescue-draft', { category: 'rescue', status: 'draft', title: '冬季救援草稿' }),
    );
    expect(draft.status).toBe(201);
    const list = await h.as('agent', 'GET', '/api/kb/articles?category=rescue');
    const ids = list.body.items.map((a: { id: string }) => a.id);
    expect(ids).toEqual(
      expect.arrayContaining(['rescue-draft', 'towing-service', 'rescue-dispatch-steps-en']),
    );
    const found = await h.as('agent', 'GET', `/api/kb/search?q=${encodeURIComponent('冬季救援草稿')}`);
    expect(found.body.items.map((i: { article: { id: string } }) => i.article.id)).not.toContain(
      'rescue-draft',
    );
  });

  it('refuses writes to agents', async () => {
    const create = await h.as('agent', 'POST', '/api/kb/articles', article('agent-article'));
    expect(create.status).toBe(403);
    const { id: _id, ...fields } = article('towing-service');
    const update = await h.as('agent', 'PUT', '/api/kb/articles/towing-service', { ...fields, version: 1 });
    expect(update.status).toBe(403);
    expect((await h.as('agent', 'GET', '/api/kb/suggestions')).status).toBe(403);
  });

  it('lets an agent propose a change that supervisors then see', async () => {
    const proposed = await h.as('agent', 'POST', '/api/kb/articles/towing-service/suggestions', {
      text: '高速拖车费用标准需要补充',
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ articleId: 'towing-service', proposedBy: '1001' });
    const list = await h.as('supervisor', 'GET', '/api/kb/suggestions');
    expect(list.body.items[0]).toMatchObject({
      articleId: 'towing-service',
      text: '高速拖车费用标准需要补充',
    });
    const missing = await h.as('agent', 'POST', '/api/kb/articles/no-such-article/suggestions', {
      text: 'x',
    });
    expect(missing.status).toBe(404);
  });

  it('answers 400 naming the field and what is allowed', async () => {
    const paths = async (
      res: Promise<{ status: number; body: { issues?: { path: string; message: string }[] } }>,
    ) => {
      const r = await res;
      expect(r.status).toBe(400);
      return r.body.issues ?? [];
    };
    const hotline = await paths(
      h.as('supervisor', 'POST', '/api/kb/articles', article('bad-one', { hotlines: ['fax'] })),
    );
    expect(hotline[0]?.path).toBe('body.hotlines.0');
    expect(hotline[0]?.message).toContain('warranty');
    const summary = await paths(
      h.as('supervisor', 'POST', '/api/kb/articles', article('bad-two', { summary: '长'.repeat(201) })),
    );
    expect(summary[0]?.path).toBe('body.summary');
    const step = await paths(
      h.as(
        'supervisor',
        'POST',
        '/api/kb/articles',
        article('bad-three', { ivrPaths: ['warranty.noSuchStep'] }),
      ),
    );
    expect(step[0]).toMatchObject({
      path: 'body.ivrPaths.0',
      message: expect.stringContaining('warranty.noSuchStep'),
    });
    expect((await paths(h.as('agent', 'GET', '/api/kb/search?q=')))[0]?.path).toBe('query.q');
    expect((await paths(h.as('agent', 'GET', '/api/kb/search?q=a&lang=fr')))[0]?.path).toBe('query.lang');
    expect((await paths(h.as('agent', 'GET', '/api/kb/articles/Not%20An%20Id')))[0]?.path).toBe('path.id');
    const noVersion = await paths(h.as('supervisor', 'PUT', '/api/kb/articles/towing-service', article('x')));
    expect(noVersion.map((i) => i.path)).toContain('body.version');
  });
});
