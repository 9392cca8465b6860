// The supervisor console's list of refused outbound attempts in Chromium: an agent's five premium-rate
// dials through the real API are listed with their number, purpose and reason, the agent is flagged for
// a burst, times read on the center's clock in a browser elsewhere, and the labels read in Chinese too.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { formatCenterClock } from '../../../web/src/center-time.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };
const PREMIUM = '+19005551234';

describe.runIf(browserAvailable())('refused dials in the supervisor console, in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;

  const open = async (lang: 'en' | 'zh'): Promise<Page> => {
    // A browser in another zone than the center's: times must read on the center's clock.
    const context = await browser.newContext({
      locale: 'en-US',
      timezoneId: 'America/New_York',
      viewport: { width: 1360, height: 900 },
    });
    const page = await context.newPage();
    await page.addInitScript((l) => localStorage.setItem('cc-lang', l), lang);
    await signIn(page, stack.url, '2001', '/supervisor');
    return page;
  };

  beforeAll(async () => {
    await ensureWebBuild();
    stack = await startLocalStack({ port: 0, demoData: true });
    const login = await fetch(`${stack.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: '1002', password: 'demo-1002' }),
    });
    const { token } = (await login.json()) as { token: string };
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${stack.url}/api/agent/dial`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ to: PREMIUM }),
      });
      expect(res.status).toBe(403);
    }
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('lists each refusal with its number, purpose and reason, and flags the burst', async () => {
    const page = await open('en');
    const panel = page.getByTestId('dial-refusals');
    await panel.getByTestId('burst-1002').waitFor(WITHIN);
    expect(await panel.getByTestId('burst-1002').textContent()).toBe('1002: 5 · burst of refusals');
    const rows = panel.locator('tbody tr[data-testid^="refusal-"]');
    expect(await rows.count()).toBe(5);
    const first = rows.first();
    expect(await first.getByTestId('actor').textContent()).toBe('1002');
    expect(await first.getByTestId('number').textContent()).toBe(PREMIUM);
    expect(await first.getByTestId('purpose').textContent()).toBe('agent dial');
    expect(await first.getByTestId('reason').textContent()).toBe('premium-rate');
    expect(await first.getByTestId('reason').getAttribute('title')).toContain(
      '+1 900 numbers are premium-rate and blocked',
    );
    const listed = await page.context().request.get(`${stack.url}/api/supervisor/dial-refusals`);
    const { items } = (await listed.json()) as { items: { at: string }[] };
    expect(await first.locator('td').first().textContent()).toBe(
      formatCenterClock(Date.parse(items[0]?.at ?? ''), 'Asia/Shanghai'),
    );
    await shot(page, '32-supervisor-dial-refusals');
  });

  it('reads in Chinese', async () => {
    const page = await open('zh');
    const panel = page.getByTestId('dial-refusals');
    await panel.getByText('被拦截的外呼与短信', { exact: false }).waitFor(WITHIN);
    expect(await panel.locator('tbody tr').first().getByTestId('reason').textContent()).toBe('高额付费号码');
    expect(await panel.getByTestId('burst-1002').textContent()).toContain('短时间内多次被拦截');
  });
});
