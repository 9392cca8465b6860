// Transfers between two agents in Chromium, the caller placed through the sim API: a warm transfer the
// first agent completes, one they cancel, and a cold transfer to a queue. The colleague's desk shows the
// customer and the first agent's notes, the first agent sees the transfer's progress with Complete and
// Cancel, and both wrap up on the customer's call, starting from the notes handed over. Agents also call
// each other by agent number from the dial pad, with no customer and no wrap-up.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimClock } from '../../../functions/domain/manual-clock.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };
const JOHN_SMITH = '+14155550123'; // cus-0004, English; menu key 7 queues to "general"
const HOTLINE = '+18005550100';

describe.runIf(browserAvailable())('transfers with context between two agents in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let first: Page;
  let colleague: Page;

  const sim = async (path: string, body: unknown) => {
    const res = await fetch(`${stack.url}/sim${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.ok).toBe(true);
    return (await res.json()) as { callSid?: string };
  };

  const state = (page: Page, name: string) => page.getByTestId('agent-state').getByText(name).waitFor(WITHIN);
  const setState = async (page: Page, name: 'Available' | 'Busy') => {
    await page.getByRole('button', { name, exact: true }).click();
    await state(page, name);
  };

  /** A John Smith call that the first agent (the only one Available) accepts; returns its CallSid. */
  async function callToFirst(): Promise<string> {
    await setState(colleague, 'Busy');
    await setState(first, 'Available');
    const { callSid } = await sim('/calls', { from: JOHN_SMITH, to: HOTLINE });
    await sim(`/calls/${callSid}/input`, { digits: '7' });
    await first.getByTestId('incoming').getByText(JOHN_SMITH).waitFor(WITHIN);
    await first.getByTestId('accept').click();
    await first.getByTestId('live-call').waitFor(WITHIN);
    await first.getByTestId('pop-customer').getByText('John Smith').waitFor(WITHIN);
    await setState(colleague, 'Available');
    return callSid as string;
  }

  async function transfer(mode: 'Warm' | 'Cold', kind: 'agent' | 'queue', target: string, notes: string) {
    const box = first.getByTestId('transfer');
    await box.getByTestId('transfer-notes').fill(notes);
    await box.getByLabel(mode).check();
    await box.locator('select').first().selectOption(kind);
    if (kind === 'queue') await box.locator('select[name=queue]').selectOption(target);
    else await box.locator('input[type=text], input:not([type])').fill(target);
    await box.getByRole('button', { name: 'Transfer' }).click();
  }

  /** The colleague accepts the offered transfer and sees the customer and the first agent's notes. */
  async function colleagueTakes(notes: string) {
    await colleague.getByTestId('incoming').getByText(JOHN_SMITH).waitFor(WITHIN);
    await colleague.getByTestId('accept').click();
    await colleague.getByTestId('live-call').waitFor(WITHIN);
    await colleague.getByTestId('pop-customer').getByText('John Smith').waitFor(WITHIN);
    await colleague.getByTestId('transfer-notes-received').getByText(notes).waitFor(WITHIN);
  }

  /** Saves the wrap-up, which must start from `prefilled`, with `notes`; the agent is Available after. */
  async function wrapUp(page: Page, prefilled: string, notes: string) {
    const form = page.getByTestId('wrap-up');
    await form.waitFor(WITHIN);
    expect(await form.locator('textarea').inputValue()).toBe(prefilled);
    await form.locator('textarea').fill(notes);
    await form.locator('select[name=disposition]').selectOption('other');
    await form.getByRole('button', { name: 'Save and finish' }).click();
    await state(page, 'Available');
  }

  // Read until the wrap-up's save has landed: the page may show Available while it is still on its way.
  const record = (sid: string) => stack.store.calls.get(sid);
  const rejoins: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    const clock = createSimClock({
      startMs: Date.parse('2026-12-07T10:00:00+08:00'),
      running: true,
      onTimerError: (err) => console.error('timer failed', err),
    });
    stack = await startLocalStack({ port: 0, demoData: true, clock, periodicJobs: true });
    browser = await launch();
    const page = async () =>
      (await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 } })).newPage();
    [first, colleague] = [await page(), await page()];
    for (const p of [first, colleague]) await p.addInitScript(() => localStorage.setItem('cc-lang', 'en'));
    await signIn(first, stack.url, '1002', '/agent');
    await signIn(colleague, stack.url, '1003', '/agent');
    for (const p of [first, colleague])
      await p.getByTestId('link-state').getByText('Connected').waitFor(WITHIN);
    // A desk that dials itself back into a call it has left would answer the next offer on its own.
    first.on('request', (r) => {
      if (r.url().endsWith('/api/agent/call/rejoin')) rejoins.push(r.url());
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("an internal call by agent number: the colleague's desk shows who calls, both talk, nobody wraps up", async () => {
    await setState(first, 'Available');
    await setState(colleague, 'Available');
    const dial = first.locator('form').filter({ has: first.getByLabel('Number to dial') });
    await dial.getByLabel('Number to dial').fill('1003');
    await dial.getByRole('button', { name: 'Dial' }).click();
    await colleague.getByTestId('internal-caller').getByText('Emily Carter (no. 1002)').waitFor(WITHIN);
    await first.getByTestId('internal-call').getByText('Calling colleague').waitFor(WITHIN);
    await first.getByTestId('internal-peer').getByText('李强 Li Qiang (no. 1003)').waitFor(WITHIN);
    await shot(colleague, 'internal-01-colleague-rings');
    await colleague
      .getByTestId('incoming')
      .getByRole('button', { name: /Accept/ })
      .click();
    await colleague.getByTestId('internal-peer').getByText('Emily Carter (no. 1002)').waitFor(WITHIN);
    await first.getByTestId('internal-call').getByText('Internal call with').waitFor(WITHIN);
    await state(colleague, 'On call');
    await colleague.getByTestId('internal-hangup').click();
    // No customer was on it: both are Available again at once, with no wrap-up form.
    await state(first, 'Available');
    await state(colleague, 'Available');
    expect(await first.getByTestId('wrap-up').count()).toBe(0);
    expect(await colleague.getByTestId('wrap-up').count()).toBe(0);
    expect(await first.getByTestId('internal-call').count()).toBe(0);
  });

  it('warm transfer, completed: the colleague gets the customer and the notes, both wrap up the call', async () => {
    const sid = await callToFirst();
    const notes = 'Engine light on; wants a tow to the nearest dealer.';
    await transfer('Warm', 'agent', '1003', notes);
    await first.getByTestId('transfer-status').getByText('ringing').waitFor(WITHIN);
    await colleagueTakes(notes);
    await shot(colleague, 'transfer-01-colleague-consulted');
    await first.getByTestId('transfer-status').getByText('joined').waitFor(WITHIN);
    // Only the sender can complete it, and the colleague is told so, not told they can.
    await colleague
      .getByTestId('transfer-status')
      .getByText('joined: your colleague completes the transfer')
      .waitFor(WITHIN);
    expect(await colleague.getByRole('button', { name: 'Complete transfer' }).count()).toBe(0);
    await first.getByRole('button', { name: 'Complete transfer' }).click();
    await state(first, 'Wrap-up');
    await colleague.getByTestId('transfer-status').getByText('transfer complete').waitFor(WITHIN);
    await shot(first, 'transfer-02-first-wrap-up');
    await wrapUp(first, notes, `${notes} Handed to 1003.`);
    expect(rejoins).toEqual([]);
    await expect
      .poll(() => record(sid), WITHIN)
      .toMatchObject({ agentId: '1003', notes: `${notes} Handed to 1003.` });
    await sim(`/calls/${sid}/hangup`, {});
    await state(colleague, 'Wrap-up');
    await wrapUp(colleague, notes, `${notes} Tow booked.`);
    await expect
      .poll(() => record(sid), WITHIN)
      .toMatchObject({ agentId: '1003', notes: `${notes} Tow booked.` });
  });

  it('warm transfer, cancelled: the colleague leaves and wraps up, the customer is back with the first agent', async () => {
    const sid = await callToFirst();
    const notes = 'Asks about roadside cover abroad.';
    await transfer('Warm', 'agent', '1003', notes);
    await colleagueTakes(notes);
    await first.getByTestId('transfer-status').getByText('joined').waitFor(WITHIN);
    await first.getByRole('button', { name: 'Cancel transfer' }).click();
    await state(colleague, 'Wrap-up');
    await wrapUp(colleague, notes, 'Consulted on cover abroad.');
    await expect
      .poll(() => record(sid), WITHIN)
      .toMatchObject({ agentId: '1002', notes: 'Consulted on cover abroad.' });
    await first.getByTestId('live-call').waitFor(WITHIN);
    await state(first, 'On call');
    expect(await first.getByTestId('transfer-context').count()).toBe(0);
    await sim(`/calls/${sid}/hangup`, {});
    await state(first, 'Wrap-up');
    await wrapUp(first, notes, 'Cover abroad explained.');
    await expect
      .poll(() => record(sid), WITHIN)
      .toMatchObject({ agentId: '1002', notes: 'Cover abroad explained.' });
  });

  it('cold transfer to a queue: the first agent wraps up at once, the next agent gets the notes', async () => {
    const sid = await callToFirst();
    const notes = 'Policy renewal question; already verified identity.';
    await transfer('Cold', 'queue', 'general', notes);
    await state(first, 'Wrap-up');
    await colleagueTakes(notes);
    await shot(colleague, 'transfer-03-queue-transfer-taken');
    await wrapUp(first, notes, 'Sent to general for the renewal.');
    await sim(`/calls/${sid}/hangup`, {});
    await state(colleague, 'Wrap-up');
    await wrapUp(colleague, notes, 'Renewal done.');
    await expect.poll(() => record(sid), WITHIN).toMatchObject({ agentId: '1003', notes: 'Renewal done.' });
  });
});
