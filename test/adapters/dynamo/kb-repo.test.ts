// The knowledge-base storage contract, run on dynalite (or the DynamoDB at DYNAMODB_ENDPOINT): create
// once, replace only from the version read, every version kept, the stamp moving on every write,
// listings by status and category, and agents' suggestions newest first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KbArticleDraft } from '../../../functions/domain/kb/article.js';
import { createTestStore, type TestStore } from '../../support/dynamo.js';

let ts: TestStore;
beforeAll(async () => {
  ts = await createTestStore();
});
afterAll(() => ts.stop());

const draft = (id: string, over: Partial<KbArticleDraft> = {}): KbArticleDraft => ({
  id,
  lang: 'zh',
  title: '延保理赔流程',
  body: '核实保单，记录故障，建理赔工单。',
  summary: '核实保单后建理赔工单。',
  category: 'warranty-claims',
  tags: ['理赔'],
  hotlines: ['warranty'],
  ticketTypes: ['claim'],
  ivrPaths: ['warranty.claimQueue'],
  owner: '2001',
  status: 'published',
  ...over,
});

describe('kb repository', () => {
  it('creates an article once and bumps the stamp', async () => {
    const kb = ts.store.kb;
    const before = await kb.stamp();
    const made = await kb.put(draft('claim'), null, '2001');
    expect(made).toMatchObject({ ok: true, value: { id: 'claim', version: 1, updatedBy: '2001' } });
    expect(await kb.stamp()).toBe(before + 1);
    expect(await kb.put(draft('claim'), null, '2001')).toEqual({
      ok: false,
      reason: 'duplicate',
      field: 'id',
      value: 'claim',
    });
    expect(await kb.get('claim')).toMatchObject({ title: '延保理赔流程', version: 1 });
    expect(await kb.get('nothing-here')).toBeUndefined();
  });

  it('replaces only from the version read, keeping every version', async () => {
    const kb = ts.store.kb;
    await kb.put(draft('locked'), null, '2001');
    await ts.clock.advance(60_000);
    const second = await kb.put(draft('locked', { title: '第二版' }), 1, 'admin');
    expect(second).toMatchObject({ ok: true, value: { version: 2, title: '第二版', updatedBy: 'admin' } });
    const stale = await kb.put(draft('locked', { title: '过期的修改' }), 1, '2001');
    expect(stale).toMatchObject({
      ok: false,
      reason: 'conflict',
      current: { version: 2, updatedBy: 'admin' },
    });
    expect(await kb.put(draft('never-made'), 1, '2001')).toEqual({ ok: false, reason: 'not-found' });
    const versions = await kb.versions('locked');
    expect(versions.map((v) => [v.version, v.title])).toEqual([
      [1, '延保理赔流程'],
      [2, '第二版'],
    ]);
  });

  it('lists published articles and a category, drafts included', async () => {
    const kb = ts.store.kb;
    await kb.put(draft('draft-vpn', { status: 'draft', category: 'it-support' }), null, '2001');
    await kb.put(draft('vpn', { category: 'it-support' }), null, '2001');
    const published = (await kb.listPublished()).map((a) => a.id);
    expect(published).toEqual(expect.arrayContaining(['claim', 'locked', 'vpn']));
    expect(published).not.toContain('draft-vpn');
    expect((await kb.listByCategory('it-support')).map((a) => a.id).sort()).toEqual(['draft-vpn', 'vpn']);
  });

  it('moves an article between listings when its status or category changes', async () => {
    const kb = ts.store.kb;
    await kb.put(draft('moving'), null, '2001');
    await kb.put(draft('moving', { status: 'draft', category: 'complaints' }), 1, '2001');
    expect((await kb.listPublished()).map((a) => a.id)).not.toContain('moving');
    expect((await kb.listByCategory('complaints')).map((a) => a.id)).toEqual(['moving']);
    expect((await kb.listByCategory('warranty-claims')).map((a) => a.id)).not.toContain('moving');
  });

  it('keeps suggestions newest first', async () => {
    const kb = ts.store.kb;
    await kb.addSuggestion({ articleId: 'claim', text: '补充异地理赔说明', proposedBy: '1001' });
    await ts.clock.advance(1_000);
    await kb.addSuggestion({ articleId: 'vpn', text: 'Add the error 809 case', proposedBy: '1002' });
    const list = await kb.suggestions();
    expect(list.map((s) => s.articleId)).toEqual(['vpn', 'claim']);
    expect(list[0]).toMatchObject({ proposedBy: '1002', text: 'Add the error 809 case' });
  });
});
