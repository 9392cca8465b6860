// Pages count "today", "now" and "due" on the center's clock, not the browser's: a center started at a
// chosen hour (SIM_CLOCK) months away from this machine's date shows its own day in the reports' range,
// offers a callback an hour from its own now, and "Call now" makes a callback due at its own now.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimClock } from '../../../functions/domain/manual-clock.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };
// Monday 2 March 2026, 10:00 in Shanghai: far from whatever day the suite runs on.
const CENTER_NOW = Date.parse('2026-03-02T10:00:00+08:00');

describe.runIf(browserAvailable())("the center's clock in Chromium", () => {
  let stack: LocalStack;
  let browser: Browser;
  let supervisor: Page;
  let agent: Page;

  beforeAll(async () => {
    await ensureWebBuild();
    const clock = createSimClock({
      startMs: CENTER_NOW,
      running: true,
      onTimerError: (err) => console.error('timer failed', err),
    });
    stack = await startLocalStack({ port: 0, demoData: true, clock });
    browser = await launch();
    // The browser in UTC: the center's 10:00 is its 02:00, on the same day.
    const page = async () => (await browser.newContext({ timezoneId: 'UTC' })).newPage();
    [supervisor, agent] = [await page(), await page()];
    await signIn(supervisor, stack.url, '2001', '/reports');
    await signIn(agent, stack.url, '1002', '/agent');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("the reports open on the center's last seven days", async () => {
    const inputs = supervisor.getByTestId('report-inputs');
    await expect.poll(() => inputs.locator('input[name=from]').inputValue(), WITHIN).toBe('2026-02-24');
    expect(await inputs.locator('input[name=to]').inputValue()).toBe('2026-03-02');
  });

  it("the desk offers a callback an hour from the center's now", async () => {
    const due = agent.getByTestId('schedule-callback').locator('input[name=dueAt]');
    await expect.poll(() => due.inputValue(), WITHIN).toMatch(/^2026-03-02T11:0\d$/);
    // A time typed is the center's too: 15:00 there, whatever this browser's zone, and said back so.
    const form = agent.getByTestId('schedule-callback');
    await form.locator('input[name=phone]').fill('+8613900000012');
    await due.fill('2026-03-02T15:00');
    await form.getByRole('button', { name: 'Schedule' }).click();
    await form.getByTestId('callback-scheduled').getByText('15:00').waitFor(WITHIN);
    const mine = await stack.store.tasks.byAssignee('1002');
    expect(mine.items.find((task) => task.phone === '+8613900000012')?.dueAt).toBe(
      '2026-03-02T07:00:00.000Z',
    );
    await agent.getByTestId('auto-dial').filter({ hasText: '15:00' }).first().waitFor(WITHIN);
  });

  it("Call now makes a callback due at the center's now", async () => {
    const made = await stack.store.tasks.create({
      kind: 'callback',
      dueAt: new Date(CENTER_NOW + 86_400_000).toISOString(),
      phone: '+8613900000011',
      queue: 'support',
      maxAttempts: 3,
    });
    if (!made.ok) throw new Error(made.reason);
    await supervisor.goto(`${stack.url}/supervisor`);
    const row = supervisor.getByTestId(`callback-${made.value.id}`);
    await row.getByRole('button', { name: 'Call now' }).click();
    await expect
      .poll(async () => (await stack.store.tasks.get(made.value.id))?.dueAt, WITHIN)
      .toMatch(/^2026-03-02T02:0\d/);
  });
});
