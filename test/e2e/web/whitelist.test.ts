// The supervisor console's whitelist in Chromium: a number written the way people write it is added with
// a note and listed in E.164, the change shows in the audit log, a bad number is refused with the reason
// in the page's language (English and Chinese), and a number is taken off again.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };

describe.runIf(browserAvailable())('the whitelist in the supervisor console, in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;

  const open = async (lang: 'en' | 'zh'): Promise<Page> => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript((l) => localStorage.setItem('cc-lang', l), lang);
    await signIn(page, stack.url, '2001', '/supervisor');
    return page;
  };

  beforeAll(async () => {
    await ensureWebBuild();
    stack = await startLocalStack({ port: 0, demoData: true });
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

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
});
