// A reload mid-call in Chromium against the twin, which ends the page's softphone leg as the Voice SDK
// does: the customer is held with a message, not dropped; the reloaded desk dials itself back in, takes the
// customer off hold and keeps counting the call from the first answer.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimClock } from '../../../functions/domain/manual-clock.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { jsonClient } from '../../support/sim.js';
import { browserAvailable, ensureWebBuild, launch, signIn } from './browser.js';

const WITHIN = { timeout: 5_000 };
const JOHN_SMITH = '+14155550123'; // menu key 7 queues to "general"
const WARRANTY = '+18005550100';

interface Me {
  call?: { callSid: string; agentCallSid?: string; onHold: boolean; connectedAt?: string };
}
interface CallView {
  status: string;
  heard: { text?: string }[];
}

describe.runIf(browserAvailable())('a reload mid-call drops the leg, not the customer', () => {
  let stack: LocalStack;
  let browser: Browser;
  let agent: Page;

  const sim = jsonClient(() => stack.url);
  const me = async () =>
    (await (await agent.context().request.get(`${stack.url}/api/agent/me`)).json()) as Me;

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
    agent = await context.newPage();
    await signIn(agent, stack.url, '1002', '/agent');
    await agent.getByTestId('link-state').getByText('Connected').waitFor(WITHIN);
    await agent.getByRole('button', { name: 'Available', exact: true }).click();
    await agent.getByTestId('agent-state').getByText('Available').waitFor(WITHIN);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the reloaded desk rejoins the held customer and the timer keeps counting', async () => {
    const { callSid } = await sim<{ callSid: string }>('/sim/calls', { from: JOHN_SMITH, to: WARRANTY });
    await sim(`/sim/calls/${callSid}/input`, { digits: '7' });
    await agent.getByTestId('accept').click();
    await agent.getByTestId('live-call').waitFor(WITHIN);
    const before = await me();
    expect(before.call?.agentCallSid).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    await agent.reload();
    await agent.getByTestId('live-call').waitFor(WITHIN);
    await expect.poll(async () => (await me()).call?.agentCallSid, WITHIN).toMatch(/^CA/);
    const after = await me();
    expect(after.call?.agentCallSid).not.toBe(before.call?.agentCallSid); // a new leg: the old one ended
    expect(after.call?.onHold).toBe(false);
    const customer = await sim<CallView>(`/sim/calls/${callSid}`);
    expect(customer.status).toBe('in-progress');
    expect(customer.heard.map((x) => x.text ?? '').join(' ')).toMatch(/reconnect|重新接通/);
    expect(await agent.getByTestId('call-dropped').count()).toBe(0);
    const timer = (await agent.getByTestId('call-timer').textContent())?.trim() ?? '';
    expect(timer >= '00:02').toBe(true); // mm:ss compares as text: counted from the first answer
    await sim(`/sim/calls/${callSid}/hangup`, {});
  }, 30_000);
});
