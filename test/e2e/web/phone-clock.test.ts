// The center's clock on the caller phone page in Chromium (browser in New York, center in Shanghai): it
// shows the center's time, and on a sim clock the skip buttons and the time picker move the stack's clock;
// a time in the past is refused in the page's language. On the system clock there are no controls.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimClock, type SimClock } from '../../../functions/domain/manual-clock.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch, shot } from './browser.js';

const WITHIN = { timeout: 15_000 };
const MONDAY_9 = Date.parse('2026-12-07T09:00:00+08:00');

describe.runIf(browserAvailable())('the center’s clock on the caller phone page in Chromium', () => {
  let stack: LocalStack;
  let clock: SimClock;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await ensureWebBuild();
    clock = createSimClock({ startMs: MONDAY_9, running: true, onTimerError: () => {} });
    stack = await startLocalStack({ port: 0, clock, periodicJobs: true, demoData: true });
    browser = await launch();
    const context = await browser.newContext({
      locale: 'en-US',
      timezoneId: 'America/New_York', // the page must show the center's time, not the browser's
      viewport: { width: 1360, height: 900 },
    });
    page = await context.newPage();
    await page.addInitScript(() => localStorage.setItem('cc-lang', 'en'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const centerTime = () => page.getByTestId('center-time');

  it('shows the center’s time in its zone', async () => {
    await page.goto(`${stack.url}/phone`);
    await centerTime()
      .getByText(/^Center time Mon 7 Dec 09:0\d \(Asia\/Shanghai\)$/)
      .waitFor(WITHIN);
    await page.getByText('simulated clock, running').waitFor(WITHIN);
  });

  it('skips ahead an hour, and sets the time with the picker', async () => {
    const clockWidget = page.getByTestId('center-clock');
    await clockWidget.getByRole('button', { name: '+1 h' }).click();
    await centerTime()
      .getByText(/Mon 7 Dec 10:0\d/)
      .waitFor(WITHIN);
    expect(clock.now() - MONDAY_9).toBeGreaterThanOrEqual(3_600_000);

    await clockWidget.getByLabel('Set the time to').fill('2026-12-07T23:00');
    await clockWidget.getByRole('button', { name: 'Set' }).click();
    await centerTime()
      .getByText(/Mon 7 Dec 23:0\d/)
      .waitFor(WITHIN);
    const elevenPm = Date.parse('2026-12-07T23:00:00+08:00');
    expect(clock.now() - elevenPm).toBeGreaterThanOrEqual(0);
    expect(clock.now() - elevenPm).toBeLessThan(60_000);
    await shot(page, 'phone-clock');
  });

  it('refuses a time in the past, in the page’s language', async () => {
    const before = clock.now();
    const clockWidget = page.getByTestId('center-clock');
    await clockWidget.getByLabel('Set the time to').fill('2026-12-07T09:00');
    await clockWidget.getByRole('button', { name: 'Set' }).click();
    await clockWidget.getByRole('alert').getByText('The clock only moves forward').waitFor(WITHIN);
    expect(clock.now() - before).toBeLessThan(60_000);

    const zh = await browser.newPage({ locale: 'zh-CN', timezoneId: 'America/New_York' });
    await zh.addInitScript(() => localStorage.setItem('cc-lang', 'zh'));
    await zh.goto(`${stack.url}/phone`);
    await zh
      .getByTestId('center-time')
      .getByText(/^中心时间 12月7日 周一 23:0\d \(Asia\/Shanghai\)$/)
      .waitFor(WITHIN);
    await zh.getByTestId('center-clock').getByRole('button', { name: '+10 分钟' }).waitFor(WITHIN);
  });
});

describe.runIf(browserAvailable())('on the system clock', () => {
  let stack: LocalStack;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuild();
    stack = await startLocalStack({ port: 0, demoData: false });
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows the time without controls, saying how to get them', async () => {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await page.addInitScript(() => localStorage.setItem('cc-lang', 'en'));
    await page.goto(`${stack.url}/phone`);
    await page
      .getByTestId('center-time')
      .getByText(/^Center time .+ \(Asia\/Shanghai\)$/)
      .waitFor(WITHIN);
    await page.getByText('Start the local stack with SIM_CLOCK to change the time.').waitFor(WITHIN);
    expect(await page.getByTestId('center-clock').getByRole('button').count()).toBe(0);
  });
});
