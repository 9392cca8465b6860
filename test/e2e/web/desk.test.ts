// The whole desk in a browser: a caller on the phone page reaches the IVR and
// queues; the supervisor sees the waiting call; the agent, signed in on a second page, gets the ring
// (the assignment's conference instruction), answers it, sees the screen pop of the right customer,
// logs a claim, schedules a callback for the caller from the pop, cold-transfers the caller to the
// general queue, where a second agent accepts, and wraps up; the supervisor sees the states change
// within 5 s, monitors and barges on the live call (audited) and forces the agent to Busy. All of it
// under the app's Content-Security-Policy, without a single violation.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimClock } from '../../../functions/domain/manual-clock.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, collectCspViolations, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };
const JOHN_SMITH = '+14155550123'; // cus-0004, platinum, English; menu key 7 queues to "general"

describe.runIf(browserAvailable())('agent desktop, supervisor console and caller phone in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let agent: Page;
  let second: Page;
  let supervisor: Page;
  let phone: Page;
  const violations: string[][] = [];

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
    const page = async () =>
      (await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 } })).newPage();
    [agent, second, supervisor, phone] = [await page(), await page(), await page(), await page()];
    for (const p of [agent, second, supervisor, phone]) {
      await p.addInitScript(() => localStorage.setItem('cc-lang', 'en'));
      violations.push(await collectCspViolations(p));
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('agent signs in, connects and sets state and skills', async () => {
    await signIn(agent, stack.url, '1002', '/agent');
    await agent.getByTestId('link-state').getByText('Connected').waitFor(WITHIN);
    await agent.getByRole('button', { name: 'Busy', exact: true }).click();
    await agent.getByTestId('agent-state').getByText('Busy').waitFor(WITHIN);
    await shot(agent, '01-agent-busy');
    // The transfer target: 1003 (claims, rescue, general), Busy until the transfer.
    await signIn(second, stack.url, '1003', '/agent');
    await second.getByTestId('link-state').getByText('Connected').waitFor(WITHIN);
    await second.getByRole('button', { name: 'Busy', exact: true }).click();
    await second.getByTestId('agent-state').getByText('Busy').waitFor(WITHIN);
  });

  it('a call from the phone page reaches the IVR and waits; the supervisor sees it within 5 s', async () => {
    await signIn(supervisor, stack.url, '2001', '/supervisor');
    await supervisor.getByTestId('wallboard').waitFor(WITHIN);
    await phone.goto(`${stack.url}/phone`);
    await phone.fill('input[name=from]', JOHN_SMITH);
    await phone.getByTestId('dial').click();
    await phone.getByTestId('transcript').getByText('Hello John Smith', { exact: false }).waitFor(WITHIN);
    await phone.getByTestId('key-7').click();
    await shot(phone, '02-phone-queued');
    await supervisor.getByTestId('queue-general').getByTestId('waiting').getByText('1').waitFor(WITHIN);
    await supervisor.getByTestId('agent-1002').getByTestId('state').getByText('Busy').waitFor(WITHIN);
    await shot(supervisor, '03-supervisor-waiting');
  });

  it('the agent goes Available, the call rings with the IVR findings, and the agent accepts', async () => {
    await agent.getByRole('button', { name: 'Available', exact: true }).click();
    const incoming = agent.getByTestId('incoming');
    await incoming.waitFor(WITHIN);
    await incoming.getByText(JOHN_SMITH).waitFor(WITHIN);
    // The line he called, by its name rather than its flow's code.
    await incoming.getByTestId('findings').getByText('Car Care warranty hotline').waitFor(WITHIN);
    // His tier by its name, not its code.
    await incoming.getByTestId('caller').getByText('VIP Platinum').waitFor(WITHIN);
    await shot(agent, '04-agent-ringing');
    // A few seconds Available and ringing first: the On call time below must not count them.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await agent.getByTestId('accept').click();
    await agent.getByTestId('live-call').waitFor(WITHIN);
    await agent.getByTestId('pop-customer').getByText('John Smith').waitFor(WITHIN);
    await shot(agent, '05-agent-on-call');
  });

  it('the desktop and the supervisor show the agent On call with the caller within 5 s', async () => {
    await agent.getByTestId('agent-state').getByText('On call').waitFor(WITHIN);
    const row = supervisor.getByTestId('agent-1002');
    await row.getByTestId('state').getByText('On call').waitFor(WITHIN);
    await row.getByTestId('agent-call').getByText(JOHN_SMITH).waitFor(WITHIN);
    await shot(supervisor, '06-supervisor-agent-on-call');
    // On call counts from the answer, as the call's own timer does, not from going Available before it.
    const seconds = (text: string | null) => {
      const [m = 0, s = 0] = (text?.match(/(\d+):(\d+)/)?.slice(1) ?? []).map(Number);
      return m * 60 + s;
    };
    const pill = seconds(await agent.getByTestId('agent-state').locator('.pill-time').textContent());
    const timer = seconds(await agent.getByTestId('call-timer').textContent());
    expect(Math.abs(pill - timer)).toBeLessThanOrEqual(1);
  });

  it('the agent logs a claim with the required fields', async () => {
    const form = agent.getByTestId('ticket-form');
    await form.getByRole('button', { name: 'Create ticket' }).click();
    // Required fields keep the form from going anywhere.
    expect(await agent.getByTestId('ticket-created').count()).toBe(0);
    await form.locator('input[name=subject]').fill('Engine warning light');
    await form.locator('select[name=policy]').selectOption({ index: 1 });
    await form.locator('select[name=asset]').selectOption({ index: 1 });
    await form.locator('input[name=fault]').fill('Check-engine light and loss of power');
    await form.locator('input[name=location]').fill('San Francisco, Market St');
    // A mileage that is not a number is refused with the form it should take, in the page's words.
    const mileage = form.locator('input[name=mileage]');
    await mileage.fill('48k');
    expect(await mileage.evaluate((el: HTMLInputElement) => el.validity.patternMismatch)).toBe(true);
    expect(await mileage.getAttribute('title')).toBe('Digits only, e.g. 61000');
    await mileage.fill('48200');
    // The subject takes no more than the server keeps, so what is typed is never refused after the fact.
    expect(await form.locator('input[name=subject]').getAttribute('maxlength')).toBe('200');
    await form.getByRole('button', { name: 'Create ticket' }).click();
    await agent.getByTestId('ticket-created').getByText('CLM-', { exact: false }).waitFor(WITHIN);
    await shot(agent, '07-agent-claim');
  });

  it('the schedule-a-callback form starts from the caller on the screen pop and carries the customer', async () => {
    const form = agent.getByTestId('schedule-callback');
    expect(await form.locator('input[name=phone]').inputValue()).toBe(JOHN_SMITH);
    await form.getByTestId('schedule-link').getByText('John Smith', { exact: false }).waitFor(WITHIN);
    await form.locator('textarea[name=note]').fill('Tell him when the claim is approved');
    await form.locator('input[name=autoDial]').uncheck();
    await form.getByRole('button', { name: 'Schedule' }).click();
    await form.getByTestId('callback-scheduled').waitFor(WITHIN);
    const mine = await stack.store.tasks.byAssignee('1002');
    expect(mine.items.find((task) => task.note === 'Tell him when the claim is approved')).toMatchObject({
      kind: 'callback',
      phone: JOHN_SMITH,
      customerId: 'cus-0004',
      autoDial: false,
    });
  });

  it('the agent cold-transfers the caller to the general queue; the second agent accepts', async () => {
    await second.getByRole('button', { name: 'Available', exact: true }).click();
    const transfer = agent.getByTestId('transfer');
    await transfer.locator('select').first().selectOption('queue');
    // Queues are chosen by the names shown everywhere else, not typed as codes.
    await transfer.locator('select[name=queue]').selectOption({ label: 'General inquiries' });
    await transfer.getByRole('button', { name: 'Transfer' }).click();
    await agent.getByTestId('agent-state').getByText('Wrap-up').waitFor({ timeout: 10_000 });
    const incoming = second.getByTestId('incoming');
    await incoming.getByText(JOHN_SMITH).waitFor({ timeout: 10_000 });
    await shot(second, '08-second-agent-transfer-offered');
    await second.getByTestId('accept').click();
    await second.getByTestId('live-call').waitFor(WITHIN);
    await second.getByTestId('agent-state').getByText('On call').waitFor(WITHIN);
    await second.getByTestId('pop-customer').getByText('John Smith').waitFor(WITHIN);
    const row = supervisor.getByTestId('agent-1003');
    await row.getByTestId('state').getByText('On call').waitFor(WITHIN);
    await row.getByTestId('agent-call').getByText(JOHN_SMITH).waitFor(WITHIN);
    await supervisor.getByTestId('agent-1002').getByTestId('state').getByText('Wrap-up').waitFor(WITHIN);
    await shot(second, '09-second-agent-on-call');
  });

  it('the first agent saves the wrap-up notes and is Available again', async () => {
    const wrap = agent.getByTestId('wrap-up');
    await wrap.locator('textarea').fill('Claim logged; transferred to general.');
    // The transfer chose the outcome already.
    expect(await wrap.locator('select[name=disposition]').inputValue()).toBe('transferred');
    // A save the server cannot take (here, unreachable) keeps the agent in wrap-up with what they typed.
    await agent.route('**/api/calls/*/wrap-up', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"unavailable"}' }),
    );
    await wrap.getByRole('button', { name: 'Save and finish' }).click();
    await agent.getByTestId('toast').filter({ hasText: 'Save and finish:' }).waitFor(WITHIN);
    await agent.unroute('**/api/calls/*/wrap-up');
    expect(await wrap.locator('textarea').inputValue()).toBe('Claim logged; transferred to general.');
    await agent.getByTestId('agent-state').getByText('Wrap-up').waitFor(WITHIN);
    await wrap.getByRole('button', { name: 'Save and finish' }).click();
    await agent.getByTestId('agent-state').getByText('Available').waitFor(WITHIN);
  });

  it('the supervisor monitors, whispers, then barges on the live call; the agent hears of all but the silent listen', async () => {
    const row = supervisor.getByTestId('agent-1003');
    const badge = supervisor.getByTestId('listening');
    const heard = second.getByTestId('supervisor-heard');
    await row.getByTestId('mode-monitor').click();
    await badge.getByText('Listening to 1003').waitFor({ timeout: 10_000 });
    expect(await row.getByTestId('mode-monitor').getAttribute('aria-pressed')).toBe('true');
    // Listening silently is not shown to the agent, not even as one more party on the call.
    await second.getByTestId('live-call').getByText('2 parties').waitFor(WITHIN);
    expect(await heard.count()).toBe(0);
    await shot(supervisor, '10-supervisor-monitoring');
    await row.getByTestId('mode-whisper').click();
    await badge.getByText('Whispering to 1003').waitFor(WITHIN);
    await heard.getByText('Supervisor 2001 is whispering to you').waitFor(WITHIN);
    await row.getByTestId('mode-barge').click();
    await expect
      .poll(async () => {
        const audit = await stack.store.audit.byActor('2001');
        return audit.items
          .filter((a) => a.action === 'supervisor.monitor')
          .map((a) => String(a.detail?.mode))
          .sort();
      }, WITHIN)
      .toEqual(['barge', 'monitor', 'whisper']);
    await badge.getByText('In the call of 1003').waitFor(WITHIN);
    await heard.getByText('Supervisor 2001 has joined the call').waitFor(WITHIN);
    await second.getByTestId('live-call').getByText('3 parties').waitFor(WITHIN);
    await shot(supervisor, '11-supervisor-barged');
  });

  it('the caller hangs up; the second agent wraps up with a countdown and is Available again', async () => {
    await phone.getByTestId('phone-hangup').click();
    await second.getByTestId('agent-state').getByText('Wrap-up').waitFor({ timeout: 10_000 });
    await second.getByTestId('wrap-countdown').waitFor(WITHIN);
    // Counted on the center's clock (a simulated morning here), not this machine's: the seconds left.
    const left = Number((await second.getByTestId('wrap-countdown').textContent())?.replace(/\D/g, ''));
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(120);
    await supervisor.getByTestId('agent-1003').getByTestId('state').getByText('Wrap-up').waitFor(WITHIN);
    // The supervisor's leg ended with the call: nothing left to say they are on it; and a call in
    // wrap-up has nothing to listen to, so no controls are offered on it.
    await supervisor.getByTestId('listening').waitFor({ state: 'detached', ...WITHIN });
    const wrapping = supervisor.getByTestId('agent-1003');
    await wrapping.getByTestId('call-status').getByText('in wrap-up').waitFor(WITHIN);
    expect(await wrapping.getByTestId('mode-monitor').count()).toBe(0);
    await shot(second, '12-second-agent-wrap-up');
    await shot(phone, '12-phone-ended');
    const wrap = second.getByTestId('wrap-up');
    await wrap.locator('textarea').fill('Claim confirmed with the customer.');
    // No outcome is chosen for the agent: saving without one asks for it and finishes nothing.
    expect(await wrap.locator('select[name=disposition]').inputValue()).toBe('');
    await wrap.getByRole('button', { name: 'Save and finish' }).click();
    await wrap.getByTestId('disposition-missing').getByText('Choose the call’s outcome').waitFor(WITHIN);
    await second.getByTestId('agent-state').getByText('Wrap-up').waitFor(WITHIN);
    await wrap.locator('select[name=disposition]').selectOption('claim-filed');
    expect(await wrap.getByTestId('disposition-missing').count()).toBe(0);
    await wrap.getByRole('button', { name: 'Save and finish' }).click();
    await second.getByTestId('agent-state').getByText('Available').waitFor(WITHIN);
  });

  it('the supervisor forces the agent to Busy and the desktop shows it within 5 s', async () => {
    await supervisor.getByTestId('agent-1002').getByTestId('force-Busy').click();
    await agent.getByTestId('agent-state').getByText('Busy').waitFor(WITHIN);
    await supervisor.getByTestId('agent-1002').getByTestId('state').getByText('Busy').waitFor(WITHIN);
    await shot(agent, '13-agent-forced-busy');
    await shot(supervisor, '14-supervisor-final');
  });

  it('every page ran under the CSP without a violation, and the CSP does block inline script', async () => {
    const page = await fetch(`${stack.url}/agent`);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    expect(violations.flat()).toEqual([]);
    // The collector sees what the policy blocks: an injected inline script never runs and is reported.
    const probe = await (await browser.newContext()).newPage();
    const seen = await collectCspViolations(probe);
    await probe.goto(`${stack.url}/login`);
    const ran = await probe.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.inline = "ran"';
      document.head.append(script);
      return document.body.dataset.inline ?? 'blocked';
    });
    expect(ran).toBe('blocked');
    await expect.poll(() => seen.length, WITHIN).toBeGreaterThan(0);
  });
});
