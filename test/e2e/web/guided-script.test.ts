// Procedure A on the desk, in Chromium: John Smith calls the warranty hotline and asks for a person (the
// general queue); agent 1003 takes the call, the Script panel opens procedure G for that choice, the agent
// switches to procedure A and follows it: a cancelled policy is refused with its reason, back, his valid
// policy, the fault, place and mileage, a standard phrase in the notes, and the claim it files carries the
// answers and a phrase added as a note afterwards (read back through the API).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimClock } from '../../../functions/domain/manual-clock.js';
import type { Ticket } from '../../../functions/domain/model.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };
const JOHN_SMITH = '+14155550123'; // cus-0004, English, policy EW-2025-000033 (valid), vehicle ast-0004
const WARRANTY = '+18005550100';
const CANCELLED = 'EW-2024-000215'; // cus-0003's

describe.runIf(browserAvailable())('guided script, procedure A, in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let agent: Page;
  let callSid: string;
  let ticketNumber: string;

  const sim = async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${stack.url}/sim${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return (await res.json()) as T;
  };
  const panel = () => agent.getByTestId('guided-script');
  const say = () => panel().getByTestId('script-say');
  const answer = async (text: string) => {
    await panel().getByLabel('Answer', { exact: true }).fill(text);
    await panel().getByRole('button', { name: 'Next', exact: true }).click();
  };
  const choose = async (option: string) => {
    await panel().getByRole('radio', { name: option }).check();
    await panel().getByRole('button', { name: 'Next', exact: true }).click();
  };

  beforeAll(async () => {
    await ensureWebBuild();
    const clock = createSimClock({
      startMs: Date.parse('2026-12-07T10:00:00+08:00'),
      running: true,
      onTimerError: (err) => console.error('timer failed', err),
    });
    stack = await startLocalStack({ port: 0, demoData: true, clock, periodicJobs: true });
    browser = await launch();
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 1000 } });
    agent = await context.newPage();
    await agent.addInitScript(() => localStorage.setItem('cc-lang', 'en'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('John Smith asks the warranty hotline for a person and waits in the general queue', async () => {
    ({ callSid } = await sim<{ callSid: string }>('/calls', { from: JOHN_SMITH, to: WARRANTY }));
    await sim(`/calls/${callSid}/input`, { digits: '7' }); // general questions
    // The call waits for John's own agent, then his region, before any agent of the queue may take it.
    await sim('/clock/advance', { ms: 40_000 });
  });

  it('the agent takes the call and the Script panel opens the script for that IVR choice', async () => {
    await signIn(agent, stack.url, '1003', '/agent');
    await agent.getByTestId('link-state').getByText('Connected').waitFor(WITHIN);
    await agent.getByRole('button', { name: 'Available', exact: true }).click();
    await agent.getByTestId('incoming').waitFor(WITHIN);
    await agent.getByTestId('accept').click();
    await agent.getByTestId('pop-customer').getByText('John Smith').waitFor(WITHIN);
    await say().getByText('May I have your name').waitFor(WITHIN);
    expect(await panel().getByLabel('Choose a script').inputValue()).toBe('warranty-g-inquiry');
  });

  it('follows procedure A: a cancelled policy is refused with its reason', async () => {
    await panel().getByLabel('Choose a script').selectOption('warranty-a-claim');
    await say().getByText('Car Care warranty hotline').waitFor(WITHIN);
    await panel().getByRole('button', { name: 'Next', exact: true }).click();
    await panel().getByText('An answer is needed first.').waitFor(WITHIN);
    await answer('John Smith');
    await choose('Yes');
    await answer(CANCELLED);
    await say().getByText('a claim cannot be taken on a cancelled policy').waitFor(WITHIN);
    expect(await panel().getByTestId('script-end').textContent()).toContain('close the call politely');
    await expect(panel().getByTestId('script-path').textContent()).resolves.toContain('Policy cancelled');
  });

  it('goes back, takes his valid policy and the claim details, and files the claim', async () => {
    await panel().getByRole('button', { name: 'Back', exact: true }).click();
    await say().getByText('policy number').waitFor(WITHIN);
    await panel().getByRole('button', { name: 'EW-2025-000033 (valid)' }).click();
    await panel().getByRole('button', { name: 'Next', exact: true }).click();
    await say().getByText('the policy is valid').waitFor(WITHIN);
    await answer('Gearbox grinds in second gear');
    await answer('Parked at home, 1 Market St, San Francisco');
    await answer('forty thousand');
    await panel().getByText('Enter a number.').waitFor(WITHIN);
    await answer('40210');
    await answer('Bay Area Motors service');
    await panel().getByTestId('script-end').getByText('create the ticket').waitFor(WITHIN);
    await panel().getByRole('button', { name: 'Caller identity and policy details verified.' }).click();
    await shot(agent, 'desk-guided-script-claim');
    await panel().getByRole('button', { name: 'Create ticket' }).click();
    const filed = panel().getByTestId('script-ticket');
    await filed.getByText('CLM-', { exact: false }).waitFor(WITHIN);
    ticketNumber = (await filed.locator('strong').textContent()) ?? '';
    expect(ticketNumber).toMatch(/^CLM-\d{4}-\d{6}$/);
  });

  it('adds a further standard phrase to the filed claim as a note', async () => {
    const notes = panel().locator('textarea[name=script-notes]');
    expect(await notes.inputValue()).toBe('');
    await panel()
      .getByRole('button', { name: 'Caller advised to take the car to the nearest approved repair shop.' })
      .click();
    await panel().getByRole('button', { name: "Add to the ticket's notes" }).click();
    await panel().getByTestId('script-noted').waitFor(WITHIN);
    expect(await notes.inputValue()).toBe('');
  });

  it('the claim carries the recorded answers (read through the API)', async () => {
    const ticket = await agent.evaluate(async (number) => {
      const res = await fetch(`/api/tickets/${number}`, { credentials: 'same-origin' });
      return (await res.json()) as Ticket;
    }, ticketNumber);
    expect(ticket).toMatchObject({
      type: 'claim',
      subject: 'Gearbox grinds in second gear',
      customerId: 'cus-0004',
      policyNumber: 'EW-2025-000033',
      assetId: 'ast-0004',
      description: 'Caller identity and policy details verified.',
      fields: {
        callerName: 'John Smith',
        fault: 'Gearbox grinds in second gear',
        location: 'Parked at home, 1 Market St, San Francisco',
        mileage: '40210',
        shop: 'Bay Area Motors service',
        script: 'warranty-a-claim',
      },
    });
    expect(ticket.callSids).toContain(callSid);
    expect(ticket.history).toContainEqual(
      expect.objectContaining({
        kind: 'note',
        by: '1003',
        text: 'Caller advised to take the car to the nearest approved repair shop.',
      }),
    );
  });
});
