// A blacklisted caller on a line that rejects, and a Chinese customer's text, in Chromium: the supervisor
// approves an agent's blacklist request in the console without choosing an action, and the caller
// dialling the IT support line (whose rule is `reject`) is refused unanswered, as TwiML <Reject> as the
// first verb makes Twilio do (nothing heard, never billed); the same caller on the warranty line
// (rule `message`) hears the goodbye. 王建国, whose stored language is Chinese, texts his claim number
// from the phone page and gets the status in Chinese although the number is Latin letters.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOTLINE_NUMBERS } from '../../../flows/numbers.js';
import { createSimClock } from '../../../functions/domain/manual-clock.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };
const CALLER = '+8613900009999';
const WANG = '+8613800138000'; // cus-0001 王建国, language zh, an open gearbox claim
const line = (flow: string) => {
  const found = HOTLINE_NUMBERS.find((n) => n.flow === flow);
  if (!found) throw new Error(`no ${flow} line`);
  return found;
};

interface SimView {
  status: string;
  heard: { verb: string; text?: string }[];
}

describe.runIf(browserAvailable())('blacklist on a reject line and SMS language, in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let supervisor: Page;
  let phone: Page;

  const sim = async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${stack.url}/sim${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    await ensureWebBuild();
    // A weekday morning in the center's zone: every line is open.
    const clock = createSimClock({
      startMs: Date.parse('2026-12-07T10:00:00+08:00'),
      running: true,
      onTimerError: (err) => console.error('timer failed', err),
    });
    stack = await startLocalStack({ port: 0, demoData: true, clock });
    browser = await launch();
    const page = async () =>
      (await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 } })).newPage();
    [supervisor, phone] = [await page(), await page()];
    for (const p of [supervisor, phone]) await p.addInitScript(() => localStorage.setItem('cc-lang', 'en'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('a request approved without an action rejects the caller unanswered on the reject line', async () => {
    expect(line('it-support').blocked).toBe('reject');
    expect(line('warranty').blocked).toBe('message');
    await stack.store.blacklistRequests.create({
      phone: CALLER,
      reason: 'abusive calls',
      requestedBy: '1002',
    });
    await signIn(supervisor, stack.url, '2001', '/supervisor');
    const request = supervisor.getByRole('listitem').filter({ hasText: CALLER });
    await request.getByRole('button', { name: 'Approve' }).click();
    await supervisor.getByTestId('toast').getByText('Approve ✓').waitFor(WITHIN);
    await shot(supervisor, 'blacklist-approved');
    // A success says so and goes, rather than stand over the console for the rest of the shift.
    await supervisor.getByTestId('toast').waitFor({ state: 'detached', timeout: 8_000 });

    const rejected = await sim<{ callSid: string }>('/calls', {
      from: CALLER,
      to: line('it-support').number,
    });
    const refused = await sim<SimView>(`/calls/${rejected.callSid}`);
    // Twilio: <Reject> (reason `rejected`) as the first verb leaves the call unanswered and unbilled: it
    // ends `no-answer` with not a word heard.
    expect(refused.status).toBe('no-answer');
    expect(refused.heard).toEqual([]);
    const record = await stack.store.calls.get(rejected.callSid);
    expect(record).toMatchObject({ disposition: 'blacklisted', status: 'no-answer' });
    expect(record?.answeredAt).toBeUndefined();

    const told = await sim<{ callSid: string }>('/calls', { from: CALLER, to: line('warranty').number });
    const goodbye = await sim<SimView>(`/calls/${told.callSid}`);
    expect(goodbye.heard.map((h) => h.text)).toContain('Sorry, this line cannot take your call. Goodbye.');
    expect(goodbye.status).toBe('completed');
  });

  it('a Chinese customer texting a claim number is answered in Chinese', async () => {
    const claims = await stack.store.tickets.byCustomer('cus-0001');
    const claim = claims.items.find((t) => t.type === 'claim' && t.status === 'open');
    if (!claim) throw new Error('the demo claim of cus-0001 is missing');
    await phone.goto(`${stack.url}/phone`);
    await phone.fill('input[name=from]', WANG);
    const sms = phone.getByTestId('sms');
    await sms.getByLabel('Message').fill(claim.number);
    await sms.getByRole('button', { name: 'Send' }).click();
    await sms.getByText(`单号 ${claim.number}：处理中。`).waitFor(WITHIN);
    await shot(phone, 'sms-chinese-reply');
  });
});
