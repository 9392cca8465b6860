// A customer's text for a person, on the agent's desk in Chromium: offered as a text (its first message
// shown, nothing rings), taken with Accept, answered in the conversation beside the customer's pop and
// ended, which closes the card and leaves the agent Available throughout.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from './browser.js';
import { type Floor, openFloor, WARRANTY, WITHIN } from './floor.js';

describe.runIf(browserAvailable())('a text conversation on the desk', () => {
  let floor: Floor;
  let agent: Page;

  beforeAll(async () => {
    floor = await openFloor();
    agent = await floor.page('1003', { available: true });
  }, 120_000);
  afterAll(() => floor?.close());

  it('is offered as a text, taken, answered and ended', async () => {
    const phone = '+8613800138201';
    await floor.sim('/sim/messages', { from: phone, to: WARRANTY, body: 'Please have someone text me back' });
    const offer = agent.getByTestId('incoming');
    await offer.getByText('New text conversation').waitFor(WITHIN);
    expect(await offer.getByTestId('first-message').textContent()).toBe('Please have someone text me back');
    expect(await offer.getByTestId('caller').textContent()).toContain(phone);
    await agent.getByTestId('accept').click();

    const conversation = agent.getByTestId('text-conversation');
    await conversation.getByText('Please have someone text me back').waitFor(WITHIN);
    await conversation.getByRole('textbox', { name: 'Reply' }).fill('Hello, Li here. How can I help?');
    await conversation.getByRole('button', { name: 'Send' }).click();
    await conversation.getByText('Hello, Li here. How can I help?').waitFor(WITHIN);
    // The text leaves through the SMS job a moment after the thread shows it.
    const sent = async () =>
      (
        await floor.sim<{ messages: { body: string }[] }>(`/sim/messages?to=${encodeURIComponent(phone)}`)
      ).messages.map((m) => m.body);
    await expect.poll(sent, WITHIN).toContain('Hello, Li here. How can I help?');
    await agent.getByTestId('agent-state').getByText('Available').waitFor(WITHIN);

    await conversation.getByRole('button', { name: 'End conversation' }).click();
    await conversation.waitFor({ state: 'detached', ...WITHIN });
    await agent.getByTestId('agent-state').getByText('Available').waitFor(WITHIN);
  }, 60_000);
});
