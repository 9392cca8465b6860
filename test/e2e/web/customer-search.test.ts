// The agent's customer search in Chromium, on the demo data: the README's own example (Smith) by any word
// of the name, a prefix, full-width letters from a Chinese keyboard; part of a Chinese name; a phone in
// the ways people write it (full-width digits too); a policy number, a VIN, a plate (typed in lower case) and a ticket number.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };

describe.runIf(browserAvailable())('customer search in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let agent: Page;

  /** Searches as the agent does (type, press Enter) and returns the names listed. */
  const search = async (q: string): Promise<string[]> => {
    await agent.getByRole('textbox', { name: /Name, phone/ }).fill(q);
    // The list of the previous search may still be on screen: wait for this search's own answer, then
    // for the page to have drawn it.
    const answered = agent.waitForResponse(
      (r) => r.url().includes('/api/customers?') && new URL(r.url()).searchParams.get('q') === q,
    );
    await agent.getByRole('button', { name: 'Search', exact: true }).click();
    await answered;
    await agent.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const results = agent.getByTestId('results');
    const none = agent.getByText('No customer found');
    await results.or(none).first().waitFor(WITHIN);
    if (await none.isVisible()) return [];
    return results.getByRole('link').allTextContents();
  };

  beforeAll(async () => {
    await ensureWebBuild();
    stack = await startLocalStack({ port: 0, demoData: true });
    browser = await launch();
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 } });
    agent = await context.newPage();
    await agent.addInitScript(() => localStorage.setItem('cc-lang', 'en'));
    await signIn(agent, stack.url, '1002', '/agent');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('finds John Smith by surname, prefix, full name and full-width letters', async () => {
    for (const q of ['Smith', 'smi', 'john smith', 'Ｓｍｉｔｈ', 'ＳＭＩＴＨ'])
      expect(await search(q), q).toEqual(['John Smith']);
    await shot(agent, 'search-smith');
  });

  it('finds a Chinese customer by part of the name', async () => {
    for (const q of ['王建国', '建国']) expect(await search(q), q).toEqual(['王建国']);
  });

  it('finds by a phone in any format, policy number, VIN, plate and ticket number', async () => {
    // The center's numbers are Chinese (PHONE_REGION CN): a national number is read as one, a foreign one
    // needs its country code (+1, or 00 1 as dialled from China).
    for (const q of ['+14155550123', '+1 (415) 555-0123', '+1.415.555.0123', '001 415 555 0123'])
      expect(await search(q), q).toEqual(['John Smith']);
    for (const q of ['138 0013 8000', '138-0013-8000', '+86 138 0013 8000', '１３８００１３８０００'])
      expect(await search(q), q).toEqual(['王建国']);
    expect(await search('EW-2025-000033')).toEqual(['John Smith']);
    expect(await search('1HGCV1F34LA012345')).toEqual(['John Smith']);
    expect(await search('沪a12345')).toEqual(['王建国']);
    const tickets = await stack.store.tickets.byCustomer('cus-0004');
    const ticket = tickets.items[0];
    if (!ticket) throw new Error('John Smith has no demo ticket');
    expect(await search(ticket.number)).toEqual(['John Smith']);
    expect(await search(ticket.number.toLowerCase())).toEqual(['John Smith']);
  });

  it('says so when nothing matches', async () => {
    expect(await search('Nobody Atall')).toEqual([]);
  });
});
