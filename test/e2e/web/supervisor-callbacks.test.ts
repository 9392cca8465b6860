// The supervisor's callback list in a browser set to Shanghai time: an overdue manual callback listed
// before an auto-dial one due tomorrow (a follow-up not at all), with their marks; the tomorrow one
// rescheduled to a local time and its automatic dialling switched off and on, the overdue one called now
// and cancelled after a confirm; a change made elsewhere first answered 409 and reloaded, and the
// server's 400 shown. Auto-dial tasks stay in the future: the stack's periodic jobs dial what is due.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../../functions/domain/model.js';
import type { NewTask } from '../../../functions/domain/ports.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };
const HOUR = 3_600_000;
/** Two days ahead, as a Shanghai wall-clock date. */
const DAY = new Date(Date.now() + 48 * HOUR).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });

describe.runIf(browserAvailable())('the supervisor’s callback list in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let supervisor: Page;
  let overdue: Task;
  let tomorrow: Task;
  let followUp: Task;
  let badQueue: Task;

  const create = async (input: NewTask): Promise<Task> => {
    const made = await stack.store.tasks.create(input);
    if (!made.ok) throw new Error(made.reason);
    return made.value;
  };
  const stored = async (id: string): Promise<Task> => {
    const task = await stack.store.tasks.get(id);
    if (!task) throw new Error(`task ${id} is missing`);
    return task;
  };
  const panel = (): Locator => supervisor.getByTestId('callbacks');
  const row = (task: Task): Locator => panel().getByTestId(`callback-${task.id}`);
  const rowIds = async (): Promise<string[]> =>
    (
      await panel()
        .locator('tbody tr[data-testid]')
        .evaluateAll((rows) => rows.map((r) => r.dataset.testid ?? ''))
    ).map((id) => id.replace('callback-', ''));

  beforeAll(async () => {
    await ensureWebBuild();
    stack = await startLocalStack({ port: 0, demoData: true });
    const first = await create({
      kind: 'callback',
      dueAt: new Date(Date.now() - 2 * HOUR).toISOString(),
      phone: '+8613900000011',
      queue: 'support',
      maxAttempts: 3,
      note: 'Asked about the invoice 询问发票\nattempt 1: no-answer',
    });
    const tried = await stack.store.tasks.update(first.id, first.version, { attempts: 1 });
    if (!tried.ok) throw new Error(tried.reason);
    overdue = tried.value;
    tomorrow = await create({
      kind: 'callback',
      dueAt: new Date(Date.now() + 24 * HOUR).toISOString(),
      phone: '+8613900000022',
      assigneeId: '1002',
      queue: 'general',
      maxAttempts: 3,
      autoDial: true,
      note: 'Repair date 维修日期',
    });
    followUp = await create({
      kind: 'follow-up',
      dueAt: new Date(Date.now() + HOUR).toISOString(),
      phone: '+8613900000033',
      assigneeId: '1002',
      maxAttempts: 1,
      note: 'Send the quote 发送报价',
    });
    // A queue routing does not know: the server refuses automatic dialling for it (400 body.queue).
    badQueue = await create({
      kind: 'outbound-call',
      dueAt: new Date(Date.now() + 72 * HOUR).toISOString(),
      phone: '+8613900000044',
      queue: 'nowhere',
      maxAttempts: 2,
    });
    browser = await launch();
    const context = await browser.newContext({
      locale: 'en-US',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1360, height: 900 },
    });
    supervisor = await context.newPage();
    await supervisor.addInitScript(() => localStorage.setItem('cc-lang', 'en'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('lists open callbacks and outbound calls overdue first, with their marks; not follow-ups', async () => {
    await signIn(supervisor, stack.url, '2001', '/supervisor');
    await row(tomorrow).waitFor(WITHIN);
    const ids = await rowIds();
    expect(ids[0]).toBe(overdue.id);
    expect(ids.indexOf(tomorrow.id)).toBeGreaterThan(0);
    expect(ids.indexOf(badQueue.id)).toBeGreaterThan(ids.indexOf(tomorrow.id));
    expect(ids).not.toContain(followUp.id);
    expect(await panel().getByTestId('overdue-count').textContent()).toBe('1 overdue');

    const late = row(overdue);
    expect(await late.getAttribute('class')).toContain('overdue');
    expect(await late.getByTestId('overdue').textContent()).toBe('overdue');
    expect(await late.getByTestId('phone').textContent()).toBe('+8613900000011');
    expect(await late.getByTestId('rings').textContent()).toBe('IT support');
    expect(await late.getByTestId('attempts').textContent()).toBe('1/3');
    expect(await late.getByTestId('dial-mode').textContent()).toBe('manual');
    expect(await late.getByTestId('latest-attempt').textContent()).toBe('latest: attempt 1: no-answer');

    const next = row(tomorrow);
    expect(await next.getByTestId('overdue').count()).toBe(0);
    expect(await next.getByTestId('rings').textContent()).toBe('1002 · General inquiries');
    expect(await next.getByTestId('attempts').textContent()).toBe('0/3');
    expect(await next.getByTestId('dial-mode').textContent()).toBe('auto-dial');
    await shot(supervisor, '30-supervisor-callbacks');
  });

  it('reschedules the tomorrow one to a local time; the store has it in UTC', async () => {
    const next = row(tomorrow);
    await next.getByRole('button', { name: 'Reschedule' }).click();
    await next.getByLabel('New due time').fill(`${DAY}T09:15`);
    await next.getByRole('button', { name: 'Save' }).click();
    await next.getByTestId('due').getByText('09:15', { exact: false }).waitFor(WITHIN);
    expect((await stored(tomorrow.id)).dueAt).toBe(new Date(`${DAY}T09:15:00+08:00`).toISOString()); // 01:15 UTC
    expect(await next.getByLabel('New due time').count()).toBe(0);
  });

  it('switches automatic dialling off and on', async () => {
    const next = row(tomorrow);
    await next.getByRole('button', { name: 'Stop auto-dial' }).click();
    await next.getByTestId('dial-mode').getByText('manual').waitFor(WITHIN);
    expect((await stored(tomorrow.id)).autoDial).toBe(false);
    await next.getByRole('button', { name: 'Auto-dial', exact: true }).click();
    await next.getByTestId('dial-mode').getByText('auto-dial').waitFor(WITHIN);
    expect((await stored(tomorrow.id)).autoDial).toBe(true);
  });

  it('calls the overdue one now, then cancels it after a confirm', async () => {
    const late = row(overdue);
    const before = Date.now();
    await late.getByRole('button', { name: 'Call now' }).click();
    await panel().getByTestId('callbacks-message').getByText('Call now ✓', { exact: false }).waitFor(WITHIN);
    const called = await stored(overdue.id);
    expect(Date.parse(called.dueAt)).toBeGreaterThanOrEqual(before - 1_000);
    expect(called.status).toBe('open');

    // Exact names: "Cancel" is also part of "Confirm cancel".
    const cancel = late.getByRole('button', { name: 'Cancel', exact: true });
    const confirm = late.getByRole('button', { name: 'Confirm cancel', exact: true });
    await cancel.click();
    await confirm.waitFor(WITHIN);
    expect((await stored(overdue.id)).status).toBe('open'); // not before the confirm
    await late.getByRole('button', { name: 'Keep', exact: true }).click();
    await confirm.waitFor({ state: 'detached', ...WITHIN });
    expect((await stored(overdue.id)).status).toBe('open');
    await cancel.click();
    await confirm.click();
    await late.waitFor({ state: 'detached', ...WITHIN });
    expect((await stored(overdue.id)).status).toBe('cancelled');
  });

  it('a change made elsewhere first is refused (409), shown, and the list reloads with it', async () => {
    const next = row(tomorrow);
    await next.getByRole('button', { name: 'Reschedule' }).click();
    const seen = await stored(tomorrow.id);
    const elsewhere = await stack.store.tasks.update(seen.id, seen.version, { note: 'Repair date (moved)' });
    expect(elsewhere.ok).toBe(true);
    await next.getByLabel('New due time').fill(`${DAY}T11:45`);
    await next.getByRole('button', { name: 'Save' }).click();
    const message = panel().getByTestId('callbacks-message');
    await message.getByText('Someone else changed this callback', { exact: false }).waitFor(WITHIN);
    expect(await message.getAttribute('role')).toBe('alert');
    await next.getByText('Repair date (moved)').waitFor(WITHIN);
    expect((await stored(tomorrow.id)).dueAt).toBe(seen.dueAt);
    await shot(supervisor, '31-supervisor-callbacks-conflict');
  });

  it('shows the 400 naming the field in the page’s words', async () => {
    await row(badQueue).getByRole('button', { name: 'Auto-dial', exact: true }).click();
    await panel().getByTestId('callbacks-message').getByText('Queue:', { exact: false }).waitFor(WITHIN);
    expect((await stored(badQueue.id)).autoDial).toBeUndefined();
  });
});
