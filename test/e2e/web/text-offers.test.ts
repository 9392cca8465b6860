// A customer's text for a person, on the agent's desk in Chromium: routed to the agent and theirs at once
// (nothing rings, no offer to click), listed among their text conversations with the thread; answered there
// and ended, which takes it off the desk, the agent Available throughout.
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

  it('arrives without a ring, is answered in its thread and ended', async () => {
    const phone = '+8613800138201';
    await floor.sim('/sim/messages', { from: phone, to: WARRANTY, body: 'Please have someone text me back' });
    const texts = agent.getByTestId('texts');
    await texts.getByText('Text conversations (1)').waitFor(WITHIN);
    expect(await agent.getByTestId('incoming').count()).toBe(0);
    const conversation = texts.getByTestId('text-conversation');
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
    await texts.waitFor({ state: 'detached', ...WITHIN });
    await agent.getByTestId('agent-state').getByText('Available').waitFor(WITHIN);
  }, 60_000);

  it("names a known customer's conversation by the customer", async () => {
    const phone = '+14155550123'; // John Smith, on file
    await floor.sim('/sim/messages', { from: phone, to: WARRANTY, body: 'I need a person about my claim' });
    const texts = agent.getByTestId('texts');
    await texts.getByTestId('text-item').getByText(`John Smith · ${phone}`).waitFor(WITHIN);
    const conversation = texts.getByTestId('text-conversation');
    await conversation.getByRole('heading').getByText('John Smith').waitFor(WITHIN);
    await conversation.getByRole('button', { name: 'End conversation' }).click();
    await texts.waitFor({ state: 'detached', ...WITHIN });
  }, 60_000);
});
