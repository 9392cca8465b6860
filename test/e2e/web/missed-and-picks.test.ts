// Missed offers and picks on the desk in Chromium, the sim API as the caller and the stack's clock moved
// on through it: an offer left to ring out shows the agent Missed with the missed call (caller, center
// time, "rang out") and no empty wrap-up form, and the caller rings the next agent at once; alone on
// shift, the caller waits and rings the agent again when they click "I'm back". Picking a waiting caller
// from the live queue puts the agent On call with the screen pop, wrap-up follows the caller's hang-up,
// and the statistics count the call as answered, not abandoned.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimClock } from '../../../functions/domain/manual-clock.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { jsonClient } from '../../support/sim.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };
const JOHN_SMITH = '+14155550123'; // cus-0004, owned by 1002, English; menu key 7 queues to "general"
const STRANGER = '+14155550999'; // no customer, no owner agent: English (2), then general (7)
const WARRANTY = '+18005550100';

interface Queue {
  queue: string;
  answeredToday: number;
  abandonedToday: number;
}

describe.runIf(browserAvailable())('missed offers and picks on the desk in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let a1002: Page;
  let a1003: Page;

  const sim = jsonClient(() => stack.url);
  const advance = (seconds: number) => sim('/sim/clock/advance', { ms: seconds * 1000 });
  const call = async (from: string, digits: readonly string[]) => {
    const { callSid } = await sim<{ callSid: string }>('/sim/calls', { from, to: WARRANTY });
    for (const d of digits) await sim(`/sim/calls/${callSid}/input`, { digits: d });
    return callSid;
  };
  const state = (page: Page, name: string) => page.getByTestId('agent-state').getByText(name).waitFor(WITHIN);
  const setState = async (page: Page, name: string) => {
    await page.getByRole('button', { name, exact: true }).click();
    await state(page, name);
  };
  async function general(): Promise<Queue | undefined> {
    const { token } = await sim<{ token: string }>('/api/auth/login', { id: '2001', password: 'demo-2001' });
    await advance(3); // past the board's shared cache
    const res = await fetch(`${stack.url}/api/supervisor/wallboard`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return ((await res.json()) as { queues: Queue[] }).queues.find((q) => q.queue === 'general');
  }

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
    [a1002, a1003] = [await page(), await page()];
    for (const [p, id] of [
      [a1002, '1002'],
      [a1003, '1003'],
    ] as const) {
      await p.addInitScript(() => localStorage.setItem('cc-lang', 'en'));
      await signIn(p, stack.url, id, '/agent');
      await p.getByTestId('link-state').getByText('Connected').waitFor(WITHIN);
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('an offer left to ring out: Missed with the missed call, no wrap-up, the next agent rings at once', async () => {
    await setState(a1002, 'Available');
    await setState(a1003, 'Available');
    const sid = await call(STRANGER, ['2', '7']);
    // The same-region step offers the stranger (+1, "us") to 1002 only.
    await a1002.getByTestId('incoming').getByText(STRANGER).waitFor(WITHIN);
    await advance(16);
    await state(a1002, 'Missed');
    await a1002.getByTestId('clear-missed').waitFor(WITHIN);
    const missed = a1002.getByTestId('missed-call').filter({ hasText: STRANGER });
    await missed.waitFor({ timeout: 15_000 }); // the list polls every 10 s
    // The clock runs at real speed from 10:00: a slow machine reaches this a minute or two later.
    expect(await missed.textContent()).toMatch(/10:0\d:\d\d · rang out/);
    expect(await a1002.getByTestId('wrap-up').count()).toBe(0);
    expect(await a1002.getByTestId('incoming').count()).toBe(0);
    // Nor a pop or a "New customer" card for a caller who never reached this desk.
    await a1002.getByTestId('idle').waitFor(WITHIN);
    expect(await a1002.getByTestId('new-customer').count()).toBe(0);
    expect(await a1002.getByTestId('screen-pop').count()).toBe(0);
    // The region step has ended with the ring: 1003 (English) rings at once.
    await a1003.getByTestId('incoming').getByText(STRANGER).waitFor(WITHIN);
    await shot(a1002, 'missed-offer-desk');
    await a1003.getByTestId('accept').click();
    await state(a1003, 'On call');
    await sim(`/sim/calls/${sid}/hangup`, {});
    await state(a1003, 'Wrap-up');
    await setState(a1003, 'Busy');
    await a1002.getByTestId('clear-missed').click();
    await state(a1002, 'Available');
  }, 60_000);

  it("alone on shift: the caller waits while I am Missed and rings me again when I click I'm back", async () => {
    const sid = await call(STRANGER, ['2', '7']);
    await a1002.getByTestId('incoming').getByText(STRANGER).waitFor(WITHIN);
    await advance(16);
    await state(a1002, 'Missed');
    await advance(20);
    expect(await a1002.getByTestId('incoming').count()).toBe(0);
    expect((await sim<{ status: string }>(`/sim/calls/${sid}`)).status).toBe('in-progress');
    await a1002.getByTestId('clear-missed').click();
    await a1002.getByTestId('incoming').getByText(STRANGER).waitFor(WITHIN);
    await a1002.getByTestId('accept').click();
    await state(a1002, 'On call');
    await sim(`/sim/calls/${sid}/hangup`, {});
    await state(a1002, 'Wrap-up');
    await setState(a1002, 'Busy');
  }, 60_000);

  it('picking a waiting caller: On call with the pop, wrap-up on hang-up, counted as answered', async () => {
    // John Smith's own agent (1002) is Busy: the owner-first step keeps him waiting, not offered to 1003.
    await setState(a1003, 'Available');
    const before = await general();
    const sid = await call(JOHN_SMITH, ['7']);
    const row = a1003.getByTestId('queue').locator('li').filter({ hasText: JOHN_SMITH });
    // The queue by its name, as everywhere else on the desk, not its code.
    await row.getByText('General inquiries').waitFor(WITHIN);
    await row.getByRole('button', { name: 'Pick', exact: true }).click();
    await a1003.getByTestId('live-call').waitFor(WITHIN);
    await a1003.getByTestId('pop-customer').getByText('John Smith').waitFor(WITHIN);
    await state(a1003, 'On call');
    await shot(a1003, 'picked-on-call');
    // The call under way is not among his past calls.
    const past = a1003.getByTestId('past-calls');
    await past.waitFor(WITHIN);
    expect(await past.getByText(/ringing|queued|in progress/).count()).toBe(0);
    await sim(`/sim/calls/${sid}/hangup`, {});
    await state(a1003, 'Wrap-up');
    const wrap = a1003.getByTestId('wrap-up');
    await wrap.waitFor(WITHIN);
    await a1003.getByTestId('pop-customer').getByText('John Smith').waitFor(WITHIN);
    await wrap.locator('textarea[name=notes]').fill('Picked from the queue');
    await wrap.locator('select[name=disposition]').selectOption('other');
    await wrap.getByRole('button', { name: 'Save and finish' }).click();
    await state(a1003, 'Available');
    expect(await stack.store.calls.get(sid)).toMatchObject({
      agentId: '1003',
      notes: 'Picked from the queue',
      disposition: 'other',
    });
    const after = await general();
    expect(after?.answeredToday).toBe((before?.answeredToday ?? 0) + 1);
    expect(after?.abandonedToday).toBe(before?.abandonedToday ?? 0);
  }, 60_000);
});
