// Scheduling a callback from the agent desk in a browser set to Shanghai time: the page's own words for a
// bad number, then a callback at 10:30 local two days ahead from the rescue hotline, shown in my tasks as
// auto-dial at 10:30 and stored with autoDial, the caller id, the agent and 02:30 UTC; automatic dialling
// switched off from the list (and a change made elsewhere first answered 409 and reloaded).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../../functions/domain/model.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };
const AGENT = '1004';
const CUSTOMER = '+8613912345678';
const RESCUE_HOTLINE = '+18005550111';
const NOTE = 'Confirm the repair date 确认维修日期';

/** Two days ahead, as a Shanghai wall-clock date. */
const DAY = new Date(Date.now() + 2 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });

describe.runIf(browserAvailable())('scheduling a callback from the agent desk in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let agent: Page;

  const myTask = async (): Promise<Task | undefined> =>
    (await stack.store.tasks.byAssignee(AGENT)).items.find((task) => task.note === NOTE);

  beforeAll(async () => {
    await ensureWebBuild();
    stack = await startLocalStack({ port: 0, demoData: true });
    browser = await launch();
    const context = await browser.newContext({
      locale: 'en-US',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1360, height: 900 },
    });
    agent = await context.newPage();
    await agent.addInitScript(() => localStorage.setItem('cc-lang', 'en'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('names the phone field in the page’s words when the number is not a phone number', async () => {
    await signIn(agent, stack.url, AGENT, '/agent');
    const form = agent.getByTestId('schedule-callback');
    await form.waitFor(WITHIN);
    expect(await form.locator('input[name=phone]').inputValue()).toBe(''); // no screen pop, no number
    expect(await form.locator('input[name=autoDial]').isChecked()).toBe(true);
    // The default time is an hour from now on the browser's clock.
    const due = await form.locator('input[name=dueAt]').inputValue();
    const inAnHour = Date.now() + 3_600_000;
    expect(Math.abs(Date.parse(`${due}:00+08:00`) - inAnHour)).toBeLessThan(2 * 60_000);
    await form.locator('input[name=phone]').fill('call me');
    await form.getByRole('button', { name: 'Schedule' }).click();
    await form.getByRole('alert').getByText('Phone: is not a valid phone number').waitFor(WITHIN);
  });

  it('schedules a callback at a local time; my tasks show it as auto-dial and the store has it', async () => {
    const form = agent.getByTestId('schedule-callback');
    await form.locator('input[name=phone]').fill(CUSTOMER);
    await form.locator('input[name=dueAt]').fill(`${DAY}T10:30`);
    await form.locator('textarea[name=note]').fill(NOTE);
    await form.locator('select[name=callerId]').selectOption(RESCUE_HOTLINE);
    await form.getByRole('button', { name: 'Schedule' }).click();
    await form.getByTestId('callback-scheduled').waitFor(WITHIN);
    expect(await form.getByRole('alert').count()).toBe(0);
    const row = agent.getByTestId('tasks').locator('li', { hasText: NOTE });
    await row.getByTestId('auto-dial').getByText('auto-dial at 10:30').waitFor(WITHIN);
    await shot(agent, '20-agent-callback-scheduled');

    expect(await myTask()).toMatchObject({
      kind: 'callback',
      status: 'open',
      phone: CUSTOMER,
      assigneeId: AGENT,
      autoDial: true,
      callerId: RESCUE_HOTLINE,
      dueAt: new Date(`${DAY}T10:30:00+08:00`).toISOString(), // 02:30 UTC
      attempts: 0,
    });
  });

  it('a change made elsewhere first is refused (409) and the list reloads with it', async () => {
    const task = await myTask();
    if (!task) throw new Error('the scheduled task is missing');
    const elsewhere = await stack.store.tasks.update(task.id, task.version, { note: `${NOTE} (moved)` });
    expect(elsewhere.ok).toBe(true);
    const row = agent.getByTestId(`task-${task.id}`);
    await row.getByTestId('toggle-auto-dial').click();
    await agent.getByTestId('toast').getByText('Stop auto-dial:', { exact: false }).waitFor(WITHIN);
    await row.getByText('(moved)', { exact: false }).waitFor(WITHIN);
    expect((await stack.store.tasks.get(task.id))?.autoDial).toBe(true);
  });

  it('switching automatic dialling off shows in the list and the store', async () => {
    const task = await stack.store.tasks
      .byAssignee(AGENT)
      .then((p) => p.items.find((t) => t.phone === CUSTOMER));
    if (!task) throw new Error('the scheduled task is missing');
    const row = agent.getByTestId(`task-${task.id}`);
    await row.getByTestId('toggle-auto-dial').click();
    await row.getByRole('button', { name: 'Auto-dial', exact: true }).waitFor(WITHIN);
    expect(await row.getByTestId('auto-dial').count()).toBe(0);
    await expect.poll(async () => (await stack.store.tasks.get(task.id))?.autoDial, WITHIN).toBe(false);
    await shot(agent, '21-agent-callback-auto-dial-off');
    // And on again.
    await row.getByRole('button', { name: 'Auto-dial', exact: true }).click();
    await row.getByTestId('auto-dial').waitFor(WITHIN);
    expect((await stack.store.tasks.get(task.id))?.autoDial).toBe(true);
  });
  it('reminds me of a follow-up that came due; dismissed, it stays dismissed after a reload', async () => {
    const made = await stack.store.tasks.create({
      kind: 'follow-up',
      dueAt: new Date(Date.now() - 60_000).toISOString(),
      assigneeId: AGENT,
      phone: '+8613900000099',
      maxAttempts: 1,
      note: 'Send the repair quote 发送报价',
    });
    if (!made.ok) throw new Error(made.reason);
    await agent.reload();
    const reminder = agent.getByTestId(`reminder-${made.value.id}`);
    await reminder.waitFor(WITHIN);
    expect(await reminder.textContent()).toContain('Send the repair quote');
    // Auto-dialled callbacks ring the agent by themselves: no reminder for those.
    expect(await agent.getByTestId('reminders').getByText(NOTE, { exact: false }).count()).toBe(0);
    await shot(agent, '22-agent-due-reminder');
    await reminder.getByRole('button', { name: 'Dismiss' }).click();
    await reminder.waitFor({ state: 'detached', ...WITHIN });
    await agent.reload();
    await agent.getByTestId(`task-${made.value.id}`).waitFor(WITHIN);
    expect(await agent.getByTestId(`reminder-${made.value.id}`).count()).toBe(0);
  });
});
