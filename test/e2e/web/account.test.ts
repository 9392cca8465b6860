// My account in Chromium: the header's name opens /account, which shows who I am; changing the password
// refuses a mismatch in the browser, and a wrong current password and a new one equal to it from the server
// (said by the code in the page's words), then changes it, and the new password signs in while the
// old one no longer does.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };

describe.runIf(browserAvailable())('my account in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await ensureWebBuild();
    stack = await startLocalStack({ port: 0, demoData: true });
    browser = await launch();
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1200, height: 800 } });
    page = await context.newPage();
    await page.addInitScript(() => localStorage.setItem('cc-lang', 'en'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const login = (password: string) =>
    fetch(`${stack.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'admin', password }),
    }).then((r) => r.status);

  it('changes my password from the account page', async () => {
    await signIn(page, stack.url, 'admin', '/agent');
    await page.getByTestId('whoami').click();
    await page.waitForURL(/\/account$/, WITHIN);
    await page.getByTestId('roles').getByText('admin', { exact: false }).waitFor(WITHIN);
    const form = page.getByTestId('change-password');
    await form.locator('input[name=currentPassword]').fill('demo-admin');
    await form.locator('input[name=newPassword]').fill('a much better password');
    await form.locator('input[name=newPasswordAgain]').fill('a much better passw0rd');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByRole('alert').getByText('The two new passwords differ.').waitFor(WITHIN);

    await form.locator('input[name=currentPassword]').fill('not my password');
    await form.locator('input[name=newPasswordAgain]').fill('a much better password');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByRole('alert').getByText('Current password: is not right').waitFor(WITHIN);
    expect(await login('demo-admin')).toBe(200);

    // The server's own check, by its code (same-password), in the catalogue's words, not the server's.
    await form.locator('input[name=currentPassword]').fill('demo-admin');
    await form.locator('input[name=newPassword]').fill('demo-admin');
    await form.locator('input[name=newPasswordAgain]').fill('demo-admin');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByRole('alert').getByText('New password: must not be the current password').waitFor(WITHIN);
    await form.locator('input[name=newPassword]').fill('a much better password');
    await form.locator('input[name=newPasswordAgain]').fill('a much better password');

    await form.locator('input[name=currentPassword]').fill('demo-admin');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByRole('status').getByText('Password changed', { exact: false }).waitFor(WITHIN);
    await shot(page, '30-account-password-changed');
    expect(await login('demo-admin')).toBe(401);
    expect(await login('a much better password')).toBe(200);
  });
});
