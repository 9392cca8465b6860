// The Chinese UI in Chromium (cc-lang zh) on the drivable clock: a form's 400 reads in Chinese, never in
// the server's English; regions show their Chinese names; the supervisor console sends no agent
// heartbeat and meets no 409 over 30 s; and an agent connected to a customer the center called back is
// On call (通话中) on their own desk, as on the wallboard.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgentHarness, type Session, startAgents } from '../agent/support.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };
const CUSTOMER = '+8613922224444';
const RESCUE = '+18005550111';

describe.runIf(browserAvailable())('the Chinese UI in Chromium', () => {
  let h: AgentHarness;
  let browser: Browser;
  let supervisor: Session;

  /** A page in a context of its own: each person signs in with their own session cookie. */
  const page = async (): Promise<Page> => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1360, height: 900 } });
    const p = await context.newPage();
    await p.addInitScript(() => localStorage.setItem('cc-lang', 'zh'));
    return p;
  };

  beforeAll(async () => {
    await ensureWebBuild();
    h = await startAgents(); // Monday 10:00 in Shanghai, on a manual clock
    supervisor = await h.as('2001');
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('says a bad phone number on the callback form in Chinese', async () => {
    const agent = await page();
    await signIn(agent, h.stack.url, '1004', '/agent');
    const form = agent.getByTestId('schedule-callback');
    await form.waitFor(WITHIN);
    await form.locator('input[name=phone]').fill('call me');
    await form.locator('button[type=submit]').click();
    const alert = form.getByRole('alert');
    await alert.getByText('电话：不是有效的电话号码').waitFor(WITHIN);
    expect(await alert.textContent()).not.toMatch(/body\.phone|phone number/);
    await shot(agent, '70-zh-callback-bad-phone');
    await agent.close();
  });

  it('names regions and skills in Chinese on the users page', async () => {
    const admin = await page();
    await signIn(admin, h.stack.url, 'admin', '/admin/users');
    const row = admin.getByTestId('user-1004');
    await row.getByTestId('regions').getByText('华北, 华南').waitFor(WITHIN);
    expect(await row.getByTestId('regions').textContent()).not.toContain('north-china');
    expect(await row.getByTestId('skills').textContent()).toBe('技术支持, 一般咨询');
    await admin.close();
  });

  it('the supervisor console sends no agent heartbeat and gets no 409 over 30 s', async () => {
    const console = await page();
    await console.clock.install();
    await signIn(console, h.stack.url, '2001', '/supervisor');
    // Counted from the console's own load: sign-in passes through the landing page first.
    const refused: string[] = [];
    const beats: string[] = [];
    let polls = 0;
    console.on('response', (response) => {
      if (response.url().endsWith('/api/supervisor/wallboard')) polls += 1;
      if (response.status() === 409) refused.push(response.url());
    });
    console.on('request', (request) => {
      if (request.url().endsWith('/api/agent/heartbeat')) beats.push(request.method());
    });
    await console.reload();
    await console.getByTestId('wallboard').waitFor(WITHIN);
    await console.getByTestId('link-state').waitFor(WITHIN);
    await console.waitForTimeout(1500); // the softphone connects
    for (let s = 0; s < 30; s += 5) {
      await console.clock.runFor(5_000);
      await h.advance(5);
    }
    await console.waitForTimeout(1000); // the last polls answer
    expect(polls).toBeGreaterThanOrEqual(10); // the page did live through the 30 s
    expect(beats).toEqual([]);
    expect(refused).toEqual([]);
    await console.close();
  });

  it('shows an agent connected to a called-back customer On call on their desk', async () => {
    const agent = await page();
    await signIn(agent, h.stack.url, '1002', '/agent');
    await agent.getByTestId('agent-state').waitFor(WITHIN);
    const res = await fetch(`${h.stack.url}/sim/parties`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ address: CUSTOMER, policy: 'answer' }),
    });
    expect(res.status).toBe(201);
    await h.party('1002', 'answer');
    const a1002 = await h.as('1002');
    await a1002.post('/agent/state', { state: 'Available' });
    const made = await h.stack.store.tasks.create({
      kind: 'callback',
      dueAt: new Date(h.clock.now() - 1000).toISOString(),
      phone: CUSTOMER,
      queue: 'general',
      assigneeId: '1002',
      maxAttempts: 2,
      autoDial: true,
      callerId: RESCUE,
      language: 'zh',
    });
    if (!made.ok) throw new Error(made.reason);
    await h.advance(8);
    await a1002.post('/agent/heartbeat');
    const board = await supervisor.get<{ agents: { agentId: string; state: string }[] }>(
      '/supervisor/wallboard',
    );
    expect(board.agents.find((a) => a.agentId === '1002')?.state).toBe('On call');
    await agent.getByTestId('agent-state').getByText('通话中').waitFor(WITHIN);
    await shot(agent, '71-zh-callback-on-call');
    await agent.close();
  });
});
