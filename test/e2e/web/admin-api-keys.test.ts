// The API keys page in Chromium, in Chinese: the admin creates a key for a website form, sees its token
// once, the website posts a lead with it, the page shows when it was made and last used on the center's
// clock (not the browser's zone and locale), and a revoked key is refused at once.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };

describe.runIf(browserAvailable())('the API keys page in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await ensureWebBuild();
    stack = await startLocalStack({ port: 0, demoData: true });
    browser = await launch();
    // A browser in New York with American formats: the page must still speak the center's time, in Chinese.
    const context = await browser.newContext({
      locale: 'en-US',
      timezoneId: 'America/New_York',
      viewport: { width: 1360, height: 1000 },
    });
    page = await context.newPage();
    await page.addInitScript(() => localStorage.setItem('cc-lang', 'zh'));
    await signIn(page, stack.url, 'admin', '/admin/api-keys');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const lead = (token: string) =>
    fetch(`${stack.url}/api/integrations/leads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ phone: '138 0013 8009', name: '李娜', note: '下午六点后回电' }),
    });

  it('creates a key, shows its token once, and lists its use on the center clock', async () => {
    await page.getByTestId('api-key-name').fill('官网表单');
    await page.getByTestId('api-key-create').getByRole('button', { name: '创建密钥' }).click();
    const token = (await page.getByTestId('api-key-token').textContent()) ?? '';
    expect(token).toMatch(/^cc_/);
    expect((await lead(token)).status).toBe(201);
    await page.getByTestId('api-key-created').getByRole('button', { name: '我已保存' }).click();
    await page.reload();
    const row = page.getByTestId('api-keys').locator('tr', { hasText: '官网表单' });
    await row.waitFor(WITHIN);
    // Made and used: two times, in the center's words; none in the browser's "12/8/2026, 2:09:30 AM".
    await expect.poll(() => row.getByTestId('center-time').count(), WITHIN).toBe(2);
    expect(await row.textContent()).not.toMatch(/AM|PM|\d+\/\d+\/\d{4}/);
    await shot(page, 'admin-api-keys-zh');
  });

  it('revokes the key after a confirmation, and the website is refused at once', async () => {
    const row = page.getByTestId('api-keys').locator('tr', { hasText: '官网表单' });
    await row.getByRole('button', { name: '吊销' }).click();
    await row.getByRole('button', { name: '确认吊销' }).click();
    await page.getByTestId('api-keys-status').getByText('已吊销。').waitFor(WITHIN);
    await expect.poll(() => row.getByTestId('center-time').count(), WITHIN).toBe(3);
    const audit = (await stack.store.audit.byActor('admin')).items.map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining([expect.stringMatching(/api-?key/i)]));
  });
});
