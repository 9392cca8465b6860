// The knowledge base in Chromium on the demo stack: an agent searches in Chinese (a word inside a compound)
// and in English (with a typo), opens an article and suggests a change; a supervisor edits an article, is
// told when someone else saved first, reads the agent's suggestion and writes a draft. Then John Smith reports a claim on
// the warranty line and the agent who takes the call sees the claim procedure first among the suggestions.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, shot } from './browser.js';
import { type Floor, JOHN_SMITH, openFloor, WARRANTY } from './floor.js';

const WITHIN = { timeout: 15_000 };

describe.runIf(browserAvailable())('the knowledge base in Chromium', () => {
  let floor: Floor;
  let agent: Page;
  let supervisor: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    floor = await openFloor();
    agent = await floor.page('1001', { lang: 'zh', path: '/kb' });
    agent.on('pageerror', (e) => pageErrors.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await floor?.close();
  });

  const search = async (page: Page, q: string) => {
    await page.fill('input[name=q]', q);
    await page
      .getByTestId('kb-search')
      .getByRole('button', { name: /搜索|Search/ })
      .click();
    await page.getByTestId('kb-hits').waitFor(WITHIN);
  };

  it('before any search, lists a category an agent picks', async () => {
    await agent.getByTestId('kb-browse').getByRole('button', { name: '延保条款' }).click();
    await agent.getByTestId('kb-hit').filter({ hasText: '延长保修期保障范围' }).waitFor(WITHIN);
    const tags = await agent.getByTestId('kb-hit').locator('.tag').first().textContent();
    expect(tags).toBe('延保条款');
    expect(await agent.inputValue('select[name=category]')).toBe('warranty-terms');
    // A search goes on from the category picked; clearing it searches everything again.
    await agent.selectOption('select[name=category]', '');
  });

  it('finds Chinese articles by a word inside a compound, with the word marked', async () => {
    await agent.getByTestId('kb-link').waitFor(WITHIN);
    await search(agent, '保修');
    const first = agent.getByTestId('kb-hit').filter({ hasText: '延长保修期保障范围' });
    await first.waitFor(WITHIN);
    expect(await first.locator('mark').first().textContent()).toBe('保修');
    // Searching nothing goes back to the categories, not the last results under an empty box.
    await agent.fill('input[name=q]', '');
    await agent
      .getByTestId('kb-search')
      .getByRole('button', { name: /搜索|Search/ })
      .click();
    await agent.getByTestId('kb-hits').waitFor({ state: 'detached', ...WITHIN });
    await agent.getByTestId('kb-browse').waitFor(WITHIN);
  });

  it('finds English articles despite a typo, filtered by language', async () => {
    await agent.selectOption('select[name=lang]', 'en');
    await search(agent, 'warrenty exclusions');
    await agent
      .getByTestId('kb-hit')
      .first()
      .getByText('What the extended warranty does not cover')
      .waitFor(WITHIN);
    const langs = await agent.getByTestId('kb-hit').allTextContents();
    expect(langs.every((text) => text.includes('EN'))).toBe(true);
  });

  it('opens an article, which an agent may not edit but can suggest a change to', async () => {
    await agent.getByTestId('kb-hit').first().getByRole('link').click();
    await agent
      .getByTestId('kb-article-title')
      .getByText('What the extended warranty does not cover')
      .waitFor(WITHIN);
    await agent.getByTestId('kb-body').getByText('brake pads', { exact: false }).waitFor(WITHIN);
    expect(await agent.getByTestId('kb-edit').count()).toBe(0);
    await agent.fill('textarea[name=suggestion]', '请补充电池衰减是否在保障范围内');
    await agent.getByTestId('kb-suggest').getByRole('button').click();
    await agent.getByText('建议已提交，谢谢。').waitFor(WITHIN);
    await shot(agent, 'kb-agent-article');
  });

  it('a supervisor edits an article, and is told to reload when someone saved first', async () => {
    supervisor = await floor.page('2001', { lang: 'zh', path: '/kb/towing-service' });
    await supervisor.getByTestId('kb-article-title').getByText('拖车服务说明').waitFor(WITHIN);
    await supervisor.getByTestId('kb-edit').click();
    await supervisor.fill('input[name=title]', '拖车服务说明（2026 版）');
    await supervisor.getByTestId('kb-form').getByRole('button', { name: '保存' }).click();
    await supervisor.getByTestId('kb-saved').getByText('已保存为第 2 版').waitFor(WITHIN);
    await supervisor.getByTestId('kb-article-title').getByText('拖车服务说明（2026 版）').waitFor(WITHIN);

    // Someone else saves version 3 while the supervisor has the form open on version 2.
    await supervisor.getByTestId('kb-edit').click();
    const current = await floor.stack.store.kb.get('towing-service');
    if (!current) throw new Error('towing-service is missing');
    const { version, updatedAt: _at, updatedBy: _by, ...fields } = current;
    const other = await floor.stack.store.kb.put(
      { ...fields, summary: `${fields.summary}（已更新）` },
      version,
      'admin',
    );
    expect(other.ok).toBe(true);
    await supervisor.fill('input[name=title]', '过期的修改');
    await supervisor.getByTestId('kb-form').getByRole('button', { name: '保存' }).click();
    const conflict = supervisor.getByTestId('kb-conflict');
    await conflict.waitFor(WITHIN);
    expect(await conflict.textContent()).toContain('admin');
    expect(await conflict.textContent()).toContain('第 3 版');
    // When, on the center's clock in the page's words: never a UTC instant as stored.
    expect(await conflict.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    await conflict.getByRole('button', { name: '重新加载' }).click();
    await supervisor.getByTestId('kb-summary').getByText('（已更新）', { exact: false }).waitFor(WITHIN);
    expect((await floor.stack.store.kb.get('towing-service'))?.title).toBe('拖车服务说明（2026 版）');
  });

  it("shows the supervisor the agent's suggestion", async () => {
    await supervisor.getByTestId('kb-link').click();
    await supervisor
      .getByTestId('kb-suggestions')
      .getByText('请补充电池衰减是否在保障范围内')
      .waitFor(WITHIN);
    await shot(supervisor, 'kb-supervisor');
  });

  it('a supervisor writes a draft, which its category lists and search leaves out', async () => {
    await supervisor.getByTestId('kb-new').click();
    const form = supervisor.getByTestId('kb-form');
    await form.locator('input[name=id]').fill('winter-battery');
    await form.locator('input[name=category]').fill('rescue');
    await form.locator('input[name=title]').fill('冬季蓄电池亏电处理');
    await form.locator('textarea[name=summary]').fill('低温下先搭电，再建议检测蓄电池。');
    await form.locator('textarea[name=body]').fill('- 搭电启动\n- 建议检测蓄电池');
    await form.getByRole('button', { name: '保存' }).click();
    await supervisor.getByTestId('kb-article-title').getByText('冬季蓄电池亏电处理').waitFor(WITHIN);
    expect(supervisor.url()).toContain('/kb/winter-battery');
    await supervisor.getByTestId('kb-link').click();
    await supervisor.selectOption('select[name=category]', 'rescue');
    await supervisor.getByTestId('kb-search').getByRole('button', { name: '搜索' }).click();
    await supervisor
      .getByTestId('kb-hit')
      .filter({ hasText: '冬季蓄电池亏电处理' })
      .getByText('草稿')
      .waitFor(WITHIN);
    await search(supervisor, '亏电处理');
    // The category's list (with the draft) stays on screen until the search answers: wait for it to go.
    await expect
      .poll(() => supervisor.getByTestId('kb-hit').filter({ hasText: '冬季蓄电池亏电处理' }).count(), WITHIN)
      .toBe(0);
  });

  it('suggests the claim procedure in the screen pop of a warranty claim call', async () => {
    const { callSid } = await floor.sim<{ callSid: string }>('/sim/calls', {
      from: JOHN_SMITH,
      to: WARRANTY,
    });
    await floor.sim(`/sim/calls/${callSid}/input`, { digits: '1' });
    await floor.sim(`/sim/calls/${callSid}/input`, { speech: 'John Smith' });
    await floor.sim(`/sim/calls/${callSid}/input`, { digits: '2025000033' });
    await floor.sim(`/sim/calls/${callSid}/input`, { speech: 'The gearbox grinds in second gear' });
    // John's own agent, then his region, get the first 35 s before any claims agent may take it.
    await floor.sim('/sim/clock/advance', { ms: 40_000 });
    const desk = await floor.page('1003', { lang: 'en', available: true });
    await desk.getByTestId('incoming').waitFor(WITHIN);
    await desk.getByTestId('accept').click();
    await desk.getByTestId('pop-customer').getByText('John Smith').waitFor(WITHIN);
    const suggested = desk.getByTestId('kb-suggested-article');
    await suggested.first().waitFor(WITHIN);
    expect(await suggested.count()).toBeLessThanOrEqual(3);
    expect(await suggested.first().getByRole('link').textContent()).toMatch(
      /^(Extended warranty claim procedure|延保理赔报案流程)$/,
    );
    await shot(desk, 'kb-screen-pop');
    await suggested.first().getByRole('link').click();
    await desk.getByTestId('kb-article-title').waitFor(WITHIN);
    expect(pageErrors).toEqual([]);
  });
});
