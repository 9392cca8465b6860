// A complaint line's caller on the desk, in Chromium: John Smith presses 2 and tells the IVR his
// complaint, which files it and queues him for complaints; agent 1002 answers, and the ticket form
// starts on Complaint with the IVR's ticket already filed on this call, not on a claim to file again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from './browser.js';
import { type Floor, JOHN_SMITH, openFloor, WARRANTY, WITHIN } from './floor.js';

describe.runIf(browserAvailable())('a complaint call on the desk, in Chromium', () => {
  let floor: Floor;
  beforeAll(async () => {
    floor = await openFloor();
  }, 120_000);
  afterAll(() => floor?.close());

  it('starts the ticket form on Complaint for a call the complaints queue brought', async () => {
    const agent = await floor.page('1002', { available: true });
    const { callSid } = await floor.sim<{ callSid: string }>('/sim/calls', {
      from: JOHN_SMITH,
      to: WARRANTY,
    });
    await floor.sim(`/sim/calls/${callSid}/input`, { digits: '2' });
    await floor.sim(`/sim/calls/${callSid}/input`, { speech: 'The dealer kept my car for three weeks' });
    await agent.getByTestId('incoming').getByText(JOHN_SMITH).waitFor(WITHIN);
    await agent.getByTestId('accept').click();
    await agent.getByTestId('live-call').waitFor(WITHIN);
    const form = agent.getByTestId('ticket-form');
    await form.waitFor(WITHIN);
    const checked = form.locator('input[type=radio][name=kind]:checked');
    await expect
      .poll(() => checked.evaluate((el) => (el.parentElement?.textContent ?? '').trim()), WITHIN)
      .toBe('Complaint');
    const complaints = (await floor.stack.store.tickets.byCustomer('cus-0004')).items.filter(
      (t) => t.type === 'complaint' && t.callSids.includes(callSid),
    );
    expect(complaints).toHaveLength(1);
    await floor.sim(`/sim/calls/${callSid}/hangup`, {});
  }, 60_000);
});
