// The voicemail inbox on the agent desk in Chromium: a caller whose customer record is owned by agent
// 1001 queues to "general" (not one of 1001's skills) and leaves a voicemail; it lands in 1001's own box,
// and 1001 sees it with the caller and the customer's name, plays it, calls back in one click (the
// click-to-dial path) and marks it handled. The callback task shows the caller and the duration, not the
// recording's id.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimClock } from '../../../functions/domain/manual-clock.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };
const OWNER = '1001';
const WANG_JIANGUO = '+8613800138000'; // cus-0001, owned by 1001
const HOTLINE = '+18005550100';

describe.runIf(browserAvailable())('the voicemail inbox of an owner agent in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let agent: Page;
  let recordingSid = '';

  const sim = async (path: string, body?: unknown) => {
    const res = await fetch(`${stack.url}/sim${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(res.ok).toBe(true);
    return (await res.json()) as { callSid?: string; status?: string };
  };

  beforeAll(async () => {
    await ensureWebBuild();
    // A weekday morning in the center's zone, at real speed: the lines are open whenever the suite runs.
    const clock = createSimClock({
      startMs: Date.parse('2026-12-07T10:00:00+08:00'),
      running: true,
      onTimerError: (err) => console.error('timer failed', err),
    });
    stack = await startLocalStack({ port: 0, demoData: true, clock, periodicJobs: true });
    browser = await launch();
    const context = await browser.newContext({
      locale: 'en-US',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1360, height: 1000 },
    });
    agent = await context.newPage();
    await agent.addInitScript(() => localStorage.setItem('cc-lang', 'en'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("files the voicemail of an owned customer's caller in the owner's box", async () => {
    const { callSid } = await sim('/calls', { from: WANG_JIANGUO, to: HOTLINE });
    if (!callSid) throw new Error('no call placed');
    await sim(`/calls/${callSid}/input`, { digits: '7' }); // the general queue; nobody is Available
    await sim(`/calls/${callSid}/input`, { digits: '2' }); // leave a voicemail
    await sim(`/calls/${callSid}/input`, { speech: '请给我回电话，关于延保' });
    await sim(`/calls/${callSid}/input`, { digits: '#' });
    await expect
      .poll(async () => (await stack.store.calls.get(callSid))?.recordingSids[0], WITHIN)
      .toBeDefined();
    recordingSid = (await stack.store.calls.get(callSid))?.recordingSids[0] ?? '';
    expect(await stack.store.voicemails.get(recordingSid)).toMatchObject({
      customerId: 'cus-0001',
      queue: 'general',
      agentId: OWNER,
    });
    const task = await stack.store.tasks.get((await stack.store.voicemails.get(recordingSid))?.taskId ?? '');
    expect(task).toMatchObject({ kind: 'callback', assigneeId: OWNER, phone: WANG_JIANGUO });
  });

  it('the owner sees it with caller and customer, and the callback task names the voicemail', async () => {
    await signIn(agent, stack.url, OWNER, '/agent');
    const row = agent.getByTestId(`voicemail-${recordingSid}`);
    await row.waitFor(WITHIN);
    await row.getByText(WANG_JIANGUO).waitFor(WITHIN);
    await row.getByText('王建国').waitFor(WITHIN);
    await row.getByText('My mailbox').waitFor(WITHIN);
    const task = agent.getByTestId('tasks').locator('li', { hasText: WANG_JIANGUO });
    await task.getByTestId('voicemail-note').getByText('Voicemail', { exact: false }).waitFor(WITHIN);
    expect(await agent.getByTestId('tasks').getByText(recordingSid, { exact: false }).count()).toBe(0);
    await shot(agent, '40-agent-voicemail-inbox');
  });

  it('the owner plays it (audited)', async () => {
    // The recording worker copies the media first; the row says when it can be heard.
    const row = agent.getByTestId(`voicemail-${recordingSid}`);
    await expect
      .poll(async () => (await stack.store.recordings.get(recordingSid)) !== undefined, WITHIN)
      .toBe(true);
    await agent.reload();
    await row.getByRole('button', { name: 'Play' }).click();
    await row.locator('audio').waitFor(WITHIN);
    const audit = await stack.store.audit.byActor(OWNER);
    expect(audit.items.map((a) => a.action)).toContain('voicemail.playback');
  });

  it('calls back in one click through the click-to-dial path, then marks it handled', async () => {
    const row = agent.getByTestId(`voicemail-${recordingSid}`);
    await row.getByRole('button', { name: 'Call back' }).click();
    await agent.getByTestId('toast').getByText('Call back ✓').waitFor(WITHIN);
    const audit = await stack.store.audit.byActor(OWNER);
    expect(audit.items.map((a) => a.action)).toContain('voicemail.callback');
    // The customer's phone rings: the twin has an outbound call to the caller.
    const calls = await stack.twilio.calls.list({ to: WANG_JIANGUO, limit: 20 });
    expect(calls.some((c) => c.direction !== 'inbound')).toBe(true);

    await row.getByRole('button', { name: 'Handled' }).click();
    await row.waitFor({ state: 'detached', ...WITHIN });
    expect(await stack.store.voicemails.get(recordingSid)).toMatchObject({
      status: 'handled',
      handledBy: OWNER,
    });
    await shot(agent, '41-agent-voicemail-handled');
  });
});
