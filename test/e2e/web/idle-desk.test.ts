// An idle desk costs next to nothing: once the agent's page is up and its push channel open, it sends
// at most one API request a minute (here none but the safety reads), holds the agent's presence over
// the channel with a keep-alive every eight minutes, and still hears of a call at once. The
// page's timers run on Playwright's clock, moved half an hour; the center runs on its own.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heartbeatKey } from '../../../functions/app/desk/presence.js';
import { createSimClock } from '../../../functions/domain/manual-clock.js';
import {
  PUSH_KEEPALIVE_MS,
  PUSHED_PANEL_POLL_MS,
  PUSHED_POLL_MS,
} from '../../../functions/domain/push-topics.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, collectCspViolations, ensureWebBuild, launch, signIn } from './browser.js';
import { JOHN_SMITH, WARRANTY, WITHIN } from './floor.js';

const IDLE_MINUTES = 60;

describe.runIf(browserAvailable())('an idle agent desk in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let context: BrowserContext;
  let agent: Page;
  let violations: string[];
  const requests: string[] = [];
  const keepalives: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    const clock = createSimClock({
      startMs: Date.parse('2026-12-07T10:00:00+08:00'),
      running: true,
      onTimerError: (err) => console.error('timer failed', err),
    });
    stack = await startLocalStack({ port: 0, demoData: true, clock, periodicJobs: false });
    browser = await launch();
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 } });
    // The page's time is Playwright's from the start, flowing as real time until the test moves it.
    await context.clock.install();
    agent = await context.newPage();
    await agent.addInitScript(() => localStorage.setItem('cc-lang', 'en'));
    violations = await collectCspViolations(agent);
    agent.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/api/')) requests.push(`${r.method()} ${path}`);
    });
    agent.on('websocket', (ws) => {
      if (!ws.url().includes('/push')) return;
      ws.on('framesent', (frame) => {
        if (frame.payload === 'keepalive') keepalives.push(String(frame.payload));
      });
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('starts, goes Available and opens its push channel', async () => {
    await signIn(agent, stack.url, '1002', '/agent');
    await agent.locator('[data-testid=link-state][data-push=up]').getByText('Connected').waitFor(WITHIN);
    await agent.getByRole('button', { name: 'Available', exact: true }).click();
    await agent.getByTestId('agent-state').getByText('Available').waitFor(WITHIN);
    const [connection] = await stack.store.push.list('1002');
    expect(connection?.phone).toBe(true);
  });

  it(`makes at most one API request a minute over ${IDLE_MINUTES} idle minutes`, async () => {
    // Whatever the start still had in flight settles first (the read a moment after the channel opened
    // among it); from here on the desk is idle.
    await agent.waitForTimeout(3500);
    requests.length = 0;
    // Five seconds at a time, with a moment of real time between for the sockets' answers (the agent
    // link's ping wants its pong within ten seconds of page time).
    for (let s = 0; s < IDLE_MINUTES * 60; s += 5) {
      await context.clock.runFor(5_000);
      await new Promise((r) => setTimeout(r, 15));
    }
    await agent.waitForTimeout(500);
    expect(requests.length).toBeLessThanOrEqual(IDLE_MINUTES);
    // No polling of the state, the queue or the heartbeat: only the safety reads, the agent's own state
    // every quarter hour and each side panel every hour.
    const count = (request: string) => requests.filter((r) => r === request).length;
    expect(count('POST /api/agent/heartbeat')).toBe(0);
    expect(count('GET /api/agent/me')).toBeLessThanOrEqual((IDLE_MINUTES * 60_000) / PUSHED_POLL_MS);
    expect(count('GET /api/queue')).toBeLessThanOrEqual((IDLE_MINUTES * 60_000) / PUSHED_PANEL_POLL_MS);
    // The channel was kept alive, and with it the agent's presence.
    expect(keepalives.length).toBeGreaterThanOrEqual(Math.floor((IDLE_MINUTES * 60_000) / PUSH_KEEPALIVE_MS));
    const presence = await stack.store.keys.get(heartbeatKey('1002'));
    expect(Date.parse(presence?.expiresAt ?? '')).toBeGreaterThan(stack.clock.now() + 60_000);
  });

  it('still hears of a caller at once: the offer rings without a poll', async () => {
    const res = await fetch(`${stack.url}/sim/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: JOHN_SMITH, to: WARRANTY }),
    });
    const { callSid } = (await res.json()) as { callSid: string };
    await stack.twin.settle();
    await fetch(`${stack.url}/sim/calls/${callSid}/input`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ digits: '7' }),
    });
    await agent.getByRole('button', { name: /Accept/ }).waitFor(WITHIN);
    expect(violations).toEqual([]);
  });
});
