// Two tabs of the same desk in one Chromium profile: only one owns the phone link, so an offered call
// rings in that tab alone; the other shows the desk read-only and, on "use here", takes the phone over,
// after which calls ring there and the first tab goes read-only.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimClock } from '../../../functions/domain/manual-clock.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { jsonClient } from '../../support/sim.js';
import { browserAvailable, ensureWebBuild, launch, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };
const JOHN_SMITH = '+14155550123'; // menu key 7 queues to "general"
const WARRANTY = '+18005550100';

describe.runIf(browserAvailable())('one tab owns the phone', () => {
  let stack: LocalStack;
  let browser: Browser;
  let first: Page;
  let second: Page;

  const sim = jsonClient(() => stack.url);
  const call = async () => {
    const { callSid } = await sim<{ callSid: string }>('/sim/calls', { from: JOHN_SMITH, to: WARRANTY });
    await sim(`/sim/calls/${callSid}/input`, { digits: '7' });
    return callSid;
  };
  const me = async (page: Page) =>
    (await (await page.context().request.get(`${stack.url}/api/agent/me`)).json()) as {
      call?: { agentCallSid?: string; onHold: boolean };
    };
  /** Long enough for a second ring or a stray offer to show up in the tab that must stay quiet. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 4_000));

  beforeAll(async () => {
    await ensureWebBuild();
    const clock = createSimClock({
      startMs: Date.parse('2026-12-07T10:00:00+08:00'),
      running: true,
      onTimerError: (err) => console.error('timer failed', err),
    });
    stack = await startLocalStack({ port: 0, demoData: true, clock, periodicJobs: true });
    browser = await launch();
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 } });
    await context.addInitScript(() => localStorage.setItem('cc-lang', 'en'));
    first = await context.newPage();
    second = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the second tab is read-only and an offered call rings in the first tab only', async () => {
    await signIn(first, stack.url, '1002', '/agent');
    await first.getByTestId('link-state').getByText('Connected').waitFor(WITHIN);
    await second.goto(`${stack.url}/agent`);
    await second.getByTestId('desk-elsewhere').waitFor(WITHIN);
    expect(await second.getByTestId('link-state').textContent()).not.toContain('Connected');
    expect(await first.getByTestId('desk-elsewhere').count()).toBe(0);

    await first.getByRole('button', { name: 'Available', exact: true }).click();
    await first.getByTestId('agent-state').getByText('Available').waitFor(WITHIN);
    await second.getByTestId('agent-state').getByText('Available').waitFor(WITHIN); // the server's view
    const callSid = await call();
    await first.getByTestId('incoming').getByText(JOHN_SMITH).waitFor(WITHIN);
    await settle();
    expect(await second.getByTestId('incoming').count()).toBe(0);

    await first.getByTestId('accept').click();
    await first.getByTestId('live-call').waitFor(WITHIN);
    await second.getByTestId('live-call').waitFor(WITHIN); // shown, not controlled
    await sim(`/sim/calls/${callSid}/hangup`, {});
    await first.getByTestId('wrap-up').waitFor(WITHIN);
    await first.getByRole('button', { name: 'Finish wrap-up' }).first().click();
    await first.getByTestId('agent-state').getByText('Available').waitFor(WITHIN);
  }, 60_000);

  it('"use here" moves the phone: the next call rings in the second tab only', async () => {
    await second.getByTestId('use-here').click();
    await second.getByTestId('link-state').getByText('Connected').waitFor(WITHIN);
    await first.getByTestId('desk-elsewhere').waitFor(WITHIN);
    expect(await second.getByTestId('desk-elsewhere').count()).toBe(0);

    await call();
    await second.getByTestId('incoming').getByText(JOHN_SMITH).waitFor(WITHIN);
    await settle();
    expect(await first.getByTestId('incoming').count()).toBe(0);
    await second.getByTestId('accept').click();
    await second.getByTestId('live-call').waitFor(WITHIN);
  }, 60_000);

  it('closing the owning tab mid-call hands the phone, and the call, to the one left', async () => {
    await second.close(); // its softphone leg ends with it; the customer is held
    // The banner goes once this tab holds the phone; its link then connects and it dials back in.
    await first.getByTestId('desk-elsewhere').waitFor({ ...WITHIN, state: 'detached' });
    await first.getByTestId('link-state').getByText('Connected').waitFor(WITHIN);
    await first.getByTestId('live-call').waitFor(WITHIN);
    await expect.poll(async () => (await me(first)).call?.agentCallSid, WITHIN).toMatch(/^CA/);
    await expect.poll(async () => (await me(first)).call?.onHold, WITHIN).toBe(false);
  }, 30_000);
});
