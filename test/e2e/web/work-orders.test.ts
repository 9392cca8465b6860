// A complaint worked as a work order in Chromium, in Chinese and in English: the supervisor opens it,
// sees its service-level due time, hands it to the complaints desk (the member gets it), resolves it, and
// records the customer's answers from the confirmation callback: not fixed reopens it, fixed closes it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../../functions/domain/model.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { login } from '../../local/support.js';
import { browserAvailable, ensureWebBuild, launch, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };

describe.runIf(browserAvailable())('a work order in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    stack = await startLocalStack({ port: 0, demoData: true });
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const fileComplaint = async (subject: string): Promise<Ticket> => {
    const token = await login(stack.url, '2001', 'demo-2001');
    const res = await fetch(`${stack.url}/api/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'complaint', subject, customerId: 'cus-0001' }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as Ticket;
  };
  const stored = async (number: string) => (await stack.store.tickets.get(number)) as Ticket;

  const open = async (lang: 'zh' | 'en', number: string): Promise<Page> => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
    const p = await context.newPage();
    await p.addInitScript((l) => localStorage.setItem('cc-lang', l), lang);
    p.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(p, stack.url, '2001', `/tickets/${number}`);
    await p.getByTestId('work-order').waitFor(WITHIN);
    return p;
  };

  it('attaches a photo to the ticket and refuses a program dressed as a PDF, saying why', async () => {
    const ticket = await fileComplaint('Scratched door after the repair');
    const page = await open('en', ticket.number);
    const card = page.getByTestId('attachments');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    await card
      .locator('input[type=file]')
      .setInputFiles({ name: 'door.png', mimeType: 'image/png', buffer: png });
    await page.getByTestId('attach').click();
    await page.getByTestId('attachment-door.png').waitFor(WITHIN);
    expect((await stored(ticket.number)).attachments?.map((a) => a.contentType)).toEqual(['image/png']);

    const exe = Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);
    await card
      .locator('input[type=file]')
      .setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: exe });
    await page.getByTestId('attach').click();
    await expect.poll(() => page.getByRole('alert').first().textContent(), WITHIN).toMatch(/PDF|format/i);
    expect((await stored(ticket.number)).attachments).toHaveLength(1);
    await page.context().close();
  }, 60_000);

  it.each([
    { lang: 'zh' as const, desk: '投诉处理组', reopened: '客户反馈未解决' },
    { lang: 'en' as const, desk: 'Complaints desk', reopened: 'not fixed: reopened' },
  ])(
    'in $lang: hand over, resolve, not fixed reopens, fixed closes',
    async ({ lang, desk, reopened }) => {
      const ticket = await fileComplaint(`Overcharged at the repair shop (${lang})`);
      expect(ticket.sla?.resolveBy).toBeTruthy();
      const page = await open(lang, ticket.number);
      expect(await page.getByTestId('sla-resolve-by').textContent()).toMatch(/\d{1,2}:\d{2}/);

      const card = page.getByTestId('work-order');
      await card.locator('select[name=department]').selectOption('complaints-desk');
      await page.getByTestId('hand-over').click();
      await expect.poll(() => page.getByTestId('work-order-department').textContent(), WITHIN).toBe(desk);
      // The history names the department as the card does, not by its id.
      await expect.poll(() => page.getByTestId('ticket-history').textContent(), WITHIN).toContain(desk);
      expect(await page.getByTestId('ticket-history').textContent()).not.toContain('complaints-desk');
      await expect.poll(async () => (await stored(ticket.number)).assigneeId, WITHIN).toBe('1002');
      expect((await stored(ticket.number)).status).toBe('open');

      await page.getByTestId('to-resolved').click();
      await page.getByTestId('confirmation').waitFor(WITHIN);
      // The resolution asked for a confirmation callback to the customer.
      const tasks = await stack.store.tasks.byAssignee('1002', { limit: 100 });
      expect(tasks.items.some((t) => t.kind === 'callback' && t.ticketNumber === ticket.number)).toBe(true);

      await page.getByTestId('confirm-not-fixed').click();
      await expect.poll(async () => (await stored(ticket.number)).status, WITHIN).toBe('open');
      await expect.poll(() => page.getByTestId('ticket-history').textContent(), WITHIN).toContain(reopened);

      await page.getByTestId('to-resolved').click();
      await page.getByTestId('confirm-fixed').click();
      await expect.poll(async () => (await stored(ticket.number)).status, WITHIN).toBe('closed');
      await expect.poll(() => page.getByTestId('hand-over').count(), WITHIN).toBe(0);
      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
    90_000,
  );
});
