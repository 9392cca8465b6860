// Planning (/planning) in Chromium on a fresh local stack with no call history yet: the supervisor opens
// it from the header, is told the forecast needs more history, sees the staffing chart and the shifts of
// a plan from typed-in volumes, raises the what-if volume and sees the staff and cost go up, and uses the
// Erlang calculator. An agent sees no link and a leads-only message at the path.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };

describe.runIf(browserAvailable())('the Planning page in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let supervisor: Page;
  let agent: Page;

  beforeAll(async () => {
    await ensureWebBuild();
    stack = await startLocalStack({ port: 0, demoData: true });
    browser = await launch();
    const page = async () =>
      (await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 } })).newPage();
    [supervisor, agent] = [await page(), await page()];
    for (const p of [supervisor, agent]) await p.addInitScript(() => localStorage.setItem('cc-lang', 'en'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const agentsScheduled = async () => Number(await supervisor.getByTestId('total-agents').textContent());

  it('opens from the header, says the history is too short and plans from typed-in volumes', async () => {
    await signIn(supervisor, stack.url, '2001', '/supervisor');
    await supervisor.getByTestId('planning-link').click();
    await supervisor.waitForURL(/\/planning$/, WITHIN);
    await supervisor.getByTestId('not-enough-history').getByText('Not enough history').waitFor(WITHIN);
    await supervisor.getByTestId('staffing-chart').locator('canvas').waitFor(WITHIN);
    await supervisor.getByTestId('shift-row').first().waitFor(WITHIN);
    expect(await supervisor.getByTestId('shift-row').count()).toBeGreaterThan(0);
    expect(await agentsScheduled()).toBeGreaterThan(0);
    await shot(supervisor, 'planning');
  });

  it('moves staff and cost with the what-if volume', async () => {
    const before = await agentsScheduled();
    const costBefore = await supervisor.getByTestId('total-cost').textContent();
    await supervisor.getByTestId('plan-inputs').locator('input[name=volumePercent]').fill('200');
    await expect.poll(agentsScheduled, WITHIN).toBeGreaterThan(before);
    expect(await supervisor.getByTestId('total-cost').textContent()).not.toBe(costBefore);
  });

  it('shows a bad input with the field and the allowed range', async () => {
    await supervisor.getByTestId('plan-inputs').locator('input[name=shrinkage]').fill('95');
    await supervisor.getByTestId('plan-error').waitFor(WITHIN);
    expect(await supervisor.getByTestId('plan-error').textContent()).toMatch(/shrinkage/i);
    await supervisor.getByTestId('plan-inputs').locator('input[name=shrinkage]').fill('30');
    await supervisor.getByTestId('plan-error').waitFor({ state: 'detached', ...WITHIN });
  });

  it('computes Erlang C and B', async () => {
    const box = supervisor.getByTestId('erlang-box');
    await box.getByRole('button', { name: 'Compute C' }).click();
    await box.getByTestId('erlang-c-result').getByText('Agents needed: 14').waitFor(WITHIN);
    await box.getByRole('button', { name: 'Compute B' }).click();
    await box.getByTestId('erlang-b-result').getByText('Lines needed: 18').waitFor(WITHIN);
    // Refused by the server: named with its range, and the last answer leaves with the input it was for.
    await box.locator('input[name=blocking]').fill('2');
    await box.getByRole('button', { name: 'Compute B' }).click();
    await box
      .getByTestId('erlang-error')
      .getByText('Blocking: must be more than 0 and less than 1 (got 2)')
      .waitFor(WITHIN);
    expect(await box.getByTestId('erlang-b-result').count()).toBe(0);
    await box.locator('input[name=blocking]').fill('0.01');
    await box.getByRole('button', { name: 'Compute B' }).click();
    await box.getByTestId('erlang-b-result').getByText('Lines needed: 18').waitFor(WITHIN);
  });

  it('reads the percentages as the page shows them: a wrong one is named with its range and what was typed', async () => {
    const box = supervisor.getByTestId('erlang-box');
    const sl = box.locator('input[name=targetServiceLevel]');
    await sl.fill('150');
    await box.getByRole('button', { name: 'Compute C' }).click();
    await box
      .getByTestId('erlang-error')
      .getByText('Service level target % is a percentage: more than 0 and less than 100 (got 150)')
      .waitFor(WITHIN);
    await box.locator('input[name=intervalSeconds]').fill('');
    await sl.fill('80');
    await box.getByRole('button', { name: 'Compute C' }).click();
    await box.getByTestId('erlang-error').getByText('Interval (s): enter a number').waitFor(WITHIN);
    await box.locator('input[name=intervalSeconds]').fill('1800');
    await box.getByRole('button', { name: 'Compute C' }).click();
    await box.getByTestId('erlang-c-result').getByText('Agents needed: 14').waitFor(WITHIN);
    expect(await box.getByTestId('erlang-error').count()).toBe(0);

    const plan = supervisor.getByTestId('plan-inputs');
    await plan.locator('input[name=targetServiceLevel]').fill('0.8');
    await plan.locator('input[name=targetServiceLevel]').fill('');
    await supervisor
      .getByTestId('plan-error')
      .getByText('Service level target %: enter a number')
      .waitFor(WITHIN);
    await plan.locator('input[name=targetServiceLevel]').fill('80');
    await supervisor.getByTestId('plan-error').waitFor({ state: 'detached', ...WITHIN });
  });

  it('is for supervisors and admins only', async () => {
    await signIn(agent, stack.url, '1002', '/agent');
    expect(await agent.getByTestId('planning-link').count()).toBe(0);
    await agent.goto(`${stack.url}/planning`);
    await agent.getByText('This page needs the supervisor or admin role').waitFor(WITHIN);
  });
});
