// The supervisor console's whitelist in Chromium: a number written the way people write it is added with
// a note and listed in E.164, the change shows in the audit log, a bad number is refused with the reason
// in the page's language (English and Chinese), and a number is taken off again. A whitelisted caller is
// marked as such on the agent's offer and screen pop.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, shot } from './browser.js';
import { type Floor, JOHN_SMITH, openFloor, WARRANTY, WITHIN } from './floor.js';

describe.runIf(browserAvailable())('the whitelist in the supervisor console, in Chromium', () => {
  let floor: Floor;
  let stack: LocalStack;

  const open = (lang: 'en' | 'zh'): Promise<Page> => floor.page('2001', { lang, path: '/supervisor' });

  beforeAll(async () => {
    floor = await openFloor();
    stack = floor.stack;
  }, 120_000);

  afterAll(() => floor?.close());

  it('adds a number with a note, lists it in E.164, audits it, and removes it', async () => {
    const page = await open('en');
    const panel = page.getByTestId('whitelist');
    await panel.getByRole('heading', { name: 'Whitelist (0)' }).waitFor(WITHIN);
    await panel.getByLabel('Number').fill('138 0013 8000');
    await panel.getByLabel('Note').fill('Fleet account: ACME drivers');
    await panel.getByRole('button', { name: 'Add to whitelist' }).click();
    const row = panel.getByTestId('whitelisted').filter({ hasText: '+8613800138000' });
    await row.waitFor(WITHIN);
    expect(await row.textContent()).toContain('Fleet account: ACME drivers');
    expect(await row.textContent()).toContain('added by 2001');
    expect(await panel.getByLabel('Number').inputValue()).toBe('');
    expect(await stack.store.blacklist.get('+8613800138000')).toMatchObject({ action: 'allow' });
    await page.getByTestId('audit').getByText('2001 · whitelist.add · +8613800138000').waitFor(WITHIN);
    await shot(page, 'whitelist');

    await panel.getByLabel('Number').fill('call me');
    await panel.getByLabel('Note').fill('nobody');
    await panel.getByRole('button', { name: 'Add to whitelist' }).click();
    const alert = panel.getByRole('alert');
    await alert.waitFor(WITHIN);
    expect(await alert.textContent()).toMatch(/Phone.*not a valid phone number/);
    // What the supervisor typed stays, to be corrected.
    expect(await panel.getByLabel('Number').inputValue()).toBe('call me');

    await row.getByRole('button', { name: 'Remove' }).click();
    await row.waitFor({ state: 'detached', ...WITHIN });
    await panel.getByRole('heading', { name: 'Whitelist (0)' }).waitFor(WITHIN);
    expect(await stack.store.blacklist.get('+8613800138000')).toBeUndefined();
  });

  it('reads in Chinese, refusals included', async () => {
    const page = await open('zh');
    const panel = page.getByTestId('whitelist');
    await panel.getByRole('heading', { name: /^白名单 \(\d+\)$/ }).waitFor(WITHIN);
    await panel.getByLabel('号码').fill('12');
    await panel.getByLabel('说明').fill('测试');
    await panel.getByRole('button', { name: '加入白名单' }).click();
    const alert = panel.getByRole('alert');
    await alert.waitFor(WITHIN);
    expect(await alert.textContent()).toContain('电话');
    expect(await alert.textContent()).not.toMatch(/[A-Za-z]{4,}/);
  });

  it("marks a whitelisted caller on the agent's offer and screen pop, and no one else", async () => {
    const supervisor = await open('en');
    const panel = supervisor.getByTestId('whitelist');
    await panel.getByLabel('Number').fill(JOHN_SMITH);
    await panel.getByLabel('Note').fill('Fleet account');
    await panel.getByRole('button', { name: 'Add to whitelist' }).click();
    await panel.getByTestId('whitelisted').filter({ hasText: JOHN_SMITH }).waitFor(WITHIN);

    const agent = await floor.page('1002', { available: true });
    const { callSid } = await floor.sim<{ callSid: string }>('/sim/calls', {
      from: JOHN_SMITH,
      to: WARRANTY,
    });
    await floor.sim(`/sim/calls/${callSid}/input`, { digits: '7' });
    const offer = agent.getByTestId('incoming');
    await offer.getByText(JOHN_SMITH).waitFor(WITHIN);
    expect(await offer.getByTestId('whitelisted-caller').textContent()).toBe('Whitelisted');
    await agent.getByTestId('accept').click();
    await agent.getByTestId('screen-pop').getByTestId('whitelisted-caller').waitFor(WITHIN);
    await shot(agent, 'whitelisted-caller');
    await floor.sim(`/sim/calls/${callSid}/hangup`, {});
    await agent.getByTestId('wrap-up').waitFor(WITHIN);
    await agent.getByTestId('wrap-up').locator('select[name=disposition]').selectOption('other');
    await agent.getByTestId('wrap-up').getByRole('button', { name: /Save/ }).click();
    await agent.getByTestId('agent-state').getByText('Available').waitFor(WITHIN);

    // Off the list, the next call from the same number carries no mark.
    await panel
      .getByTestId('whitelisted')
      .filter({ hasText: JOHN_SMITH })
      .getByRole('button', { name: 'Remove' })
      .click();
    await panel
      .getByTestId('whitelisted')
      .filter({ hasText: JOHN_SMITH })
      .waitFor({ state: 'detached', ...WITHIN });
    const next = await floor.sim<{ callSid: string }>('/sim/calls', { from: JOHN_SMITH, to: WARRANTY });
    await floor.sim(`/sim/calls/${next.callSid}/input`, { digits: '7' });
    await offer.getByText(JOHN_SMITH).waitFor(WITHIN);
    expect(await offer.getByTestId('whitelisted-caller').count()).toBe(0);
    await floor.sim(`/sim/calls/${next.callSid}/hangup`, {});
  }, 60_000);
});
