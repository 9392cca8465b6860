// The tickets pages in Chromium on a local stack with the demo data, once in Chinese and once in English
// (switched from the header): an agent opens /tickets from the header, filters down to their late claim,
// opens it, edits a claim field, adds a note and moves it from open to resolved (on the board in one run,
// with the status button in the other, where a refused move is explained too); a second session that
// edits the version it read is told who changed the ticket and when, and reloads.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../../functions/domain/model.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };

describe.runIf(browserAvailable())('the tickets pages in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  const pageErrors: string[] = [];

  const page = async (lang: 'zh' | 'en'): Promise<Page> => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
    const p = await context.newPage();
    await p.addInitScript((l) => localStorage.setItem('cc-lang', l), lang);
    p.on('pageerror', (error) => pageErrors.push(error.message));
    return p;
  };

  /** A late open claim of agent 1001's, with a word in its subject no demo ticket has. */
  const lateClaim = async (word: string): Promise<Ticket> => {
    const created = await stack.store.tickets.create(
      {
        type: 'claim',
        status: 'open',
        priority: 'high',
        subject: `${word} gearbox noise`,
        customerId: 'cus-0001',
        assigneeId: '1001',
        dueAt: new Date(Date.now() - 3_600_000).toISOString(),
        fields: { fault: 'gearbox noise', location: 'Pudong', mileage: '58000' },
      },
      '1001',
    );
    if (!created.ok) throw new Error(`seeding a ticket: ${created.reason}`);
    return created.value;
  };

  const stored = async (number: string) => (await stack.store.tickets.get(number)) as Ticket;

  beforeAll(async () => {
    await ensureWebBuild();
    stack = await startLocalStack({ port: 0, demoData: true });
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** From the header to the ticket: the filters narrow the list to it, late and marked so. */
  const findAndOpen = async (agent: Page, ticket: Ticket, word: string, overdue: string) => {
    await agent.getByTestId('tickets-link').click();
    await agent.waitForURL(/\/tickets$/, WITHIN);
    const filters = agent.getByTestId('ticket-filters');
    await filters.locator('select[name=type]').selectOption('claim');
    await filters.locator('select[name=due]').selectOption('overdue');
    await filters.locator('input[name=q]').fill(word);
    await filters.locator('input[name=q]').press('Enter');
    const rows = agent.getByTestId('ticket-table').locator('tbody tr');
    await agent.getByTestId(`ticket-${ticket.number}`).waitFor(WITHIN);
    await expect.poll(() => rows.count(), WITHIN).toBe(1);
    expect(await agent.getByTestId(`ticket-${ticket.number}`).getAttribute('class')).toContain('overdue');
    expect(await agent.getByTestId(`ticket-${ticket.number}`).textContent()).toContain(overdue);
    await agent.getByTestId(`ticket-${ticket.number}`).getByRole('link', { name: ticket.number }).click();
    await agent.waitForURL(new RegExp(`/tickets/${ticket.number}$`), WITHIN);
    await agent.getByTestId('ticket-editor').waitFor(WITHIN);
  };

  /** A claim field edited and a note added, each landing in the stored ticket and its history. */
  const editAndNote = async (agent: Page, ticket: Ticket, words: { saved: string; edited: string }) => {
    const editor = agent.getByTestId('ticket-editor');
    await editor.locator('input[name=field-mileage]').fill('61000');
    await editor.locator('button[type=submit]').click();
    await agent.getByTestId('ticket-notice').getByText(words.saved).waitFor(WITHIN);
    expect((await stored(ticket.number)).fields.mileage).toBe('61000');
    await agent.getByTestId('ticket-history').getByText(words.edited).waitFor(WITHIN);
    await agent.locator('textarea[name=note]').fill('Dealer booked the inspection');
    await agent.locator('form:has(textarea[name=note]) button[type=submit]').click();
    await agent.getByTestId('ticket-history').getByText('Dealer booked the inspection').waitFor(WITHIN);
    expect((await stored(ticket.number)).history.at(-1)).toMatchObject({ kind: 'note', by: '1001' });
    // A due time typed in the past is said before it is saved; a future one, or the one it had, is not.
    const dueInput = editor.locator('input[name=dueAt]');
    const had = await dueInput.inputValue();
    await dueInput.fill('2020-01-06T09:00');
    await editor.getByTestId('due-past').waitFor(WITHIN);
    await dueInput.fill('2099-01-06T09:00');
    await editor.getByTestId('due-past').waitFor({ state: 'detached', ...WITHIN });
    await dueInput.fill(had);
    expect(await editor.getByTestId('due-past').count()).toBe(0);
  };

  /** A second session edits the version it read after the agent changed the ticket: told who and when. */
  const staleEdit = async (
    lang: 'zh' | 'en',
    ticket: Ticket,
    agent: Page,
    words: { conflict: RegExp; reload: string },
  ) => {
    const other = await page(lang);
    await signIn(other, stack.url, '2001', `/tickets/${ticket.number}`);
    const editor = other.getByTestId('ticket-editor');
    await editor.waitFor(WITHIN);
    // The agent moves first...
    await agent.getByTestId('ticket-editor').locator('select[name=priority]').selectOption('urgent');
    await agent.getByTestId('ticket-editor').locator('button[type=submit]').click();
    await expect.poll(async () => (await stored(ticket.number)).priority, WITHIN).toBe('urgent');
    // ...then the supervisor saves over the version they read.
    await editor.locator('input[name=subject]').fill('Overwritten subject');
    await editor.locator('button[type=submit]').click();
    const conflict = other.getByTestId('ticket-conflict');
    await conflict.waitFor(WITHIN);
    expect(await conflict.textContent()).toMatch(words.conflict);
    expect((await stored(ticket.number)).subject).not.toBe('Overwritten subject');
    await shot(other, `tickets-conflict-${lang}`);
    await conflict.getByRole('button', { name: words.reload }).click();
    await conflict.waitFor({ state: 'detached', ...WITHIN });
    expect(await editor.locator('select[name=priority]').inputValue()).toBe('urgent');
    expect(await editor.locator('input[name=subject]').inputValue()).toBe(ticket.subject);
    await other.context().close();
  };

  it('in Chinese: filter, open, edit, note, a stale edit refused, and open -> resolved on the board', async () => {
    const ticket = await lateClaim('Zhongwen');
    const agent = await page('zh');
    await signIn(agent, stack.url, '1001', '/agent');
    await findAndOpen(agent, ticket, 'zhongwen', '已逾期');
    await editAndNote(agent, ticket, { saved: '已保存', edited: '修改：业务信息' });
    await staleEdit('zh', ticket, agent, {
      conflict: /此工单已被 王芳 Wang Fang \(1001\) 于 .+ 修改/,
      reload: '重新加载',
    });

    await agent.getByRole('link', { name: /返回工单列表/ }).click();
    await agent.getByTestId('view-board').click();
    const card = agent.getByTestId(`card-${ticket.number}`);
    await agent.getByTestId('column-open').getByTestId(`card-${ticket.number}`).waitFor(WITHIN);
    await card.dragTo(agent.getByTestId('column-resolved'));
    await agent.getByTestId('column-resolved').getByTestId(`card-${ticket.number}`).waitFor(WITHIN);
    await agent.getByTestId('tickets-notice').getByText('已移到“已解决”').waitFor(WITHIN);
    expect((await stored(ticket.number)).status).toBe('resolved');
    // Resolved reopens or closes; pending is refused with the reason, and nothing is sent.
    await card.dragTo(agent.getByTestId('column-pending'));
    const refusal = agent.getByTestId('tickets-error');
    await refusal.waitFor(WITHIN);
    expect(await refusal.textContent()).toBe('“已解决”状态的工单不能移到“等待中”。可移到：处理中, 已关闭。');
    expect((await stored(ticket.number)).status).toBe('resolved');
    await shot(agent, 'tickets-board-zh');
    expect(pageErrors).toEqual([]);
    await agent.context().close();
  }, 120_000);

  it('in English after the header switch: the same work, resolved with the status button', async () => {
    const ticket = await lateClaim('Inglese');
    const agent = await page('zh');
    await signIn(agent, stack.url, '1001', '/agent');
    await agent.getByRole('button', { name: 'English' }).click();
    await agent.getByTestId('tickets-link').getByText('Tickets').waitFor(WITHIN);
    await findAndOpen(agent, ticket, 'INGLESE', 'Overdue');
    await editAndNote(agent, ticket, { saved: 'Saved', edited: 'Edited: Case details' });
    await staleEdit('en', ticket, agent, {
      conflict: /This ticket was changed by 王芳 Wang Fang \(1001\) at .+; your change was not saved/,
      reload: 'Reload',
    });

    const actions = agent.getByTestId('status-actions');
    expect(await actions.getByRole('button').allTextContents()).toEqual([
      'Pending',
      'Escalated',
      'Resolved',
      'Cancelled',
    ]);
    await actions.getByRole('button', { name: 'Resolved' }).click();
    await agent.getByTestId('ticket-status').getByText('Resolved').waitFor(WITHIN);
    expect(await actions.getByRole('button').allTextContents()).toEqual(['Open', 'Closed']);
    expect((await stored(ticket.number)).status).toBe('resolved');
    await agent.getByTestId('ticket-history').getByText('Status: Open → Resolved').waitFor(WITHIN);
    await shot(agent, 'tickets-ticket-en');
    expect(pageErrors).toEqual([]);
    await agent.context().close();
  }, 120_000);

  it('lists a ticket whose SLA ran out as overdue by its SLA time, with no due time set by hand', async () => {
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const created = await stack.store.tickets.create(
      {
        type: 'complaint',
        status: 'open',
        priority: 'high',
        subject: 'Slaclock dealer kept the car',
        customerId: 'cus-0001',
        sla: { policy: 'complaint', respondBy: hourAgo, resolveBy: hourAgo, reminded: [], escalated: 0 },
      },
      '2001',
    );
    if (!created.ok) throw new Error(`seeding a ticket: ${created.reason}`);
    const lead = await page('en');
    await signIn(lead, stack.url, '2001', '/tickets');
    const filters = lead.getByTestId('ticket-filters');
    await filters.locator('select[name=due]').selectOption('overdue');
    await filters.locator('input[name=q]').fill('Slaclock');
    await filters.locator('input[name=q]').press('Enter');
    const row = lead.getByTestId(`ticket-${created.value.number}`);
    await row.waitFor(WITHIN);
    expect(await row.getAttribute('class')).toContain('overdue');
    await row.getByTestId('due-sla').waitFor(WITHIN);
    expect(await row.getByTestId('center-time').count()).toBeGreaterThan(0);
    await lead.context().close();
  }, 60_000);
});
