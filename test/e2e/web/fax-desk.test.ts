// A fax on the agent's desk in Chromium, in Chinese: routed to the agent and theirs at once (nothing rings,
// no offer to click), listed with its sender, pages and intake ticket; "Open PDF" opens the document in a new
// tab, and "Done" takes it off the desk, the agent Available throughout.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, shot } from './browser.js';
import { type Floor, openFloor, WARRANTY, WITHIN } from './floor.js';

describe.runIf(browserAvailable())('a fax on the desk', () => {
  let floor: Floor;
  let agent: Page;

  beforeAll(async () => {
    floor = await openFloor();
    agent = await floor.page('1003', { available: true, lang: 'zh' });
  }, 120_000);
  afterAll(() => floor?.close());

  it('arrives without a ring, opens as a PDF and is done', async () => {
    const sent = await floor.sim<{ response: { faxId: string; ticketNumber: string } }>('/sim/faxes', {
      from: '+862150001234',
      to: WARRANTY,
      pages: 3,
      text: 'Repair estimate',
    });
    const { ticketNumber } = sent.response;
    const faxes = agent.getByTestId('faxes');
    await faxes.getByText('传真 (1)').waitFor(WITHIN);
    expect(await agent.getByTestId('incoming').count()).toBe(0);
    const item = faxes.getByTestId('fax-item');
    await item.getByText('发件号码 +862150001234').waitFor(WITHIN);
    await item.getByText('3 页', { exact: false }).waitFor(WITHIN);
    expect(await item.getByRole('link', { name: `登记工单 ${ticketNumber}` }).getAttribute('href')).toBe(
      `/tickets/${ticketNumber}`,
    );
    await shot(agent, 'fax-01-on-the-desk');

    const [tab] = await Promise.all([
      agent.context().waitForEvent('page'),
      item.getByRole('button', { name: '查看 PDF' }).click(),
    ]);
    await expect.poll(() => tab.url(), WITHIN).toMatch(/faxes\/.+\.pdf/);
    const pdf = await agent.context().request.get(tab.url());
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await tab.close();

    await item.getByRole('button', { name: '已处理' }).click();
    await faxes.waitFor({ state: 'detached', ...WITHIN });
    await agent.getByTestId('agent-state').getByText('空闲').waitFor(WITHIN);
  }, 60_000);
});
