// A rescue dispatched from the ticket page in Chromium: the dispatcher finds the nearest tow trucks to
// where the member is, sends the first (provider and member texted), marks the arrival and records the
// repair until it is done, which resolves the ticket. In English and in Chinese.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../../functions/domain/model.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { login } from '../../local/support.js';
import { browserAvailable, ensureWebBuild, launch, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };

describe.runIf(browserAvailable())('a rescue dispatched in Chromium', () => {
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

  const fileRescue = async (location: string): Promise<Ticket> => {
    const token = await login(stack.url, '1003', 'demo-1003');
    const res = await fetch(`${stack.url}/api/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'rescue',
        priority: 'urgent',
        subject: `Breakdown ${location}`,
        customerId: 'cus-0001',
        fields: { location },
      }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as Ticket;
  };
  const stored = async (number: string) => (await stack.store.tickets.get(number)) as Ticket;

  it.each([
    { lang: 'en' as const, location: 'Broke down on Century Avenue, Pudong', name: 'Pudong Eastern Towing' },
    { lang: 'zh' as const, location: '我在浦东世纪大道抛锚了', name: '浦东东方拖车救援' },
  ])(
    'in $lang: nearest, dispatch, arrival, repair done',
    async ({ lang, location, name }) => {
      const ticket = await fileRescue(location);
      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript((l) => localStorage.setItem('cc-lang', l), lang);
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await signIn(page, stack.url, '1003', `/tickets/${ticket.number}`);
      await page.getByTestId('dispatch').waitFor(WITHIN);

      await page.getByTestId('find-nearest').click();
      const first = page.getByTestId('candidates').locator('li').first();
      await first.waitFor(WITHIN);
      expect(await first.getAttribute('data-testid')).toBe('candidate-tow-pudong');
      expect(await first.textContent()).toContain(name);
      await first.getByRole('button').click();
      await page.getByTestId('dispatched').waitFor(WITHIN);
      expect((await stored(ticket.number)).fields.provider).toBe('tow-pudong');
      // The tow truck got the job by text (through the twin, as Twilio would deliver it).
      const textsTo = async (to: string) => {
        const res = await fetch(`${stack.url}/sim/messages?to=${encodeURIComponent(to)}`);
        const { messages } = (await res.json()) as { messages: { body: string }[] };
        return messages.filter((m) => m.body.includes(ticket.number)).length;
      };
      await expect.poll(() => textsTo('+8621555501001'), WITHIN).toBe(1);

      await page.getByTestId('arrived').click();
      await expect.poll(async () => (await stored(ticket.number)).fields.arrivedAt, WITHIN).toBeTruthy();

      const form = page.getByTestId('repair-form');
      await form.locator('input[name=progress]').fill(lang === 'zh' ? '维修完成' : 'Starter motor replaced');
      await form.locator('input[name=cost]').fill('850');
      await form.locator('input[name=done]').check();
      await form.locator('button[type=submit]').click();
      await expect.poll(async () => (await stored(ticket.number)).status, WITHIN).toBe('resolved');
      expect((await stored(ticket.number)).fields.repairCost).toBe('850.00');
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    90_000,
  );
});
