// A claim filed in the IVR is not filed again from the desk, in Chromium: John Smith reports a claim on
// the warranty hotline (sim API) and is queued to claims; agent 1003 takes the call and the desk's claim
// form shows the IVR's claim instead of inviting a second one. A complaint submitted twice by a double
// click, and the same request retried, each leave one ticket.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimClock } from '../../../functions/domain/manual-clock.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };
const JOHN_SMITH = '+14155550123'; // cus-0004, English, policy EW-2025-000033
const WARRANTY = '+18005550100';

interface SimView {
  heard: { text?: string }[];
}

describe.runIf(browserAvailable())('one claim per incident, from the IVR and the desk, in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let agent: Page;
  let callSid: string;
  let ivrClaim: string;

  const sim = async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${stack.url}/sim${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return (await res.json()) as T;
  };
  const ticketsOfJohn = async () => (await stack.store.tickets.byCustomer('cus-0004')).items;

  beforeAll(async () => {
    await ensureWebBuild();
    // A weekday morning in the center's zone, at real speed.
    const clock = createSimClock({
      startMs: Date.parse('2026-12-07T10:00:00+08:00'),
      running: true,
      onTimerError: (err) => console.error('timer failed', err),
    });
    stack = await startLocalStack({ port: 0, demoData: true, clock, periodicJobs: true });
    browser = await launch();
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 } });
    agent = await context.newPage();
    await agent.addInitScript(() => localStorage.setItem('cc-lang', 'en'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('John Smith reports a claim in the IVR and waits for the claims queue', async () => {
    ({ callSid } = await sim<{ callSid: string }>('/calls', { from: JOHN_SMITH, to: WARRANTY }));
    await sim(`/calls/${callSid}/input`, { digits: '1' }); // report a claim
    await sim(`/calls/${callSid}/input`, { speech: 'John Smith' });
    await sim(`/calls/${callSid}/input`, { digits: '2025000033' });
    await sim(`/calls/${callSid}/input`, { speech: 'The gearbox grinds in second gear' });
    const heard = (await sim<SimView>(`/calls/${callSid}`)).heard.map((h) => h.text ?? '');
    expect(heard.some((line) => line.startsWith('Your claim is logged.'))).toBe(true);
    const claims = (await ticketsOfJohn()).filter((t) => t.type === 'claim' && t.callSids.includes(callSid));
    expect(claims).toHaveLength(1);
    ivrClaim = claims[0]?.number ?? '';
    // The call waits 20 s for John's own agent, then 15 s for his region, before any claims agent may
    // take it: let that time pass before anyone signs in.
    await sim('/clock/advance', { ms: 40_000 });
  });

  it('the desk shows the IVR’s claim on this call instead of a second claim form', async () => {
    await signIn(agent, stack.url, '1003', '/agent');
    await agent.getByTestId('link-state').getByText('Connected').waitFor(WITHIN);
    await agent.getByRole('button', { name: 'Available', exact: true }).click();
    const incoming = agent.getByTestId('incoming');
    await incoming.waitFor(WITHIN);
    await agent.getByTestId('accept').click();
    await agent.getByTestId('pop-customer').getByText('John Smith').waitFor(WITHIN);
    const form = agent.getByTestId('ticket-form');
    await form.getByTestId('existing-ticket').getByText(ivrClaim).waitFor(WITHIN);
    expect(await form.locator('input[name=subject]').count()).toBe(0);
    await shot(agent, 'desk-claim-already-filed');
  });

  it('a complaint double-clicked is filed once', async () => {
    const form = agent.getByTestId('ticket-form');
    await form.getByRole('radio', { name: 'Complaint' }).check();
    await form.locator('input[name=subject]').fill('Dealer kept the car a week');
    await form.locator('input[name=about]').fill('Bay Area Motors');
    await form.getByRole('button', { name: 'Create ticket' }).dblclick();
    await agent.getByTestId('ticket-created').getByText('CMP-', { exact: false }).waitFor(WITHIN);
    // Now on file for this call: the form shows it too.
    await form.getByTestId('existing-ticket').getByText('CMP-', { exact: false }).waitFor(WITHIN);
    const complaints = (await ticketsOfJohn()).filter(
      (t) => t.type === 'complaint' && t.callSids.includes(callSid),
    );
    expect(complaints).toHaveLength(1);
    expect((await ticketsOfJohn()).filter((t) => t.callSids.includes(callSid))).toHaveLength(2);
  });

  it('the same request retried answers with the ticket already filed', async () => {
    const retried = await agent.evaluate(async () => {
      const post = () =>
        fetch('/api/tickets', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', 'idempotency-key': 'retry-0123456789' },
          body: JSON.stringify({ type: 'inquiry', subject: 'Opening hours', customerId: 'cus-0004' }),
        }).then(async (r) => ({ status: r.status, number: ((await r.json()) as { number: string }).number }));
      return [await post(), await post()];
    });
    expect(retried.map((r) => r.status)).toEqual([201, 200]);
    expect(retried[1]?.number).toBe(retried[0]?.number);
  });
});
