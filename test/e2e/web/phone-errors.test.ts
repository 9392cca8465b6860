// The caller phone page says the simulator's refusals in the page's language: the sim API answers in English
// (for tests and logs), and the Chinese page must not show that English. Chromium at /usr/bin/chromium.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../functions/domain/manual-clock.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch, shot } from './browser.js';

const WITHIN = { timeout: 15_000 };

describe.runIf(browserAvailable())('the caller phone page’s own messages in Chinese', () => {
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await ensureWebBuild();
    const clock = createManualClock(Date.parse('2026-12-07T10:00:00+08:00'));
    stack = await startLocalStack({ port: 0, clock, demoData: true });
    browser = await launch();
    page = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 1360, height: 900 } })
    ).newPage();
    await page.addInitScript(() => localStorage.setItem('cc-lang', 'zh'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('a call the sim refuses (no caller number) is explained in Chinese, not in the sim’s English', async () => {
    await page.goto(`${stack.url}/phone`);
    await page.locator('input[name="from"]').fill('');
    await page.getByTestId('dial').click();
    const error = page.getByTestId('phone-error');
    await error.getByText('请填写主叫号码。').waitFor(WITHIN);
    expect(await error.textContent()).not.toMatch(/required|string/);
    await shot(page, 'phone-error-zh');
  });

  it('a placed call shows its status in Chinese', async () => {
    await page.locator('input[name="from"]').fill('+8613900007001');
    await page.getByTestId('dial').click();
    await page
      .getByTestId('call-status')
      .getByText(/^通话中 · /)
      .waitFor(WITHIN);
    await page.getByTestId('phone-hangup').click();
    await page
      .getByTestId('call-status')
      .getByText(/^已结束/)
      .waitFor(WITHIN);
  });
});
