// Where a sign-in lands, in Chromium: an agent on the desk, a supervisor on the console, an admin on the
// settings. Only agents take calls (only they have a TaskRouter worker), so a supervisor who opens the
// desk is told why no calls ring there (keeping the mailboxes and customer search), and no page of theirs
// asks for a desk status it cannot have.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch } from './browser.js';

const WITHIN = { timeout: 15_000 };

describe.runIf(browserAvailable())('landing after sign-in, in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuild();
    stack = await startLocalStack({ port: 0, demoData: true });
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** Signs `id` in from the login page; the page and the desk-status requests it made. */
  async function signedIn(id: string): Promise<{ page: Page; deskRequests: string[] }> {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await page.addInitScript(() => localStorage.setItem('cc-lang', 'en'));
    const deskRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/agent/me')) deskRequests.push(r.url());
    });
    await page.goto(`${stack.url}/login`);
    await page.fill('input[name=id]', id);
    await page.fill('input[name=password]', `demo-${id}`);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=whoami]');
    return { page, deskRequests };
  }

  it.each([
    ['1002', /\/agent$/],
    ['2001', /\/supervisor$/],
    ['admin', /\/admin$/],
  ])('%s lands on %s', async (id, url) => {
    const { page } = await signedIn(id);
    await page.waitForURL(url, WITHIN);
    await page.context().close();
  });

  it('a supervisor on the desk is told it is for agents, and no page asks for a desk status', async () => {
    const { page, deskRequests } = await signedIn('2001');
    await page.waitForURL(/\/supervisor$/, WITHIN);
    await page.goto(`${stack.url}/agent`);
    await page.getByTestId('not-an-agent').getByText('no calls ring here', { exact: false }).waitFor(WITHIN);
    // Still theirs on this page: every mailbox and customer search.
    await page.getByTestId('voicemails').waitFor(WITHIN);
    await page.getByRole('heading', { name: 'Customer search' }).waitFor(WITHIN);
    await page.goto(`${stack.url}/tickets`);
    await page.getByTestId('whoami').waitFor(WITHIN);
    expect(await page.getByRole('button', { name: 'Available', exact: true }).count()).toBe(0);
    expect(deskRequests).toEqual([]);
    await page.context().close();
  });
});
